/**
 * @module
 * The demo store the latency, merge and blob benchmarks measure: generated (`npm run demo:store`, seed 42) and built
 * (`edgerec build`) into a fresh temporary folder by the same CLI a user runs, so every figure is about the
 * current code. `cartSampler` draws reproducible carts of items that have precomputed lists.
 *
 * `BENCH_PRODUCTS=<n>` generates a larger shop of the same generator instead (n products, 5 orders per product, as
 * `npm run bench:scale` does), e.g. `BENCH_PRODUCTS=100000 npm run bench:latency`; `BENCH_ARTIFACTS=<dir>` measures a
 * build folder already made (e.g. one `bench:scale` left in .tmp/bench-scale/) instead of building one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Artifacts, readArtifacts } from "../batch/build/artifacts";
import { main } from "../batch/cli/main";
import { decodeMetaBlob, ItemFlag } from "../core/blob/meta-blob";
import type { Rng } from "../core/random/rng";
import { generateDemo } from "../tools/demo/generate";

const ORDERS_PER_PRODUCT = 5;

/** The product count BENCH_PRODUCTS asks for; undefined for the demo store itself. */
function benchProducts(): number | undefined {
  const value = process.env.BENCH_PRODUCTS;
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2000) throw new Error(`BENCH_PRODUCTS takes a product count of at least 2000, got ${value}`);
  return n;
}

export interface DemoStore {
  dir: string;
  data: string;
  artifacts: string;
  built: Artifacts;
  remove(): void;
}

export async function buildDemoStore(label: string): Promise<DemoStore> {
  const dir = mkdtempSync(path.join(tmpdir(), `edgerec-bench-${label}-`));
  const reused = process.env.BENCH_ARTIFACTS;
  if (reused !== undefined && reused !== "") {
    process.stderr.write(`measuring the build in ${reused} (BENCH_ARTIFACTS)\n`);
    return { dir, data: "", artifacts: reused, built: readArtifacts(reused), remove: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const data = path.join(dir, "demo");
  const artifacts = path.join(dir, "artifacts");
  const run = async (...args: string[]) => {
    const code = await main(args);
    if (code !== 0) throw new Error(`edgerec ${args.join(" ")} exited with ${code}`);
  };
  const products = benchProducts();
  process.stderr.write(`generating and building the ${products === undefined ? "demo store" : `generated shop of ${products} products`} in ${dir}\n`);
  await generateDemo({ out: data, ...(products === undefined ? {} : { products, orders: products * ORDERS_PER_PRODUCT }) });
  await run("build", "--orders", path.join(data, "orders.jsonl"), "--catalog", path.join(data, "catalog.jsonl"), "--out", artifacts, "--build-id", `bench-${label}`, "--quiet");
  return { dir, data, artifacts, built: readArtifacts(artifacts), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Draws carts of `size` distinct item ids with precomputed lists; a seeded `rng` makes them the same on every run. */
export function cartSampler(artifacts: Artifacts, rng: Rng): (size: number) => string[] {
  const meta = decodeMetaBlob(artifacts.meta);
  const withLists: number[] = [];
  for (let i = 0; i < meta.items.length; i++) if ((meta.flags[i] & ItemFlag.HAS_LISTS) !== 0) withLists.push(i);
  return (size) => {
    const cart = new Set<string>();
    while (cart.size < size) cart.add(meta.items[withLists[rng.int(withLists.length)]]);
    return [...cart];
  };
}

export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
