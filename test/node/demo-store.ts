/**
 * @module
 * The demo store several suites share (one size, one seed): generated and built, as `edgerec build` would, once
 * per run by the first suite that asks, in the folder the node project's global setup made
 * (`./demo-store.setup.ts`). Read-only. Suites that need another size or seed generate their own.
 */
import path from "node:path";
import { inject } from "vitest";
import { writeArtifacts } from "../../batch/build/artifacts";
import { buildFromFiles } from "../../batch/build/build";
import { generateDemo } from "../../tools/demo/generate";
import { madeOnce } from "./made-once";

export interface DemoStore {
  /** The generator's folder: catalog.jsonl, orders.jsonl, events.jsonl, planted.json. */
  dir: string;
  /** The build of orders.jsonl and catalog.jsonl, as `edgerec build --out` writes it. */
  artifacts: string;
  orders: number;
  sessions: number;
}

const ORDERS = 30_000;
const SESSIONS = 3_000;

/** The run's folder for work its suites share. */
export function sharedRoot(): string {
  return inject("demoStoreRoot");
}

export async function demoStore(): Promise<DemoStore> {
  const made = path.join(sharedRoot(), "demo-store");
  const store: DemoStore = { dir: path.join(made, "demo"), artifacts: path.join(made, "artifacts"), orders: ORDERS, sessions: SESSIONS };
  await madeOnce(made, async () => {
    await generateDemo({ out: store.dir, orders: ORDERS, sessions: SESSIONS });
    await writeArtifacts(store.artifacts, await buildFromFiles({ orders: path.join(store.dir, "orders.jsonl"), catalog: path.join(store.dir, "catalog.jsonl") }));
  });
  return store;
}

export async function demoFile(name: "catalog.jsonl" | "orders.jsonl" | "events.jsonl" | "planted.json"): Promise<string> {
  return path.join((await demoStore()).dir, name);
}
