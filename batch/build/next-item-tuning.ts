/**
 * @module
 * Chooses the next-item list parameters on the build's own sessions: the next-item protocol
 * (`evaluate/next-item-split.ts`) is replayed inside the training sessions (seed 7: a fifth of the eligible
 * sessions become validation sessions, left out whole; more folds with seeds 8, 9, .. while all folds together
 * hold fewer than 4,000 validation sessions, 5 folds at most), lists are built from the rest, and every validation
 * prefix is answered as the edge answers it: the lists of its recent views merged with the edge's recency
 * weights (`sessionAnchors`, `mergeCandidateLists`), the prefix's items left out, the most frequent items
 * filling up to 20. Each validation session scores v = [rank < 10] + 1 / rank (0 when the held-out item is not
 * in the first 20), so the mean of v is HR@10 + MRR@20. Over the grid
 *
 *   (w_c, w_t) in {(1, 0), (1, 1/4), (1, 1), (1, 4), (0, 1)}   (only the allowed sources)
 *   p in {0, 1} (with co-occurrence), alpha in {0, 1/2, 1}
 *
 * the point with the largest mean (ties: the earlier) replaces the defaults (or the previous build's parameters, for
 * a build that follows another) only when its paired gain over them,
 * mean(d) / (sd(d) / sqrt(N)) with d = v_best - v_defaults per session, is at least MIN_GAIN_Z = 2 standard
 * errors: the best of 27 noisy scores beats the defaults by chance on small data, and the lists then follow that
 * chance. Nothing here knows a data set: every choice comes from the sessions given.
 */
import type { CandidateList } from "../../core/candidates";
import { mergeCandidateLists, type WeightedAnchor } from "../../core/recommend/merge-cart";
import { sessionAnchors } from "../../core/recommend/session-anchors";
import { drawNextItemHoldOuts, type NextItemHoldOut, trainingSequences } from "../evaluate/next-item-split";
import type { ItemSequence } from "../io/read-sequences";
import { sequenceColumns } from "../mining/sequence-columns";
import { computeSessionPairs, type SessionPairs } from "../mining/session-pairs";
import { type NextItemParameters, NextItemScorer, type NextItemSource, TRANSITION_WINDOW } from "./next-item-scorer";

export interface NextItemTuningOptions {
  /** Seed of the validation split (default 7). */
  seed?: number;
  /** Share of eligible sessions held out (default 0.2). */
  rate?: number;
  /** Fewer validation sessions than this: no tuning, defaults (default 30). */
  minRequests?: number;
  /** Validation sessions used at most per fold, evenly spread; also the total that stops adding folds (default 4000). */
  maxRequests?: number;
  /** Most folds (default 5). */
  maxFolds?: number;
}

export interface NextItemTuningReport {
  sessions: number;
  requests: number;
  folds: number;
  /** Grid points scored. */
  evaluated: number;
  /** Paired gain of the best grid point over the defaults, in standard errors. */
  gainZ: number;
  hr10: number;
  mrr20: number;
  milliseconds: number;
}

const RANKED = 20;
const HIT_K = 10;
/** The best grid point replaces the defaults only when its paired gain over them is at least this many standard errors. */
const MIN_GAIN_Z = 2;

export function tuneNextItem(
  sequences: readonly ItemSequence[],
  itemIndex: ReadonlyMap<string, number>,
  items: number,
  sellable: (item: number) => boolean,
  allowed: ReadonlySet<NextItemSource>,
  topN: number,
  defaults: NextItemParameters,
  options: NextItemTuningOptions = {},
): { parameters: NextItemParameters; report: NextItemTuningReport } | undefined {
  const started = performance.now();
  const maxRequests = options.maxRequests ?? 4000;
  const powers = allowed.has("cooccurrence") ? [0, 1] : [1];
  const folds: Fold[] = [];
  let requestTotal = 0;
  for (let f = 0; f < (options.maxFolds ?? 5) && requestTotal < maxRequests; f++) {
    const split = drawNextItemHoldOuts(sequences, (options.seed ?? 7) + f, options.rate ?? 0.2);
    const requests = thin(split.holdOuts, maxRequests);
    if (f === 0 && requests.length < (options.minRequests ?? 30)) return undefined;
    const train = sequenceColumns(trainingSequences(sequences, split), itemIndex);
    const pairs = new Map<number, SessionPairs>(powers.map((p) => [p, computeSessionPairs(train, items, { sessionPower: p, window: TRANSITION_WINDOW, maxPerItem: 4 * topN })]));
    folds.push({ pairs, requests: requests.map((r) => toIndices(r, itemIndex)), fill: popularityOrder(pairs.get(powers[0])!.frequency, sellable) });
    requestTotal += requests.length;
  }

  // Per validation session: hit@10 + 1 / rank within 20, for every grid point.
  const scored: Array<{ parameters: NextItemParameters; values: Float64Array; hr: number; mrr: number }> = [];
  for (const [wc, wt] of weightGrid(allowed)) {
    for (const sessionPower of wc > 0 ? powers : [powers[0]]) {
      for (const anchorPower of [0, 0.5, 1]) {
        const parameters = { cooccurrence: wc, transitions: wt, sessionPower, anchorPower };
        const values = new Float64Array(requestTotal);
        let hits = 0;
        let at = 0;
        for (const fold of folds) {
          const result = score(fold.pairs.get(sessionPower)!, parameters, fold.requests, sellable, topN, fold.fill);
          values.set(result.values, at);
          at += result.values.length;
          hits += result.hits;
        }
        const hr = hits / requestTotal;
        scored.push({ parameters, values, hr, mrr: mean(values) - hr });
      }
    }
  }
  const fallback = scored.find((s) => sameParameters(s.parameters, defaults)) ?? scored[0];
  let best = fallback;
  for (const s of scored) if (mean(s.values) > mean(best.values) + 1e-9) best = s;
  const gain = pairedZ(best.values, fallback.values);
  if (gain < MIN_GAIN_Z) best = fallback;
  return {
    parameters: best.parameters,
    report: {
      sessions: sequences.length,
      requests: requestTotal,
      folds: folds.length,
      evaluated: scored.length,
      hr10: best.hr,
      mrr20: best.mrr,
      gainZ: Number.isFinite(gain) ? Number(gain.toFixed(2)) : 0,
      milliseconds: Math.round(performance.now() - started),
    },
  };
}

export function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length > 0 ? sum / values.length : 0;
}

/** mean(d) / (sd(d) / sqrt(N)) for the paired differences d = a - b (0 when they never differ). */
export function pairedZ(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i] - b[i];
  const m = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (a[i] - b[i] - m) ** 2;
  const se = Math.sqrt(squares / (n - 1) / n);
  return se > 0 ? m / se : 0;
}

function sameParameters(a: NextItemParameters, b: NextItemParameters): boolean {
  return a.cooccurrence === b.cooccurrence && a.transitions === b.transitions && a.sessionPower === b.sessionPower && a.anchorPower === b.anchorPower;
}

function weightGrid(allowed: ReadonlySet<NextItemSource>): Array<[number, number]> {
  const c = allowed.has("cooccurrence");
  const t = allowed.has("transitions");
  if (c && t) return [[1, 0], [1, 0.25], [1, 1], [1, 4], [0, 1]];
  return c ? [[1, 0]] : [[0, 1]];
}

interface Fold {
  /** Session pairs of the fold's training sessions, by session power p. */
  pairs: Map<number, SessionPairs>;
  requests: ValidationRequest[];
  fill: Uint32Array;
}

interface ValidationRequest {
  /** Prefix item indices, -1 where unknown to the build. */
  prefix: number[];
  held: number;
}

function toIndices(holdOut: NextItemHoldOut, itemIndex: ReadonlyMap<string, number>): ValidationRequest {
  return { prefix: holdOut.prefix.map((id) => itemIndex.get(id) ?? -1), held: itemIndex.get(holdOut.item) ?? -1 };
}

/** Per request, hit@10 + 1 / rank within 20 of the edge's merge with these lists, popularity filling the rest. */
function score(pairs: SessionPairs, parameters: NextItemParameters, requests: readonly ValidationRequest[], sellable: (item: number) => boolean, topN: number, fill: Uint32Array): { values: Float64Array; hits: number } {
  const scorer = new NextItemScorer(pairs, parameters, sellable);
  const listOf = (a: number): CandidateList => scorer.cachedList(a, topN);
  const values = new Float64Array(requests.length);
  let hits = 0;
  requests.forEach(({ prefix, held }, r) => {
    const { anchors, weights } = sessionAnchors(prefix);
    const weighted: WeightedAnchor[] = anchors.map((a, r) => ({ list: listOf(a), weight: weights[r] }));
    const seen = new Set(prefix);
    const ranked = mergeCandidateLists(weighted, (item) => seen.has(item) || !sellable(item), RANKED).map((m) => m.item);
    for (let i = 0; i < fill.length && ranked.length < RANKED; i++) if (!seen.has(fill[i]) && !ranked.includes(fill[i])) ranked.push(fill[i]);
    const rank = held < 0 ? -1 : ranked.indexOf(held);
    if (rank < 0) return;
    if (rank < HIT_K) hits++;
    values[r] = (rank < HIT_K ? 1 : 0) + 1 / (rank + 1);
  });
  return { values, hits };
}

/** The RANKED + 50 most frequent sellable items, the fill of short answers. */
export function popularityOrder(frequency: Uint32Array, sellable: (item: number) => boolean): Uint32Array {
  const order = Array.from(frequency.keys()).filter((i) => frequency[i] > 0 && sellable(i));
  order.sort((a, b) => frequency[b] - frequency[a] || a - b);
  return Uint32Array.from(order.slice(0, RANKED + 50));
}

export function thin<T>(all: T[], max: number): T[] {
  if (all.length <= max) return all;
  const step = all.length / max;
  return Array.from({ length: max }, (_, i) => all[Math.floor(i * step)]);
}
