/**
 * Acceptance on the demo store: the same `recommend()` the worker calls, over an in-process build, judged with
 * the demo generator's own fit rules (`tools/demo/compatibility.ts`), not the engine's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Artifacts, readArtifacts } from "../../batch/build/artifacts";
import { LADDER_DEFAULTS } from "../../batch/catalog/down-sell";
import { specDistance, specsOf } from "../../batch/catalog/spec-distance";
import { LEAVES, type LeafKey } from "../../tools/demo/category-tree";
import { SLOTS, SLOT_NAMES } from "../../tools/demo/compatibility";
import type { Product } from "../../tools/demo/product";
import type { CatalogProduct } from "../../batch/io/read-catalog";
import { ArtifactStore } from "../../batch/recommend/artifact-store";
import { decodeItemBlob, type ItemLists } from "../../core/blob/item-blob";
import type { RecommendationRequest } from "../../core/request-schema";
import { demoStore } from "./demo-store";

let artifacts: Artifacts;
let store: ArtifactStore;
let catalog: CatalogProduct[];
let byId: Map<string, CatalogProduct>;

const leafByPath = new Map(Object.entries(LEAVES).map(([key, leaf]) => [leaf.path.join(" > "), key as LeafKey]));
const slotByLeaf = new Map(SLOT_NAMES.map((slot) => [SLOTS[slot].leaf, slot]));
const asDemo = (p: CatalogProduct) => ({ attrs: p.attrs, brand: p.brand }) as unknown as Product;

/** The demo generator's verdict: undefined when no slot rule covers the item. */
function demoFits(device: CatalogProduct, item: CatalogProduct): boolean | undefined {
  const leaf = leafByPath.get(item.category.join(" > "));
  const slot = leaf === undefined ? undefined : slotByLeaf.get(leaf);
  return slot === undefined ? undefined : SLOTS[slot].fits(asDemo(device), asDemo(item));
}

function listsOf(id: string): ItemLists {
  const blob = artifacts.itemBlobs[store.build.index.get(id)!];
  return blob === undefined ? {} : decodeItemBlob(blob);
}

const isDevice = (p: CatalogProduct) => typeof p.attrs.device_model === "string";

describe("catalogue intelligence on the demo store, through recommend()", () => {
  beforeAll(async () => {
    artifacts = readArtifacts((await demoStore()).artifacts);
    store = new ArtifactStore(artifacts);
    catalog = artifacts.catalog!;
    byId = new Map(catalog.map((p) => [p.id, p]));
  });

  it("shows no accessory that does not fit, in the top 10 of every device, on its page and with it in the cart", () => {
    const devices = catalog.filter((p) => isDevice(p) && p.lifecycle !== "eol");
    expect(devices.length).toBeGreaterThan(500);
    let checked = 0;
    const misfits: string[] = [];
    for (const device of devices) {
      const requests: RecommendationRequest[] = [
        { placement: "product", product_id: device.id, k: 10 },
        { placement: "checkout", cart: [device.id], k: 10 },
      ];
      for (const request of requests) {
        const answer = store.recommend(request, "t");
        for (const slot of answer.slots) {
          for (const item of slot.items) {
            const verdict = demoFits(device, byId.get(item.id)!);
            if (verdict === undefined) continue;
            checked++;
            if (!verdict) misfits.push(`${request.placement} ${device.id} (${device.title}) -> ${item.id} (${byId.get(item.id)!.title})`);
          }
        }
      }
    }
    expect(misfits).toEqual([]);
    expect(checked).toBeGreaterThan(3 * devices.length);
  });

  it("explains fitting accessories with the fit, and charges at full speed where it says so", () => {
    const phone = catalog.find((p) => p.attrs.kind === "smartphone" && p.attrs.connector === "usb-c" && p.lifecycle === "active")!;
    const answer = store.recommend({ placement: "product", product_id: phone.id, k: 10 }, "t");
    const accessories = answer.slots.find((s) => s.kind === "cross_sell")!.items;
    const compatible = accessories.filter((i) => i.reason_code === "compatible");
    expect(compatible.length).toBeGreaterThan(2);
    for (const item of compatible) expect(item.reason).not.toContain("{anchor}");
    const chargers = accessories.filter((i) => byId.get(i.id)!.attrs.kind === "charger" && i.reason.includes("full speed"));
    for (const charger of chargers) expect(byId.get(charger.id)!.attrs.output_w as number).toBeGreaterThanOrEqual(phone.attrs.max_charge_w as number);
  });

  it("gives every new launch a cross-sell list, and a down-sell list wherever something cheaper fits the same, though none has orders", () => {
    const launches = catalog.filter((p) => p.lifecycle === "new");
    expect(launches.length).toBeGreaterThan(10);
    let withLadder = 0;
    for (const launch of launches) {
      expect(listsOf(launch.id).cross_sell?.items.length ?? 0, launch.id).toBeGreaterThan(0);
      // Judged independently: a sellable item of the same category, in the price band, that the demo's own rules
      // say fits what the launch fits. Only the cheapest of their class may go without.
      const alternative = catalog.some(
        (p) =>
          p.id !== launch.id &&
          p.category.join(">") === launch.category.join(">") &&
          p.lifecycle !== "eol" &&
          (p.stock ?? 1) > 0 &&
          p.price! >= LADDER_DEFAULTS.minPriceRatio * launch.price! &&
          p.price! <= LADDER_DEFAULTS.maxPriceRatio * launch.price! &&
          demoFitsSame(launch, p) &&
          demoFitsSame(p, launch),
      );
      const ladder = listsOf(launch.id).down_sell?.items.length ?? 0;
      if (alternative || isDevice(launch)) expect(ladder, launch.id).toBeGreaterThan(0);
      if (ladder > 0) withLadder++;
    }
    expect(withLadder / launches.length).toBeGreaterThan(0.6);
    for (const device of launches.filter(isDevice)) {
      const answer = store.recommend({ placement: "product", product_id: device.id, k: 10 }, "t");
      const accessories = answer.slots.find((s) => s.kind === "cross_sell")?.items ?? [];
      expect(accessories.filter((i) => demoFits(device, byId.get(i.id)!) === true).length, device.id).toBeGreaterThan(0);
    }
  });

  it("down-sells only cheaper items of the anchor's category, in the price band and within the spec distance", () => {
    let entries = 0;
    for (const anchor of catalog) {
      const ladder = listsOf(anchor.id).down_sell;
      if (ladder === undefined) continue;
      const distances: number[] = [];
      for (const item of ladder.items) {
        const candidate = byId.get(store.build.meta.items[item])!;
        entries++;
        expect(candidate.price!).toBeLessThan(anchor.price!);
        const ratio = candidate.price! / anchor.price!;
        expect(ratio).toBeGreaterThanOrEqual(LADDER_DEFAULTS.minPriceRatio);
        expect(ratio).toBeLessThanOrEqual(LADDER_DEFAULTS.maxPriceRatio);
        expect(candidate.category).toEqual(anchor.category);
        expect(candidate.lifecycle).not.toBe("eol");
        expect(candidate.stock ?? 1).toBeGreaterThan(0);
        distances.push(specDistance(specsOf(anchor), specsOf(candidate)));
        if (!isDevice(anchor)) expect(demoFitsSame(anchor, candidate), `${anchor.id} -> ${candidate.id}`).toBe(true);
      }
      // A strict ladder (D <= 0.3) or, only when no candidate is that close, a relaxed one (0.3 < D <= 0.5).
      const strict = distances.every((d) => d <= LADDER_DEFAULTS.maxDistance);
      const relaxed = distances.every((d) => d > LADDER_DEFAULTS.maxDistance && d <= LADDER_DEFAULTS.relaxedMaxDistance);
      expect(strict || relaxed, `${anchor.id}: ${distances.join(", ")}`).toBe(true);
    }
    expect(entries).toBeGreaterThan(1000);
  });

  it("serves a bundle whose items fit each other, and scenario items on a listing", () => {
    const bundles = store.build.meta.bundles ?? [];
    expect(bundles.length).toBeGreaterThan(0);
    for (const bundle of bundles) {
      const items = Array.from(bundle.items, (i) => byId.get(store.build.meta.items[i])!);
      for (const accessory of items) {
        const verdicts = items.filter((d) => d !== accessory && isDevice(d)).map((d) => demoFits(d, accessory));
        if (verdicts.some((v) => v !== undefined)) expect(verdicts.some((v) => v === true), bundle.title).toBe(true);
      }
    }
    const lead = store.build.meta.items[bundles[0].items[0]];
    const checkout = store.recommend({ placement: "checkout", cart: [lead], k: 10 }, "t");
    expect(checkout.slots.some((s) => s.kind === "bundle")).toBe(true);
    const listing = store.recommend({ placement: "listing", category: "Camera Drones", k: 6 }, "t");
    const scenario = listing.slots.find((s) => s.kind === "scenario");
    expect(scenario?.items.length ?? 0).toBeGreaterThan(0);
    for (const item of scenario!.items) expect(byId.get(item.id)!.category.join(" > ")).not.toBe("Drones > Camera Drones");
  });
});

/** Two accessories fit the same devices: every device the first fits, the second fits too (demo rules). */
function demoFitsSame(a: CatalogProduct, b: CatalogProduct): boolean {
  for (const device of catalog) {
    if (!isDevice(device)) continue;
    const first = demoFits(device, a);
    if (first === true && demoFits(device, b) === false) return false;
  }
  return true;
}
