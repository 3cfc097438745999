/**
 * @module
 * The `edgerec` CLI as compiled JavaScript, so a command starts without compiling TypeScript: esbuild bundles
 * `batch/cli/main.ts` (dependencies stay in node_modules) into `.cli/`, one chunk per command, at install
 * (`npm prepare`) or whenever a source it was built from has changed since (the bin checks the inputs esbuild
 * recorded, so an edit never runs stale code). Run directly, it rebuilds.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = `${ROOT}.cli`;
export const ENTRY = `${OUT}/main.js`;
const INPUTS = `${OUT}/inputs.json`;

/** Whether `.cli/` holds a bundle no older than any of the files it was built from. */
export function bundleIsFresh() {
  try {
    const { inputs } = JSON.parse(readFileSync(INPUTS, "utf8"));
    const built = statSync(ENTRY).mtimeMs;
    for (const input of inputs) if (statSync(`${ROOT}${input}`).mtimeMs > built) return false;
    return true;
  } catch {
    return false;
  }
}

export async function buildBundle() {
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["batch/cli/main.ts"],
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: OUT,
    packages: "external",
    metafile: true,
    logLevel: "warning",
  });
  writeFileSync(INPUTS, JSON.stringify({ inputs: Object.keys(result.metafile.inputs) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBundle();
