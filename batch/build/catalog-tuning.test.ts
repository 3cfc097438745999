import { describe, expect, it } from "vitest";
import { Rng } from "../../core/random/rng";
import { BasketsBuilder } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import type { Artifacts } from "./artifacts";
import { crossSellLists } from "../../test/node/cross-sell-lists";
import { buildFromBaskets } from "./build";
import type { CatalogRankerFit } from "./catalog-tuning";
import { CATEGORIES, complementShop } from "../../test/node/complement-shop";

function build(orders: Array<string[]>, catalog?: CatalogProduct[]): Artifacts {
  const builder = new BasketsBuilder();
  orders.forEach((ids, o) => builder.addIds(`o${o}`, ids));
  if (catalog !== undefined) for (const p of catalog) builder.intern(p.id);
  return buildFromBaskets(builder.build(), catalog, { buildId: "t", now: new Date(0) });
}

const fitOf = (artifacts: Artifacts) => artifacts.manifest.parameters.catalog_ranker as CatalogRankerFit;


describe("the catalogue ranker's fitted weights", () => {
  it("are adopted where the categories carry the co-purchase the sparse item pairs cannot show", () => {
    const { orders, catalog } = complementShop(1);
    const fit = fitOf(build(orders, catalog));
    expect(fit.adopted, fit.decision).toBe(true);
    expect(fit.validation.hr_with).toBeGreaterThan(fit.validation.hr_without);
    expect(fit.validation.wins).toBeGreaterThan(fit.validation.losses);
    expect(fit.weights.attach + fit.weights.lift + fit.weights.category_rank).toBeGreaterThan(0);
    // No fit facts, brands, prices, scenarios or launch dates: their weights stay 0.
    for (const feature of ["fit", "official", "other_maker", "same_brand", "price_fit", "scenario", "recency"] as const) expect(fit.weights[feature], feature).toBe(0);
  });

  it("fall to zero where the catalogue carries no signal, and the build is then the one without it", () => {
    const { orders, catalog } = complementShop(2);
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
    const { orders, catalog } = complementShop(1);
    const fit = fitOf(build(orders.slice(0, 200), catalog));
    expect(fit.adopted).toBe(false);
    expect(fit.decision).toMatch(/too few validation requests|no validation split/);
    expect(Object.values(fit.weights).every((w) => w === 0)).toBe(true);
  });
});
