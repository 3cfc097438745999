/**
 * @module
 * Frequent itemsets as flat columns: itemset s holds `items[offsets[s] .. offsets[s+1])` (item indices of the
 * `Baskets` dictionary, ascending) and was bought together in `counts[s]` baskets.
 */
import { resized } from "../../core/typed-arrays";

export interface FrequentItemsets {
  /** N, the number of baskets mined. */
  basketCount: number;
  /** The minimum support count every itemset reaches: ceil(minSupport × N), or the count given. */
  threshold: number;
  /** Length = itemset count + 1. */
  offsets: Uint32Array;
  items: Uint32Array;
  /** Support count of each itemset: the number of baskets containing all its items. */
  counts: Uint32Array;
}

/** One itemset, materialised. `support` = count / N. */
export interface Itemset {
  items: number[];
  count: number;
  support: number;
}

/**
 * The minimum support count: `minSupport` < 1 is a fraction of the N baskets, threshold = ceil(minSupport × N)
 * (at least 1); `minSupport` >= 1 is an absolute basket count.
 */
export function supportThreshold(minSupport: number, basketCount: number): number {
  if (!(minSupport > 0) || !Number.isFinite(minSupport)) {
    throw new RangeError(`minimum support must be a positive fraction or count, got ${minSupport}`);
  }
  if (minSupport >= 1) {
    if (!Number.isInteger(minSupport)) throw new RangeError(`a minimum support count must be an integer, got ${minSupport}`);
    return minSupport;
  }
  return Math.max(1, Math.ceil(minSupport * basketCount));
}

/** Items of itemset s as a view (no copy). */
function itemsetItems(sets: FrequentItemsets, s: number): Uint32Array {
  return sets.items.subarray(sets.offsets[s], sets.offsets[s + 1]);
}

function itemset(sets: FrequentItemsets, s: number): Itemset {
  const count = sets.counts[s];
  return { items: Array.from(itemsetItems(sets, s)), count, support: count / sets.basketCount };
}

export function* eachItemset(sets: FrequentItemsets): Generator<Itemset> {
  for (let s = 0; s < sets.counts.length; s++) yield itemset(sets, s);
}

/** Number of itemsets of each size: result[k] = itemsets with k items (result[0] = 0). */
export function countBySize(sets: FrequentItemsets): number[] {
  const bySize: number[] = [0];
  for (let s = 0; s < sets.counts.length; s++) {
    const k = sets.offsets[s + 1] - sets.offsets[s];
    while (bySize.length <= k) bySize.push(0);
    bySize[k]++;
  }
  return bySize;
}

/** Appends itemsets to growing typed columns; items of each itemset are stored ascending. */
export class ItemsetsBuilder {
  private offsets = new Uint32Array(1024);
  private items = new Uint32Array(4096);
  private counts = new Uint32Array(1024);
  private total = 0;
  private itemTotal = 0;

  get size(): number {
    return this.total;
  }

  /** Adds the itemset `source[0 .. length)` with its support count. */
  push(source: ArrayLike<number>, length: number, count: number): void {
    if (this.total + 2 > this.offsets.length) {
      const size = Math.max(this.total + 2, this.offsets.length * 2);
      this.offsets = resized(this.offsets, size);
      this.counts = resized(this.counts, size);
    }
    if (this.itemTotal + length > this.items.length) this.items = resized(this.items, Math.max(this.itemTotal + length, this.items.length * 2));
    const items = this.items;
    const start = this.itemTotal;
    for (let j = 0; j < length; j++) {
      const x = source[j];
      let p = start + j;
      while (p > start && items[p - 1] > x) {
        items[p] = items[p - 1];
        p--;
      }
      items[p] = x;
    }
    this.itemTotal += length;
    this.counts[this.total] = count;
    this.total++;
    this.offsets[this.total] = this.itemTotal;
  }

  build(basketCount: number, threshold: number): FrequentItemsets {
    return {
      basketCount,
      threshold,
      offsets: this.offsets.slice(0, this.total + 1),
      items: this.items.slice(0, this.itemTotal),
      counts: this.counts.slice(0, this.total),
    };
  }
}
