/**
 * @module
 * `npm run bench:sequence`: next-item quality (HR@10, MRR@20; mean of seeds 42, 1, 2) of the served `home`
 * answer beside the baselines, on the real session data sets and the demo store's browsing events, through the
 * same split, build and `recommend()` as `edgerec evaluate --task next-item`; then the time the next-item slot
 * adds to a `home` request for a 10-item session (p50 / p99, median of 5 rounds).
 *
 *   npm run bench:sequence [-- --datasets diginetica_sample,amazon_electronics_ratings] [--seeds 42,1,2] [--no-demo]
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildFromFiles } from "../batch/build/build";
import { meanNextItem } from "../batch/commands/evaluate-next-item";
import { evaluateNextItem, type NextItemInputs, type NextItemRun } from "../batch/evaluate/next-item";
import { ArtifactStore } from "../batch/recommend/artifact-store";
import { mergeCandidateLists, type WeightedAnchor } from "../core/recommend/merge-cart";
import { recommend } from "../core/recommend/recommend";
import { sessionAnchors } from "../core/recommend/session-anchors";
import { DEFAULT_SLOT_PLANS } from "../core/recommend/slot-plans";
import { Rng } from "../core/random/rng";
import type { RecommendationRequest } from "../core/request-schema";
import { command as demoCommand } from "../tools/demo/demo-command";
import { percentile } from "./demo-store";

const DATA = path.resolve(import.meta.dirname, "../../shared/data/baskets");
const { values } = parseArgs({ options: { datasets: { type: "string" }, seeds: { type: "string" }, "no-demo": { type: "boolean" } } });
const datasets = (values.datasets ?? "diginetica_sample,amazon_electronics_ratings").split(",").map((s) => s.trim());
const seeds = (values.seeds ?? "42,1,2").split(",").map(Number);

const ROWS: Array<[label: string, variant: string | undefined]> = [
  ["popularity", "popularity"],
  ["item-kNN (last item)", "item-knn"],
  ["session-kNN (V-SKNN)", "v-sknn"],
  ["sequence model alone", undefined],
  ["served blend (home)", "blend"],
];

console.log(`next-item: hold out the last, new item of a fifth of the sessions; HR@10 and MRR@20, mean of seeds ${seeds.join(", ")}`);
const work = mkdtempSync(path.join(tmpdir(), "edgerec-bench-sequence-"));
try {
  for (const name of datasets) {
    const file = path.join(DATA, `${name}.jsonl`);
    if (!existsSync(file)) {
      console.log(`\n${name}: SKIPPED (${file} is absent)`);
      continue;
    }
    await report(name, { orders: file });
  }
  if (values["no-demo"] !== true) {
    const demo = path.join(work, "demo");
    await demoCommand.run(["--out", demo, "--quiet"]);
    await report("demo store events (for showing, not evidence)", { orders: path.join(demo, "orders.jsonl"), events: path.join(demo, "events.jsonl"), catalog: path.join(demo, "catalog.jsonl") });
  }
  if (datasets.includes("diginetica_sample") && existsSync(path.join(DATA, "diginetica_sample.jsonl"))) await latency(path.join(DATA, "diginetica_sample.jsonl"));
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function report(name: string, inputs: NextItemInputs): Promise<void> {
  const started = performance.now();
  const runs = await evaluateNextItem(inputs, { seeds, variants: [{ name: "blend", build: {} }], baselines: ["popularity", "item-knn", "v-sknn"] });
  const mean = (variant: string) => meanNextItem(runs.filter((r) => r.variant === variant));
  const blend = runs.find((r) => r.variant === "blend");
  console.log(`\n${name}: ${Math.round(mean("blend").requests)} test sessions per seed (${Math.round(mean("blend").cold)} with a held-out item training never saw), ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`  ${"".padEnd(24)} HR@10    MRR@20`);
  for (const [label, variant] of ROWS) {
    if (variant === undefined) {
      console.log(`  ${label.padEnd(24)} sequence model: not trained yet`);
      continue;
    }
    const m = mean(variant);
    console.log(`  ${label.padEnd(24)} ${m.hr.toFixed(4)}   ${m.mrr.toFixed(4)}`);
  }
  const ahead = mean("blend").hr > mean("v-sknn").hr && mean("blend").mrr > mean("v-sknn").mrr;
  console.log(`  served blend ahead of session-kNN on both metrics: ${ahead ? "yes" : "NO"}; per seed HR@10 blend / V-SKNN: ${seedPairs(runs)}`);
  if (blend?.parameters !== undefined) console.log(`  next-item lists (seed ${blend.seed}): ${JSON.stringify(blend.parameters)}`);
}

function seedPairs(runs: readonly NextItemRun[]): string {
  return seeds.map((seed) => `${runs.find((r) => r.seed === seed && r.variant === "blend")?.metrics.hr.toFixed(3)} / ${runs.find((r) => r.seed === seed && r.variant === "v-sknn")?.metrics.hr.toFixed(3)}`).join(", ");
}

/** `home` for 500 sessions of 10 viewed items that have next-item lists, with and without the next-item slot. */
async function latency(orders: string): Promise<void> {
  const SESSIONS = 500;
  const WARMUP = 3_000;
  const RUNS = 10_000;
  const ROUNDS = 5;
  const store = new ArtifactStore(await buildFromFiles({ orders }, { buildId: "bench-sequence", now: new Date(0) }));
  const build = store.build;
  const withLists = build.meta.items.filter((id) => store.servingData({ placement: "home", viewed: [{ id }] }).lists.get(id)?.next_item !== undefined);
  const rng = new Rng(42);
  const requests: RecommendationRequest[] = Array.from({ length: SESSIONS }, () => {
    const viewed = new Set<string>();
    while (viewed.size < 10) viewed.add(withLists[rng.int(withLists.length)]);
    return { placement: "home", viewed: [...viewed].map((id) => ({ id, dwell_ms: 5_000 })), k: 10 };
  });
  const data = requests.map((r) => store.servingData(r));
  const withoutNext = { home: { ...DEFAULT_SLOT_PLANS.home, slots: DEFAULT_SLOT_PLANS.home.slots.filter((s) => s.source !== "next_item") } };
  const anchors: WeightedAnchor[][] = requests.map((request, s) => {
    const { anchors: items, weights } = sessionAnchors(request.viewed!.map((v) => build.index.get(v.id)));
    return items.map((item, r) => ({ list: data[s].lists.get(build.meta.items[item])!.next_item!, weight: weights[r] }));
  });
  const viewed = requests.map((r) => new Set(r.viewed!.map((v) => build.index.get(v.id)!)));

  const time = (call: (s: number) => unknown) => {
    for (let i = 0; i < WARMUP; i++) call(i % SESSIONS);
    const rounds: Array<{ p50: number; p99: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const samples = new Float64Array(RUNS);
      for (let i = 0; i < RUNS; i++) {
        const start = process.hrtime.bigint();
        call(i % SESSIONS);
        samples[i] = Number(process.hrtime.bigint() - start) / 1000;
      }
      samples.sort();
      rounds.push({ p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) });
    }
    const median = (pick: (r: (typeof rounds)[number]) => number) => rounds.map(pick).sort((a, b) => a - b)[ROUNDS >> 1];
    return { p50: median((r) => r.p50), p99: median((r) => r.p99) };
  };
  const merge = time((s) => mergeCandidateLists(anchors[s], (item) => viewed[s].has(item), 32));
  const full = time((s) => recommend(requests[s], data[s], { recId: "bench" }));
  const without = time((s) => recommend(requests[s], { ...data[s], slotPlans: withoutNext }, { recId: "bench" }));
  const us = (x: number) => `${x.toFixed(1).padStart(6)} us`;
  console.log(`\nedge time, home with 10 viewed items (diginetica_sample build, ${SESSIONS} sessions; load ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores)`);
  console.log(`  next-item merge alone (10 lists, top 32)   p50 ${us(merge.p50)}   p99 ${us(merge.p99)}`);
  console.log(`  recommend() home                           p50 ${us(full.p50)}   p99 ${us(full.p99)}`);
  console.log(`  recommend() home without the next-item slot p50 ${us(without.p50)}   p99 ${us(without.p99)}`);
  console.log(`  added by the next-item slot                p50 ${us(full.p50 - without.p50)}   p99 ${us(full.p99 - without.p99)}`);
}
