import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SHOP_LISTS, shopMeta } from "../../test/fixtures/shop-build";
import { itemKey, metaKey, modelKey, shardKey } from "../keys";
import { composeBuild } from "../recommend/compose-build";
import { categoryKeyOf, decodeCategory, decodeShard, servingDataAtHand } from "../recommend/edge-request";
import { loadBuild, type LoadedBuild } from "../recommend/loaded-build";
import { recommend } from "../recommend/recommend";
import { anchorIds, type ServingData } from "../recommend/serving-data";
import type { RecommendationRequest } from "../request-schema";
import type { RecommendationResponse } from "../recommendation-response";
import { PLACEMENTS } from "../types";
import { CorruptBlobError } from "./byte-reader";
import { sealBlob } from "./checksum";
import { decodeAnchorBlob } from "./anchor-blob";
import { decodeDirectoryShard } from "./directory-shard";
import { homeBucket, homedKey } from "./blob-homes";
import { anchorBlobs, edgeBlobs, groupBlobs } from "./edge-format";
import { decodeModelBlob } from "./model-blob";
import { decodeMetaBlob } from "./meta-blob";

const meta = shopMeta("edge");
const full = loadBuild(meta);

/** The shop's edge format with a global blob of one item per category: nearly every item travels with anchors. */
function blobsOf(categorySample: number): Map<string, Uint8Array> {
  return new Map([...edgeBlobs(meta, (item) => SHOP_LISTS[meta.items[item]], { categorySample })].map((b) => [b.key, b.bytes]));
}

/** What the worker does with KV, over a map of blobs (`everyList`: keep the lists the placement cannot read). */
function edgeServing(blobs: ReadonlyMap<string, Uint8Array>, request: RecommendationRequest, everyList = false, buildId = "edge"): ServingData {
  const global = loadBuild(decodeMetaBlob(blobs.get(metaKey(buildId))!));
  const at = (key: string) => blobs.get(homedKey(global.meta.edge?.homes, key));
  const decoded = <T>(key: string, decode: (bytes: Uint8Array) => T) => (at(key) !== undefined ? decode(at(key)!) : undefined);
  return servingDataAtHand(
    global,
    request,
    {
      bytes: (key) => at(key) ?? null,
      category: (c) => decoded(categoryKeyOf(global, c), (bytes) => decodeCategory(global, bytes)),
      shard: (key) => decoded(key, (bytes) => decodeShard(global, bytes)),
    },
    everyList,
  );
}

function fullServing(build: LoadedBuild, request: RecommendationRequest): ServingData {
  const ids = anchorIds(request, build);
  const lists = new Map(Object.entries(SHOP_LISTS).filter(([id]) => ids.includes(id)));
  return { build, lists, degraded: false };
}

const slots = (answer: RecommendationResponse) => answer.slots.map((s) => [s.kind, s.items.map((i) => [i.id, i.reason_code, i.reason, i.price, i.title])]);

function requests(): RecommendationRequest[] {
  const out: RecommendationRequest[] = [];
  for (const id of meta.items) {
    for (const placement of PLACEMENTS) out.push({ placement, product_id: id, cart: [id], viewed: [{ id, dwell_ms: 45_000 }], owned: [id], k: 6 });
    out.push({ placement: "checkout", cart: [id, meta.items[(meta.items.indexOf(id) + 3) % meta.items.length]], k: 8 });
  }
  for (const category of meta.categories) out.push({ placement: "listing", category: category.split(" > ").at(-1)!, k: 6 });
  return out;
}

describe("the edge format", () => {
  it("answers every placement as the whole build does, with nearly every item carried by the anchors' blobs (a listing's popular slot reads the sample)", () => {
    const blobs = blobsOf(1);
    const global = decodeMetaBlob(blobs.get(metaKey("edge"))!);
    expect(global.items.length).toBeLessThan(meta.items.length);
    let compared = 0;
    for (const request of requests()) {
      const whole = recommend(request, fullServing(full, request), { recId: "r" });
      const edge = recommend(request, edgeServing(blobs, request), { recId: "r" });
      // A listing's best sellers beyond the popular lists come from the category's sample in the global blob.
      const compare = (answer: RecommendationResponse) => (request.placement === "listing" ? slots({ ...answer, slots: answer.slots.filter((s) => s.kind !== "popular") }) : slots(answer));
      expect(JSON.stringify(compare(edge)), JSON.stringify(request)).toEqual(JSON.stringify(compare(whole)));
      expect(edge.degraded).toBeUndefined();
      compared += edge.slots.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("a plan that reads no price band leaves the bands' members out of the request's build, and answers the same", () => {
    const blobs = blobsOf(1);
    let smaller = 0;
    for (const id of meta.items) {
      const request: RecommendationRequest = { placement: "checkout", cart: [id], k: 8 };
      const lean = edgeServing(blobs, request);
      const whole = edgeServing(blobs, request, true);
      expect(slots(recommend(request, lean, { recId: "r" }))).toEqual(slots(recommend(request, whole, { recId: "r" })));
      if (lean.build!.meta.items.length < whole.build!.meta.items.length) smaller++;
    }
    expect(smaller).toBeGreaterThan(0);
  });

  it("composes a category's best-selling devices for a listing of it only: a checkout's build holds its anchors' lists alone", () => {
    const blobs = blobsOf(1);
    let listed = 0;
    for (const category of meta.categories) {
      const leaf = category.split(" > ").at(-1)!;
      const listing = edgeServing(blobs, { placement: "listing", category: leaf, k: 6 });
      listed += listing.lists!.size;
      for (const id of meta.items) {
        const checkout = edgeServing(blobs, { placement: "checkout", cart: [id], category: leaf, k: 6 });
        expect([...checkout.lists!.keys()]).toEqual([id]);
      }
    }
    expect(listed).toBeGreaterThan(0);
  });

  it("takes anchor and group blobs encoded apart (in ranges), and refuses them out of order, short or of another build", () => {
    const listsOf = (item: number) => SHOP_LISTS[meta.items[item]];
    const whole = [...edgeBlobs(meta, listsOf)];
    const n = meta.items.length;
    const half = Math.floor(n / 2);
    const apart = [...edgeBlobs(meta, listsOf, { anchors: [...anchorBlobs(meta, listsOf, 0, half), ...anchorBlobs(meta, listsOf, half, n)], groups: groupBlobs(meta, listsOf) })];
    expect(apart.map((b) => b.key)).toEqual(whole.map((b) => b.key));
    apart.forEach((b, i) => expect(b.bytes).toEqual(whole[i].bytes));
    const anchors = [...anchorBlobs(meta, listsOf, 0, n)];
    const drain = (options: Parameters<typeof edgeBlobs>[2]) => () => [...edgeBlobs(meta, listsOf, options)];
    expect(drain({ anchors: [anchors[1], anchors[0], ...anchors.slice(2)] })).toThrow(/anchor 0 is .*, expected/);
    expect(drain({ anchors: anchors.slice(0, n - 1) })).toThrow(new RegExp(`${n - 1} anchor blobs given for ${n} items`));
    expect(drain({ anchors, groups: [{ key: itemKey("edge", meta.items[0]), bytes: new Uint8Array(1) }] })).toThrow(/is not a group blob of build edge/);
    expect(drain({ anchors, groups: [{ key: shardKey("other", 0), bytes: new Uint8Array(1) }] })).toThrow(/is not a group blob of build edge/);
  });

  it("writes a blob per item, the global blob, the directory shards and a model blob per device model", () => {
    const keys = [...blobsOf(32).keys()];
    expect(keys[0]).toBe(metaKey("edge"));
    for (const id of meta.items) expect(keys).toContain(itemKey("edge", id));
    expect(keys).toContain(shardKey("edge", 0));
    expect(keys.some((k) => k.startsWith(modelKey("edge", "")))).toBe(true);
  });

  it("a lost blob: the item's shard still knows it (degraded, its facts serve the category rules); an id the build never saw is no fault", () => {
    const blobs = blobsOf(1);
    blobs.delete(itemKey("edge", "phone-flagship"));
    const lost = edgeServing(blobs, { placement: "checkout", cart: ["phone-flagship"] });
    expect(lost.degraded).toBe(true);
    expect(lost.lists.get("phone-flagship")).toBeNull();
    expect(lost.build!.meta.prices[lost.build!.index.get("phone-flagship")!]).toBe(meta.prices[full.index.get("phone-flagship")!]);
    const unknown = edgeServing(blobs, { placement: "checkout", cart: ["never-sold"] });
    expect(unknown.degraded).toBe(false);
    expect(unknown.build!.index.has("never-sold")).toBe(false);
    const corrupt = new Map(blobsOf(1));
    const bytes = corrupt.get(itemKey("edge", "phone-mid"))!.slice();
    bytes[bytes.length - 1] ^= 1;
    corrupt.set(itemKey("edge", "phone-mid"), bytes);
    expect(edgeServing(corrupt, { placement: "checkout", cart: ["phone-mid"] }).degraded).toBe(true);
  });

  it("mutated anchor, shard and model blobs (checksum resealed): a value within bounds or CorruptBlobError, and served without an exception", () => {
    const blobs = blobsOf(1);
    const global = loadBuild(decodeMetaBlob(blobs.get(metaKey("edge"))!));
    const tables = { items: meta.items.length, categories: global.meta.categories.length, brands: global.meta.brands.length, currencies: global.meta.display?.currencies.length ?? 0 };
    const entries = [...blobs].filter(([key]) => key !== metaKey("edge"));
    fc.assert(
      fc.property(fc.constantFrom(...entries), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), ([key, sealed], edits) => {
        const body = sealed.slice(0, sealed.length - 4);
        for (const [at, value] of edits) body[at % body.length] = value;
        const mutated = sealBlob(body);
        try {
          if (key.includes("/d/")) decodeDirectoryShard(mutated, tables);
          else if (key.includes("/m/")) for (const device of decodeModelBlob(mutated)) decodeAnchorBlob(device.blob, global.meta.items.length, tables, global.meta.reasons.length);
          else if (key.includes("/c/")) {
            const read = decodeCategory(global, mutated);
            composeBuild(global, new Map(read.devices.map((d) => [d.id, d.blob])), new Map(), new Map([[0, read.lists]]));
          }
          else {
            const anchor = decodeAnchorBlob(mutated, global.meta.items.length, tables, global.meta.reasons.length);
            const bound = global.meta.items.length + anchor.facts.ids.length;
            for (const list of Object.values(anchor.lists)) for (const item of list.items) expect(item).toBeLessThan(bound);
            const composed = composeBuild(global, new Map([[anchor.facts.ids[0] ?? "x", anchor]]), new Map());
            for (const placement of PLACEMENTS) recommend({ placement, cart: [anchor.facts.ids[0] ?? "x"], product_id: anchor.facts.ids[0] ?? "x" }, { build: composed.build, lists: composed.lists, degraded: false }, { recId: "f" });
          }
        } catch (error) {
          if (!(error instanceof CorruptBlobError)) throw error;
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe("a build that follows another (blob homes)", () => {
  const first = blobsOf(32);
  const previousOf = (extra: Record<string, Uint8Array> = {}) => ({
    global: decodeMetaBlob(first.get(metaKey("edge"))!),
    blobs: new Map(
      [...first, ...Object.entries(extra).map(([name, bytes]): [string, Uint8Array] => [`b/edge/${name}`, bytes])]
        .filter(([key]) => key !== metaKey("edge"))
        .map(([key, bytes]) => [key.slice("b/edge/".length), { home: "edge", bytes }]),
    ),
  });
  const next = shopMeta("edge-next");
  const follow = (previous: ReturnType<typeof previousOf>) => new Map([...edgeBlobs(next, (item) => SHOP_LISTS[next.items[item]], { categorySample: 32, previous })].map((b) => [b.key, b.bytes]));

  it("keeps every blob of an unchanged shop where the previous build wrote it, and serves from them as from its own", () => {
    const kept = follow(previousOf());
    const global = decodeMetaBlob(kept.get(metaKey("edge-next"))!);
    expect(global.edge?.homes?.builds).toEqual(["edge-next", "edge"]);
    expect([...kept.keys()].filter((key) => key.startsWith("b/edge-next/"))).toEqual([metaKey("edge-next")]);
    for (const [key, bytes] of kept) if (key !== metaKey("edge-next")) expect(first.get(key)).toEqual(bytes);
    const own = blobsOf(32);
    const both = new Map([...first, ...kept]);
    for (const request of requests()) {
      const served = edgeServing(both, request, false, "edge-next");
      expect(served.degraded).toBe(false);
      expect(slots(recommend(request, served, { recId: "r" }))).toEqual(slots(recommend(request, edgeServing(own, request), { recId: "r" })));
    }
  });

  it("writes afresh the bucket of a blob the new build no longer has, so it is never read again", () => {
    const kept = follow(previousOf({ "i/gone": first.get(itemKey("edge", meta.items[0]))! }));
    const homes = decodeMetaBlob(kept.get(metaKey("edge-next"))!).edge!.homes!;
    const own = (name: string) => homes.builds[homes.buckets[homeBucket(name, homes.buckets.length)]] === "edge-next";
    expect(own("i/gone")).toBe(true);
    for (const key of kept.keys()) {
      const name = key.slice(key.indexOf("/", 2) + 1);
      expect(key.startsWith("b/edge-next/"), key).toBe(name === "meta" || own(name));
    }
  });
});
