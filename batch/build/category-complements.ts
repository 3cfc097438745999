/**
 * @module
 * Category complements: which categories are bought with which, from co-purchase at category level. They are the
 * category rules the edge falls back on when an item's lists are missing, and name the essentials a checkout
 * completes (a phone's case and screen protector).
 *
 *   attach(A -> B) = |orders holding an A item and a B item| / |orders holding an A item|,   B != A
 *
 * Per category, the `perCategory` complements with the highest attach rate among those seen in at least
 * `minOrders` orders, best first (ties by category index).
 */
import type { CategoryComplements } from "../../core/blob/meta-blob";
import type { Baskets } from "../io/baskets";

export interface ComplementOptions {
  perCategory?: number;
  minOrders?: number;
  minAttach?: number;
}

export function categoryComplements(baskets: Baskets, itemCategory: Int32Array, categoryCount: number, options: ComplementOptions = {}): Map<number, CategoryComplements> {
  const perCategory = options.perCategory ?? 8;
  const minOrders = options.minOrders ?? 3;
  const minAttach = options.minAttach ?? 0.01;
  const result = new Map<number, CategoryComplements>();
  if (categoryCount === 0) return result;

  const orders = new Uint32Array(categoryCount);
  const pairs = new Uint32Array(categoryCount * categoryCount);
  const seen = new Int32Array(categoryCount).fill(-1);
  const present: number[] = [];
  const { offsets, items } = baskets;
  for (let b = 0; b + 1 < offsets.length; b++) {
    present.length = 0;
    for (let x = offsets[b]; x < offsets[b + 1]; x++) {
      const item = items[x];
      const c = item < itemCategory.length ? itemCategory[item] : -1;
      if (c < 0 || seen[c] === b) continue;
      seen[c] = b;
      present.push(c);
    }
    for (const a of present) {
      orders[a]++;
      for (const c of present) if (c !== a) pairs[a * categoryCount + c]++;
    }
  }

  for (let a = 0; a < categoryCount; a++) {
    if (orders[a] === 0) continue;
    const ranked: number[] = [];
    for (let c = 0; c < categoryCount; c++) {
      const together = pairs[a * categoryCount + c];
      if (together >= minOrders && together / orders[a] >= minAttach) ranked.push(c);
    }
    if (ranked.length === 0) continue;
    ranked.sort((x, y) => pairs[a * categoryCount + y] - pairs[a * categoryCount + x] || x - y);
    const top = ranked.slice(0, perCategory);
    result.set(a, {
      categories: Uint32Array.from(top),
      attach: Float32Array.from(top, (c) => pairs[a * categoryCount + c] / orders[a]),
    });
  }
  return result;
}
