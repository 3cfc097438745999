/**
 * @module
 * `npm run bench:rebuild`: what a rebuild writes on the real data sets of ../shared/data. Per data set, the orders
 * without their last 1% are built, then all of them following that build (`--previous`, as a nightly rebuild on a
 * day's new orders would); the figure is the share of the first build's KV keys the second writes (the rest it keeps
 * where the first wrote them: `core/blob/blobs-kept.ts`). Data sets with a catalogue are built with and without it.
 *
 * One line per data set: `rebuild: data=<name> items=<n> keys=<first build's> written=<n> share=<x>`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const DATA = path.resolve(ROOT, "../shared/data");
const WORK = path.join(ROOT, ".tmp", "bench-rebuild");
const edgerec = path.join(ROOT, "bin", "edgerec.mjs");

const SETS: Array<{ name: string; orders: string; catalog?: string }> = [
  { name: "groceries", orders: "baskets/groceries.jsonl" },
  { name: "groceries+catalogue", orders: "baskets/groceries.jsonl", catalog: "catalog/groceries_items.jsonl" },
  { name: "diginetica_sample", orders: "baskets/diginetica_sample.jsonl" },
  { name: "amazon_electronics_ratings", orders: "baskets/amazon_electronics_ratings.jsonl" },
  { name: "completejourney", orders: "baskets/completejourney.jsonl" },
  { name: "completejourney+catalogue", orders: "baskets/completejourney.jsonl", catalog: "catalog/completejourney_items.jsonl" },
];

interface Kv {
  keys: number;
  kept_keys?: number;
}

function build(orders: string, catalog: string | undefined, out: string, id: string, previous?: string): { items: number; kv: Kv } {
  rmSync(out, { recursive: true, force: true });
  const args = [edgerec, "build", "--orders", orders, ...(catalog !== undefined ? ["--catalog", catalog] : []), "--out", out, "--build-id", id, "--quiet", "--no-sequence-model", ...(previous !== undefined ? ["--previous", previous] : [])];
  execFileSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as { counts: { items: number }; kv: Kv };
  return { items: manifest.counts.items, kv: manifest.kv };
}

if (!existsSync(DATA)) {
  console.log(`SKIPPED: ${DATA} is absent (../shared/data is only on CI and team machines)`);
  process.exit(0);
}
mkdirSync(WORK, { recursive: true });
for (const set of SETS) {
  const orders = path.join(DATA, set.orders);
  const catalog = set.catalog === undefined ? undefined : path.join(DATA, set.catalog);
  if (!existsSync(orders) || (catalog !== undefined && !existsSync(catalog))) {
    console.log(`SKIPPED: ${set.name}: ${orders}${catalog !== undefined ? ` or ${catalog}` : ""} is absent`);
    continue;
  }
  const lines = readFileSync(orders, "utf8").split("\n").filter((line) => line.trim() !== "");
  const earlier = path.join(WORK, `${set.name}-orders-earlier.jsonl`);
  writeFileSync(earlier, `${lines.slice(0, lines.length - Math.floor(lines.length / 100)).join("\n")}\n`);
  const first = build(earlier, catalog, path.join(WORK, `${set.name}-first`), "first");
  const second = build(orders, catalog, path.join(WORK, `${set.name}-second`), "second", path.join(WORK, `${set.name}-first`));
  console.log(`rebuild: data=${set.name} items=${second.items} keys=${first.kv.keys} written=${second.kv.keys} share=${(second.kv.keys / first.kv.keys).toFixed(3)}`);
}
