/**
 * @module
 * Down-sell alternatives: for an expensive item, the cheaper items of the same leaf with the closest specs
 * (same brand and line up, similar screen, enough memory, shared usage scenarios), priced at a planted fraction
 * of the original. Hesitation sessions end on one of these.
 */
import type { LeafKey } from "./category-tree";
import { HESITATION } from "./planted-plan";
import type { Product } from "./product";

const TIER_RANK: Record<string, number> = { flagship: 0, mid: 1, budget: 2 };

/** How close a cheaper item is to the one the shopper hesitated on (higher is closer). */
function similarity(from: Product, to: Product): number {
  const a = from.attrs;
  const b = to.attrs;
  let score = 0;
  if (from.brand === to.brand) score += 2;
  if (typeof a.screen_in === "number" && typeof b.screen_in === "number" && Math.abs(a.screen_in - b.screen_in) <= 0.5) score += 1;
  if (a.os !== undefined && a.os === b.os) score += 1;
  if (a.platform !== undefined && a.platform === b.platform) score += 1;
  if (typeof a.ram_gb === "number" && typeof b.ram_gb === "number" && b.ram_gb >= a.ram_gb / 2) score += 0.5;
  if (a.lens_mount !== undefined && a.lens_mount === b.lens_mount) score += 1.5;
  if (a.anc !== undefined && a.anc === b.anc) score += 0.5;
  const shared = (b.scenarios as readonly string[]).filter((s) => (a.scenarios as readonly string[]).includes(s)).length;
  score += 0.5 * shared;
  const step = (TIER_RANK[b.tier as string] ?? 1) - (TIER_RANK[a.tier as string] ?? 1);
  if (step === 1) score += 1;
  if (a.device_model !== undefined && a.device_model === b.device_model) score -= 1.5;
  score -= 2 * Math.abs(to.price / from.price - 0.68);
  return score;
}

/** The up-to-three best cheaper alternatives of each eligible item in the hesitation leaves, best first. */
export function downSellAlternatives(products: readonly Product[], sellable: (p: Product) => boolean): Map<Product, Product[]> {
  const [lo, hi] = HESITATION.priceRatio;
  const byLeaf = new Map<LeafKey, Product[]>();
  for (const p of products) if (HESITATION.leaves.includes(p.leaf) && sellable(p)) byLeaf.set(p.leaf, [...(byLeaf.get(p.leaf) ?? []), p]);
  const result = new Map<Product, Product[]>();
  for (const items of byLeaf.values()) {
    const prices = items.map((p) => p.price).sort((a, b) => a - b);
    const median = prices[Math.floor(prices.length / 2)] as number;
    for (const from of items) {
      if (from.price < median) continue;
      const ranked = items
        .filter((to) => to !== from && to.price >= from.price * lo && to.price <= from.price * hi)
        .map((to) => [similarity(from, to), to] as const)
        .sort((x, y) => y[0] - x[0] || x[1].index - y[1].index)
        .slice(0, 3)
        .map(([, to]) => to);
      if (ranked.length > 0) result.set(from, ranked);
    }
  }
  return result;
}
