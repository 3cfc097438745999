/**
 * @module
 * `npm run bench:test-time`: the wall time of one fixed set of test suites at an earlier commit and in this
 * checkout, run in turn on the same machine, so that a change to the test set-up is judged on the same suites
 * even after the suite has grown.
 *
 *   the set    every *.test.ts file of the earlier commit (default 3dd7a4b, where `npm test` ran 76 files), each
 *              followed to its path here through git's rename detection; a file deleted since is left out of
 *              both sides and named
 *   earlier    a detached worktree of that commit beside this checkout (so that ../shared/data, the real data
 *              sets, is the same folder for both), with its own `npm ci`; made once, reused after (`git worktree
 *              remove` it when done)
 *   runs       `npx vitest run <the set>` at the earlier commit, then here, --runs times (default 2), each
 *              run's wall seconds with the load average before it
 *
 * Flags: --at COMMIT, --runs N. Ends with `test-time: earlier=<median s> here=<median s> files=<n>`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { parseArgs, stripVTControlCharacters } from "node:util";
import { OFFLINE_ENV } from "../batch/publish/wrangler-cli";

const ROOT = path.resolve(import.meta.dirname, "..");

const { values } = parseArgs({ options: { at: { type: "string", default: "3dd7a4b" }, runs: { type: "string", default: "2" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
}

const commit = git("rev-parse", "--short", `${values.at}^{commit}`).trim();
const earlierFiles = git("ls-tree", "-r", "--name-only", commit)
  .split("\n")
  .filter((file) => file.endsWith(".test.ts"));

/** Where each of the earlier commit's files is here: renamed, unchanged, or gone (null). */
function followed(files: readonly string[]): Map<string, string | null> {
  const moved = new Map<string, string | null>();
  for (const line of git("diff", "-M", "--name-status", commit, "HEAD").split("\n")) {
    const [status, from, to] = line.split("\t");
    if (status?.startsWith("R")) moved.set(from, to);
    else if (status === "D") moved.set(from, null);
  }
  return new Map(files.map((file) => [file, moved.has(file) ? moved.get(file)! : file]));
}

const mapping = followed(earlierFiles);
const kept = earlierFiles.filter((file) => mapping.get(file) !== null);
const here = kept.map((file) => mapping.get(file)!);

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} cores`);
console.log(`${earlierFiles.length} test files at ${commit}; ${kept.length} of them are here:`);
for (const file of earlierFiles) {
  const to = mapping.get(file);
  if (to !== file) console.log(`  ${file} -> ${to ?? "deleted (left out of both runs)"}`);
}

const earlier = path.resolve(ROOT, "..", `edgerec-test-time-${commit}`);
if (!existsSync(path.join(earlier, "node_modules"))) {
  if (!existsSync(earlier)) git("worktree", "add", "--detach", earlier, commit);
  console.log(`npm ci in ${earlier} ...`);
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: earlier, stdio: ["ignore", "ignore", "inherit"] });
}
// Both checkouts give wrangler dev the same local secrets, as scripts/env.sh does.
for (const dir of [earlier, ROOT]) if (!existsSync(path.join(dir, ".dev.vars"))) copyFileSync(path.join(dir, ".dev.vars.example"), path.join(dir, ".dev.vars"));

function timeRun(cwd: string, files: readonly string[]): { seconds: number; load: number; code: number | null } {
  const load = loadavg()[0];
  const started = performance.now();
  const run = spawnSync("npx", ["vitest", "run", ...files], { cwd, env: { ...process.env, ...OFFLINE_ENV }, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  const lines = stripVTControlCharacters(`${run.stdout}`).split("\n");
  for (const line of lines.filter((l) => /^\s*(Test Files|Tests)\s/.test(l))) console.log(`    ${line.trim()}`);
  return { seconds, load, code: run.status };
}

const times: Record<"earlier" | "here", number[]> = { earlier: [], here: [] };
for (let r = 1; r <= runs; r++) {
  for (const [side, cwd, files] of [["earlier", earlier, kept], ["here", ROOT, here]] as const) {
    const { seconds, load, code } = timeRun(cwd, files);
    times[side].push(seconds);
    console.log(`run ${r} ${side.padEnd(7)} ${seconds.toFixed(1).padStart(6)} s  (load ${load.toFixed(2)} before, exit ${code})`);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`test-time: earlier=${median(times.earlier).toFixed(1)} here=${median(times.here).toFixed(1)} files=${kept.length}`);
