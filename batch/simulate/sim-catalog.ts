/**
 * @module
 * The catalogue as the simulated shoppers see it: devices (a product whose price reaches the device threshold)
 * grouped by leaf category, and every product by id for prices on purchase lines.
 */
import type { CatalogProduct } from "../io/read-catalog";

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
  return { byId, deviceLeaves };
}
