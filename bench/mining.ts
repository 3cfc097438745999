/**
 * @module
 * `npm run bench:mining`: exact frequent-itemset mining on real and benchmark baskets against the reference
 * figures of ../shared/data/README.md and against the npm package node-fpgrowth on the same input. Every
 * measurement runs in its own child process so peak memory belongs to one implementation only; reading the
 * file is timed apart from mining.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FPGrowth } from "node-fpgrowth";
import { formatBytes } from "../batch/cli/progress";
import type { Baskets } from "../batch/io/baskets";
import { readOrders } from "../batch/io/read-orders";
import { associationRules } from "../batch/mining/association-rules";
import { fpGrowth } from "../batch/mining/fpgrowth";
import { countBySize } from "../batch/mining/frequent-itemsets";

const ROOT = path.resolve(import.meta.dirname, "..");
const DATA = path.resolve(ROOT, "../shared/data/baskets");
const SELF = fileURLToPath(import.meta.url);
const CONFIDENCE = 0.5;
/** Ours: at least this many runs, more while under the time budget (JIT warm-up dominates tiny inputs). */
const MIN_RUNS = 9;
const MAX_RUNS = 60;
const BUDGET_SECONDS = 1;
/** node-fpgrowth: up to this many runs within its budget (a run on t10i4d100k takes seconds). */
const PEER_RUNS = 3;
const PEER_BUDGET_SECONDS = 3;

/** Reference figures: itemsets and rules at confidence >= 0.5 with one item on the right. */
const CASES = [
  { file: "groceries.tsv", minSupport: 0.01, itemsets: 333, rules: 15 },
  { file: "groceries.tsv", minSupport: 0.001, itemsets: 13_492, rules: 5_668 },
  { file: "groceries.tsv", minSupport: 0.0005, itemsets: 49_580, rules: 42_278 },
  { file: "t10i4d100k.tsv", minSupport: 0.0025, itemsets: 7_703, rules: 17_041 },
  { file: "t10i4d100k.tsv", minSupport: 0.001, itemsets: 27_532, rules: 72_054 },
];

interface OursTiming {
  readSeconds: number;
  threshold: number;
  itemsets: number;
  bySize: number[];
  rules: number;
  miningSeconds: number[];
  ruleSeconds: number[];
}

interface PeerTiming {
  itemsets: number;
  times: number[];
  /** Only meaningful after a single run. */
  readRss: number;
  peakRss: number;
}

interface Footprint {
  itemsets: number;
  readRss: number;
  peakRss: number;
  seconds: number;
}

async function child(role: string, file: string, minSupport: number): Promise<unknown> {
  const readStarted = performance.now();
  const { baskets } = await readOrders(path.join(DATA, file));
  const readSeconds = (performance.now() - readStarted) / 1000;
  if (role === "ours-time") {
    const miningSeconds: number[] = [];
    const ruleSeconds: number[] = [];
    let result: Omit<OursTiming, "miningSeconds" | "ruleSeconds" | "readSeconds"> | undefined;
    const budgetStarted = performance.now();
    for (let run = 0; run < MAX_RUNS && (run < MIN_RUNS || performance.now() - budgetStarted < BUDGET_SECONDS * 1000); run++) {
      const started = performance.now();
      const sets = fpGrowth(baskets, { minSupport });
      const mined = performance.now();
      const rules = associationRules(sets, { minConfidence: CONFIDENCE });
      const ruled = performance.now();
      miningSeconds.push((mined - started) / 1000);
      ruleSeconds.push((ruled - mined) / 1000);
      result = { threshold: sets.threshold, itemsets: sets.counts.length, bySize: countBySize(sets).slice(1), rules: rules.counts.length };
    }
    return { ...result, readSeconds, miningSeconds, ruleSeconds } satisfies Partial<OursTiming>;
  }
  if (role === "peer-time") {
    global.gc?.();
    const readRss = process.memoryUsage.rss();
    const transactions = transactionsOf(baskets);
    const times: number[] = [];
    let itemsets = 0;
    const budgetStarted = performance.now();
    for (let run = 0; run < PEER_RUNS && (run === 0 || performance.now() - budgetStarted < PEER_BUDGET_SECONDS * 1000); run++) {
      const started = performance.now();
      itemsets = (await new FPGrowth<number>(minSupport).exec(transactions)).length;
      times.push((performance.now() - started) / 1000);
    }
    return { itemsets, times, readRss, peakRss: process.resourceUsage().maxRSS * 1024 } satisfies PeerTiming;
  }
  global.gc?.();
  const readRss = process.memoryUsage.rss();
  const started = performance.now();
  let itemsets: number;
  if (role === "ours-memory") {
    itemsets = fpGrowth(baskets, { minSupport }).counts.length;
  } else {
    itemsets = (await new FPGrowth<number>(minSupport).exec(transactionsOf(baskets))).length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { itemsets, readRss, peakRss: process.resourceUsage().maxRSS * 1024, seconds } satisfies Footprint;
}

/** node-fpgrowth's input: one array of item numbers per basket. */
function transactionsOf(baskets: Baskets): number[][] {
  const transactions: number[][] = [];
  for (let b = 0; b + 1 < baskets.offsets.length; b++) {
    transactions.push(Array.from(baskets.items.subarray(baskets.offsets[b], baskets.offsets[b + 1])));
  }
  return transactions;
}

function spawnChild<T>(role: string, file: string, minSupport: number): T {
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", SELF, "--child", role, file, String(minSupport)], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`${role} on ${file} failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (s: number) => (s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`);

async function parent(): Promise<number> {
  if (!existsSync(path.join(DATA, "groceries.tsv")) || !existsSync(path.join(DATA, "t10i4d100k.tsv"))) {
    console.log(`SKIPPED: ${DATA} is absent (../shared/data is only on CI and team machines)`);
    return 0;
  }
  console.log(`Exact frequent itemsets: edgerec FP-Growth vs node-fpgrowth 1.2.1 on the same baskets (node ${process.version}).`);
  console.log("Times are medians of the runs shown as xN, each implementation in its own process; our first (cold) run in brackets.");
  console.log("Peak memory: peak RSS of a child process that reads the file and mines once (RSS after reading in brackets).\n");
  const header = [
    "data @ minsup",
    "threshold",
    "itemsets (ref)",
    `rules@${CONFIDENCE} (ref)`,
    "read",
    "ours mining",
    "rule gen",
    "node-fpgrowth",
    "speed-up",
    "ours peak",
    "node-fpgrowth peak",
    "counts match",
  ];
  const rows: string[][] = [];
  let allMatch = true;
  const verdicts: string[] = [];
  for (const c of CASES) {
    const ours = spawnChild<OursTiming>("ours-time", c.file, c.minSupport);
    const oursMemory = spawnChild<Footprint>("ours-memory", c.file, c.minSupport);
    const peerTime = spawnChild<PeerTiming>("peer-time", c.file, c.minSupport);
    const peer = peerTime.times.length === 1 ? { ...peerTime, seconds: peerTime.times[0] } : spawnChild<Footprint>("peer-memory", c.file, c.minSupport);
    const mining = median(ours.miningSeconds);
    const peerSeconds = median(peerTime.times);
    const match =
      ours.itemsets === c.itemsets &&
      ours.rules === c.rules &&
      oursMemory.itemsets === c.itemsets &&
      peerTime.itemsets === c.itemsets &&
      peer.itemsets === c.itemsets;
    allMatch &&= match;
    const speedUp = peerSeconds / mining;
    rows.push([
      `${c.file.replace(".tsv", "")} @ ${c.minSupport}`,
      String(ours.threshold),
      `${ours.itemsets.toLocaleString("en")} (${c.itemsets.toLocaleString("en")})`,
      `${ours.rules.toLocaleString("en")} (${c.rules.toLocaleString("en")})`,
      seconds(ours.readSeconds),
      `${seconds(mining)} x${ours.miningSeconds.length} (${seconds(ours.miningSeconds[0])})`,
      seconds(median(ours.ruleSeconds)),
      `${seconds(peerSeconds)} x${peerTime.times.length} [${peerTime.itemsets.toLocaleString("en")}]`,
      `${speedUp.toFixed(1)}x`,
      `${formatBytes(oursMemory.peakRss)} (${formatBytes(oursMemory.readRss)})`,
      `${formatBytes(peer.peakRss)} (${formatBytes(peer.readRss)})`,
      match ? "yes" : "NO",
    ]);
    if (c.file.startsWith("t10i4d100k") && c.minSupport === 0.001) {
      verdicts.push(`target t10i4d100k @ 0.001: >= 10x node-fpgrowth: ${speedUp >= 10 ? "met" : "MISSED"} (${speedUp.toFixed(1)}x); mining < 0.5 s: ${mining < 0.5 ? "met" : "MISSED"} (${seconds(mining)})`);
    }
    if (c.file.startsWith("groceries") && c.minSupport === 0.001) {
      const expected = [157, 2981, 6831, 3137, 376, 10];
      const same = JSON.stringify(ours.bySize) === JSON.stringify(expected);
      allMatch &&= same;
      verdicts.push(`groceries @ 0.001 by size: ${ours.bySize.join(" / ")} ${same ? "(matches the reference)" : `(reference ${expected.join(" / ")})`}`);
    }
  }
  printTable(header, rows);
  console.log(`\n[n] after node-fpgrowth's time is its own itemset count.\n${verdicts.join("\n")}`);
  console.log(allMatch ? "All counts match the reference figures." : "COUNTS DIFFER from the reference figures.");
  return allMatch ? 0 : 1;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, j) => cell.padEnd(widths[j])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  process.stdout.write(JSON.stringify(await child(args[1], args[2], Number(args[3]))));
} else {
  process.exitCode = await parent();
}
