import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArtifacts } from "../../batch/build/artifacts";
import { localReleaseStore } from "../../batch/publish/local-release-store";
import { homedKey } from "../../core/blob/blob-homes";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { buildPrefix, metaKey } from "../../core/keys";
import { Rng } from "../../core/random/rng";
import { categoryKeyOf, decodeCategory, decodeShard, servingDataAtHand } from "../../core/recommend/edge-request";
import { type LoadedBuild, loadBuild } from "../../core/recommend/loaded-build";
import { recommend } from "../../core/recommend/recommend";
import type { RecommendationRequest } from "../../core/request-schema";
import { type DevServer, startDevServer } from "../../tools/dev-server/wrangler-dev";
import { complementShop } from "../node/complement-shop";
import { buildShop, edgerec } from "./local-edge";

const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-kept-"));
const dirs = { a: path.join(work, "a"), b: path.join(work, "b") };
const states = { over: path.join(work, "over-a"), fresh: path.join(work, "fresh") };

function writeOrders(file: string, orders: string[][]): void {
  writeFileSync(file, orders.map((items, o) => JSON.stringify({ order_id: `o${o}`, items })).join("\n"));
}

/** Every blob of the folders by KV key, as a store holding both builds would. */
function blobsOf(...folders: string[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const folder of folders) for (const { key, bytes } of readArtifacts(folder).edgeBlobs!()) out.set(key, bytes.slice());
  return out;
}

/** The answer the worker should give: served from `blobs` read where the global blob's table says each lives. */
function expected(global: LoadedBuild, blobs: Map<string, Uint8Array>, request: RecommendationRequest): string[][] {
  const homes = global.meta.edge?.homes;
  const at = (key: string) => blobs.get(homedKey(homes, key)) ?? null;
  const data = servingDataAtHand(global, request, {
    bytes: (key) => at(key),
    category: (c) => {
      const bytes = at(categoryKeyOf(global, c));
      return bytes === null ? undefined : decodeCategory(global, bytes);
    },
    shard: (key) => {
      const bytes = at(key);
      return bytes === null ? undefined : decodeShard(global, bytes);
    },
  });
  expect(data.degraded).toBe(false);
  return recommend(request, data, { recId: "r" }).slots.map((s) => s.items.map((i) => i.id));
}

async function served(server: DevServer, request: RecommendationRequest): Promise<{ build: string; degraded: boolean; items: string[][] }> {
  const response = await fetch(`${server.url}/v1/recommendations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { build: string; degraded?: boolean; slots: Array<{ items: Array<{ id: string }> }> };
  return { build: answer.build, degraded: answer.degraded === true, items: answer.slots.map((s) => s.items.map((i) => i.id)) };
}

describe("a rebuild keeps the blobs that serve alike where the previous build wrote them", () => {
  let requests: RecommendationRequest[];

  beforeAll(async () => {
    const { orders } = complementShop(3);
    const rng = new Rng(4, "more");
    const more = [...orders, ...Array.from({ length: orders.length / 100 }, () => orders[rng.int(orders.length)])];
    writeOrders(path.join(work, "a.jsonl"), orders);
    writeOrders(path.join(work, "b.jsonl"), more);
    await buildShop({ orders: path.join(work, "a.jsonl") }, dirs.a, "--build-id", "kept-a", "--no-sequence-model");
    await buildShop({ orders: path.join(work, "b.jsonl") }, dirs.b, "--build-id", "kept-b", "--no-sequence-model", "--previous", dirs.a);
    const ids = decodeMetaBlob(readArtifacts(dirs.b).meta).items;
    requests = ids.filter((_, i) => i % 8 === 0).flatMap((id): RecommendationRequest[] => [{ placement: "checkout", cart: [id], k: 4 }, { placement: "product", product_id: id, k: 4 }]);
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("names most blobs under the previous build's prefix, byte for byte as it wrote them", () => {
    const b = readArtifacts(dirs.b);
    const a = blobsOf(dirs.a);
    const kept = [...b.edgeBlobs!()].filter((blob) => !blob.key.startsWith(buildPrefix("kept-b")));
    expect(b.manifest.kv?.kept_keys).toBe(kept.length);
    expect(kept.length).toBeGreaterThan(b.manifest.kv!.keys);
    for (const blob of kept) {
      expect(blob.key.startsWith(buildPrefix("kept-a"))).toBe(true);
      expect(Buffer.from(blob.bytes).equals(Buffer.from(a.get(blob.key)!))).toBe(true);
    }
  });

  it("publishes only its own blobs over the previous build, and workerd serves every anchor as the blobs say", async () => {
    await edgerec("publish", "--artifacts", dirs.a, "--local", "--persist-to", states.over, "--quiet");
    await edgerec("publish", "--artifacts", dirs.b, "--local", "--persist-to", states.over, "--quiet", "--keep", "1");
    const store = await localReleaseStore({ persistTo: states.over });
    let left: string[];
    try {
      left = (await store.listKeys(buildPrefix("kept-a"))).names;
    } finally {
      await store.close();
    }
    // kept-a is past --keep 1: only the blobs kept-b still reads stay, its global blob goes.
    const b = readArtifacts(dirs.b);
    expect(left.length).toBe(b.manifest.kv!.kept_keys);
    expect(left).not.toContain(metaKey("kept-a"));

    const global = loadBuild(decodeMetaBlob(blobsOf(dirs.b).get(metaKey("kept-b"))!));
    const blobs = blobsOf(dirs.a, dirs.b);
    const server = await startDevServer({ persistTo: states.over, vars: { LIVE_POINTER_TTL_MS: "0" } });
    let filled = 0;
    try {
      for (const request of requests) {
        const answer = await served(server, request);
        expect(answer.build).toBe("kept-b");
        expect(answer.degraded, JSON.stringify(request)).toBe(false);
        expect(answer.items, JSON.stringify(request)).toEqual(expected(global, blobs, request));
        if (answer.items.some((items) => items.length > 0)) filled++;
      }
    } finally {
      await server.stop();
    }
    expect(filled).toBeGreaterThan(requests.length * 0.9);
  }, 240_000);

  it("writes the kept blobs under its own prefix where the previous build was never published", async () => {
    await edgerec("publish", "--artifacts", dirs.b, "--local", "--persist-to", states.fresh, "--quiet");
    const store = await localReleaseStore({ persistTo: states.fresh });
    try {
      expect((await store.listKeys(buildPrefix("kept-a"))).names).toEqual([]);
      const live = decodeMetaBlob(Buffer.from((await store.getText(metaKey("kept-b")))!, "base64"));
      expect(live.edge?.homes?.builds).toEqual(["kept-b"]);
    } finally {
      await store.close();
    }
    const global = loadBuild(decodeMetaBlob(blobsOf(dirs.b).get(metaKey("kept-b"))!));
    const blobs = blobsOf(dirs.a, dirs.b);
    const server = await startDevServer({ persistTo: states.fresh, vars: { LIVE_POINTER_TTL_MS: "0" } });
    try {
      for (const request of requests.slice(0, 30)) expect((await served(server, request)).items, JSON.stringify(request)).toEqual(expected(global, blobs, request));
    } finally {
      await server.stop();
    }
  }, 240_000);
});
