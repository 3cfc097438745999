/**
 * @module
 * The demo store the latency, merge and blob benchmarks measure: generated (`npm run demo:store`, seed 42) and built
 * (`edgerec build`) into a fresh temporary folder by the same CLI a user runs, so every figure is about the
 * current code. `cartSampler` draws reproducible carts of items that have precomputed lists.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Artifacts, readArtifacts } from "../batch/build/artifacts";
import { main } from "../batch/cli/main";
import { decodeMetaBlob, ItemFlag } from "../core/blob/meta-blob";

export interface DemoStore {
  dir: string;
  data: string;
  artifacts: string;
  built: Artifacts;
  remove(): void;
}

export async function buildDemoStore(label: string): Promise<DemoStore> {
  const dir = mkdtempSync(path.join(tmpdir(), `edgerec-bench-${label}-`));
  const data = path.join(dir, "demo");
  const artifacts = path.join(dir, "artifacts");
  const run = async (...args: string[]) => {
    const code = await main(args);
    if (code !== 0) throw new Error(`edgerec ${args.join(" ")} exited with ${code}`);
  };
  process.stderr.write(`generating and building the demo store in ${dir}\n`);
  await run("demo", "--out", data, "--quiet");
  await run("build", "--orders", path.join(data, "orders.jsonl"), "--catalog", path.join(data, "catalog.jsonl"), "--out", artifacts, "--build-id", `bench-${label}`, "--quiet");
  return { dir, data, artifacts, built: readArtifacts(artifacts), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Mulberry32: a small seeded generator, so carts are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws carts of `size` distinct item ids with precomputed lists. */
export function cartSampler(artifacts: Artifacts, random: () => number): (size: number) => string[] {
  const meta = decodeMetaBlob(artifacts.meta);
  const withLists: number[] = [];
  for (let i = 0; i < meta.items.length; i++) if ((meta.flags[i] & ItemFlag.HAS_LISTS) !== 0) withLists.push(i);
  return (size) => {
    const cart = new Set<string>();
    while (cart.size < size) cart.add(meta.items[withLists[Math.floor(random() * withLists.length)]]);
    return [...cart];
  };
}

export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
