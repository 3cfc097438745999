/**
 * @module
 * The build's sequence model, from sessions to what the edge serves, kept only where it wins:
 *
 *   1. validation   the next-item protocol inside the build's sessions (`evaluate/next-item-split.ts`, seed 7, a
 *                   fifth of the eligible sessions, as the next-item tuning's first fold): those sessions are left
 *                   out of training whole; fewer than `minValidation` of them and the model is skipped
 *   2. training     the GRU on the other sessions (`gru-training.ts`), early-stopped on the validation sessions,
 *                   within a time and a memory budget (an estimate over the memory budget skips the model)
 *   3. quantising   embeddings to int8 with one scale, s = max |e| / 127
 *   4. blending     the blend weight fitted on the validation sessions (`sequence-blend-fit.ts`); 0 unless it
 *                   gains 2 standard errors
 *
 * Kept (weight > 0, or `keepUnused`): the model's weights go to the meta blob and each item's embedding, with its
 * `next_item` candidates' embeddings, to its item blob. Dropped or skipped: nothing ships and the report says why.
 * The model is the one trained without the validation sessions: the weight fitted is the weight of that model.
 */
import type { ItemLists } from "../../core/blob/item-blob";
import type { SequenceModel } from "../../core/sequence/gru-model";
import { drawNextItemHoldOuts, trainingSequences } from "../evaluate/next-item-split";
import type { ItemSequence } from "../io/read-sequences";
import { type NextItemParameters, TRANSITION_WINDOW } from "../build/next-item-scorer";
import { thin } from "../build/next-item-tuning";
import { sequenceColumns } from "../mining/sequence-columns";
import { computeSessionPairs } from "../mining/session-pairs";
import type { GruTrainingData, GruTrainingOptions, TrainedGru } from "./gru-training";
import { type BlendFit, type BlendFitInputs, fitBlendWeight, listEmbeddings, type ValidationSession } from "./sequence-blend-fit";

export interface SequenceModelOptions {
  training?: GruTrainingOptions;
  /** Seed of the validation split (default 7). */
  seed?: number;
  /** Share of eligible sessions held out (default 0.2). */
  rate?: number;
  /** Fewer validation sessions than this: no model (default 30). */
  minValidation?: number;
  /** Validation sessions used at most, evenly spread (default 4000). */
  maxValidation?: number;
  /** Items the model learns at most, the most viewed in training sessions (default 65,536): the embedding table and each step's cost stay bounded however large the catalogue. */
  maxVocabulary?: number;
  /** Memory the training may take, estimated before it starts (default 1 GiB). */
  maxMemoryBytes?: number;
  /** Serve this weight instead of fitting one. */
  blendWeight?: number;
  /** Ship the model even at weight 0 (to measure it alone). */
  keepUnused?: boolean;
  /**
   * The model the previous build shipped (`--previous`): kept, with its embeddings, unless it no longer gains on
   * this build's validation sessions or the new model gains more than one standard error more. Its embeddings then
   * stay the same, so the anchor blobs that carry them can be kept where they are (`core/blob/blobs-kept.ts`).
   */
  previous?: PreviousSequenceModel;
}

/** A shipped model and the embeddings of the items it knew, by item id. */
export interface PreviousSequenceModel {
  model: SequenceModel;
  embeddings: ReadonlyMap<string, Int8Array>;
}

/** The trainer (TensorFlow.js, loaded by the caller only when there are sessions to learn from). */
export type GruTrainer = (data: GruTrainingData, options: GruTrainingOptions) => TrainedGru;

export interface SequenceModelReport {
  status: "kept" | "dropped" | "skipped";
  reason: string;
  blend_weight: number;
  validation?: { sessions: number; gain_z: number; lists: BlendFit["lists"]; blend: BlendFit["blend"]; by_weight: BlendFit["byWeight"] };
  training?: {
    backend: string;
    dim: number;
    vocabulary: number;
    sessions: number;
    epochs: number;
    best_epoch: number;
    stopped_by: TrainedGru["stoppedBy"];
    milliseconds: number;
    peak_tensor_bytes: number;
    peak_rss_bytes: number;
    budget: { seconds: number; memory_bytes: number; estimated_bytes: number; vocabulary: number };
  };
  /** Bytes the embeddings add to the item blobs (filled by the build). */
  embedding_bytes?: number;
  /** The previous build's model, judged on this build's validation sessions: kept, or why not. */
  previous?: { kept: boolean; gain_z: number; weight: number; reason: string };
}

export interface SequenceModelResult {
  report: SequenceModelReport;
  /** Present when the model ships. */
  model?: SequenceModel;
  /** The int8 embedding of a build item, undefined for items the model never saw. */
  embeddingOf?: (item: number) => Int8Array | undefined;
}

export interface SequenceModelInputs {
  sequences: readonly ItemSequence[];
  itemIndex: ReadonlyMap<string, number>;
  items: number;
  sellable: (item: number) => boolean;
  /** The served next-item list parameters and length: the blend is fitted on lists like the ones served. */
  nextItem: { parameters: NextItemParameters; topN: number };
  train: GruTrainer;
  backend: string;
}

const DEFAULT_MEMORY = 1024 ** 3;
const DEFAULT_MAX_VOCABULARY = 65_536;

/** 1 for the `cap` items seen most often in the sessions of two or more items (ties: lower index), 0 for the rest. */
function mostViewed(train: { offsets: ArrayLike<number>; items: Int32Array | Uint32Array }, items: number, cap: number): Uint8Array {
  const views = new Uint32Array(items);
  for (let s = 0; s + 1 < train.offsets.length; s++) {
    if (train.offsets[s + 1] - train.offsets[s] < 2) continue;
    for (let k = train.offsets[s]; k < train.offsets[s + 1]; k++) views[train.items[k]]++;
  }
  const seen: number[] = [];
  for (let item = 0; item < items; item++) if (views[item] > 0) seen.push(item);
  if (seen.length > cap) {
    seen.sort((a, b) => views[b] - views[a] || a - b);
    seen.length = cap;
  }
  const learnable = new Uint8Array(items);
  for (const item of seen) learnable[item] = 1;
  return learnable;
}

function buildSequenceModel(inputs: SequenceModelInputs, options: SequenceModelOptions = {}): SequenceModelResult {
  const skipped = (reason: string): SequenceModelResult => ({ report: { status: "skipped", reason, blend_weight: 0 } });
  const { sequences, itemIndex, items, sellable } = inputs;
  const split = drawNextItemHoldOuts(sequences, options.seed ?? 7, options.rate ?? 0.2);
  const minValidation = options.minValidation ?? 30;
  if (split.holdOuts.length < minValidation) return skipped(`${split.holdOuts.length} validation sessions, fewer than ${minValidation}`);

  const train = sequenceColumns(trainingSequences(sequences, split), itemIndex);
  const maxVocabulary = options.maxVocabulary ?? DEFAULT_MAX_VOCABULARY;
  const learnable = mostViewed(train, items, maxVocabulary);
  const vocabulary = new Int32Array(items).fill(-1);
  const itemOf: number[] = [];
  const sessions: Int32Array[] = [];
  for (let s = 0; s + 1 < train.offsets.length; s++) {
    if (train.offsets[s + 1] - train.offsets[s] < 2) continue;
    const session = train.items.subarray(train.offsets[s], train.offsets[s + 1]).filter((item) => learnable[item] === 1);
    if (session.length < 2) continue;
    for (const item of session) if (vocabulary[item] < 0) vocabulary[item] = itemOf.push(item) - 1;
    sessions.push(Int32Array.from(session, (item) => vocabulary[item]));
  }
  if (sessions.length === 0) return skipped("no training session with two or more items");

  const toIndex = (id: string) => itemIndex.get(id) ?? -1;
  const validation: ValidationSession[] = thin(split.holdOuts, options.maxValidation ?? 4000).map((h) => ({ prefix: h.prefix.map(toIndex), held: toIndex(h.item) }));
  const trainingValidation = validation
    .map(({ prefix, held }) => ({ prefix: Int32Array.from(prefix.filter((i) => i >= 0 && vocabulary[i] >= 0), (i) => vocabulary[i]), target: held >= 0 ? vocabulary[held] : -1 }))
    .filter((v) => v.target >= 0 && v.prefix.length > 0);

  const training = { ...options.training };
  const dim = training.dim ?? 32;
  const maxSteps = training.maxSteps ?? 12;
  const memory = options.maxMemoryBytes ?? DEFAULT_MEMORY;
  const estimated = estimateTrainingBytes(itemOf.length, dim, training.batchSize ?? 128, maxSteps, training.negatives ?? 512);
  const budget = { seconds: training.maxSeconds ?? 300, memory_bytes: memory, estimated_bytes: estimated, vocabulary: maxVocabulary };
  if (estimated > memory) return skipped(`training would take about ${estimated} bytes, over the memory budget of ${memory}`);

  const trained = inputs.train({ vocabSize: itemOf.length, sessions, validation: trainingValidation }, training);
  const { quantised, scale } = quantise(trained.embeddings);
  const embeddingOf = (item: number): Int8Array | undefined => {
    const row = item >= 0 && item < items ? vocabulary[item] : -1;
    return row < 0 ? undefined : quantised.subarray(row * dim, (row + 1) * dim);
  };
  const model: SequenceModel = { dim, scale, maxSteps, blendWeight: 0, inputWeights: trained.inputWeights, recurrentWeights: trained.recurrentWeights, bias: trained.bias };
  const pairs = computeSessionPairs(train, items, { sessionPower: inputs.nextItem.parameters.sessionPower, window: TRANSITION_WINDOW, maxPerItem: 4 * inputs.nextItem.topN });
  const fit = fitBlendWeight({ pairs, parameters: inputs.nextItem.parameters, sellable, topN: inputs.nextItem.topN, model, embeddingOf, sessions: validation });
  const previous = options.previous === undefined || options.blendWeight !== undefined ? undefined : judgePrevious(options.previous, inputs, { pairs, sessions: validation, newGainZ: fit.gainZ });
  if (previous?.kept) {
    const weight = previous.fit.weight;
    const report: SequenceModelReport = {
      status: "kept",
      reason: `the previous build's model: its blend still gains ${previous.fit.gainZ} standard errors on ${validation.length} validation sessions (the new one ${fit.gainZ})`,
      blend_weight: weight,
      validation: { sessions: validation.length, gain_z: previous.fit.gainZ, lists: previous.fit.lists, blend: previous.fit.blend, by_weight: previous.fit.byWeight },
      previous: previous.report,
    };
    return { report, model: { ...options.previous!.model, blendWeight: Math.fround(weight) }, embeddingOf: previous.embeddingOf };
  }
  const weight = options.blendWeight ?? fit.weight;
  const report: SequenceModelReport = {
    status: weight > 0 ? "kept" : "dropped",
    reason:
      options.blendWeight !== undefined
        ? `blend weight set to ${weight}`
        : weight > 0
          ? `the blend gains ${fit.gainZ} standard errors on ${validation.length} validation sessions`
          : `no blend weight gains 2 standard errors over the lists alone on ${validation.length} validation sessions (best ${fit.gainZ})`,
    blend_weight: weight,
    validation: { sessions: validation.length, gain_z: fit.gainZ, lists: fit.lists, blend: fit.blend, by_weight: fit.byWeight },
    training: {
      backend: inputs.backend,
      dim,
      vocabulary: itemOf.length,
      sessions: sessions.length,
      epochs: trained.epochs,
      best_epoch: trained.bestEpoch,
      stopped_by: trained.stoppedBy,
      milliseconds: trained.milliseconds,
      peak_tensor_bytes: trained.peakTensorBytes,
      peak_rss_bytes: trained.peakRssBytes,
      budget,
    },
    ...(previous !== undefined ? { previous: previous.report } : {}),
  };
  if (weight <= 0 && options.keepUnused !== true) return { report };
  return { report, model: { ...model, blendWeight: Math.fround(weight) }, embeddingOf };
}

/** Most standard errors by which a new model's gain may exceed the previous one's and the previous still be kept. */
const PREVIOUS_MARGIN_Z = 1;

/** The previous model's blend fitted on this build's validation sessions, and whether it stays. */
function judgePrevious(
  previous: PreviousSequenceModel,
  inputs: SequenceModelInputs,
  on: { pairs: BlendFitInputs["pairs"]; sessions: readonly ValidationSession[]; newGainZ: number },
): { kept: boolean; fit: BlendFit; embeddingOf: (item: number) => Int8Array | undefined; report: NonNullable<SequenceModelReport["previous"]> } {
  const ids: string[] = new Array(inputs.items);
  for (const [id, item] of inputs.itemIndex) if (item < inputs.items) ids[item] = id;
  const embeddingOf = (item: number) => (item >= 0 && item < inputs.items ? previous.embeddings.get(ids[item]) : undefined);
  const fit = fitBlendWeight({ pairs: on.pairs, parameters: inputs.nextItem.parameters, sellable: inputs.sellable, topN: inputs.nextItem.topN, model: { ...previous.model, blendWeight: 0 }, embeddingOf, sessions: on.sessions });
  const beaten = on.newGainZ - fit.gainZ > PREVIOUS_MARGIN_Z;
  const kept = fit.weight > 0 && !beaten;
  const reason =
    fit.weight <= 0
      ? `no longer gains 2 standard errors (${fit.gainZ})`
      : beaten
        ? `the new model gains ${on.newGainZ} standard errors, more than ${PREVIOUS_MARGIN_Z} above its ${fit.gainZ}`
        : `still gains ${fit.gainZ} standard errors (the new model ${on.newGainZ})`;
  return { kept, fit, embeddingOf, report: { kept, gain_z: fit.gainZ, weight: fit.weight, reason } };
}

/**
 * The model for a build: skipped (and why) without sessions, without a trainer or when turned off, else
 * `buildSequenceModel`.
 */
export function sequenceModelFor(
  inputs: Omit<SequenceModelInputs, "train" | "backend" | "nextItem"> & { nextItem?: SequenceModelInputs["nextItem"] },
  trainer: { train: GruTrainer; backend: string } | undefined,
  options: SequenceModelOptions | false | undefined,
): SequenceModelResult {
  const skipped = (reason: string): SequenceModelResult => ({ report: { status: "skipped", reason, blend_weight: 0 } });
  if (options === false) return skipped("turned off");
  if (inputs.nextItem === undefined || !inputs.sequences.some((s) => s.items.length >= 2)) return skipped("no sessions or timestamped sequences with two or more items");
  if (trainer === undefined) return skipped("no trainer was loaded for the sessions");
  return buildSequenceModel({ ...inputs, nextItem: inputs.nextItem, ...trainer }, options);
}

/**
 * The lists with the model's embeddings on the `next_item` list, when the model ships and knows the anchor; the
 * bytes they add to the blob are counted in the report.
 */
export function withNextItemEmbeddings(lists: ItemLists, result: SequenceModelResult, anchor: number): ItemLists {
  const next = lists.next_item;
  if (next === undefined || result.model === undefined || result.embeddingOf === undefined) return lists;
  const embeddings = listEmbeddings(result.model.dim, anchor, next.items, result.embeddingOf);
  if (embeddings === undefined) return lists;
  const count = next.items.length;
  result.report.embedding_bytes = (result.report.embedding_bytes ?? 0) + 2 + result.model.dim * (count + 1) + (count < 128 ? 1 : 2);
  return { ...lists, next_item: { ...next, embeddings } };
}

/** int8 with one scale s = max |e| / 127 (symmetric, round to nearest). */
export function quantise(values: Float32Array): { quantised: Int8Array; scale: number } {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const scale = Math.fround(max > 0 ? max / 127 : 1);
  const quantised = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) quantised[i] = Math.max(-127, Math.min(127, Math.round(values[i] / scale)));
  return { quantised, scale };
}

/** Parameters with Adam's two moments and a gradient (4 copies of items x d plus the GRU), and a batch's logits and their gradients. */
function estimateTrainingBytes(vocabulary: number, dim: number, batchSize: number, maxSteps: number, negatives: number): number {
  const parameters = (vocabulary * dim + 6 * dim * dim + 3 * dim) * 4 * 4;
  const logits = batchSize * maxSteps * (Math.min(vocabulary, negatives) + batchSize * maxSteps) * 4 * 3;
  const states = batchSize * maxSteps * dim * 4 * 20;
  return parameters + logits + states;
}
