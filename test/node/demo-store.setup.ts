/**
 * @module
 * Global setup of the node project: a temporary folder for the demo store the suites share (`./demo-store.ts`),
 * made there by the first suite that needs it, and removed when the run ends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  interface ProvidedContext {
    demoStoreRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(path.join(tmpdir(), "edgerec-demo-store-"));
  project.provide("demoStoreRoot", root);
  return () => rmSync(root, { recursive: true, force: true });
}
