/**
 * @module
 * Sparse item-item co-occurrence: C(a, b) = sum of w_k over baskets k holding both a and b (w_k = 1 unless
 * baskets are weighted, e.g. by time decay). Rows are built one item at a time from an item -> baskets index
 * with a dense accumulator, so memory is the kept entries plus O(items + lines), never items x items.
 */
import { resized } from "../../core/typed-arrays";
import { type Baskets, basketCount } from "../io/baskets";
import { selectTop } from "./top-k";

export interface CooccurrenceMatrix {
  /** Number of items n (the baskets' dictionary size). */
  items: number;
  /** Row a holds neighbours[offsets[a] .. offsets[a+1]), by descending count, ties by ascending index. */
  offsets: Uint32Array;
  neighbours: Uint32Array;
  counts: Float32Array;
  /** The diagonal C(a, a): (weighted) number of baskets holding a. */
  frequency: Float64Array;
  /** sum over b != a of C(a, b), over the whole row before any truncation. */
  rowTotals: Float64Array;
  /** (Weighted) number of baskets. */
  baskets: number;
  /** True when some row was cut to `maxPerItem` entries. */
  truncated: boolean;
}

export interface CooccurrenceOptions {
  /** Keep at most this many neighbours per item, the most frequent (default: all). */
  maxPerItem?: number;
  /** Weight of each basket (default 1 each). */
  basketWeights?: ArrayLike<number>;
  /** Baskets with more distinct items than this add to item frequencies but not to pairs (default 1000). */
  maxBasketSize?: number;
}

/** C = X'X for the basket x item incidence matrix X (rows scaled by sqrt(w_k)), kept sparse per row. */
export function computeCooccurrenceMatrix(baskets: Baskets, options: CooccurrenceOptions = {}): CooccurrenceMatrix {
  const n = baskets.itemIds.length;
  const maxPerItem = options.maxPerItem ?? Number.POSITIVE_INFINITY;
  const maxBasketSize = options.maxBasketSize ?? 1000;
  const weights = options.basketWeights;
  const { offsets: basketOffsets, items: lines } = baskets;
  const basketTotal = basketCount(baskets);

  const frequency = new Float64Array(n);
  let weightTotal = 0;
  const postingCounts = new Uint32Array(n + 1);
  for (let b = 0; b < basketTotal; b++) {
    const w = weights === undefined ? 1 : weights[b];
    weightTotal += w;
    const start = basketOffsets[b];
    const end = basketOffsets[b + 1];
    const pairs = end - start >= 2 && end - start <= maxBasketSize && w > 0;
    for (let x = start; x < end; x++) {
      frequency[lines[x]] += w;
      if (pairs) postingCounts[lines[x] + 1]++;
    }
  }
  for (let i = 0; i < n; i++) postingCounts[i + 1] += postingCounts[i];
  const postingOffsets = postingCounts;
  const postings = new Uint32Array(postingOffsets[n]);
  const cursor = postingOffsets.slice(0, n);
  for (let b = 0; b < basketTotal; b++) {
    const start = basketOffsets[b];
    const end = basketOffsets[b + 1];
    if (end - start < 2 || end - start > maxBasketSize || (weights !== undefined && !(weights[b] > 0))) continue;
    for (let x = start; x < end; x++) postings[cursor[lines[x]]++] = b;
  }

  const accumulator = new Float64Array(n);
  const touched = new Uint32Array(n);
  const rowScores = new Float64Array(n);
  const rowTotals = new Float64Array(n);
  const rowOffsets = new Uint32Array(n + 1);
  let capacity = Math.max(1024, Math.min(postings.length * 4, n * Math.min(maxPerItem, 64)));
  let neighbours = new Uint32Array(capacity);
  let counts = new Float32Array(capacity);
  let length = 0;
  let truncated = false;

  for (let a = 0; a < n; a++) {
    let touchedCount = 0;
    for (let p = postingOffsets[a]; p < postingOffsets[a + 1]; p++) {
      const b = postings[p];
      const w = weights === undefined ? 1 : weights[b];
      for (let x = basketOffsets[b]; x < basketOffsets[b + 1]; x++) {
        const t = lines[x];
        if (t === a) continue;
        if (accumulator[t] === 0) touched[touchedCount++] = t;
        accumulator[t] += w;
      }
    }
    let total = 0;
    for (let i = 0; i < touchedCount; i++) {
      const t = touched[i];
      rowScores[i] = accumulator[t];
      total += accumulator[t];
      accumulator[t] = 0;
    }
    rowTotals[a] = total;
    const kept = selectTop(touched, rowScores, touchedCount, maxPerItem);
    if (kept < touchedCount) truncated = true;
    if (length + kept > capacity) {
      capacity = Math.max(length + kept, Math.floor(capacity * 1.5));
      neighbours = resized(neighbours, capacity);
      counts = resized(counts, capacity);
    }
    for (let i = 0; i < kept; i++) {
      neighbours[length] = touched[i];
      counts[length] = rowScores[i];
      length++;
    }
    rowOffsets[a + 1] = length;
  }

  return {
    items: n,
    offsets: rowOffsets,
    neighbours: neighbours.slice(0, length),
    counts: counts.slice(0, length),
    frequency,
    rowTotals,
    baskets: weightTotal,
    truncated,
  };
}

/** C(a, b) by a scan of row a (rows are short; use for tests and one-off lookups, not in loops). */
export function cooccurrenceCount(matrix: CooccurrenceMatrix, a: number, b: number): number {
  if (a === b) return matrix.frequency[a];
  for (let p = matrix.offsets[a]; p < matrix.offsets[a + 1]; p++) if (matrix.neighbours[p] === b) return matrix.counts[p];
  return 0;
}

/** Time-decay weights w_k = 2^(-(t_ref - t_k) / halfLife) per basket; baskets without a time get weight 1. */
export function timeDecayWeights(times: Float64Array, halfLifeSeconds: number, referenceTime?: number): Float32Array {
  let reference = referenceTime ?? Number.NEGATIVE_INFINITY;
  if (referenceTime === undefined) for (const t of times) if (t > reference) reference = t;
  const weights = new Float32Array(times.length);
  for (let b = 0; b < times.length; b++) {
    const t = times[b];
    weights[b] = Number.isNaN(t) || !Number.isFinite(reference) ? 1 : 2 ** (-Math.max(0, reference - t) / halfLifeSeconds);
  }
  return weights;
}

/** Item pairs counted elsewhere: each unordered pair once, C(a, b) baskets holding both. */
export interface PairCounts {
  a: Uint32Array;
  b: Uint32Array;
  counts: ArrayLike<number>;
}

/**
 * The matrix `computeCooccurrenceMatrix` gives for unweighted baskets, from counts made elsewhere: the pair
 * counts, each item's basket count and the number of baskets.
 */
export function cooccurrenceFromPairs(pairs: PairCounts, frequency: Float64Array, baskets: number, options: Pick<CooccurrenceOptions, "maxPerItem"> = {}): CooccurrenceMatrix {
  const n = frequency.length;
  const maxPerItem = options.maxPerItem ?? Number.POSITIVE_INFINITY;
  const degree = new Uint32Array(n + 1);
  for (let p = 0; p < pairs.a.length; p++) {
    degree[pairs.a[p] + 1]++;
    degree[pairs.b[p] + 1]++;
  }
  for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
  const cursor = degree.slice(0, n);
  const all = new Uint32Array(degree[n]);
  const allCounts = new Float64Array(degree[n]);
  for (let p = 0; p < pairs.a.length; p++) {
    const a = pairs.a[p];
    const b = pairs.b[p];
    all[cursor[a]] = b;
    allCounts[cursor[a]++] = pairs.counts[p];
    all[cursor[b]] = a;
    allCounts[cursor[b]++] = pairs.counts[p];
  }
  const rowOffsets = new Uint32Array(n + 1);
  const rowTotals = new Float64Array(n);
  let kept = 0;
  let truncated = false;
  for (let a = 0; a < n; a++) {
    const start = degree[a];
    const length = degree[a + 1] - start;
    let total = 0;
    for (let p = start; p < degree[a + 1]; p++) total += allCounts[p];
    rowTotals[a] = total;
    const row = selectTop(all.subarray(start, start + length), allCounts.subarray(start, start + length), length, maxPerItem);
    if (row < length) truncated = true;
    all.copyWithin(kept, start, start + row);
    allCounts.copyWithin(kept, start, start + row);
    kept += row;
    rowOffsets[a + 1] = kept;
  }
  return { items: n, offsets: rowOffsets, neighbours: all.slice(0, kept), counts: Float32Array.from(allCounts.subarray(0, kept)), frequency, rowTotals, baskets, truncated };
}
