/**
 * @module
 * Draws items with probability proportional to a weight: a cumulative table and a binary search, O(log n) a draw.
 */
import type { Rng } from "../../core/random/rng";

export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(items: readonly T[], weights: readonly number[]) {
    const kept: T[] = [];
    const sums: number[] = [];
    let total = 0;
    items.forEach((item, i) => {
      const w = weights[i] ?? 0;
      if (!(w > 0)) return;
      total += w;
      kept.push(item);
      sums.push(total);
    });
    this.items = kept;
    this.cumulative = Float64Array.from(sums);
  }

  get size(): number {
    return this.items.length;
  }

  get total(): number {
    return this.cumulative.length === 0 ? 0 : (this.cumulative[this.cumulative.length - 1] as number);
  }

  pick(rng: Rng): T {
    const target = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}
