/**
 * @module
 * The list threshold tau, for blends served without a prior: there every listed item outranks the popular
 * fallback, so weak evidence can push out a popular item that was more likely. tau drops list entries at or below
 * it; it is chosen among quantiles of the entries' scores (and Infinity: popularity alone) by replaying the lists
 * exactly as they are built, on the validation folds.
 */
import { RankTally } from "../evaluate/metrics";
import { type BlendParameters, blendRows } from "./blend-parameters";
import { RowBlender } from "./cross-sell-sources";
import { countAbove, tuningObjective } from "./exact-ranking";
import type { Fold } from "./tuning-folds";

interface ThresholdScore {
  threshold: number;
  objective: number;
  hr: number;
  ndcg: number;
}

/** Every request's blended candidates (the cart's lists summed entry by entry later), per fold. */
type BlendedFolds = Array<{ fold: Fold; offsets: Uint32Array; items: Uint32Array; values: Float64Array }>;

export function chooseThreshold(folds: Fold[], p: BlendParameters, k: number, topN: number): ThresholdScore {
  const perFold = blendedFolds(folds, p, topN);
  const all = Float64Array.from(perFold.flatMap((f) => Array.from(f.values))).sort();
  const quantile = (q: number) => (all.length === 0 ? 0 : all[Math.min(all.length - 1, Math.floor(q * all.length))]);
  const grid = [0, quantile(0.2), quantile(0.4), quantile(0.6), quantile(0.8), quantile(0.9), quantile(0.95), Number.POSITIVE_INFINITY];
  let best: ThresholdScore = { threshold: 0, objective: Number.NEGATIVE_INFINITY, hr: 0, ndcg: 0 };
  for (const threshold of grid) {
    const scored = scoreAt(perFold, threshold, k);
    if (scored.objective > best.objective + 1e-9) best = scored;
  }
  return best;
}

/** The objective of the blend `p` served with its own threshold `p.threshold`. */
export function scoreThreshold(folds: Fold[], p: BlendParameters, k: number, topN: number): ThresholdScore {
  return scoreAt(blendedFolds(folds, p, topN), p.threshold, k);
}

function blendedFolds(folds: Fold[], p: BlendParameters, topN: number): BlendedFolds {
  return folds.map((fold) => {
    const { rows, weights } = blendRows(fold.sources, p);
    const blender = new RowBlender(fold.sources.items);
    const offsets = new Uint32Array(fold.requests.length + 1);
    const items: number[] = [];
    const values: number[] = [];
    fold.requests.forEach(({ cart }, r) => {
      for (const a of cart) {
        const count = blender.blend(rows, weights, a, topN);
        for (let i = 0; i < count; i++) {
          if (cart.includes(blender.items[i])) continue;
          items.push(blender.items[i]);
          values.push(blender.scores[i]);
        }
      }
      offsets[r + 1] = items.length;
    });
    return { fold, offsets, items: Uint32Array.from(items), values: Float64Array.from(values) };
  });
}

function scoreAt(perFold: BlendedFolds, threshold: number, k: number): ThresholdScore {
  const ranks = new RankTally(k);
  for (const { fold, offsets, items, values } of perFold) {
    const merged = new Float64Array(fold.sources.items);
    const touched: number[] = [];
    for (let r = 0; r < fold.requests.length; r++) {
      for (let e = offsets[r]; e < offsets[r + 1]; e++) {
        if (!(values[e] > threshold)) continue;
        if (merged[items[e]] === 0) touched.push(items[e]);
        merged[items[e]] += values[e];
      }
      const { item: held, cart } = fold.requests[r];
      const heldScore = merged[held];
      let rank = 0;
      if (heldScore > 0) {
        for (const c of touched) if (merged[c] > heldScore) rank++;
      } else if (fold.frequency[held] <= 0) {
        rank = k;
      } else {
        const heldFrequency = fold.frequency[held];
        rank = countAbove(fold.frequencyDesc, heldFrequency);
        for (const item of cart) if (fold.frequency[item] > heldFrequency) rank--;
        for (const c of touched) if (!(fold.frequency[c] > heldFrequency)) rank++;
      }
      ranks.add(rank);
      for (const c of touched) merged[c] = 0;
      touched.length = 0;
    }
  }
  return { threshold, objective: tuningObjective(ranks), hr: ranks.hr, ndcg: ranks.ndcg };
}
