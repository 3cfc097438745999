import { describe, expect, it } from "vitest";
import { catalogColumns } from "../build/catalog-columns";
import { BasketsBuilder } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import { mineBundles } from "./bundles";
import { CatalogContext } from "./catalog-context";
import { complementMap } from "./complement-map";
import { knowledgeGraph } from "./knowledge-graph";
import { scenarioShares } from "./scenario-lists";

const product = (id: string, category: string[], price: number, attrs: Record<string, unknown>, extra: Partial<CatalogProduct> = {}): CatalogProduct => ({
  id,
  title: id,
  brand: "Acme",
  category,
  price,
  currency: "EUR",
  attrs,
  lifecycle: "active",
  stock: 10,
  margin: 0.3,
  ...extra,
});

const CATALOG = [
  product("cam", ["Cameras", "Mirrorless"], 2000, { kind: "mirrorless-camera", device_model: "cam", card_type: "sd", lens_mount: "sony-e", scenarios: ["photography", "travel"] }),
  product("sd-card", ["Cameras", "Memory Cards"], 40, { kind: "memory-card", card_type: "sd", scenarios: ["photography"] }),
  product("micro-card", ["Cameras", "Memory Cards"], 30, { kind: "memory-card", card_type: "microsd", scenarios: ["photography"] }),
  product("bag", ["Cameras", "Bags"], 90, { kind: "camera-bag", scenarios: ["travel"] }),
  product("speaker", ["Audio", "Speakers"], 80, { kind: "speaker", scenarios: [] }),
  product("sold-out-bag", ["Cameras", "Bags"], 50, { kind: "camera-bag", scenarios: ["travel"] }, { stock: 0 }),
];

/** 100 orders: the camera with an SD card and a bag (30), with a microSD card (10: they do not fit it), speakers alone (40), the sold-out bag with the camera (20). */
function shop() {
  const builder = new BasketsBuilder();
  for (const p of CATALOG) builder.intern(p.id);
  let o = 0;
  const add = (ids: string[], times: number) => {
    for (let t = 0; t < times; t++) builder.addIds(String(o++), ids);
  };
  add(["cam", "sd-card", "bag"], 30);
  add(["cam", "micro-card"], 10);
  add(["speaker"], 40);
  add(["cam", "sold-out-bag"], 20);
  const baskets = builder.build();
  const columns = catalogColumns(baskets.itemIds, CATALOG);
  return { baskets, columns, ctx: new CatalogContext(baskets, CATALOG, columns) };
}

describe("bundles", () => {
  it("proposes only sellable, fitting, cross-category sets with lift, lead item first", () => {
    const { ctx } = shop();
    const bundles = mineBundles(ctx, { minSupport: 5 });
    expect(bundles.map((b) => b.ids)).toEqual([["cam", "bag", "sd-card"]]);
    const [kit] = bundles;
    expect(kit.support).toBeCloseTo(0.3, 10);
    // best rule: bag -> sd-card (or back): N n(S) / (n(X) n(y)) = 100 * 30 / (30 * 30)
    expect(kit.lift).toBeCloseTo(100 / 30, 6);
    // ranked by the lift shrunk by its count, which keeps most of it at 30 orders
    expect(kit.shrunkLift).toBeLessThan(kit.lift);
    expect(kit.shrunkLift).toBeGreaterThan(1.5);
    expect(kit.score).toBeCloseTo(0.3 * Math.log(kit.shrunkLift) * 1.3, 6);
    expect(kit.discountPct).toBe(12);
  });

  it("ranks by evidence: a few orders of two rare items with a huge raw lift come after an established pair", () => {
    const catalog = [
      product("phone", ["Phones", "Smartphones"], 700, { kind: "other" }),
      product("case", ["Phones", "Cases"], 30, { kind: "other" }),
      product("run-buds", ["Audio", "Sport Earbuds"], 90, { kind: "other" }),
      product("film", ["Phones", "Films"], 9, { kind: "other" }),
      ...Array.from({ length: 30 }, (_, i) => product(`x${i}`, ["Misc", `Shelf ${i}`], 5 + i, { kind: "other" })),
    ];
    const builder = new BasketsBuilder();
    let o = 0;
    const add = (ids: string[], times: number) => {
      for (let t = 0; t < times; t++) builder.addIds(String(o++), ids);
    };
    add(["phone", "case"], 200);
    add(["phone"], 200);
    add(["case"], 200);
    add(["run-buds", "film"], 8);
    for (let i = 0; i < 3000; i++) builder.addIds(String(o++), [`x${i % 30}`, `x${(i * 7 + 3) % 30}`]);
    for (const p of catalog) builder.intern(p.id);
    const baskets = builder.build();
    const ctx = new CatalogContext(baskets, catalog, catalogColumns(baskets.itemIds, catalog));
    const bundles = mineBundles(ctx, { minSupport: 8 });
    const established = bundles.findIndex((b) => b.ids.includes("case"));
    const coincidence = bundles.findIndex((b) => b.ids.includes("film"));
    expect(established).toBeGreaterThanOrEqual(0);
    expect(coincidence).toBeGreaterThanOrEqual(0);
    const rare = bundles[coincidence];
    expect(rare.lift).toBeGreaterThan(100);
    expect(bundles[established].lift).toBeLessThan(10);
    expect(established).toBeLessThan(coincidence);
  });
});

describe("complement map and knowledge graph", () => {
  it("learns complements with lift, and lets the merchant add, reweigh or remove pairs", () => {
    const { baskets, columns } = shop();
    const path = (p: string) => columns.categories.indexOf(p);
    const learned = complementMap(baskets, columns.itemCategory, columns.categories);
    const camera = learned.get(path("Cameras > Mirrorless"))!;
    // 60 camera orders: 50 with a bag, 40 with a memory card; lift = attach / P(category) = (50 / 60) / (50 / 100)
    expect(camera.map((e) => columns.categories[e.category])).toEqual(["Cameras > Bags", "Cameras > Memory Cards"]);
    expect(camera[0].weight).toBeCloseTo(50 / 60, 6);
    expect(camera[0].lift).toBeCloseTo(50 / 60 / 0.5, 4);
    expect(learned.get(path("Audio > Speakers"))).toBeUndefined();
    const merchant = complementMap(baskets, columns.itemCategory, columns.categories, [
      { anchor: "Mirrorless", complement: "Speakers", weight: 0.9, officialFirst: true },
      { anchor: "Mirrorless", complement: "Bags", weight: 0, officialFirst: false },
    ]);
    expect(merchant.get(path("Cameras > Mirrorless"))!.map((e) => [columns.categories[e.category], e.source, e.officialFirst])).toEqual([
      ["Audio > Speakers", "merchant", true],
      ["Cameras > Memory Cards", "learned", false],
    ]);
  });

  it("links products to specs they provide and require, scenarios and parts", () => {
    const { baskets, columns, ctx } = shop();
    const graph = knowledgeGraph(ctx, complementMap(baskets, columns.itemCategory, columns.categories), scenarioShares(ctx));
    const edges = new Set(graph.edges.map((e) => `${e.src} ${e.rel} ${e.dst}`));
    expect(edges).toContain("product:cam provides spec:card:sd");
    expect(edges).toContain("product:sd-card requires spec:card:sd");
    expect(edges).toContain("product:micro-card is_part part:memory_card");
    expect(edges).toContain("category:Cameras > Mirrorless complements category:Cameras > Memory Cards");
    expect(edges).toContain("category:Cameras > Mirrorless needs part:memory_card");
    expect(edges).toContain("category:Cameras > Mirrorless used_for scenario:travel");
    expect(graph.nodes.find((n) => n.id === "spec:card:sd")).toMatchObject({ kind: "spec", label: "card slot sd" });
  });
});
