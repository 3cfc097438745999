/**
 * @module
 * `npm run bench:publish`: what a publish of the demo store costs locally, and what a rebuild costs.
 *
 *   publish   the demo store (generated and built once, cached in .tmp/bench-publish/ until the code changes)
 *             published into a fresh local state folder: wall time, KV keys and bytes written
 *   rebuild   the same shop with 1% more orders (a seeded 1% of its orders again, under new ids), built following
 *             the first (`--previous`, as a daily rebuild would) and published over it: KV keys written, their
 *             share of the first publish's, how many cross-sell lists keep their first 10 items in order, and how
 *             many blobs of the edge format changed bytes (the rest are kept where the first build wrote them,
 *             as are the changed ones that still serve alike: `core/blob/blobs-kept.ts`)
 *   and again with 1% more browsing sessions too (built only, KV keys it would write)
 *
 * Ends with `publish: seconds=<s> keys=<n> bytes=<B> rebuild_keys=<n> rebuild_share=<x>`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { type Artifacts, edgeBlobsOfArtifacts, readArtifacts } from "../batch/build/artifacts";
import { publish } from "../batch/publish/publish";
import { decodeMetaBlob } from "../core/blob/meta-blob";
import { Rng } from "../core/random/rng";
import { crossSellLists } from "../test/node/cross-sell-lists";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORK = path.join(ROOT, ".tmp", "bench-publish");
const edgerec = path.join(ROOT, "bin", "edgerec.mjs");
const data = path.join(WORK, "data");
const more = path.join(WORK, "data-more-orders");

function run(args: string[]): void {
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

/** When the CLI as it is now was compiled (`bin/edgerec.mjs` recompiles its bundle on any source change first). */
let cliCompiled: number | undefined;

/** A cached build is reused only when made by the CLI as it is now and after the build it follows. */
function isCurrent(out: string, previous?: string): boolean {
  const manifest = path.join(out, "manifest.json");
  if (!existsSync(manifest)) return false;
  if (cliCompiled === undefined) {
    run([edgerec, "--help"]);
    cliCompiled = statSync(path.join(ROOT, ".cli", "main.js")).mtimeMs;
  }
  const made = statSync(manifest).mtimeMs;
  return made > cliCompiled && (previous === undefined || made > statSync(path.join(previous, "manifest.json")).mtimeMs);
}

function ensureBuild(dir: string, out: string, id: string, previous?: string): void {
  if (isCurrent(out, previous)) return;
  console.log(`building ${dir} into ${out} ...`);
  const follow = previous === undefined ? [] : ["--previous", previous];
  run([edgerec, "build", "--orders", path.join(dir, "orders.jsonl"), "--catalog", path.join(dir, "catalog.jsonl"), "--events", path.join(dir, "events.jsonl"), "--out", out, "--build-id", id, ...follow, "--quiet"]);
}

/** The shop's orders plus a seeded 1% of them again under new order ids; catalogue and events unchanged. */
function withMoreOrders(from: string, to: string): void {
  if (existsSync(path.join(to, "orders.jsonl"))) return;
  mkdirSync(to, { recursive: true });
  const lines = readFileSync(path.join(from, "orders.jsonl"), "utf8").split("\n").filter((l) => l.trim() !== "");
  const rng = new Rng(12, "bench-publish");
  const extra = Array.from({ length: Math.ceil(lines.length / 100) }, (_, i) => {
    const order = JSON.parse(lines[rng.int(lines.length)]) as { order_id: string };
    return JSON.stringify({ ...order, order_id: `${order.order_id}-again-${i}` });
  });
  writeFileSync(path.join(to, "orders.jsonl"), `${[...lines, ...extra].join("\n")}\n`);
  for (const file of ["catalog.jsonl", "events.jsonl"]) writeFileSync(path.join(to, file), readFileSync(path.join(from, file)));
}

/** The shop of `from` (1% more orders) with a seeded 1% of its browsing sessions again, under new session and event ids. */
function withMoreSessions(from: string, to: string): void {
  if (existsSync(path.join(to, "events.jsonl"))) return;
  mkdirSync(to, { recursive: true });
  const lines = readFileSync(path.join(from, "events.jsonl"), "utf8").split("\n").filter((l) => l.trim() !== "");
  const sessions = new Map<string, string[]>();
  for (const line of lines) {
    const id = (JSON.parse(line) as { session_id: string }).session_id;
    let events = sessions.get(id);
    if (events === undefined) sessions.set(id, (events = []));
    events.push(line);
  }
  const ids = [...sessions.keys()];
  const rng = new Rng(13, "bench-publish sessions");
  const extra: string[] = [];
  for (let s = 0; s < Math.ceil(ids.length / 100); s++) {
    const id = ids[rng.int(ids.length)];
    for (const [e, line] of sessions.get(id)!.entries()) {
      const event = JSON.parse(line) as { event_id: string; session_id: string };
      extra.push(JSON.stringify({ ...event, event_id: `${event.event_id}-again-${s}-${e}`, session_id: `${id}-again-${s}` }));
    }
  }
  writeFileSync(path.join(to, "events.jsonl"), `${[...lines, ...extra].join("\n")}\n`);
  for (const file of ["catalog.jsonl", "orders.jsonl"]) writeFileSync(path.join(to, file), readFileSync(path.join(from, file)));
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Cross-sell lists of anchors in both builds whose first 10 items are the same, in the same order. */
function keptOrder(a: Artifacts, b: Artifacts): { same: number; lists: number } {
  const firstTen = (lists: Map<string, string[]>) => new Map([...lists].map(([id, list]) => [id, list.slice(0, 10).join("\n")]));
  const before = firstTen(crossSellLists(a));
  const after = firstTen(crossSellLists(b));
  let same = 0;
  let lists = 0;
  for (const [id, top] of after) {
    if (!before.has(id)) continue;
    lists++;
    if (before.get(id) === top) same++;
  }
  return { same, lists };
}

async function main(): Promise<void> {
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} cores`);
  if (!existsSync(path.join(data, "orders.jsonl"))) run(["--import", "tsx", path.join(ROOT, "tools", "demo", "cli.ts"), "--out", data, "--quiet"]);
  withMoreOrders(data, more);
  const first = path.join(WORK, "build-a");
  const second = path.join(WORK, "build-b-following-a");
  ensureBuild(data, first, "bench-publish-a");
  ensureBuild(more, second, "bench-publish-b", first);

  const state = path.join(WORK, "state");
  rmSync(state, { recursive: true, force: true });
  const a = readArtifacts(first);
  const started = performance.now();
  const published = await publish(a, "local", { persistTo: state });
  const seconds = (performance.now() - started) / 1000;
  console.log(`publish     ${seconds.toFixed(1)} s, ${published.kvKeys} KV keys, ${(published.kvBytes / 2 ** 20).toFixed(2)} MiB, ${published.products} products`);

  const b = readArtifacts(second);
  const rebuildStarted = performance.now();
  const republished = await publish(b, "local", { persistTo: state });
  const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
  const share = republished.kvKeys / published.kvKeys;
  console.log(`rebuild     1% more orders: ${republished.kvKeys} KV keys written (${(share * 100).toFixed(1)}% of the first publish's) in ${rebuildSeconds.toFixed(1)} s`);
  // The edge-format blobs (each build's edge.bin) compared by name within the build, wherever each lives.
  const edgeOf = (artifacts: Artifacts) => {
    const meta = decodeMetaBlob(artifacts.meta);
    return new Map([...edgeBlobsOfArtifacts(artifacts, meta)].map(({ key, bytes }) => [key.slice(key.indexOf("/", 2) + 1), bytes]));
  };
  const kept = keptOrder(a, b);
  console.log(`            cross-sell lists whose first 10 items keep their order: ${kept.same} of ${kept.lists} (${((kept.same / kept.lists) * 100).toFixed(1)}%)`);
  const before = edgeOf(a);
  const after = edgeOf(b);
  const changed = [...after].filter(([key, bytes]) => !sameBytes(before.get(key), bytes)).length;
  const anchorsChanged = [...after].filter(([key, bytes]) => key.startsWith("i/") && !sameBytes(before.get(key), bytes)).length;
  const anchors = [...after.keys()].filter((key) => key.startsWith("i/")).length;
  console.log(`            edge blobs whose bytes changed: ${changed} of ${after.size} (anchor blobs: ${anchorsChanged} of ${anchors}; global blob ${sameBytes(before.get("meta"), after.get("meta")) ? "unchanged" : "changed"})`);
  rmSync(state, { recursive: true, force: true });

  // A nightly rebuild also reads the day's browsing: the next-item lists and the sequence model learn from it; the
  // previous model, its embeddings and the next-item parameters stay unless beaten, so those anchors can be kept.
  const browsing = path.join(WORK, "data-more-sessions");
  withMoreSessions(more, browsing);
  const third = path.join(WORK, "build-c-more-sessions");
  ensureBuild(browsing, third, "bench-publish-c", first);
  const c = readArtifacts(third);
  const sessionsShare = c.manifest.kv!.keys / published.kvKeys;
  const model = (c.manifest.parameters.sequence_model as { previous?: { kept: boolean } } | undefined)?.previous;
  const modelNote = model === undefined ? "no sequence model" : model.kept ? "the previous sequence model kept" : "a new sequence model";
  console.log(`rebuild     1% more orders and 1% more browsing sessions: ${c.manifest.kv!.keys} KV keys to write (${(sessionsShare * 100).toFixed(1)}%; ${modelNote})`);
  console.log(
    `publish: seconds=${seconds.toFixed(1)} keys=${published.kvKeys} bytes=${published.kvBytes} rebuild_keys=${republished.kvKeys} rebuild_share=${share.toFixed(3)}`,
  );
}

await main();
