/**
 * @module
 * The catalogue as the simulated shoppers see it: devices (a product whose price reaches the device threshold)
 * grouped by leaf category, and every product by id for prices on purchase lines.
 */
import { type Baskets, basketItems } from "../../batch/io/baskets";
import type { CatalogProduct } from "../../batch/io/read-catalog";

export interface SimProduct {
  id: string;
  leaf: string;
  price: number;
  lifecycle: CatalogProduct["lifecycle"];
}

export interface SimCatalog {
  byId: Map<string, SimProduct>;
  /** Device leaf categories and their sellable devices, cheapest first. */
  deviceLeaves: Array<{ leaf: string; devices: SimProduct[]; medianPrice: number }>;
  /** What the shop's past orders carried with each device (one entry per order line): the shoppers' own taste. */
  companions: Map<string, string[]>;
}

export function simCatalog(products: readonly CatalogProduct[], deviceMinPrice = 150): SimCatalog {
  const byId = new Map<string, SimProduct>();
  const leaves = new Map<string, SimProduct[]>();
  for (const p of products) {
    if (p.price === undefined) continue;
    const product: SimProduct = { id: p.id, leaf: p.category.join(" > "), price: p.price, lifecycle: p.lifecycle };
    byId.set(p.id, product);
    const sellable = p.lifecycle === "active" || p.lifecycle === "clearance";
    if (sellable && p.price >= deviceMinPrice && (p.stock ?? 1) > 0) {
      let list = leaves.get(product.leaf);
      if (list === undefined) leaves.set(product.leaf, (list = []));
      list.push(product);
    }
  }
  const deviceLeaves = [...leaves.entries()]
    .filter(([, devices]) => devices.length >= 2)
    .map(([leaf, devices]) => {
      devices.sort((a, b) => a.price - b.price);
      return { leaf, devices, medianPrice: devices[Math.floor(devices.length / 2)].price };
    })
    .sort((a, b) => a.leaf.localeCompare(b.leaf));
  if (deviceLeaves.length === 0) throw new Error(`the catalogue has no category with two devices priced at least ${deviceMinPrice}`);
  return { byId, deviceLeaves, companions: new Map() };
}

/** Fills `catalog.companions` from past orders: the other lines of every order whose dearest line is a device. */
export function learnCompanions(catalog: SimCatalog, baskets: Baskets, deviceMinPrice = 150): void {
  for (let b = 0; b + 1 < baskets.offsets.length; b++) {
    const items = basketItems(baskets, b);
    if (items.length < 2) continue;
    let anchor: SimProduct | undefined;
    for (const i of items) {
      const product = catalog.byId.get(baskets.itemIds[i]);
      if (product !== undefined && (anchor === undefined || product.price > anchor.price)) anchor = product;
    }
    if (anchor === undefined || anchor.price < deviceMinPrice) continue;
    let list = catalog.companions.get(anchor.id);
    if (list === undefined) catalog.companions.set(anchor.id, (list = []));
    for (const i of items) {
      const id = baskets.itemIds[i];
      if (id !== anchor.id && catalog.byId.has(id)) list.push(id);
    }
  }
}
