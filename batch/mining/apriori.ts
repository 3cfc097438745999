/**
 * @module
 * Plain Apriori (Agrawal & Srikant, VLDB 1994), kept deliberately simple: the independent cross-check of FP-Growth
 * in tests. Level k+1 candidates join two frequent k-itemsets sharing their first k-1 items, drop those with an
 * infrequent k-subset, then count by scanning every basket. Small inputs only.
 */
import type { BasketColumns } from "./fpgrowth";
import { type FrequentItemsets, ItemsetsBuilder, supportThreshold } from "./frequent-itemsets";

export interface AprioriOptions {
  /** A fraction of the N baskets when < 1 (threshold = ceil(minSupport × N)), an absolute basket count when >= 1. */
  minSupport: number;
  maxSize?: number;
}

export function apriori(baskets: BasketColumns, options: AprioriOptions): FrequentItemsets {
  const basketTotal = baskets.offsets.length - 1;
  const threshold = supportThreshold(options.minSupport, basketTotal);
  const maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
  const sets: Set<number>[] = [];
  for (let b = 0; b < basketTotal; b++) {
    sets.push(new Set(baskets.items.subarray(baskets.offsets[b], baskets.offsets[b + 1])));
  }
  const out = new ItemsetsBuilder();

  const singles = new Map<number, number>();
  for (const basket of sets) for (const x of basket) singles.set(x, (singles.get(x) ?? 0) + 1);
  let level: number[][] = [];
  for (const [x, count] of [...singles].sort((a, b) => a[0] - b[0])) {
    if (count < threshold) continue;
    level.push([x]);
    out.push([x], 1, count);
  }

  for (let k = 1; k < maxSize && level.length > 0; k++) {
    const known = new Set(level.map((s) => s.join(",")));
    const candidates: number[][] = [];
    for (let a = 0; a < level.length; a++) {
      for (let b = a + 1; b < level.length; b++) {
        const x = level[a];
        const y = level[b];
        if (!sameHead(x, y)) continue;
        const candidate = x[k - 1] < y[k - 1] ? [...x, y[k - 1]] : [...y, x[k - 1]];
        if (allSubsetsKnown(candidate, known)) candidates.push(candidate);
      }
    }
    const next: number[][] = [];
    for (const candidate of candidates) {
      let count = 0;
      for (const basket of sets) if (candidate.every((x) => basket.has(x))) count++;
      if (count < threshold) continue;
      next.push(candidate);
      out.push(candidate, candidate.length, count);
    }
    level = next.sort(compareLexicographic);
  }
  return out.build(basketTotal, threshold);
}

function sameHead(x: number[], y: number[]): boolean {
  for (let j = 0; j < x.length - 1; j++) if (x[j] !== y[j]) return false;
  return true;
}

function allSubsetsKnown(candidate: number[], known: Set<string>): boolean {
  for (let drop = 0; drop < candidate.length; drop++) {
    if (!known.has(candidate.filter((_, j) => j !== drop).join(","))) return false;
  }
  return true;
}

function compareLexicographic(x: number[], y: number[]): number {
  for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return x[j] - y[j];
  return 0;
}
