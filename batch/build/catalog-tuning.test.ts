import { describe, expect, it } from "vitest";
import { decodeItemBlob } from "../../core/blob/item-blob";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { Rng } from "../../core/random/rng";
import { BasketsBuilder } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import type { Artifacts } from "./artifacts";
import { buildFromBaskets } from "./build";
import type { CatalogRankerFit } from "./catalog-tuning";

const CATEGORIES = 12;
const PER_CATEGORY = 40;

/**
 * A shop of 12 categories of 40 items. Orders take an item of a category and, most of the time, one of the
 * category it goes with (c -> c + 1 for even c), each drawn by a steep popularity inside its category: with 480
 * items and 2,500 orders most item pairs are seen once or never, the category pairs thousands of times.
 */
function shop(seed: number): { orders: Array<string[]>; catalog: CatalogProduct[] } {
  const rng = new Rng(seed, "shop");
  const pick = (c: number) => `i${c}-${Math.min(PER_CATEGORY - 1, Math.floor(PER_CATEGORY * rng.float() ** 2.5))}`;
  const orders: Array<string[]> = [];
  for (let o = 0; o < 2500; o++) {
    const c = 2 * rng.int(CATEGORIES / 2);
    const order = [pick(c)];
    if (rng.float() < 0.8) order.push(pick(c + 1));
    if (rng.float() < 0.3) order.push(pick(rng.int(CATEGORIES)));
    orders.push([...new Set(order)]);
  }
  const catalog: CatalogProduct[] = [];
  for (let c = 0; c < CATEGORIES; c++) {
    for (let i = 0; i < PER_CATEGORY; i++) catalog.push({ id: `i${c}-${i}`, title: `Item ${c}-${i}`, category: ["Shop", `Category ${c}`], currency: "EUR", attrs: {}, lifecycle: "active" });
  }
  return { orders, catalog };
}

function build(orders: Array<string[]>, catalog?: CatalogProduct[]): Artifacts {
  const builder = new BasketsBuilder();
  orders.forEach((ids, o) => builder.addIds(`o${o}`, ids));
  if (catalog !== undefined) for (const p of catalog) builder.intern(p.id);
  return buildFromBaskets(builder.build(), catalog, { buildId: "t", now: new Date(0) });
}

const fitOf = (artifacts: Artifacts) => artifacts.manifest.parameters.catalog_ranker as CatalogRankerFit;

/** Every item's served cross-sell list, by id, from a build. */
function crossSellLists(artifacts: Artifacts): Map<string, string[]> {
  const meta = decodeMetaBlob(artifacts.meta);
  const out = new Map<string, string[]>();
  artifacts.itemBlobs.forEach((blob, i) => {
    const list = blob === undefined ? undefined : decodeItemBlob(blob).cross_sell;
    if (list !== undefined) out.set(meta.items[i], Array.from(list.items, (j) => meta.items[j]));
  });
  return out;
}

describe("the catalogue ranker's fitted weights", () => {
  it("are adopted where the categories carry the co-purchase the sparse item pairs cannot show", () => {
    const { orders, catalog } = shop(1);
    const fit = fitOf(build(orders, catalog));
    expect(fit.adopted, fit.decision).toBe(true);
    expect(fit.validation.hr_with).toBeGreaterThan(fit.validation.hr_without);
    expect(fit.validation.wins).toBeGreaterThan(fit.validation.losses);
    expect(fit.weights.attach + fit.weights.lift + fit.weights.category_rank).toBeGreaterThan(0);
    // No fit facts, brands, prices, scenarios or launch dates: their weights stay 0.
    for (const feature of ["fit", "official", "other_maker", "same_brand", "price_fit", "scenario", "recency"] as const) expect(fit.weights[feature], feature).toBe(0);
  });

  it("fall to zero where the catalogue carries no signal, and the build is then the one without it", () => {
    const { orders, catalog } = shop(2);
    // Categories drawn at random: they say nothing about what is bought together.
    const rng = new Rng(3, "labels");
    const shuffled = catalog.map((p) => ({ ...p, category: ["Shop", `Category ${rng.int(CATEGORIES)}`] }));
    const withCatalog = build(orders, shuffled);
    const fit = fitOf(withCatalog);
    expect(fit.adopted, fit.decision).toBe(false);
    expect(Object.values(fit.weights).every((w) => w === 0)).toBe(true);
    expect(fit.policy).toEqual({ valueWeighting: false, repeatBound: -1, perCategory: 0, essentialAttach: 0 });
    expect(fit.validation.requests).toBeGreaterThan(200);
    const plain = crossSellLists(build(orders));
    const lists = crossSellLists(withCatalog);
    expect(lists.size).toBe(plain.size);
    for (const [id, list] of plain) expect(lists.get(id), id).toEqual(list);
  });

  it("are not adopted when the validation split is too small to tell", () => {
    const { orders, catalog } = shop(1);
    const fit = fitOf(build(orders.slice(0, 200), catalog));
    expect(fit.adopted).toBe(false);
    expect(fit.decision).toMatch(/too few validation requests|no validation split/);
    expect(Object.values(fit.weights).every((w) => w === 0)).toBe(true);
  });
});
