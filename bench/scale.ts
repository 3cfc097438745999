/**
 * @module
 * `npm run bench:scale [-- --sizes 10000,100000,1000000]`: the edge and the build at growing catalogue sizes.
 * For each size N the demo generator makes a shop of N products and 5 N orders (cached in .tmp/bench-scale/),
 * `edgerec build` builds it as a separate process, and prints:
 *
 *   build       wall time, peak resident memory (GNU time's maximum RSS), the build's phase timings
 *   kv          keys and bytes a publish writes, the largest value (the manifest's `kv`)
 *   cold        a fresh workerd isolate (`wrangler dev`, restarted per sample): time from sending the first
 *               product-page request to its 200, which loads and decodes the build; median of --cold-runs
 *   warm        the same isolate afterwards: median over product-page requests for other anchors
 *   heap        the isolate's used JS heap (DevTools protocol `Runtime.getHeapUsage` through wrangler's inspector
 *               proxy) right after the cold answer, and after the warm requests
 *
 * The isolate reads a local KV holding what a product-page request touches in the edge format (the live pointer,
 * the stock overlay, the global blob, the anchor blobs of the sampled anchors, the category blobs), taken from the
 * build folder's edge.bin; the other keys would never be read, so they are not written. Ends with one line per size:
 *
 *   scale: skus=<N> build_s=<s> rss_mib=<MiB> kv_keys=<n> largest_kv_bytes=<B> cold_ms=<ms> warm_ms=<ms> heap_mib=<MiB>
 *
 * the largest size last. A build that exceeds --build-timeout-min (default 60) is stopped and reported as such.
 * `--reuse-builds` measures the edge on the builds an earlier run left (and reports that run's build figures).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import type { Manifest } from "../batch/build/artifacts";
import { readEdgePack } from "../batch/build/edge-pack";
import { edgeBlobsOf, type KvFootprint, kvFootprint } from "../batch/build/kv-footprint";
import { wrangler } from "../batch/publish/wrangler-cli";
import { encodeBase64 } from "../core/blob/base64";
import { EdgeLayout } from "../core/blob/edge-format";
import { decodeItemBlob } from "../core/blob/item-blob";
import { type BuildMeta, decodeMetaBlob, ItemFlag } from "../core/blob/meta-blob";
import { publishedStockOverlay } from "../core/catalog/stock-overlay";
import { categoryKey, CONFIG_KEYS, itemKey, LIVE_POINTER_KEY, metaKey } from "../core/keys";
import { Rng } from "../core/random/rng";
import { type DevServer, startDevServer } from "../tools/dev-server/wrangler-dev";
import { percentile } from "./demo-store";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    "orders-per-product": { type: "string", default: "5" },
    "cold-runs": { type: "string", default: "3" },
    "warm-requests": { type: "string", default: "40" },
    "build-timeout-min": { type: "string", default: "60" },
    "reuse-builds": { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 2000)) throw new Error(`--sizes takes product counts of at least 2000, got ${values.sizes}`);
const ordersPerProduct = Number(values["orders-per-product"]);
const coldRuns = Number(values["cold-runs"]);
const warmRequests = Number(values["warm-requests"]);
const buildTimeoutMs = Number(values["build-timeout-min"]) * 60_000;
const WORK = path.join(ROOT, ".tmp", "bench-scale");

interface BuildRun {
  seconds: number;
  rssMiB: number;
  timedOut: boolean;
  manifest?: Manifest;
}

interface EdgeRun {
  coldMs: number;
  warmMs: number;
  heapAfterColdMiB: number;
  heapAfterWarmMiB: number;
  heapIdleMiB: number;
}

async function ensureShop(dir: string, products: number, orders: number): Promise<void> {
  if (existsSync(path.join(dir, "README.md"))) return;
  mkdirSync(dir, { recursive: true });
  console.log(`generating ${products} products and ${orders} orders into ${dir} ...`);
  const args = ["--import", "tsx", path.join(ROOT, "tools", "demo", "cli.ts"), "--out", dir, "--products", String(products), "--orders", String(orders), "--quiet"];
  if ((await run(process.execPath, args, Number.POSITIVE_INFINITY)).code !== 0) throw new Error(`generating ${dir} failed`);
}

async function timedBuild(data: string, out: string): Promise<BuildRun> {
  rmSync(out, { recursive: true, force: true });
  const args = [
    "-f",
    "MAXRSS_KB=%M",
    process.execPath,
    // Node's default heap (about 4 GB) holds a build of a few hundred thousand products, not a million.
    "--max-old-space-size=16000",
    path.join(ROOT, "bin", "edgerec.mjs"),
    "build",
    "--orders",
    path.join(data, "orders.jsonl"),
    "--catalog",
    path.join(data, "catalog.jsonl"),
  ];
  args.push("--events", path.join(data, "events.jsonl"), "--out", out, "--build-id", `scale-${path.basename(data)}`, "--quiet");
  const started = performance.now();
  const result = await run("/usr/bin/time", args, buildTimeoutMs);
  const seconds = (performance.now() - started) / 1000;
  const rss = /MAXRSS_KB=(\d+)/.exec(result.stderr);
  const rssMiB = rss ? Number(rss[1]) / 1024 : Number.NaN;
  if (result.timedOut) return { seconds, rssMiB, timedOut: true };
  if (result.code !== 0) throw new Error(`edgerec build failed:\n${result.stderr.slice(-2000)}`);
  return { seconds, rssMiB, timedOut: false, manifest: JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as Manifest };
}

/** Starts the edge on a local KV holding what product pages read, and measures fresh and warm isolates. */
async function measureEdge(artifacts: string, manifest: Manifest): Promise<EdgeRun> {
  const build = manifest.build_id;
  const metaBytes = new Uint8Array(readFileSync(path.join(artifacts, "meta.bin")));
  const meta = decodeMetaBlob(metaBytes);
  const blobs = itemBlobsAt(readFileSync(path.join(artifacts, "items.bin")));
  const withLists: number[] = [];
  const outOfStock: string[] = [];
  for (let i = 0; i < meta.items.length; i++) {
    if ((meta.flags[i] & ItemFlag.HAS_LISTS) !== 0 && (meta.flags[i] & (ItemFlag.OUT_OF_STOCK | ItemFlag.EOL)) === 0) withLists.push(i);
    if ((meta.flags[i] & ItemFlag.OUT_OF_STOCK) !== 0) outOfStock.push(meta.items[i]);
  }
  const rng = new Rng(11, "scale-anchors");
  const anchors: number[] = [];
  while (anchors.length < coldRuns + warmRequests && anchors.length < withLists.length) {
    const i = withLists[rng.int(withLists.length)];
    if (!anchors.includes(i)) anchors.push(i);
  }
  const state = path.join(WORK, "state", build);
  rmSync(state, { recursive: true, force: true });
  mkdirSync(state, { recursive: true });
  const now = Math.floor(Date.now() / 1000);
  const entries = [
    ...readBlobs(artifacts, manifest, meta, blobs, anchors),
    { key: CONFIG_KEYS.stock, value: JSON.stringify(publishedStockOverlay(outOfStock, now, build)) },
    { key: LIVE_POINTER_KEY, value: JSON.stringify({ build, published_at: now }) },
  ];
  const file = path.join(state, "kv.json");
  writeFileSync(file, JSON.stringify(entries.map(({ key, value }) => ({ key, value }))));
  await wrangler(["kv", "bulk", "put", file, "--binding", "KV"], "local", { persistTo: state });
  await wrangler(["d1", "migrations", "apply", "DB"], "local", { persistTo: state });

  const colds: number[] = [];
  const warms: number[] = [];
  const heaps = { idle: [] as number[], cold: [] as number[], warm: [] as number[] };
  for (let r = 0; r < coldRuns; r++) {
    const server = await startDevServer({ persistTo: state, vars: { LIVE_POINTER_TTL_MS: "30000", SESSION_SECRET: "bench-session-secret" } });
    const inspector = await Inspector.connect(server);
    try {
      heaps.idle.push(await inspector.heapMiB());
      colds.push(await productPage(server, meta.items[anchors[r]]));
      heaps.cold.push(await inspector.heapMiB());
      if (r === coldRuns - 1) {
        for (let k = coldRuns; k < anchors.length; k++) warms.push(await productPage(server, meta.items[anchors[k]]));
        heaps.warm.push(await inspector.heapMiB());
      }
    } finally {
      inspector.close();
      await server.stop();
    }
  }
  rmSync(state, { recursive: true, force: true });
  const median = (v: number[]) =>
    percentile(
      [...v].sort((a, b) => a - b),
      0.5,
    );
  return { coldMs: median(colds), warmMs: median(warms), heapIdleMiB: median(heaps.idle), heapAfterColdMiB: median(heaps.cold), heapAfterWarmMiB: median(heaps.warm) };
}

/** The global blob, the anchors' and the categories' blobs as base64 KV values: from the folder's edge.bin (what publish writes), or encoded by this checkout for a folder without one. */
function readBlobs(artifacts: string, manifest: Manifest, meta: BuildMeta, blobs: (i: number) => Uint8Array, anchors: readonly number[]): Array<{ key: string; value: string }> {
  const build = manifest.build_id;
  const wanted = new Set([metaKey(build), ...anchors.map((i) => itemKey(build, meta.items[i])), ...meta.categories.map((_, c) => categoryKey(build, c))]);
  const edge = manifest.parts?.["edge.bin"];
  if (edge !== undefined) {
    const found: Array<{ key: string; value: string }> = [];
    for (const { key, bytes } of readEdgePack(path.join(artifacts, "edge.bin"), edge)) if (wanted.has(key)) found.push({ key, value: encodeBase64(bytes) });
    return found;
  }
  const bounds = { items: meta.items.length, reasons: meta.reasons.length };
  const layout = new EdgeLayout(meta, (i) => {
    const blob = blobs(i);
    return blob.length === 0 ? undefined : decodeItemBlob(blob, bounds);
  });
  return [
    { key: metaKey(build), value: encodeBase64(layout.globalBlob()) },
    ...anchors.map((i) => ({ key: itemKey(build, meta.items[i]), value: encodeBase64(layout.anchorBlob(i)) })),
    ...meta.categories.flatMap((_, c) => {
      const bytes = layout.categoryBlob(c);
      return bytes === undefined ? [] : [{ key: categoryKey(build, c), value: encodeBase64(bytes) }];
    }),
  ];
}

/** What a publish of the folder's build writes to KV, counted by this checkout's edge format. */
function recountKv(artifacts: string, manifest: Manifest): KvFootprint {
  const meta = decodeMetaBlob(new Uint8Array(readFileSync(path.join(artifacts, "meta.bin"))));
  const blobs = itemBlobsAt(readFileSync(path.join(artifacts, "items.bin")));
  const outOfStock = meta.items.filter((_, i) => (meta.flags[i] & ItemFlag.OUT_OF_STOCK) !== 0 && (meta.flags[i] & ItemFlag.IN_CATALOG) !== 0);
  const itemBlobs = meta.items.map((_, i) => {
    const blob = blobs(i);
    return blob.length === 0 ? undefined : blob;
  });
  return kvFootprint(edgeBlobsOf(meta, itemBlobs), outOfStock, meta.createdAt, manifest.build_id);
}

/** Milliseconds from sending a product-page request to the last byte of its 200. */
/**
 * Node loads and compiles its fetch client on first use, which would land in the first cold sample of a run (the
 * first shop measured came out 15-25 ms slower than the next): a few requests to a throwaway local server first.
 */
async function warmUpFetch(): Promise<void> {
  const server = createServer((_, response) => response.end(JSON.stringify({ ok: true })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    await response.json();
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function productPage(server: DevServer, productId: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${server.url}/v1/recommendations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ placement: "product", product_id: productId }),
  });
  const body = (await response.json()) as { slots?: unknown[]; degraded?: boolean };
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`product page for ${productId}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  if (body.degraded === true) throw new Error(`product page for ${productId} answered degraded: the local KV lacks something it reads`);
  return ms;
}

/** The item blobs of an items.bin pack (`batch/build/artifacts.ts`: "ERP", version, count, length-prefixed blobs). */
function itemBlobsAt(pack: Uint8Array): (item: number) => Uint8Array {
  let at = 4;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = pack[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  const count = varint();
  const starts = new Float64Array(count + 1);
  const lengths = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    lengths[i] = varint();
    starts[i] = at;
    at += lengths[i];
  }
  return (item) => pack.subarray(starts[item], starts[item] + lengths[item]);
}

/** A DevTools protocol session with the Worker's isolate, through wrangler's inspector proxy. */
class Inspector {
  private next = 0;
  private readonly pending = new Map<number, (result: Record<string, number>) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, number> };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result ?? {});
    });
  }

  static async connect(server: DevServer): Promise<Inspector> {
    const targets = (await (await fetch(`http://127.0.0.1:${server.inspectorPort}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
    const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    return new Inspector(socket);
  }

  async heapMiB(): Promise<number> {
    const id = ++this.next;
    const result = await new Promise<Record<string, number>>((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method: "Runtime.getHeapUsage" }));
    });
    return result.usedSize / 2 ** 20;
  }

  close(): void {
    this.socket.close();
  }
}

/** Runs a command, keeping stderr; stops its process group after `timeoutMs`. */
function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let timedOut = false;
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        }, timeoutMs)
      : undefined;
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

async function main(): Promise<void> {
  const results: string[] = [];
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} on ${availableParallelism()} cores`,
  );
  await warmUpFetch();
  for (const products of sizes) {
    const orders = products * ordersPerProduct;
    const data = path.join(WORK, `p${products}-o${orders}`);
    await ensureShop(data, products, orders);
    const artifacts = path.join(WORK, `p${products}-o${orders}-artifacts`);
    const record = `${artifacts}.run.json`;
    let build: BuildRun;
    if (values["reuse-builds"] && existsSync(record) && existsSync(path.join(artifacts, "manifest.json"))) {
      build = { ...(JSON.parse(readFileSync(record, "utf8")) as { seconds: number; rssMiB: number }), timedOut: false, manifest: JSON.parse(readFileSync(path.join(artifacts, "manifest.json"), "utf8")) as Manifest };
      const packed = build.manifest!.parts?.["edge.bin"] !== undefined;
      console.log(`reusing the build in ${artifacts} (its build figures are from the run that made it${packed ? "" : "; the KV footprint is counted again"})`);
      if (!packed) build.manifest!.kv = recountKv(artifacts, build.manifest!);
    } else {
      build = await timedBuild(data, artifacts);
      if (!build.timedOut) writeFileSync(record, JSON.stringify({ seconds: build.seconds, rssMiB: build.rssMiB }));
    }
    console.log(`\n${products.toLocaleString("en")} products, ${orders.toLocaleString("en")} orders`);
    console.log(`  build       ${build.timedOut ? "TIMED OUT after" : ""} ${build.seconds.toFixed(1)} s, peak RSS ${build.rssMiB.toFixed(0)} MiB`);
    if (build.manifest === undefined) {
      results.push(
        `scale: skus=${products} build_s=${build.seconds.toFixed(1)} rss_mib=${build.rssMiB.toFixed(0)} kv_keys=NaN largest_kv_bytes=NaN cold_ms=NaN warm_ms=NaN heap_mib=NaN`,
      );
      continue;
    }
    const { manifest } = build;
    console.log(
      `  phases      ${Object.entries(manifest.timings_ms)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`)
        .join(", ")}`,
    );
    const kv = manifest.kv;
    console.log(
      `  kv          ${kv?.keys.toLocaleString("en")} keys, ${((kv?.bytes ?? 0) / 2 ** 20).toFixed(1)} MiB; largest value ${kv?.largest_value_bytes.toLocaleString("en")} B (${kv?.largest_key})`,
    );
    console.log(`  blobs       meta ${(manifest.bytes.meta / 2 ** 20).toFixed(2)} MiB binary, items ${(manifest.bytes.items / 2 ** 20).toFixed(1)} MiB`);
    const edge = await measureEdge(artifacts, manifest);
    console.log(`  cold        first 200 of a fresh isolate: median ${edge.coldMs.toFixed(0)} ms over ${coldRuns} isolates`);
    console.log(`  warm        median ${edge.warmMs.toFixed(1)} ms over ${warmRequests} product pages`);
    console.log(
      `  heap        idle ${edge.heapIdleMiB.toFixed(1)} MiB, after the cold answer ${edge.heapAfterColdMiB.toFixed(1)} MiB, after the warm ones ${edge.heapAfterWarmMiB.toFixed(1)} MiB`,
    );
    results.push(
      `scale: skus=${products} build_s=${build.seconds.toFixed(1)} rss_mib=${build.rssMiB.toFixed(0)} kv_keys=${kv?.keys ?? Number.NaN} largest_kv_bytes=${kv?.largest_value_bytes ?? Number.NaN} cold_ms=${edge.coldMs.toFixed(0)} warm_ms=${edge.warmMs.toFixed(1)} heap_mib=${edge.heapAfterColdMiB.toFixed(1)}`,
    );
  }
  console.log("");
  for (const line of results) console.log(line);
}

await main();
