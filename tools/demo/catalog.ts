/**
 * @module
 * Builds the whole catalog from a seed: devices, model-specific and compatible accessories, the rest of the
 * range, a long tail of extra designs up to the requested size, then lifecycle (new launches, clearance,
 * end-of-life), stock, launch dates and tiers. Depends only on the seed and the product count.
 */
import { addAccessories } from "./accessories";
import { DAY_MS, WINDOW_DAYS, WINDOW_END_MS, WINDOW_START_MS, isoDate } from "./calendar";
import { LEAVES, type LeafKey } from "./category-tree";
import { addDevices, FAMILY_OF_LEAF, type DeviceModel } from "./devices";
import { addModelSpecific, extraModelSpecific, MODEL_SPECIFIC_LEAVES } from "./model-specific";
import { CatalogBuilder, marginOf, shopPrice, type Product, type ProductSpec } from "./product";
import { Rng } from "../../core/random/rng";
import { addRange } from "./other-products";
import type { Tier } from "./vocabulary";
import { WeightedTable } from "./weighted-table";

export const MIN_PRODUCTS = 2000;
export const DEFAULT_PRODUCTS = 2500;

export interface Catalog {
  products: Product[];
  models: DeviceModel[];
  modelBySlug: Map<string, DeviceModel>;
  byId: Map<string, Product>;
}

export function buildCatalog(seed: number, size = DEFAULT_PRODUCTS): Catalog {
  const rng = new Rng(seed, "catalog");
  const builder = new CatalogBuilder(rng);
  const models = addDevices(builder, rng);
  addModelSpecific(builder, rng, models);
  addAccessories(builder, rng);
  addRange(builder, rng);
  if (builder.products.length > size) throw new Error(`the core range has ${builder.products.length} products; ask for at least that many`);
  addLongTail(builder, new Rng(seed, "long-tail"), models, size);
  const products = builder.products;
  assignLifecycle(products, new Rng(seed, "lifecycle"));
  assignTiers(products);
  return { products, models, modelBySlug: new Map(models.map((m) => [m.slug, m])), byId: new Map(products.map((p) => [p.id, p])) };
}

function addLongTail(builder: CatalogBuilder, rng: Rng, models: readonly DeviceModel[], size: number): void {
  const holders = models.filter((m) => m.family === "phone" || m.family === "tablet");
  const byDemand = new WeightedTable(holders, holders.map((m) => (m.family === "phone" ? 3 : 1) * m.products.reduce((a, p) => a + p.popularity, 0) + 0.05));
  const bandColors = ["Sunset Orange", "Seafoam", "Charcoal", "Lilac", "Mustard", "Teal", "Rose", "Sand", "Forest", "Storm Grey", "Cherry", "Ice Blue", "Mint", "Plum", "Slate", "Cream"];
  const bandMakers: readonly (readonly [string, string, string, number])[] = [
    ["20mm", "Barton", "Quick Release Silicone Strap 20mm", 19.99], ["22mm", "Barton", "Quick Release Silicone Strap 22mm", 19.99],
    ["apple-watch-s", "ESR", "Magnetic Silicone Band for Apple Watch 38/40/41/42mm", 14.99], ["apple-watch-l", "Spigen", "Lite Fit Band for Apple Watch 44/45/46/49mm", 17.99],
    ["20mm", "Hirsch", "Liberty Leather Strap 20mm", 69], ["22mm", "Hirsch", "Liberty Leather Strap 22mm", 69],
  ];
  const cableLines: readonly (readonly [string, string, string, "usb-c" | "usb-a", number])[] = [
    ["UGREEN", "USB-C to USB-C Cable 100W", "usb-c", "usb-c", 100], ["Anker", "PowerLine III Flow USB-C to USB-C", "usb-c", "usb-c", 100],
    ["Belkin", "BoostCharge Braided USB-C to Lightning", "lightning", "usb-c", 20], ["Amazon Basics", "USB-A to USB-C Cable", "usb-c", "usb-a", 15],
  ];
  /** Per base title, the suffix number to try next: "No. 2" .. up to it are taken (titles are only ever added). */
  const nextNumber = new Map<string, number>();
  while (builder.products.length < size) {
    const choice = rng.weighted([0.7, 0.15, 0.15]);
    let spec: ProductSpec;
    if (choice === 0) {
      spec = extraModelSpecific(byDemand.pick(rng), rng);
    } else if (choice === 1) {
      const [fit, brand, line, price] = rng.pick(bandMakers);
      const color = rng.pick(bandColors);
      spec = { leaf: "watch-bands", brand, title: `${brand} ${line}, ${color}`, price, attrs: { band_fit: fit, color }, popularity: 0.3 };
    } else {
      const [brand, line, end, host, maxW] = rng.pick(cableLines);
      const length = rng.pick([0.3, 0.5, 1, 1.5, 2, 3]);
      const color = rng.pick(["Black", "White", "Space Grey", "Blue", "Pink"]);
      spec = { leaf: "cables", brand, title: `${brand} ${line} (${length} m), ${color}`, price: shopPrice(8 + length * 5 + (end === "lightning" ? 6 : 0)), attrs: { connectors: [end], host_connector: host, length_m: length, max_w: maxW, color }, popularity: 0.25 };
    }
    let title = spec.title;
    if (builder.hasTitle(title)) {
      let n = nextNumber.get(spec.title) ?? 2;
      while (builder.hasTitle((title = `${spec.title} No. ${n}`))) n++;
      nextNumber.set(spec.title, n + 1);
    }
    builder.add({ ...spec, title });
  }
}

const LAST_SALE_WINDOW = [40, 150] as const;

function assignLifecycle(products: Product[], rng: Rng): void {
  const modelSpecific = new Set<LeafKey>(MODEL_SPECIFIC_LEAVES);
  for (const p of products) {
    const device = FAMILY_OF_LEAF[p.leaf] !== undefined;
    if (p.lifecycle === "active") {
      const r = rng.float();
      if (r < 0.03) p.lifecycle = "clearance";
      else if (r < 0.045 && !device && !modelSpecific.has(p.leaf)) p.lifecycle = "eol";
      else if (r < 0.055 && !device && !modelSpecific.has(p.leaf)) p.lifecycle = "new";
    }
    if (p.lifecycle === "new") {
      if (p.launchedAt === "" || p.launchedAt < isoDate(WINDOW_END_MS - 21 * DAY_MS)) p.launchedAt = isoDate(WINDOW_END_MS - rng.int(21) * DAY_MS);
      p.sellUntilDay = -1;
      p.stock = rng.between(15, 120);
      continue;
    }
    if (p.launchedAt === "") p.launchedAt = isoDate(Date.UTC(2023, 0, 1) + rng.int(Math.floor((WINDOW_START_MS - 20 * DAY_MS - Date.UTC(2023, 0, 1)) / DAY_MS)) * DAY_MS);
    if (p.lifecycle === "eol") {
      p.sellUntilDay = rng.between(LAST_SALE_WINDOW[0], LAST_SALE_WINDOW[1]);
      p.stock = 0;
      p.popularity *= 0.8;
      continue;
    }
    p.sellUntilDay = WINDOW_DAYS;
    if (p.lifecycle === "clearance") {
      p.listPrice = p.price;
      p.price = Math.max(shopPrice(p.price * rng.uniform(0.7, 0.85)), Math.ceil(p.cost * 1.02));
      if (p.price >= p.listPrice) p.price = p.listPrice;
      p.margin = marginOf(p.price, p.cost);
      p.stock = rng.between(1, 25);
      p.popularity *= 1.3;
      continue;
    }
    p.stock = rng.chance(0.03) ? 0 : device ? rng.between(2, 60) : Math.round(rng.logNormal(80, 0.8)) + 5;
  }
}

function assignTiers(products: Product[]): void {
  const byLeaf = new Map<LeafKey, Product[]>();
  for (const p of products) {
    const items = byLeaf.get(p.leaf);
    if (items === undefined) byLeaf.set(p.leaf, [p]);
    else items.push(p);
  }
  for (const [leafKey, items] of byLeaf) {
    const leaf = LEAVES[leafKey];
    const prices = items.map((p) => p.listPrice ?? p.price).sort((a, b) => a - b);
    const at = (q: number) => prices[Math.min(prices.length - 1, Math.floor(q * prices.length))] as number;
    const [flagshipFrom, budgetBelow] = "tiers" in leaf ? leaf.tiers : [at(0.7), at(0.35)];
    for (const p of items) {
      const price = p.listPrice ?? p.price;
      const tier: Tier = price >= flagshipFrom ? "flagship" : price < budgetBelow ? "budget" : "mid";
      p.attrs.tier = tier;
    }
  }
}
