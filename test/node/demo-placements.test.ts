import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readArtifacts } from "../../batch/build/artifacts";
import { fitFactsOf } from "../../core/catalog/fit-facts/extract-fit-facts";
import { ArtifactStore } from "../../batch/recommend/artifact-store";
import type { RecommendationRequest } from "../../core/request-schema";
import type { RecommendationResponse } from "../../core/recommendation-response";
import { demoFile, demoStore } from "./demo-store";

interface Product {
  id: string;
  title: string;
  category: string[];
  price: number;
  brand: string;
  lifecycle: string;
  stock: number;
  attrs: Record<string, unknown>;
}

let store: ArtifactStore;
let catalog: Map<string, Product>;

const ask = (request: RecommendationRequest): RecommendationResponse => store.recommend(request, "t");
const leaf = (id: string) => catalog.get(id)!.category.at(-1)!;
const of = (answer: RecommendationResponse, kind: string) => answer.slots.find((s) => s.kind === kind)?.items.map((i) => i.id) ?? [];
const inLeaf = (name: string) => [...catalog.values()].filter((p) => p.category.at(-1) === name && p.stock > 0 && p.lifecycle !== "eol");

describe("every placement on the demo store (the run's shared one), through the offline replay", () => {
  beforeAll(async () => {
    store = new ArtifactStore(readArtifacts((await demoStore()).artifacts));
    const lines = readFileSync(await demoFile("catalog.jsonl"), "utf8").trim().split("\n");
    catalog = new Map(lines.map((l) => JSON.parse(l) as Product).map((p) => [p.id, p]));
  });

  it("checkout for a phone: several categories within the fitted limit per category, nothing of the cart's category, cases and protectors made for that phone", () => {
    const phones = inLeaf("Smartphones").filter((p) => p.lifecycle === "active").slice(0, 12);
    // How many items of one category the cart's slot shows is the build's fitted policy (one per category is kept
    // only where the validation cannot tell it costs hits: catalog-tuning.ts); absent, one.
    const cap = store.build.meta.crossSellPolicy?.cartPerCategory ?? 1;
    for (const phone of phones) {
      const answer = ask({ placement: "checkout", cart: [phone.id] });
      expect(answer.degraded).toBeUndefined();
      expect(answer.slots[0].kind).toBe("cross_sell");
      const items = of(answer, "cross_sell");
      expect(items.length).toBeGreaterThan(3);
      const leaves = items.map(leaf);
      expect(new Set(leaves).size).toBeGreaterThanOrEqual(3);
      if (cap > 0) for (const l of new Set(leaves)) expect(leaves.filter((x) => x === l).length).toBeLessThanOrEqual(cap);
      expect(leaves).not.toContain("Smartphones");
      for (const id of items) {
        const fits = catalog.get(id)!.attrs.fits_models as string[] | undefined;
        if (fits !== undefined) expect(fits, `${id} for ${phone.id}`).toContain(phone.attrs.device_model);
      }
    }
  });

  it("product: a direct visit leads with accessories, a long dwell without carting leads with cheaper items of the same category", () => {
    // The priciest ultrabook that has a cheaper one close enough in specs: a value pick stays within the spec band
    // (docs/catalog-intelligence.md, Ladders), so one without such an alternative is offered none at all.
    const ultrabooks = inLeaf("Ultrabooks").sort((a, b) => b.price - a.price);
    const hasValuePick = (id: string) => of(ask({ placement: "product", product_id: id, viewed: [{ id, dwell_ms: 95_000 }] }), "down_sell").length > 0;
    const laptop = ultrabooks.slice(0, 5).find((p) => hasValuePick(p.id))!;
    expect(laptop).toBeDefined();
    for (const skipped of ultrabooks.slice(0, ultrabooks.indexOf(laptop))) {
      const answer = ask({ placement: "product", product_id: skipped.id, viewed: [{ id: skipped.id, dwell_ms: 95_000 }] });
      expect(answer.slots.map((s) => s.kind)).not.toContain("down_sell");
    }
    const direct = ask({ placement: "product", product_id: laptop.id });
    expect(direct.intent).toBe("decisive");
    // Accessories first; then similar items and the value pick, as far as the catalogue has them, never the same
    // item twice.
    const kinds = direct.slots.map((s) => s.kind);
    expect(kinds[0]).toBe("cross_sell");
    expect(kinds).toContain("down_sell");
    expect(kinds.every((k) => ["cross_sell", "similar", "down_sell"].includes(k))).toBe(true);
    const shown = direct.slots.flatMap((s) => s.items.map((i) => i.id));
    expect(new Set(shown).size).toBe(shown.length);
    const hesitating = ask({ placement: "product", product_id: laptop.id, viewed: [{ id: laptop.id, dwell_ms: 95_000 }] });
    expect(hesitating.intent).toBe("price_sensitive");
    expect(hesitating.slots[0].kind).toBe("down_sell");
    for (const id of of(hesitating, "down_sell")) {
      expect(leaf(id)).toBe("Ultrabooks");
      expect(catalog.get(id)!.price).toBeLessThan(laptop.price);
    }
  });

  it("listing: the setup around the browsed category never repeats it nor holds a device; its best sellers do", () => {
    const answer = ask({ placement: "listing", category: "Mirrorless Cameras" });
    expect(answer.degraded).toBeUndefined();
    expect(answer.slots.map((s) => s.kind)).toEqual(["scenario", "popular"]);
    expect(of(answer, "scenario").map(leaf)).not.toContain("Mirrorless Cameras");
    for (const id of of(answer, "scenario")) expect(fitFactsOf(catalog.get(id)!).role, id).not.toBe("device");
    expect(new Set(of(answer, "popular").map(leaf))).toEqual(new Set(["Mirrorless Cameras"]));
    // gaming monitors are bought with other monitors, not with accessories: no setup, their best sellers
    const monitors = ask({ placement: "listing", category: "Gaming Monitors" });
    expect(new Set(of(monitors, "popular").map(leaf))).toEqual(new Set(["Gaming Monitors"]));
    for (const id of of(monitors, "scenario")) expect(fitFactsOf(catalog.get(id)!).role, id).not.toBe("device");
    const searched = ask({ placement: "listing", query: "gaming monitor" });
    expect(of(searched, "popular")).toEqual(of(monitors, "popular"));
  });

  it("home: accessories and upgrades for what the user owns, deals on what they browsed, never an owned item", () => {
    const phone = inLeaf("Smartphones").filter((p) => p.lifecycle === "active").sort((a, b) => a.price - b.price)[5];
    const headphones = inLeaf("Headphones").sort((a, b) => b.price - a.price)[0];
    const answer = ask({ placement: "home", owned: [phone.id], viewed: [{ id: headphones.id, dwell_ms: 6_000 }] });
    expect(answer.slots.map((s) => s.kind)).toEqual(["cross_sell", "upgrade", "down_sell"]);
    for (const id of of(answer, "upgrade")) expect(catalog.get(id)!.price).toBeGreaterThan(phone.price);
    for (const id of of(answer, "down_sell")) expect(catalog.get(id)!.price).toBeLessThan(headphones.price);
    expect(answer.slots.flatMap((s) => s.items.map((i) => i.id))).not.toContain(phone.id);
  });
});
