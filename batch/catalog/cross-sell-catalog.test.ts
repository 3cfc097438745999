import { describe, expect, it } from "vitest";
import { CandidateListsBuilder } from "../../core/candidates";
import { catalogColumns } from "../build/catalog-columns";
import { type CatalogRankerFit, zeroWeights } from "../build/catalog-tuning";
import { ReasonTable } from "../build/reason-table";
import { BasketsBuilder } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import { CatalogContext } from "./catalog-context";
import { CategoryStats } from "./category-stats";
import { complementMap } from "./complement-map";
import { catalogCrossSell } from "./cross-sell-catalog";
import { ItemSignals } from "./item-signals";
import { scenarioShares } from "./scenario-lists";

const product = (id: string, leaf: string, brand: string, attrs: Record<string, unknown>, extra: Partial<CatalogProduct> = {}): CatalogProduct => ({
  id,
  title: id,
  brand,
  category: ["Shop", leaf],
  price: 10,
  currency: "EUR",
  attrs,
  lifecycle: "active",
  stock: 5,
  ...extra,
});

const CATALOG = [
  product("galaxy", "Phones", "Samsung", { kind: "smartphone", device_model: "samsung-galaxy-s24", connector: "usb-c", max_charge_w: 45 }, { title: "Samsung Galaxy S24 128 GB, Black", price: 900 }),
  product("galaxy-new", "Phones", "Samsung", { kind: "smartphone", device_model: "samsung-galaxy-s26", connector: "usb-c", max_charge_w: 60 }, { title: "Samsung Galaxy S26 256 GB, Blue", price: 1100 }),
  product("lightning-cable", "Cables", "Volt", { kind: "cable", connectors: ["lightning"] }),
  product("charger-25", "Chargers", "Volt", { kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 25 }),
  product("charger-65", "Chargers", "Volt", { kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 65 }),
  product("s26-case", "Cases", "Spigen", { kind: "phone-case", fits_models: ["samsung-galaxy-s26"] }),
  product("s26-case-official", "Cases", "Samsung", { kind: "phone-case", fits_models: ["samsung-galaxy-s26"], official_for_brand: "samsung" }),
  product("s24-case", "Cases", "Spigen", { kind: "phone-case", fits_models: ["samsung-galaxy-s24"] }),
  product("plug", "Smart Plugs", "Volt", { kind: "smart-plug" }),
  product("retired", "Cables", "Volt", { kind: "cable", connectors: ["usb-c"] }, { lifecycle: "eol", stock: 0 }),
];

function fitWith(weights: Partial<CatalogRankerFit["weights"]>): CatalogRankerFit {
  const adopted = Object.values(weights).some((w) => w !== 0);
  return {
    adopted,
    decision: "test",
    weights: { ...zeroWeights(), ...weights },
    policy: { valueWeighting: false, repeatBound: -1, perCategory: 0, essentialAttach: 0 },
    validation: { requests: 0, folds: 0, hr_without: 0, ndcg_without: 0, hr_with: 0, ndcg_with: 0, wins: 0, losses: 0, z: 0, evaluated: 0 },
    milliseconds: 0,
  };
}

function setup(fit: CatalogRankerFit) {
  const builder = new BasketsBuilder();
  for (let o = 0; o < 20; o++) builder.addIds(`o${o}`, ["galaxy", o < 12 ? "s24-case" : "charger-25", o < 6 ? "lightning-cable" : "charger-65"]);
  for (let o = 20; o < 30; o++) builder.addIds(`o${o}`, ["s26-case"]);
  for (const p of CATALOG) builder.intern(p.id);
  const baskets = builder.build();
  const columns = catalogColumns(baskets.itemIds, CATALOG);
  const ctx = new CatalogContext(baskets, CATALOG, columns);
  const index = (id: string) => baskets.itemIndex.get(id)!;
  const mined = new CandidateListsBuilder(baskets.itemIds.length);
  const reasons = new ReasonTable();
  const bought = reasons.intern("association", "Bought with {anchor}");
  const galaxyList = ["s24-case", "lightning-cable", "charger-65", "plug", "retired"];
  const lists = new Map([[index("galaxy"), galaxyList]]);
  for (let a = 0; a < baskets.itemIds.length; a++) {
    const ids = lists.get(a);
    if (ids !== undefined) mined.set(a, ids.map(index), ids.map((_, k) => 0.9 - 0.1 * k), ids.map(() => bought));
  }
  const stats = new CategoryStats(baskets, columns.itemCategory, columns.categories.length, columns.prices);
  const complements = complementMap(baskets, columns.itemCategory, columns.categories);
  const result = catalogCrossSell(ctx, mined.build(), fit, stats, new ItemSignals(ctx), scenarioShares(ctx), complements, reasons, { topN: 40, threshold: 0, corrections: 0 });
  const table = reasons.toArray();
  const list = (id: string) => {
    const l = result.list(index(id));
    return Array.from(l.items, (item, k) => ({ id: baskets.itemIds[item], reason: table[l.reasons[k]] }));
  };
  return { result, list };
}

describe("catalogue cross-sell, the catalogue not adopted", () => {
  it("keeps the mined list, removing only what may not be sold and what is proven not to fit", () => {
    const { list, result } = setup(fitWith({}));
    const galaxy = list("galaxy").map((e) => e.id);
    // The lightning cable cannot fit a USB-C phone; the retired cable may not be sold; the chance smart plug stays.
    expect(galaxy).toEqual(["s24-case", "charger-65", "plug"]);
    expect(result.removedIncompatible).toBe(1);
  });

  it("still explains a fitting accessory by its fit", () => {
    const galaxy = setup(fitWith({})).list("galaxy");
    expect(galaxy[0].reason).toEqual({ code: "compatible", text: "Made for your {anchor}" });
    expect(galaxy[1].reason).toEqual({ code: "compatible", text: "USB-C, 65 W: charges your {anchor} at full speed" });
    expect(galaxy[2].reason.code).toBe("association");
  });

  it("gives a launch without orders no ranked list: only the knowledge graph's fallback", () => {
    const { list } = setup(fitWith({}));
    expect(list("galaxy-new").every((e) => e.reason.code === "category_complement" || e.reason.code === "scenario")).toBe(true);
  });
});

describe("catalogue cross-sell with fitted weights", () => {
  it("adds the accessories that fit a launch without orders, never one proven not to fit", () => {
    const plain = setup(fitWith({ fit: 1 })).list("galaxy-new").map((e) => e.id);
    expect(plain).toEqual(expect.arrayContaining(["s26-case", "s26-case-official", "charger-65", "charger-25"]));
    expect(plain).not.toContain("s24-case");
    expect(plain).not.toContain("lightning-cable");
  });

  it("puts the device maker's own accessory first when its weight says so and fit is equal", () => {
    const cases = (ids: string[]) => ids.filter((id) => id.includes("case"));
    const official = setup(fitWith({ fit: 1, official: 0.1 })).list("galaxy-new");
    expect(cases(official.map((e) => e.id))[0]).toBe("s26-case-official");
    expect(official.find((e) => e.id === "s26-case-official")?.reason.text).toBe("Official Samsung accessory made for your {anchor}");
    const otherMaker = setup(fitWith({ fit: 1, official: 0 })).list("galaxy-new");
    expect(cases(otherMaker.map((e) => e.id))).toHaveLength(2);
  });

  it("ranks by the weighted sum, so a negative weight on the anchor's own category keeps substitutes out", () => {
    const { list } = setup(fitWith({ same_category: -10, fit: 0.1 }));
    const s26case = list("s26-case").map((e) => e.id);
    expect(s26case).not.toContain("s24-case");
    expect(s26case).toContain("galaxy-new");
  });
});
