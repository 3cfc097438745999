/**
 * @module
 * Next-item evaluation through the project's own pipeline: which item does a shopper look at next?
 *
 * Sequences (`io/read-sequences.ts`): with an events file, its view sessions (in time order, with dwell); else
 * the orders file's lines (`sequence` where given, else the items in order). For each seed the split of
 * `next-item-split.ts` picks test sessions; training is the input files without them, written to a scratch
 * folder and built by `buildFromFiles` exactly as `edgerec build` builds (with an events file, the test
 * sessions' events leave the events file and the orders they purchased leave the orders file). Each test prefix
 * is replayed as a `home` request with the prefix as `viewed` (its last LIMITS.viewedItems views, with dwell),
 * answered by the same `recommend()` as `edgerec recommend` and the worker; the answer is every slot's items in
 * slot order, repeats and the prefix's own items dropped.
 *
 *   HR@k       share of test sessions whose held-out item is among the first k (k = 10)
 *   MRR@20     mean of 1 / rank of the held-out item within the first 20 (0 when not there)
 *   coverage   distinct items among all first-k answers / distinct items in the input
 *
 * The baselines (`next-item-baselines.ts`) learn from the same training sequences and are scored on the same
 * test sessions. A served variant whose build carries the sequence model (shipped even at weight 0, to be
 * measured) is also scored as `sequence-model`: the model alone (`sequence-model-ranker.ts`).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LIMITS, recommendationRequestSchema } from "../../core/request-schema";
import { buildFromFiles, type BuildOptions } from "../build/build";
import type { ReadReport } from "../io/input-error";
import { type ItemSequence, readOrderSequences, readViewSequences } from "../io/read-sequences";
import { ArtifactStore } from "../recommend/artifact-store";
import type { SequenceModelReport } from "../sequence/sequence-model-build";
import { SequenceModelRanker } from "./sequence-model-ranker";
import { MetricsAccumulator } from "./metrics";
import { ItemKnnBaseline, type NextItemBaseline, PopularityBaseline, SessionIndex, VsknnBaseline } from "./next-item-baselines";
import { drawNextItemHoldOuts, type NextItemHoldOut, NEXT_ITEM_HOLDOUT_RATE, trainingSequences } from "./next-item-split";

export const MRR_K = 20;
/** The run of the sequence model alone, from a served variant's build. */
export const SEQUENCE_MODEL_RUN = "sequence-model";

export interface NextItemInputs {
  orders: string;
  events?: string;
  catalog?: string;
}

/** A served variant: the build with these settings, answered through `recommend()`. */
export interface ServedVariant {
  name: string;
  build: Pick<BuildOptions, "crossSell" | "nextItem" | "sequenceModel">;
}

export interface NextItemMetrics {
  requests: number;
  hr: number;
  mrr: number;
  coverage: number;
  /** Test sessions whose held-out item never occurs in training (misses for every method). */
  cold: number;
}

export interface NextItemRun {
  variant: string;
  seed: number;
  metrics: NextItemMetrics;
  /** Build plus answers, or training plus answers for a baseline. */
  milliseconds: number;
  /** The build's next-item parameters (served variants). */
  parameters?: unknown;
  /** What became of the build's sequence model (served variants). */
  sequenceModel?: SequenceModelReport;
}

export interface NextItemEvaluationOptions {
  seeds: readonly number[];
  k?: number;
  rate?: number;
  variants: readonly ServedVariant[];
  baselines: readonly NextItemBaseline[];
  onRun?: (run: NextItemRun, done: number, total: number) => void;
  /** Called when the sequences file had bad lines (skipped; each problem names its file and line). */
  onSkipped?: (report: ReadReport) => void;
}

export async function evaluateNextItem(inputs: NextItemInputs, options: NextItemEvaluationOptions): Promise<NextItemRun[]> {
  const k = options.k ?? 10;
  const read = inputs.events !== undefined ? await readViewSequences(inputs.events) : await readOrderSequences(inputs.orders);
  if (read.report.skipped > 0) options.onSkipped?.(read.report);
  const sequences = read.sequences;
  const inputItems = new Set<string>();
  for (const sequence of sequences) for (const id of sequence.items) inputItems.add(id);
  const runs: NextItemRun[] = [];
  const total = options.seeds.length * (options.variants.length + options.baselines.length);
  const work = mkdtempSync(path.join(tmpdir(), "edgerec-next-item-"));
  try {
    for (const seed of options.seeds) {
      const split = drawNextItemHoldOuts(sequences, seed, options.rate ?? NEXT_ITEM_HOLDOUT_RATE);
      const train = trainingSequences(sequences, split);
      let started = performance.now();
      const index = new SessionIndex(train);
      const cold = split.holdOuts.filter((h) => !index.itemIndex.has(h.item)).length;
      const score = (variant: string, answer: (holdOut: NextItemHoldOut, i: number) => string[], parameters?: unknown, sequenceModel?: SequenceModelReport) => {
        const hits = new MetricsAccumulator(k);
        const ranks = new MetricsAccumulator(MRR_K);
        split.holdOuts.forEach((holdOut, i) => {
          const ranked = answer(holdOut, i);
          hits.add(ranked, holdOut.item);
          ranks.add(ranked, holdOut.item);
        });
        const { requests, hr, coverage } = hits.result(inputItems.size);
        const run: NextItemRun = { variant, seed, metrics: { requests, hr, mrr: ranks.result(inputItems.size).mrr, coverage, cold }, milliseconds: performance.now() - started };
        if (parameters !== undefined) run.parameters = parameters;
        if (sequenceModel !== undefined) run.sequenceModel = sequenceModel;
        runs.push(run);
        options.onRun?.(run, runs.length, total);
      };
      for (const name of options.baselines) {
        const model = baseline(name, index);
        score(name, (h) => model.recommend(h.prefix, MRR_K));
        started = performance.now();
      }
      const files = writeTrainingFiles(inputs, sequences, split.test, path.join(work, String(seed)));
      for (const variant of options.variants) {
        started = performance.now();
        const artifacts = await buildFromFiles(files, { buildId: `evaluate-${seed}`, now: new Date(0), ...variant.build });
        const store = new ArtifactStore(artifacts);
        const report = artifacts.manifest.parameters.sequence_model as SequenceModelReport | undefined;
        score(variant.name, (h, i) => answerHome(store, h, i), artifacts.manifest.parameters.next_item, report);
        if (store.build.meta.sequenceModel !== undefined) {
          started = performance.now();
          const ranker = new SequenceModelRanker(artifacts, store.build);
          score(SEQUENCE_MODEL_RUN, (h) => ranker.recommend(h.prefix, MRR_K), undefined, report);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return runs;
}

function baseline(name: NextItemBaseline, index: SessionIndex): { recommend(prefix: readonly string[], limit: number): string[] } {
  if (name === "popularity") return new PopularityBaseline(index);
  if (name === "item-knn") return new ItemKnnBaseline(index);
  return new VsknnBaseline(index);
}

/** The `home` answer for the prefix: every slot's items in slot order, without repeats or viewed items. */
function answerHome(store: ArtifactStore, holdOut: NextItemHoldOut, index: number): string[] {
  const from = Math.max(0, holdOut.prefix.length - LIMITS.viewedItems);
  const viewed = holdOut.prefix.slice(from).map((id, p) => {
    const dwell = holdOut.dwellMs[from + p];
    return dwell === undefined ? { id } : { id, dwell_ms: dwell };
  });
  const parsed = recommendationRequestSchema.safeParse({ placement: "home", viewed, k: MRR_K });
  if (!parsed.success) return [];
  const response = store.recommend({ ...parsed.data, k: MRR_K }, `evaluate-${index}`);
  const skip = new Set(holdOut.prefix);
  const ids: string[] = [];
  for (const slot of response.slots) {
    for (const item of slot.items) {
      if (skip.has(item.id)) continue;
      skip.add(item.id);
      ids.push(item.id);
    }
  }
  return ids.slice(0, MRR_K);
}

/**
 * The input files without the test sessions, as `edgerec build` would read them: an orders file without the
 * test lines (orders input) or without the test sessions' purchases, and an events file without the test
 * sessions' events (events input).
 */
export function writeTrainingFiles(inputs: NextItemInputs, sequences: readonly ItemSequence[], test: Uint8Array, dir: string): { orders: string; events?: string; catalog?: string } {
  mkdirSync(dir, { recursive: true });
  const orders = path.join(dir, `orders${path.extname(inputs.orders) || ".jsonl"}`);
  const catalog = inputs.catalog === undefined ? {} : { catalog: inputs.catalog };
  if (inputs.events === undefined) {
    const testLines = new Set<number>();
    sequences.forEach((s, i) => {
      if (test[i] === 1 && s.line !== undefined) testLines.add(s.line);
    });
    writeFileSync(orders, keepLines(inputs.orders, (_, line) => !testLines.has(line)));
    return { orders, ...catalog };
  }
  const testSessions = new Set<string>();
  const testOrders = new Set<string>();
  sequences.forEach((s, i) => {
    if (test[i] !== 1) return;
    testSessions.add(s.id);
    for (const order of s.orderIds ?? []) testOrders.add(order);
  });
  const events = path.join(dir, "events.jsonl");
  writeFileSync(events, keepLines(inputs.events, (text) => !testSessions.has(String(field(text, "session_id")))));
  writeFileSync(orders, keepLines(inputs.orders, (text) => !testOrders.has(String(field(text, "order_id") ?? field(text, "basket_id")))));
  return { orders, events, ...catalog };
}

/** The file's lines (1-based numbers) that `keep` accepts; unreadable lines are kept for the build to report. */
function keepLines(file: string, keep: (text: string, line: number) => boolean): string {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: string[] = [];
  lines.forEach((text, i) => {
    if (text.trim().length === 0 || keep(text, i + 1)) out.push(text);
  });
  return out.join("\n");
}

function field(text: string, name: string): unknown {
  try {
    const row = JSON.parse(text) as Record<string, unknown>;
    return typeof row === "object" && row !== null ? row[name] : undefined;
  } catch {
    return undefined;
  }
}
