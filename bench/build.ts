/**
 * @module
 * `npm run bench:build`: `edgerec build` on a generated store of 1,000,000 orders (or `--orders N`), timed as a
 * separate process: wall time and peak resident memory (GNU time's maximum RSS), against the 60 s / 2 GB budget.
 * The generated store is cached in .tmp/bench-build-<N>/ between runs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { orders: { type: "string", default: "1000000" }, runs: { type: "string", default: "1" } } });
const orders = Number(values.orders);
const data = path.join(ROOT, ".tmp", `bench-build-${orders}`);
const out = path.join(ROOT, ".tmp", `bench-build-${orders}-artifacts`);
const edgerec = path.join(ROOT, "bin", "edgerec.mjs");

if (!existsSync(path.join(data, "orders.jsonl"))) {
  mkdirSync(data, { recursive: true });
  console.log(`generating a demo store with ${orders} orders into ${data} ...`);
  execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tools", "demo", "cli.ts"), "--out", data, "--orders", String(orders), "--quiet"], { stdio: "inherit" });
}

interface Run {
  seconds: number;
  peakMiB: number;
  summary: string;
}

function timedBuild(): Run {
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync(
    "/usr/bin/time",
    ["-f", "MAXRSS_KB=%M", edgerec, "build", "--orders", path.join(data, "orders.jsonl"), "--catalog", path.join(data, "catalog.jsonl"), "--out", out, "--quiet"],
    { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] },
  );
  if (result.status !== 0) throw new Error(`edgerec build failed:\n${result.stderr}`);
  const stderr = result.stderr;
  const seconds = (performance.now() - started) / 1000;
  const rss = /MAXRSS_KB=(\d+)/.exec(stderr);
  return { seconds, peakMiB: rss ? Number(rss[1]) / 1024 : Number.NaN, summary: stderr.split("\n").find((l) => l.startsWith("build:")) ?? "" };
}

const runs: Run[] = [];
for (let i = 0; i < Number(values.runs); i++) runs.push(timedBuild());
const best = runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
console.log(`\nedgerec build on ${orders.toLocaleString("en")} generated orders (${runs.length} run(s), best shown)`);
console.log(`  ${best.summary}`);
console.log(`  wall time ${best.seconds.toFixed(1)} s (budget 60 s): ${best.seconds < 60 ? "met" : "MISSED"}`);
console.log(`  peak RSS  ${best.peakMiB.toFixed(0)} MiB (budget 2048 MiB): ${best.peakMiB < 2048 ? "met" : "MISSED"}`);
