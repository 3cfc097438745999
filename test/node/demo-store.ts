/**
 * @module
 * The demo store the node project's global setup generates and builds once for this run
 * (`./demo-store.setup.ts`), waited for until it is complete (the caller's hook timeout bounds the wait). Shared
 * by several suites, so read-only.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import type { DemoStore } from "./demo-store.setup";

export async function demoStore(): Promise<DemoStore> {
  const store = inject("demoStore");
  while (!existsSync(store.ready)) {
    if (existsSync(store.failed)) throw new Error(`making the demo store failed: ${readFileSync(store.failed, "utf8")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return store;
}

export async function demoFile(name: "catalog.jsonl" | "orders.jsonl" | "events.jsonl" | "planted.json"): Promise<string> {
  return path.join((await demoStore()).dir, name);
}
