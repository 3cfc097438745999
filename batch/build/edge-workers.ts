/**
 * @module
 * The edge format of a large build, encoded in child processes (`edgerec edge-part`) from the folder's meta.bin and
 * items.bin: the anchor blobs over ranges of the items, the group blobs in one more; every core works, each in a
 * fresh heap (in the build's own process, whose heap holds the whole build, the same code ran 2.4 times slower at
 * a million products). Each child writes its part as an edge pack (`edge-pack.ts`), whose end record proves it
 * complete; the caller streams the parts into edge.bin where the sequential writer would have put the same bytes.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Verdict } from "../../core/blob/blobs-kept";

/**
 * A child's young generation (semi-space, MiB): encoding makes short-lived objects by the blob, and Node's default
 * of 16 collected them often enough to cost 5% of a child's time at a million products.
 */
const YOUNG_GENERATION_MIB = 32;

/** Stderr kept of a child, to say why it failed. */
const STDERR_TAIL = 4096;

/** The part files of a build encoded apart: the anchors' in item order, and the group blobs'. */
export interface EdgeParts {
  anchors: string[];
  groups: string;
}

/** Names of anchor blobs (after the build prefix): an item's id, or a hash of a very long one (`itemKey`). */
export const ANCHOR_NAME = /^[ih]\//;

/** Where a part's verdicts are written beside it. */
function verdictsFile(part: string): string {
  return `${part}.verdicts.json`;
}

export function writeVerdicts(part: string, verdicts: readonly Verdict[]): void {
  writeFileSync(verdictsFile(part), JSON.stringify(verdicts.map(([name, keptAt]) => (keptAt === undefined ? [name] : [name, keptAt]))));
}

/** The verdicts of the parts, in order: what `planHomes` plans the build's blob homes from. */
export function readVerdicts(parts: EdgeParts): Verdict[] {
  const out: Verdict[] = [];
  for (const part of [...parts.anchors, parts.groups]) {
    for (const [name, keptAt] of JSON.parse(readFileSync(verdictsFile(part), "utf8")) as Array<[string, string?]>) out.push([name, keptAt]);
  }
  return out;
}

/**
 * Encodes the anchors of `items` items of `folder` in `workers` children, and its group blobs (directory shards,
 * model and category blobs, which hold devices' anchor blobs too) in one more; `previous`: the folder of the build
 * this one follows, whose blobs each child judges its own against (`readVerdicts`).
 */
export async function encodeApart(folder: string, items: number, workers: number, partsDir: string, previous?: string): Promise<EdgeParts> {
  const cli = edgerecCli();
  const follow = previous === undefined ? [] : ["--previous", previous];
  const count = Math.max(1, Math.min(workers, items));
  const anchors = Array.from({ length: count }, (_, k) => {
    const from = Math.floor((items * k) / count);
    const to = Math.floor((items * (k + 1)) / count);
    const out = path.join(partsDir, `anchors-${k}.bin`);
    return { out, ...runPart(cli, ["edge-part", "--folder", folder, "--from", String(from), "--to", String(to), "--out", out, ...follow], `items ${from}-${to - 1}`) };
  });
  const groupsOut = path.join(partsDir, "groups.bin");
  const groups = { out: groupsOut, ...runPart(cli, ["edge-part", "--folder", folder, "--groups", "--out", groupsOut, ...follow], "the group blobs") };
  const children = [...anchors, groups];
  try {
    await Promise.all(children.map((child) => child.done));
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }
  return { anchors: anchors.map((child) => child.out), groups: groups.out };
}

function runPart(cli: string, args: string[], what: string): { done: Promise<void>; kill: () => void } {
  const child = spawn(process.execPath, [`--max-semi-space-size=${YOUNG_GENERATION_MIB}`, cli, ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text: string) => {
    stderr = (stderr + text).slice(-STDERR_TAIL);
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", (error) => reject(new Error(`edge format: the process encoding ${what} did not start (${error.message})`)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`edge format: the process encoding ${what} ${signal !== null ? `was killed (${signal})` : `failed (exit code ${code})`}${stderr.trim() !== "" ? `: ${stderr.trim()}` : ""}`));
    });
  });
  return { done, kill: () => child.kill() };
}

/** `bin/edgerec.mjs` of this checkout, found from this module (a source file, or a chunk of the CLI's bundle). */
function edgerecCli(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const cli = path.join(dir, "bin", "edgerec.mjs");
    if (existsSync(cli)) return cli;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("edge format: bin/edgerec.mjs not found above the build code");
    dir = parent;
  }
}
