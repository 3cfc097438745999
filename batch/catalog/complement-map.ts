/**
 * @module
 * The category complement map cross-sell and cold start draw on: which leaf categories go with which (phone ->
 * case, protector, charger, earbuds; gaming laptop -> gaming mouse bought a week later). Learned from orders as
 * the attach rate and lift of `category-attach.ts` (bought in the same order, or by the same customer within
 * `followUpDays`), keeping pairs with attach >= minAttach (0.02), lift >= minLift (1.5) and at least minOrders (5) orders
 * together; then the merchant's rows (D1 `category_complements`, source "merchant") override: a row sets the
 * pair's weight (0 removes it) and can ask for the device maker's own accessories first.
 */
import type { Baskets } from "../io/baskets";
import type { MerchantComplement } from "../io/read-merchant-config";
import { categoryAttach } from "./category-attach";

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
  /** Days after an order in which the same customer's purchases still count as bought with it (default 14). */
  followUpDays?: number;
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
  const minOrders = options.minOrders ?? 5;
  const perCategory = options.perCategory ?? 12;
  const stats = categoryAttach(baskets, itemCategory, categories.length, options.followUpDays);
  const { ordersWith, reaching, pairs, categoryCount } = stats;
  const total = Math.max(1, stats.orders);
  const map = new Map<number, ComplementEdge[]>();
  for (let a = 0; a < categoryCount; a++) {
    if (ordersWith[a] === 0) continue;
    const edges: ComplementEdge[] = [];
    for (let b = 0; b < categoryCount; b++) {
      const together = pairs[a * categoryCount + b];
      if (b === a || together < minOrders) continue;
      const attach = together / ordersWith[a];
      const lift = attach / Math.max(1e-12, reaching[b] / total);
      if (attach >= minAttach && lift >= minLift) edges.push({ category: b, weight: attach, lift, source: "learned", officialFirst: false });
    }
    edges.sort((x, y) => y.weight - x.weight || x.category - y.category);
    if (edges.length > 0) map.set(a, edges.slice(0, perCategory));
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
function resolveCategories(categories: readonly string[], name: string): number[] {
  const wanted = name.trim().toLowerCase();
  const out: number[] = [];
  categories.forEach((path, c) => {
    const lower = path.toLowerCase();
    const leaf = lower.includes(" > ") ? lower.slice(lower.lastIndexOf(" > ") + 3) : lower;
    if (lower === wanted || lower.startsWith(`${wanted} > `) || leaf === wanted) out.push(c);
  });
  return out;
}
