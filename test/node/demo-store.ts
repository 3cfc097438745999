/**
 * @module
 * The demo store the node project's global setup generated and built once for this run (`./demo-store.setup.ts`).
 * Shared by several suites, so read-only.
 */
import path from "node:path";
import { inject } from "vitest";
import type { DemoStore } from "./demo-store.setup";

export function demoStore(): DemoStore {
  return inject("demoStore");
}

export function demoFile(name: "catalog.jsonl" | "orders.jsonl" | "events.jsonl" | "planted.json"): string {
  return path.join(demoStore().dir, name);
}
