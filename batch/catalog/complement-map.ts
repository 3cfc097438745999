/**
 * @module
 * The category complement map cross-sell and cold start draw on: which leaf categories go with which (phone ->
 * case, protector, charger, earbuds). Learned from orders as the attach rate
 *
 *   attach(A -> B) = P(B | A) = |orders with an A item and a B item| / |orders with an A item|
 *   lift(A -> B)   = attach(A -> B) / P(B)
 *
 * keeping pairs with attach >= minAttach (0.02), lift >= minLift (1.5) and at least minOrders (5) orders
 * together; then the merchant's rows (D1 `category_complements`, source "merchant") override: a row sets the
 * pair's weight (0 removes it) and can ask for the device maker's own accessories first.
 */
import type { Baskets } from "../io/baskets";
import type { MerchantComplement } from "../io/read-merchant-config";
import { categoryComplements } from "../build/category-complements";

export interface ComplementEdge {
  category: number;
  /** attach(A -> B), or the merchant's weight. */
  weight: number;
  lift: number;
  source: "learned" | "merchant";
  officialFirst: boolean;
}

export interface ComplementOptions {
  minAttach?: number;
  minLift?: number;
  minOrders?: number;
  perCategory?: number;
}

export function complementMap(
  baskets: Baskets,
  itemCategory: Int32Array,
  categories: readonly string[],
  merchant: readonly MerchantComplement[] = [],
  options: ComplementOptions = {},
): Map<number, ComplementEdge[]> {
  const minAttach = options.minAttach ?? 0.02;
  const minLift = options.minLift ?? 1.5;
  const learned = categoryComplements(baskets, itemCategory, categories.length, { perCategory: options.perCategory ?? 12, minOrders: options.minOrders ?? 5, minAttach });
  const orders = new Uint32Array(categories.length);
  const seen = new Int32Array(categories.length).fill(-1);
  const { offsets, items } = baskets;
  for (let b = 0; b + 1 < offsets.length; b++) {
    for (let x = offsets[b]; x < offsets[b + 1]; x++) {
      const c = items[x] < itemCategory.length ? itemCategory[items[x]] : -1;
      if (c >= 0 && seen[c] !== b) {
        seen[c] = b;
        orders[c]++;
      }
    }
  }
  const total = Math.max(1, offsets.length - 1);
  const map = new Map<number, ComplementEdge[]>();
  for (const [a, { categories: bs, attach }] of learned) {
    const edges: ComplementEdge[] = [];
    for (let k = 0; k < bs.length; k++) {
      const lift = attach[k] / Math.max(1e-12, orders[bs[k]] / total);
      if (lift >= minLift) edges.push({ category: bs[k], weight: attach[k], lift, source: "learned", officialFirst: false });
    }
    if (edges.length > 0) map.set(a, edges);
  }
  for (const row of merchant) {
    for (const a of resolveCategories(categories, row.anchor)) {
      for (const b of resolveCategories(categories, row.complement)) {
        if (a === b) continue;
        const edges = (map.get(a) ?? []).filter((e) => e.category !== b);
        if (row.weight > 0) edges.push({ category: b, weight: row.weight, lift: Number.NaN, source: "merchant", officialFirst: row.officialFirst });
        map.set(a, edges);
      }
    }
  }
  for (const edges of map.values()) edges.sort((x, y) => y.weight - x.weight || x.category - y.category);
  return map;
}

/** Categories named by a full path, a path prefix or a leaf name (case-insensitive). */
export function resolveCategories(categories: readonly string[], name: string): number[] {
  const wanted = name.trim().toLowerCase();
  const out: number[] = [];
  categories.forEach((path, c) => {
    const lower = path.toLowerCase();
    const leaf = lower.includes(" > ") ? lower.slice(lower.lastIndexOf(" > ") + 3) : lower;
    if (lower === wanted || lower.startsWith(`${wanted} > `) || leaf === wanted) out.push(c);
  });
  return out;
}
