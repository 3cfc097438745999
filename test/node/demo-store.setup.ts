/**
 * @module
 * Global setup of the node project: generates the demo store the suites share (one size, one seed) into a
 * temporary folder once per run and builds it with `edgerec build`, in child processes that work while the
 * first suites run; the suites that read the store wait for it (`demoStore()` in `./demo-store.ts`). A run that
 * ends before the store is made (no suite read it) stops making it. Suites that need another size or seed
 * generate their own.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export interface DemoStore {
  /** The generator's folder: catalog.jsonl, orders.jsonl, events.jsonl, planted.json. */
  dir: string;
  /** The build of orders.jsonl and catalog.jsonl, as `edgerec build --out` writes it. */
  artifacts: string;
  orders: number;
  sessions: number;
  /** Where the e2e suites publish the build once, on first use (`test/e2e/published-demo-store.ts`). */
  published: string;
  /** Written once the store and its build are complete. */
  ready: string;
  /** Written, with the reason, if making them failed. */
  failed: string;
}

declare module "vitest" {
  interface ProvidedContext {
    demoStore: DemoStore;
  }
}

const ORDERS = 30_000;
const SESSIONS = 3_000;
const ROOT = path.resolve(import.meta.dirname, "../..");

export default function setup(project: TestProject): () => Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), "edgerec-demo-store-"));
  const store: DemoStore = {
    dir: path.join(root, "demo"),
    artifacts: path.join(root, "artifacts"),
    orders: ORDERS,
    sessions: SESSIONS,
    published: path.join(root, "published"),
    ready: path.join(root, "ready"),
    failed: path.join(root, "failed"),
  };
  let running: ChildProcess | undefined;
  let stopped = false;
  const node = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      if (stopped) return reject(new Error("stopped"));
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
      running = child;
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.once("error", reject);
      child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`node ${args.join(" ")} exited with ${code ?? signal}:\n${stderr}`))));
    });
  const making = (async () => {
    await node(["--import", "tsx", "tools/demo/cli.ts", "--out", store.dir, "--orders", String(ORDERS), "--sessions", String(SESSIONS), "--quiet"]);
    await node(["bin/edgerec.mjs", "build", "--orders", path.join(store.dir, "orders.jsonl"), "--catalog", path.join(store.dir, "catalog.jsonl"), "--out", store.artifacts, "--quiet"]);
    writeFileSync(store.ready, "");
  })().catch((error: Error) => {
    if (!stopped) writeFileSync(store.failed, error.message);
  });
  project.provide("demoStore", store);
  return async () => {
    stopped = true;
    running?.kill("SIGKILL");
    await making;
    rmSync(root, { recursive: true, force: true });
  };
}
