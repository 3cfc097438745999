import { describe, expect, it } from "vitest";
import { CandidateListsBuilder } from "../../core/candidates";
import { catalogColumns } from "../build/catalog-columns";
import { ReasonTable } from "../build/reason-table";
import { BasketsBuilder } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import { CatalogContext } from "./catalog-context";
import { complementMap } from "./complement-map";
import { catalogCrossSell } from "./cross-sell-catalog";

const product = (id: string, leaf: string, brand: string, attrs: Record<string, unknown>, title = id): CatalogProduct => ({
  id,
  title,
  brand,
  category: ["Shop", leaf],
  price: 10,
  currency: "EUR",
  attrs,
  lifecycle: "active",
  stock: 5,
});

const CATALOG = [
  product("galaxy", "Phones", "Samsung", { kind: "smartphone", device_model: "samsung-galaxy-s24", connector: "usb-c", max_charge_w: 45 }, "Samsung Galaxy S24 128 GB, Black"),
  product("galaxy-new", "Phones", "Samsung", { kind: "smartphone", device_model: "samsung-galaxy-s26", connector: "usb-c", max_charge_w: 60 }, "Samsung Galaxy S26 256 GB, Blue"),
  product("lightning-cable", "Cables", "Volt", { kind: "cable", connectors: ["lightning"] }),
  product("charger-25", "Chargers", "Volt", { kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 25 }),
  product("charger-65", "Chargers", "Volt", { kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 65 }),
  product("s26-case", "Cases", "Spigen", { kind: "phone-case", fits_models: ["samsung-galaxy-s26"] }),
  product("s26-case-official", "Cases", "Samsung", { kind: "phone-case", fits_models: ["samsung-galaxy-s26"], official_for_brand: "samsung" }),
  product("s24-case", "Cases", "Spigen", { kind: "phone-case", fits_models: ["samsung-galaxy-s24"] }),
];
const at = (id: string) => CATALOG.findIndex((p) => p.id === id);

function setup(merchant = false) {
  const builder = new BasketsBuilder();
  for (const p of CATALOG) builder.intern(p.id);
  for (let o = 0; o < 20; o++) builder.addIds(`o${o}`, ["galaxy", o < 12 ? "s24-case" : "charger-25", o < 6 ? "lightning-cable" : "charger-65"]);
  for (let o = 20; o < 30; o++) builder.addIds(`o${o}`, ["s26-case"]);
  const baskets = builder.build();
  const columns = catalogColumns(baskets.itemIds, CATALOG);
  const ctx = new CatalogContext(baskets, CATALOG, columns);
  const mined = new CandidateListsBuilder(baskets.itemIds.length);
  const reasons = new ReasonTable();
  const bought = reasons.intern("association", "Bought with {anchor}");
  mined.set(at("galaxy"), [at("s24-case"), at("lightning-cable"), at("charger-65")], [0.9, 0.8, 0.5], [bought, bought, bought]);
  const complements = complementMap(baskets, columns.itemCategory, columns.categories, merchant ? [{ anchor: "Phones", complement: "Cases", weight: 0.6, officialFirst: true }] : []);
  const result = catalogCrossSell(ctx, mined.build(), complements, reasons);
  const table = reasons.toArray();
  const list = (id: string) => {
    const l = result.list(at(id));
    return Array.from(l.items, (item, k) => ({ id: CATALOG[item].id, reason: table[l.reasons[k]] }));
  };
  return { result, list };
}

describe("catalogue cross-sell", () => {
  it("drops what does not fit, explains what does, and adds fitting accessories the orders missed", () => {
    const { list, result } = setup();
    const galaxy = list("galaxy");
    expect(galaxy.map((e) => e.id)).not.toContain("lightning-cable");
    expect(galaxy.slice(0, 2).map((e) => e.id)).toEqual(["s24-case", "charger-65"]);
    expect(galaxy[0].reason).toEqual({ code: "compatible", text: "Made for your {anchor}" });
    expect(galaxy[1].reason).toEqual({ code: "compatible", text: "USB-C, 65 W: charges your {anchor} at full speed" });
    expect(galaxy.find((e) => e.id === "charger-25")?.reason.text).toBe("USB-C, 25 W: charges your {anchor}");
    expect(result.removedIncompatible).toBeGreaterThan(0);
  });

  it("gives a launch with no orders its fitting accessories, official first where the merchant asks", () => {
    const plain = setup().list("galaxy-new").map((e) => e.id);
    expect(plain).toEqual(expect.arrayContaining(["s26-case", "s26-case-official", "charger-65", "charger-25"]));
    expect(plain).not.toContain("s24-case");
    expect(plain).not.toContain("lightning-cable");
    const cases = (ids: string[]) => ids.filter((id) => id.includes("case"));
    expect(cases(plain)[0]).toBe("s26-case");
    const merchant = setup(true).list("galaxy-new");
    expect(cases(merchant.map((e) => e.id))[0]).toBe("s26-case-official");
    expect(merchant.find((e) => e.id === "s26-case-official")?.reason.text).toBe("Official Samsung accessory made for your {anchor}");
  });

  it("explains an accessory's list with the device it is made for", () => {
    const { list } = setup();
    const forCase = list("s26-case");
    expect(forCase.map((e) => e.id)).not.toContain("s24-case");
    expect(forCase.map((e) => e.id)).not.toContain("lightning-cable");
    expect(forCase.find((e) => e.id === "charger-65")?.reason.text).toBe("USB-C, 65 W: charges your phone at full speed");
  });
});

describe("catalogue cross-sell keeps mined candidates that complement or fit", () => {
  it("drops chance co-purchases and substitutes, keeps complement categories and fitting accessories", () => {
    const catalog = [
      ...CATALOG,
      product("buds", "Earbuds", "Volt", { kind: "earbuds", wireless: true }),
      product("plug", "Smart Plugs", "Volt", { kind: "smart-plug" }),
      product("filler", "Books", "Volt", { kind: "book" }),
    ];
    const index = (id: string) => catalog.findIndex((p) => p.id === id);
    const builder = new BasketsBuilder();
    for (const p of catalog) builder.intern(p.id);
    for (let o = 0; o < 20; o++) builder.addIds(`o${o}`, ["galaxy", o < 12 ? "buds" : "charger-65"]);
    builder.addIds("chance", ["galaxy", "plug"]);
    for (let o = 0; o < 40; o++) builder.addIds(`f${o}`, ["filler", ...(o < 10 ? ["plug"] : [])]);
    const baskets = builder.build();
    const columns = catalogColumns(baskets.itemIds, catalog);
    const ctx = new CatalogContext(baskets, catalog, columns);
    const reasons = new ReasonTable();
    const bought = reasons.intern("association", "Bought with {anchor}");
    const mined = new CandidateListsBuilder(baskets.itemIds.length);
    const ids = ["plug", "galaxy-new", "buds", "charger-65"];
    mined.set(index("galaxy"), ids.map(index), [0.9, 0.8, 0.7, 0.6], ids.map(() => bought));
    const complements = complementMap(baskets, columns.itemCategory, columns.categories);
    const result = catalogCrossSell(ctx, mined.build(), complements, reasons);
    const list = Array.from(result.list(index("galaxy")).items, (i) => catalog[i].id);
    expect(list).not.toContain("plug");
    expect(list).not.toContain("galaxy-new");
    expect(list.slice(0, 2)).toEqual(["buds", "charger-65"]);
    expect(result.removedOffCategory).toBe(2);
  });
});
