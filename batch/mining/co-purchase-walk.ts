/**
 * @module
 * Two steps of a random walk on the co-purchase graph, for items that were never bought together but share
 * partners (the long tail, where direct co-occurrence is empty). With transition probabilities
 * P(s | a) = C(a, s) / sum_{t != a} C(a, t) over co-purchased items,
 *
 *   W(a, j) = d_j^(-beta) * sum_s P(s | a) P(j | s),      j != a,
 *
 * where d_j is j's frequency and beta re-ranks by popularity as in RP3beta (Paudel et al., 2017): beta > 0
 * favours rare items, beta < 0 popular ones. Each row is divided by its maximum (so rows of different anchors
 * weigh alike in a blend) and keeps its top N. The walk follows each item's `fanOut` strongest edges only.
 */
import type { CooccurrenceMatrix } from "./cooccurrence";
import { type ItemRows, ItemRowsBuilder } from "./item-rows";
import { selectTop } from "./top-k";

export interface CoPurchaseWalkOptions {
  /** Popularity exponent beta (default 0). */
  beta?: number;
  /** Edges followed per item on each step (default 16). */
  fanOut?: number;
  /** Entries kept per row (default 50). */
  topN?: number;
}

export function coPurchaseWalk(matrix: CooccurrenceMatrix, options: CoPurchaseWalkOptions = {}): ItemRows {
  return coPurchaseWalks(matrix, [options.beta ?? 0], options)[0];
}

/** The walk for several popularity exponents at the cost of one: the two steps are shared. */
export function coPurchaseWalks(matrix: CooccurrenceMatrix, betas: readonly number[], options: Omit<CoPurchaseWalkOptions, "beta"> = {}): ItemRows[] {
  const fanOut = options.fanOut ?? 16;
  const topN = options.topN ?? 50;
  const { items: n, offsets: rows, neighbours, counts, rowTotals, frequency } = matrix;
  const popularity = betas.map((beta) => {
    const weights = new Float64Array(n);
    for (let j = 0; j < n; j++) weights[j] = frequency[j] > 0 ? frequency[j] ** -beta : 0;
    return weights;
  });
  const accumulator = new Float64Array(n);
  const touched = new Uint32Array(n);
  const reached = new Uint32Array(n);
  const candidates = new Uint32Array(n);
  const scores = new Float64Array(n);
  const builders = betas.map(() => new ItemRowsBuilder(n, Math.min(topN, 64)));
  for (let a = 0; a < n; a++) {
    if (rowTotals[a] <= 0) continue;
    let length = 0;
    const firstEnd = Math.min(rows[a + 1], rows[a] + fanOut);
    for (let p = rows[a]; p < firstEnd; p++) {
      const s = neighbours[p];
      if (rowTotals[s] <= 0) continue;
      const step = counts[p] / rowTotals[a] / rowTotals[s];
      const secondEnd = Math.min(rows[s + 1], rows[s] + fanOut);
      for (let q = rows[s]; q < secondEnd; q++) {
        const j = neighbours[q];
        if (j === a) continue;
        if (accumulator[j] === 0) touched[length++] = j;
        accumulator[j] += step * counts[q];
      }
    }
    if (length === 0) continue;
    reached.set(touched.subarray(0, length));
    for (let b = 0; b < betas.length; b++) {
      const weights = popularity[b];
      let max = 0;
      for (let i = 0; i < length; i++) {
        const j = reached[i];
        candidates[i] = j;
        scores[i] = accumulator[j] * weights[j];
        if (scores[i] > max) max = scores[i];
      }
      if (max <= 0) continue;
      const kept = selectTop(candidates, scores, length, topN);
      for (let i = 0; i < kept; i++) scores[i] /= max;
      builders[b].set(a, candidates, scores, kept);
    }
    for (let i = 0; i < length; i++) accumulator[reached[i]] = 0;
  }
  return builders.map((builder) => builder.build());
}
