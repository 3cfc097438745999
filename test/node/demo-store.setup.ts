/**
 * @module
 * Global setup of the node project: generates the demo store the suites share (one size, one seed) into a
 * temporary folder once per run, builds it once as `edgerec build` would, and hands both folders to the suites
 * (`demoStore()` in `./demo-store.ts`). Suites that need another size or seed generate their own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { writeArtifacts } from "../../batch/build/artifacts";
import { buildFromFiles } from "../../batch/build/build";
import { generateDemo } from "../../tools/demo/generate";

export interface DemoStore {
  /** The generator's folder: catalog.jsonl, orders.jsonl, events.jsonl, planted.json. */
  dir: string;
  /** The build of orders.jsonl and catalog.jsonl, as `edgerec build --out` writes it. */
  artifacts: string;
  orders: number;
  sessions: number;
  /** Where the e2e suites publish the build once, on first use (`test/e2e/published-demo-store.ts`). */
  published: string;
}

declare module "vitest" {
  interface ProvidedContext {
    demoStore: DemoStore;
  }
}

const ORDERS = 30_000;
const SESSIONS = 3_000;

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(path.join(tmpdir(), "edgerec-demo-store-"));
  const store: DemoStore = { dir: path.join(root, "demo"), artifacts: path.join(root, "artifacts"), orders: ORDERS, sessions: SESSIONS, published: path.join(root, "published") };
  await generateDemo({ out: store.dir, orders: ORDERS, sessions: SESSIONS });
  writeArtifacts(store.artifacts, await buildFromFiles({ orders: path.join(store.dir, "orders.jsonl"), catalog: path.join(store.dir, "catalog.jsonl") }));
  project.provide("demoStore", store);
  return () => rmSync(root, { recursive: true, force: true });
}
