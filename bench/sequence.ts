/**
 * @module
 * `npm run bench:sequence`: next-item quality (HR@10, MRR@20; mean of seeds 42, 1, 2) of the served `home`
 * answer beside the baselines and the sequence model alone, on the real session data sets and the demo store's
 * browsing events, through the same split, build and `recommend()` as `edgerec evaluate --task next-item`, with
 * what the build decided about the model (kept or dropped, its blend weight) and its training time and peak
 * memory; then the time the next-item slot, and the sequence model within it, add to a `home` request for a
 * 10-item session (p50 / p99, median of 5 rounds).
 *
 *   npm run bench:sequence [-- --datasets diginetica_sample,amazon_electronics_ratings] [--seeds 42,1,2] [--no-demo]
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildFromFiles } from "../batch/build/build";
import { meanNextItem } from "../batch/commands/evaluate-next-item";
import { evaluateNextItem, type NextItemInputs, type NextItemRun, SEQUENCE_MODEL_RUN } from "../batch/evaluate/next-item";
import type { SequenceModelReport } from "../batch/sequence/sequence-model-build";
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

const ROWS: Array<[label: string, variant: string]> = [
  ["popularity", "popularity"],
  ["item-kNN (last item)", "item-knn"],
  ["session-kNN (V-SKNN)", "v-sknn"],
  ["sequence model alone", SEQUENCE_MODEL_RUN],
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
  const runs = await evaluateNextItem(inputs, { seeds, variants: [{ name: "blend", build: { sequenceModel: { keepUnused: true } } }], baselines: ["popularity", "item-knn", "v-sknn"] });
  const mean = (variant: string) => meanNextItem(runs.filter((r) => r.variant === variant));
  const blend = runs.find((r) => r.variant === "blend");
  console.log(`\n${name}: ${Math.round(mean("blend").requests)} test sessions per seed (${Math.round(mean("blend").cold)} with a held-out item training never saw), ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`  ${"".padEnd(24)} HR@10    MRR@20`);
  for (const [label, variant] of ROWS) {
    if (!runs.some((r) => r.variant === variant)) {
      console.log(`  ${label.padEnd(24)} (no model: ${runs.find((r) => r.variant === "blend")?.sequenceModel?.reason ?? "none"})`);
      continue;
    }
    const m = mean(variant);
    console.log(`  ${label.padEnd(24)} ${m.hr.toFixed(4)}   ${m.mrr.toFixed(4)}`);
  }
  const ahead = mean("blend").hr > mean("v-sknn").hr && mean("blend").mrr > mean("v-sknn").mrr;
  console.log(`  served blend ahead of session-kNN on both metrics: ${ahead ? "yes" : "NO"}; per seed HR@10 blend / V-SKNN: ${seedPairs(runs)}`);
  if (blend?.parameters !== undefined) console.log(`  next-item lists (seed ${blend.seed}): ${JSON.stringify(blend.parameters)}`);
  modelSummary(runs.filter((r) => r.variant === "blend"));
}

/** Per seed: kept or dropped, the blend weight and its gain on validation; training time and peak memory. */
function modelSummary(runs: readonly NextItemRun[]): void {
  const reports = runs.map((r) => r.sequenceModel).filter((r): r is SequenceModelReport => r !== undefined);
  const decisions = runs.map((r) => `seed ${r.seed} ${r.sequenceModel?.status ?? "?"} w=${r.sequenceModel?.blend_weight ?? 0} (gain ${r.sequenceModel?.validation?.gain_z ?? "-"} SE)`).join("; ");
  console.log(`  sequence model in the served blend: ${decisions}`);
  const trained = reports.map((r) => r.training).filter((t) => t !== undefined);
  if (trained.length === 0) return;
  const avg = (f: (t: (typeof trained)[number]) => number) => trained.reduce((s, t) => s + f(t), 0) / trained.length;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  console.log(
    `  training (${trained[0].backend}, d ${trained[0].dim}, mean of ${trained.length}): ${(avg((t) => t.milliseconds) / 1000).toFixed(1)} s, ${avg((t) => t.epochs).toFixed(1)} epochs on ${avg((t) => t.sessions).toFixed(0)} sessions and ${avg((t) => t.vocabulary).toFixed(0)} items; ` +
      `peak memory ${mib(Math.max(...trained.map((t) => t.peak_rss_bytes)))} process, ${mib(Math.max(...trained.map((t) => t.peak_tensor_bytes)))} tensors (budget ${trained[0].budget.seconds} s, ${mib(trained[0].budget.memory_bytes)})`,
  );
}

function seedPairs(runs: readonly NextItemRun[]): string {
  return seeds.map((seed) => `${runs.find((r) => r.seed === seed && r.variant === "blend")?.metrics.hr.toFixed(3)} / ${runs.find((r) => r.seed === seed && r.variant === "v-sknn")?.metrics.hr.toFixed(3)}`).join(", ");
}

/**
 * `home` for 500 sessions of 10 viewed items that have next-item lists: with and without the next-item slot, and
 * with the sequence model in the slot or not. The build's model weight is set to 0.3 so the model runs whether or
 * not the build would keep it: the time does not depend on the weight.
 */
async function latency(orders: string): Promise<void> {
  const SESSIONS = 500;
  const WARMUP = 3_000;
  const RUNS = 10_000;
  const ROUNDS = 5;
  const artifacts = await buildFromFiles({ orders }, { buildId: "bench-sequence", now: new Date(0), sequenceModel: { blendWeight: 0.3 } });
  const store = new ArtifactStore(artifacts);
  const shipped = artifacts.manifest.parameters.sequence_model as SequenceModelReport;
  const embedded = artifacts.itemBlobs.filter((b) => b !== undefined).length;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(
    `\nbytes, diginetica_sample build with the model: item blobs ${kib(artifacts.manifest.bytes.items)}, of which embeddings ${kib(shipped.embedding_bytes ?? 0)} ` +
      `(${((shipped.embedding_bytes ?? 0) / embedded).toFixed(0)} bytes per blob on average, ${embedded} blobs); meta blob ${kib(artifacts.manifest.bytes.meta)}; no extra KV read per request`,
  );
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
  const model = build.meta.sequenceModel!;
  const listsOnly = { ...build, meta: { ...build.meta, sequenceModel: { ...model, blendWeight: 0 } } };
  const noModel = time((s) => recommend(requests[s], { ...data[s], build: listsOnly }, { recId: "bench" }));
  const us = (x: number) => `${x.toFixed(1).padStart(6)} us`;
  console.log(`\nedge time, home with 10 viewed items (diginetica_sample build, ${SESSIONS} sessions; load ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores)`);
  console.log(`  next-item merge alone (10 lists, top 32)   p50 ${us(merge.p50)}   p99 ${us(merge.p99)}`);
  console.log(`  recommend() home                           p50 ${us(full.p50)}   p99 ${us(full.p99)}`);
  console.log(`  recommend() home without the next-item slot p50 ${us(without.p50)}   p99 ${us(without.p99)}`);
  console.log(`  recommend() home, lists without the model  p50 ${us(noModel.p50)}   p99 ${us(noModel.p99)}`);
  console.log(`  added by the next-item slot                p50 ${us(full.p50 - without.p50)}   p99 ${us(full.p99 - without.p99)}`);
  console.log(`  added by the sequence model (d ${model.dim})      p50 ${us(full.p50 - noModel.p50)}   p99 ${us(full.p99 - noModel.p99)}`);
}
