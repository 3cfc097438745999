/**
 * @module
 * `npm run bench:cli`: how fast `edgerec` starts. Times, over `--runs` runs each (median and best wall time, median
 * CPU), `npx edgerec --help` as the README says it, `node bin/edgerec.mjs --help` (the CLI alone, no npx), and two
 * floors on the same machine: `node -e 0` and `npx` running a bin that does nothing. With `--fresh`, it first
 * clones this checkout's HEAD into a temporary folder and runs the README's install there (`npm ci`), so the
 * figures are those of a fresh clone (the compiled CLI comes from the install's `prepare`).
 *
 *   npm run bench:cli -- [--runs 15] [--fresh]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "15" }, fresh: { type: "boolean", default: false } } });
const runs = Number(values.runs);
const here = path.resolve(import.meta.dirname, "..");
let root = here;
const scratch = mkdtempSync(path.join(tmpdir(), "edgerec-bench-cli-"));

try {
  if (values.fresh) {
    root = path.join(scratch, "clone");
    execFileSync("git", ["clone", "--quiet", "--no-hardlinks", here, root], { stdio: "inherit" });
    const started = performance.now();
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    const compiled = existsSync(path.join(root, ".cli/main.js"));
    process.stdout.write(`fresh clone of HEAD in ${root}; npm ci took ${((performance.now() - started) / 1000).toFixed(1)} s; the compiled CLI ${compiled ? "is there (prepare ran)" : "is MISSING"}\n`);
  }
  const noop = path.join(scratch, "noop");
  mkdirSync(path.join(noop, "bin"), { recursive: true });
  writeFileSync(path.join(noop, "package.json"), JSON.stringify({ name: "noop", version: "1.0.0", type: "module", bin: { noop: "bin/noop.mjs" } }));
  writeFileSync(path.join(noop, "bin/noop.mjs"), "#!/usr/bin/env node\n", { mode: 0o755 });

  const time = (label: string, command: string, args: string[], cwd: string) => {
    const walls: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const started = performance.now();
      const run = spawnSync(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
      const wall = performance.now() - started;
      if (run.status !== 0) throw new Error(`${label} exited ${run.status}: ${run.stderr}`);
      if (i > 0) walls.push(wall); // the first run warms the file cache (and may compile the CLI)
    }
    const cpu = cpuOf(command, args, cwd);
    walls.sort((a, b) => a - b);
    const median = walls[Math.floor(walls.length / 2)];
    process.stdout.write(`${label.padEnd(34)} median ${(median / 1000).toFixed(3)} s   best ${(walls[0] / 1000).toFixed(3)} s   cpu ${(cpu / 1000).toFixed(3)} s\n`);
    return median;
  };

  process.stdout.write(`${runs} runs each, load average ${loadavg()[0].toFixed(2)} on ${cpus().length} cores\n`);
  const npx = time("npx edgerec --help", "npx", ["edgerec", "--help"], root);
  time("node bin/edgerec.mjs --help", process.execPath, ["bin/edgerec.mjs", "--help"], root);
  time("node bin/edgerec.mjs build --help", process.execPath, ["bin/edgerec.mjs", "build", "--help"], root);
  time("floor: node -e 0", process.execPath, ["-e", "0"], root);
  const floor = time("floor: npx of a no-op bin", "npx", ["noop"], noop);
  process.stdout.write(`\nnpx edgerec --help: ${(npx / 1000).toFixed(3)} s (target 0.3 s: ${npx < 300 ? "met" : "missed"}); npx itself takes ${(floor / 1000).toFixed(3)} s of it here\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** User + system CPU of one run, in ms (from /usr/bin/time where present, else the wall time). */
function cpuOf(command: string, args: string[], cwd: string): number {
  const run = spawnSync("/usr/bin/time", ["-f", "%U %S", command, ...args], { cwd, encoding: "utf8" });
  const last = run.stderr?.trim().split("\n").at(-1) ?? "";
  const [user, sys] = last.split(" ").map(Number);
  return Number.isFinite(user) && Number.isFinite(sys) ? (user + sys) * 1000 : Number.NaN;
}
