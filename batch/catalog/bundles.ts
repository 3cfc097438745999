/**
 * @module
 * Promotion bundles from strong associations: frequent itemsets of 2 or 3 items (exact FP-Growth, support count
 * >= max(8, ceil(0.0001 N)) of N orders) whose items are all sellable catalogue products from distinct
 * categories, where every accessory with a fit requirement fits another item of the bundle, and that yield an
 * association rule X -> y (X ∪ {y} = S, `association-rules.ts`) with confidence >= minConfidence (0.1) and
 *
 *   lift(S) = max over those rules of lift(X -> y) = N n(S) / (n(X) n(y))   >= minLift (2).
 *
 * They are ranked by evidence, not raw lift (five orders of two rare items make a raw lift in the hundreds):
 *
 *   score(S) = support(S) * ln L(S) * (1 + m_S),      m_S = sum_i p_i m_i / sum_i p_i (revenue-weighted margin)
 *
 * where L(S) = (n(S) + k) / (E(S) + k) is the lift shrunk by its count (`core/stats/shrunk-lift.ts`: E the orders
 * chance gives the best rule, N n(X) n(y) / N^2, k fitted to this shop's candidate sets); sets with L <= 1 go.
 *
 * and kept greedily best first, skipping a set contained in one already kept, up to `limit` (200). The proposed
 * discount is 40% of the bundle's margin, rounded, at most 15% (5% where margins are unknown).
 */
import { fitsCart } from "../../core/catalog/compat-index";
import { fnv1a32 } from "../../core/blob/checksum";
import type { Bundle } from "../../core/blob/meta-blob";
import { fitLiftPrior, shrunkLift } from "../../core/stats/shrunk-lift";
import { associationRules, ruleLift } from "../mining/association-rules";
import { fpGrowth } from "../mining/fpgrowth";
import type { CatalogContext } from "./catalog-context";

export interface BundleOptions {
  minSupport?: number;
  minLift?: number;
  minConfidence?: number;
  limit?: number;
}

export interface MinedBundle {
  id: string;
  items: number[];
  ids: string[];
  title: string;
  discountPct: number;
  score: number;
  support: number;
  /** Raw lift of the best rule. */
  lift: number;
  /** The lift shrunk by its count: what the score ranks by. */
  shrunkLift: number;
}

export function mineBundles(ctx: CatalogContext, options: BundleOptions = {}): MinedBundle[] {
  const baskets = ctx.baskets;
  const total = baskets.offsets.length - 1;
  if (total === 0) return [];
  const minSupport = options.minSupport ?? Math.max(8, Math.ceil(0.0001 * total));
  const minLift = options.minLift ?? 2;
  const limit = options.limit ?? 200;
  const sets = fpGrowth(baskets, { minSupport, maxSize: 3 });
  const rules = associationRules(sets, { minConfidence: options.minConfidence ?? 0.1, minLift, maxConsequentSize: 1 });
  const bestLift = new Float64Array(sets.counts.length);
  for (let r = 0; r < rules.counts.length; r++) bestLift[rules.itemsets[r]] = Math.max(bestLift[rules.itemsets[r]], ruleLift(rules, r));
  const counts = Array.from({ length: sets.counts.length }, (_, s) => ({ observed: sets.counts[s], expected: bestLift[s] > 0 ? sets.counts[s] / bestLift[s] : 0 }));
  const k = fitLiftPrior(counts.filter((c) => c.expected > 0), minSupport);
  const candidates: MinedBundle[] = [];
  const others = new Uint32Array(2);
  for (let s = 0; s < sets.counts.length; s++) {
    const from = sets.offsets[s];
    const size = sets.offsets[s + 1] - from;
    if (size < 2 || bestLift[s] < minLift) continue;
    const items = Array.from(sets.items.subarray(from, from + size));
    if (items.some((i) => ctx.sellable[i] === 0 || ctx.products[i] === undefined || !(ctx.price(i) > 0))) continue;
    const categories = new Set(items.map((i) => ctx.category(i)));
    if (categories.size < size || categories.has(-1)) continue;
    let fits = true;
    for (const i of items) {
      const rest = items.filter((x) => x !== i);
      others.set(rest);
      if (!fitsCart(ctx.compat, i, others.subarray(0, rest.length))) fits = false;
    }
    if (!fits) continue;
    const count = sets.counts[s];
    const lift = bestLift[s];
    const shrunk = shrunkLift(count, counts[s].expected, k);
    if (!(shrunk > 1)) continue;
    let revenue = 0;
    let marginRevenue = 0;
    let marginsKnown = true;
    for (const i of items) {
      const p = ctx.price(i);
      const m = ctx.products[i]!.margin;
      revenue += p;
      if (m === undefined) marginsKnown = false;
      else marginRevenue += p * m;
    }
    const margin = marginsKnown ? marginRevenue / revenue : 0;
    const support = count / total;
    items.sort((a, b) => ctx.price(b) - ctx.price(a) || a - b);
    const ids = items.map((i) => baskets.itemIds[i]);
    candidates.push({
      id: `mined-${fnv1a32(new TextEncoder().encode([...ids].sort().join("\u0000"))).toString(16).padStart(8, "0")}`,
      items,
      ids,
      title: items.map((i) => ctx.names[i]).join(" + "),
      discountPct: marginsKnown ? Math.min(15, Math.max(0, Math.round(40 * margin))) : 5,
      score: support * Math.log(shrunk) * (1 + margin),
      support,
      lift,
      shrunkLift: shrunk,
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const kept: MinedBundle[] = [];
  for (const bundle of candidates) {
    if (kept.length >= limit) break;
    if (kept.some((k) => bundle.items.every((i) => k.items.includes(i)))) continue;
    kept.push(bundle);
  }
  return kept;
}

/** The meta blob's form of a mined bundle. */
export function metaBundle(bundle: MinedBundle): Bundle {
  return { title: bundle.title, items: Uint32Array.from(bundle.items), discountPct: bundle.discountPct, score: bundle.score };
}
