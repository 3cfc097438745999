/**
 * @module
 * Fits the sequence model's blend weight w (`core/sequence/sequence-blend.ts`) on the build's validation
 * sessions, answering each as the edge answers it: the `next_item` lists built from the training sessions with
 * the served parameters, merged over the prefix's recent views (`sessionAnchors`, pool of POOL items), blended
 * with the model at w, the most frequent items filling up to 20. Each session scores v = [rank < 10] + 1 / rank
 * (0 beyond 20), so mean v is HR@10 + MRR@20. Over the grid W_GRID the best w (ties: the smaller) replaces 0
 * only when its paired gain, mean(d) / (sd(d) / sqrt(N)) with d = v_w - v_0 per session, is at least 2 standard
 * errors: a weight that only wins by chance is not served. Weights are taken as the f32 the meta blob stores.
 */
import type { CandidateList } from "../../core/candidates";
import { mergeCandidateLists, type WeightedAnchor } from "../../core/recommend/merge-cart";
import { sessionAnchors } from "../../core/recommend/session-anchors";
import type { SequenceModel } from "../../core/sequence/gru-model";
import { blendWithSequence, sessionEmbeddings } from "../../core/sequence/sequence-blend";
import { NextItemScorer, type NextItemParameters } from "../build/next-item-scorer";
import { mean, pairedZ, popularityOrder } from "../build/next-item-tuning";
import type { SessionPairs } from "../mining/session-pairs";

const W_GRID = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1] as const;
const RANKED = 20;
const HIT_K = 10;
/** The pool the edge blends for a 20-item answer (slot size x the pool factor of `slot-sources.ts`). */
const POOL = 80;
const MIN_GAIN_Z = 2;

export interface ValidationSession {
  /** Item indices, oldest first (-1 unknown). */
  prefix: number[];
  held: number;
}

export interface BlendFit {
  weight: number;
  /** Paired gain of the best weight over w = 0, in standard errors. */
  gainZ: number;
  /** HR@10 and MRR@20 of the lists alone (w = 0) and at the best weight. */
  lists: { hr10: number; mrr20: number };
  blend: { hr10: number; mrr20: number };
  byWeight: Array<{ weight: number; hr10: number; mrr20: number }>;
}

export interface BlendFitInputs {
  pairs: SessionPairs;
  parameters: NextItemParameters;
  sellable: (item: number) => boolean;
  topN: number;
  /** The quantised model, blend weight aside. */
  model: SequenceModel;
  /** The int8 embedding of an item (undefined: none). */
  embeddingOf: (item: number) => Int8Array | undefined;
  sessions: readonly ValidationSession[];
}

export function fitBlendWeight(inputs: BlendFitInputs): BlendFit {
  const { pairs, parameters, sellable, topN, model, embeddingOf, sessions } = inputs;
  const scorer = new NextItemScorer(pairs, parameters, sellable);
  const withEmbeddings = new Map<number, CandidateList>();
  const listOf = (a: number): CandidateList => {
    let list = withEmbeddings.get(a);
    if (list === undefined) {
      const plain = scorer.cachedList(a, topN);
      withEmbeddings.set(a, (list = { ...plain, embeddings: listEmbeddings(model.dim, a, plain.items, embeddingOf) }));
    }
    return list;
  };
  const fill = popularityOrder(pairs.frequency, sellable);
  const values = W_GRID.map(() => new Float64Array(sessions.length));
  const hits = W_GRID.map(() => 0);
  sessions.forEach(({ prefix, held }, s) => {
    const { anchors, weights } = sessionAnchors(prefix);
    const weighted: WeightedAnchor[] = anchors.map((a, r) => ({ list: listOf(a), weight: weights[r] }));
    const seen = new Set(prefix);
    const pool = mergeCandidateLists(weighted, (item) => seen.has(item) || !sellable(item), POOL);
    const session = sessionEmbeddings(prefix.slice(-model.maxSteps), embeddingOf);
    W_GRID.forEach((weight, g) => {
      const ranked = blendWithSequence({ ...model, blendWeight: Math.fround(weight) }, session, pool, weighted.map((w) => w.list))
        .slice(0, RANKED)
        .map((m) => m.item);
      for (let i = 0; i < fill.length && ranked.length < RANKED; i++) if (!seen.has(fill[i]) && !ranked.includes(fill[i])) ranked.push(fill[i]);
      const rank = held < 0 ? -1 : ranked.indexOf(held);
      if (rank < 0) return;
      if (rank < HIT_K) hits[g]++;
      values[g][s] = (rank < HIT_K ? 1 : 0) + 1 / (rank + 1);
    });
  });
  const n = Math.max(1, sessions.length);
  const byWeight = W_GRID.map((weight, g) => ({ weight, hr10: hits[g] / n, mrr20: mean(values[g]) - hits[g] / n }));
  let best = 0;
  for (let g = 1; g < W_GRID.length; g++) if (mean(values[g]) > mean(values[best]) + 1e-9) best = g;
  const gainZ = pairedZ(values[best], values[0]);
  const chosen = gainZ >= MIN_GAIN_Z ? best : 0;
  return { weight: W_GRID[chosen], gainZ: Number(gainZ.toFixed(2)), lists: pick(byWeight[0]), blend: pick(byWeight[chosen]), byWeight };
}

/** The embeddings an anchor's `next_item` blob section carries: the anchor's and each candidate's (zeros where none). */
export function listEmbeddings(dim: number, anchor: number, items: ArrayLike<number>, embeddingOf: (item: number) => Int8Array | undefined): CandidateList["embeddings"] {
  const own = embeddingOf(anchor);
  if (own === undefined) return undefined;
  const candidates = new Int8Array(items.length * dim);
  for (let i = 0; i < items.length; i++) {
    const row = embeddingOf(items[i]);
    if (row !== undefined) candidates.set(row, i * dim);
  }
  return { anchor: own, candidates };
}

function pick(m: { hr10: number; mrr20: number }): { hr10: number; mrr20: number } {
  return { hr10: Number(m.hr10.toFixed(4)), mrr20: Number(m.mrr20.toFixed(4)) };
}
