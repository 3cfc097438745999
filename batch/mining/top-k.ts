/**
 * @module
 * Ranking helpers for item rows: order (item, score) pairs by descending score, ties by ascending item, and keep
 * the best k without sorting the rest. In-place on typed arrays, no comparator callbacks.
 */

/** True when (item a, score sa) ranks before (item b, score sb). */
function before(sa: number, a: number, sb: number, b: number): boolean {
  return sa > sb || (sa === sb && a < b);
}

/** Sorts items[lo..hi) with their scores, best first. */
export function sortByScore(items: Uint32Array, scores: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 24) {
    const mid = (lo + hi) >>> 1;
    medianToFront(items, scores, lo, mid, hi - 1);
    const p = partition(items, scores, lo, hi);
    if (p - lo < hi - p - 1) {
      sortByScore(items, scores, lo, p);
      lo = p + 1;
    } else {
      sortByScore(items, scores, p + 1, hi);
      hi = p;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const item = items[i];
    const score = scores[i];
    let j = i - 1;
    while (j >= lo && before(score, item, scores[j], items[j])) {
      items[j + 1] = items[j];
      scores[j + 1] = scores[j];
      j--;
    }
    items[j + 1] = item;
    scores[j + 1] = score;
  }
}

/**
 * Moves the best `k` of items[0..length) to the front, sorted best first (unless `sorted` is false: then in no
 * particular order), and returns how many that is (min(k, length)).
 */
export function selectTop(items: Uint32Array, scores: Float64Array, length: number, k: number, sorted = true): number {
  if (k <= 0 || length === 0) return 0;
  if (length > k) {
    let lo = 0;
    let hi = length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      medianToFront(items, scores, lo, mid, hi - 1);
      const p = partition(items, scores, lo, hi);
      if (p === k) break;
      if (p < k) lo = p + 1;
      else hi = p;
    }
    length = k;
  }
  if (sorted) sortByScore(items, scores, 0, length);
  return length;
}

function swap(items: Uint32Array, scores: Float64Array, a: number, b: number): void {
  const item = items[a];
  items[a] = items[b];
  items[b] = item;
  const score = scores[a];
  scores[a] = scores[b];
  scores[b] = score;
}

/** Puts the median of positions a, b, c at position a (the pivot slot). */
function medianToFront(items: Uint32Array, scores: Float64Array, a: number, b: number, c: number): void {
  if (before(scores[b], items[b], scores[a], items[a])) swap(items, scores, a, b);
  if (before(scores[c], items[c], scores[b], items[b])) {
    swap(items, scores, b, c);
    if (before(scores[b], items[b], scores[a], items[a])) swap(items, scores, a, b);
  }
  swap(items, scores, a, b);
}

/** Lomuto partition around the pivot at lo; returns the pivot's final position. */
function partition(items: Uint32Array, scores: Float64Array, lo: number, hi: number): number {
  const pivotItem = items[lo];
  const pivotScore = scores[lo];
  let store = lo + 1;
  for (let i = lo + 1; i < hi; i++) {
    if (before(scores[i], items[i], pivotScore, pivotItem)) {
      swap(items, scores, i, store);
      store++;
    }
  }
  swap(items, scores, lo, store - 1);
  return store - 1;
}
