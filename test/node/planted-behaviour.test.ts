/**
 * The engine finds what the demo generator planted (planted.json), through the same `recommend()` the worker
 * calls: accessories bought with compatible devices, the gaming laptop's keyboard and mouse bought within two
 * weeks, and cheaper similar items for shoppers who hesitate on an expensive one.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readArtifacts } from "../../batch/build/artifacts";
import type { CatalogProduct } from "../../batch/io/read-catalog";
import { ArtifactStore } from "../../batch/recommend/artifact-store";
import type { RecommendationRequest } from "../../core/request-schema";
import type { RecommendationResponse } from "../../core/recommendation-response";
import { demoFile, demoStore } from "./demo-store";

interface Planted {
  by_model: Array<{ device_model: string; family: string; device_orders: number }>;
  follow_up: { gaming_laptop_peripherals: { target_categories: string[][]; planted_rate: number } };
  hesitation: { alternatives: Array<{ viewed: string; alternatives: string[] }>; rule: { min_dwell_ms: number } };
}

let store: ArtifactStore;
let planted: Planted;
let catalog: CatalogProduct[];
let byId: Map<string, CatalogProduct>;
let ordersOf: Map<string, number>;

const leaf = (p: CatalogProduct) => p.category.join(" > ");
const ask = (request: RecommendationRequest): RecommendationResponse => store.recommend(request, "planted");
const slotIds = (answer: RecommendationResponse, kind: string) => answer.slots.filter((s) => s.kind === kind).flatMap((s) => s.items.map((i) => i.id));
const share = (hits: boolean[]) => hits.filter(Boolean).length / hits.length;

/** The best-selling sellable variant of a device model. */
function bestVariant(model: string): CatalogProduct | undefined {
  return catalog
    .filter((p) => p.attrs.device_model === model && (p.stock ?? 1) > 0 && p.lifecycle !== "eol")
    .sort((a, b) => (ordersOf.get(b.id) ?? 0) - (ordersOf.get(a.id) ?? 0))[0];
}

describe("the engine finds what the demo store planted", () => {
  beforeAll(async () => {
    const artifacts = readArtifacts((await demoStore()).artifacts);
    store = new ArtifactStore(artifacts);
    catalog = artifacts.catalog!;
    byId = new Map(catalog.map((p) => [p.id, p]));
    planted = JSON.parse(readFileSync(await demoFile("planted.json"), "utf8")) as Planted;
    ordersOf = new Map();
    for (const line of readFileSync(await demoFile("orders.jsonl"), "utf8").split("\n")) {
      if (line.length === 0) continue;
      for (const item of (JSON.parse(line) as { items: Array<{ id: string }> }).items) ordersOf.set(item.id, (ordersOf.get(item.id) ?? 0) + 1);
    }
  });

  it("accessory attach: a phone's page shows a case and a screen protector made for that model", () => {
    const phones = planted.by_model.filter((m) => m.family === "phone" && m.device_orders >= 25);
    expect(phones.length).toBeGreaterThan(15);
    const hits = phones.map((model) => {
      const phone = bestVariant(model.device_model);
      if (phone === undefined) return true;
      const shown = slotIds(ask({ placement: "product", product_id: phone.id, k: 10 }), "cross_sell").map((id) => byId.get(id)!);
      const madeFor = (kind: string) => shown.some((p) => p.attrs.kind === kind && (p.attrs.fits_models as string[]).includes(model.device_model));
      return madeFor("phone-case") && madeFor("screen-protector");
    });
    expect(share(hits)).toBeGreaterThanOrEqual(0.95);
  });

  it("follow-up purchase: a gaming laptop's page and checkout offer a gaming keyboard and a gaming mouse", () => {
    const targets = planted.follow_up.gaming_laptop_peripherals.target_categories.map((c) => c.join(" > "));
    expect(planted.follow_up.gaming_laptop_peripherals.planted_rate).toBeGreaterThan(0.3);
    const laptops = catalog.filter((p) => p.attrs.kind === "gaming-laptop" && (p.stock ?? 1) > 0 && p.lifecycle === "active" && (ordersOf.get(p.id) ?? 0) > 0);
    expect(laptops.length).toBeGreaterThan(10);
    for (const placement of ["product", "checkout"] as const) {
      const hits = laptops.map((laptop) => {
        const request: RecommendationRequest = placement === "product" ? { placement, product_id: laptop.id, k: 10 } : { placement, cart: [laptop.id], k: 10 };
        const categories = new Set(slotIds(ask(request), "cross_sell").map((id) => leaf(byId.get(id)!)));
        return targets.every((t) => categories.has(t));
      });
      expect(share(hits), placement).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("hesitation: a long look at an expensive item brings cheaper similar items first, among them what hesitant shoppers bought", () => {
    const dwell = planted.hesitation.rule.min_dwell_ms * 3;
    // "Expensive" as the intent rule defines it: at or above the median price of the item's category.
    const median = (category: string) => {
      const prices = catalog.filter((p) => leaf(p) === category && p.price !== undefined).map((p) => p.price!).sort((a, b) => a - b);
      const mid = prices.length >> 1;
      return prices.length % 2 === 1 ? prices[mid] : (prices[mid - 1] + prices[mid]) / 2;
    };
    const cases = planted.hesitation.alternatives.filter((a) => {
      const viewed = byId.get(a.viewed)!;
      return (viewed.stock ?? 1) > 0 && viewed.price! >= median(leaf(viewed));
    });
    expect(cases.length).toBeGreaterThan(20);
    const found = cases.map(({ viewed, alternatives }) => {
      const anchor = byId.get(viewed)!;
      const answer = ask({ placement: "product", product_id: viewed, viewed: [{ id: viewed, dwell_ms: dwell }] });
      expect(answer.intent).toBe("price_sensitive");
      expect(answer.slots[0]?.kind).toBe("down_sell");
      const offered = slotIds(answer, "down_sell").map((id) => byId.get(id)!);
      for (const p of offered) {
        expect(p.price!).toBeLessThan(anchor.price!);
        expect(leaf(p)).toBe(leaf(anchor));
      }
      // Variants of one model (colours, storage) are one choice: the ladder shows one variant per model.
      const model = (p: CatalogProduct) => (typeof p.attrs.device_model === "string" ? p.attrs.device_model : p.id);
      const wanted = new Set(alternatives.map((id) => model(byId.get(id)!)));
      return offered.some((p) => wanted.has(model(p)));
    });
    // Drawing three cheaper in-band items at random would meet a planted alternative about half the time.
    expect(share(found)).toBeGreaterThanOrEqual(0.7);
  });
});
