/**
 * @module
 * Binary search in an ascending array: lowerBound(a, v) = min { i : a[i] >= v }, or a.length when every entry is
 * smaller. O(log n).
 */

export function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
