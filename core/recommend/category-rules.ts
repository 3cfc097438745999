/**
 * @module
 * Serve-time category rules: what the catalogue columns alone say when an item has no precomputed list (a new
 * launch, a missing blob) or a list runs short.
 *
 *   price band     items of the anchor's category priced in [lo * p, hi * p] that fit what the anchor fits (a cheaper
 *                  case for the same phone, not for another), p the anchor's price, ranked by
 *                  purchase count, then by |price / p - target| (down-sell: [0.45, 0.85] around 0.65; similar:
 *                  [0.7, 1.4] around 1; upgrade: (1.15, 3] around 1.5, new launches first)
 *   complements    for each anchor, its category's complements by attach rate P(B | A), and the best sellers of
 *                  each complement category B
 */
import type { CandidateList } from "../candidates";
import { fitsCart } from "../catalog/compat-index";
import type { Candidate, RequestContext } from "./request-context";
import { RuleReason, ruleReason } from "./rule-reasons";
import { inBuildOrder } from "./loaded-build";
import { bandScore, firstAtLeast, type PriceBand } from "./price-bands";

/** Per-category best sellers taken per complement category. */
const PER_COMPLEMENT = 3;

/**
 * The price band's candidates, read from the anchor's `price_band` list where its blob has one (the edge format: the
 * band's best members over the whole catalogue), else from the category's items the build at hand holds.
 */
export function priceBandCandidates(ctx: RequestContext, anchor: number, band: PriceBand, rule: number, limit: number): Candidate[] {
  const price = ctx.priceOf(anchor);
  const category = ctx.categoryOf(anchor);
  const members = ctx.lists(anchor)?.price_band?.items ?? (category >= 0 ? ctx.index.itemsByCategory.get(category) : undefined);
  if (!(price > 0) || members === undefined) return [];
  const { prices, flags } = ctx.build.meta;
  const lo = band.lo * price;
  const hi = band.hi * price;
  const compat = ctx.build.meta.compat;
  const anchorOnly = Uint32Array.of(anchor);
  const found: Candidate[] = [];
  const rank: number[] = [];
  for (let i = firstAtLeast(members, prices, lo); i < members.length; i++) {
    const item = members[i];
    const p = prices[item];
    if (!(p <= hi)) break;
    if (item === anchor || (band.aboveOnly === true && p <= lo) || !ctx.eligible(item)) continue;
    if (compat !== undefined && !fitsCart(compat, item, anchorOnly)) continue;
    const preferred = band.preferFlag !== undefined && (flags[item] & band.preferFlag) !== 0;
    rank[found.length] = preferred ? 1 : 0;
    found.push({ item, score: bandScore(p, price, band), reason: ruleReason(rule), anchor });
  }
  const order = found.map((_, i) => i);
  const popularity = ctx.index.popularity;
  const before = inBuildOrder(ctx.build);
  order.sort((a, b) => rank[b] - rank[a] || popularity[found[b].item] - popularity[found[a].item] || found[b].score - found[a].score || before(found[a].item, found[b].item));
  return order.slice(0, limit).map((i) => found[i]);
}

/** Best sellers of the complement categories of each anchor's category, most attached first. */
export function complementCandidates(ctx: RequestContext, anchors: readonly number[], skipCategories?: ReadonlySet<number>): Candidate[] {
  const out: Candidate[] = [];
  for (const anchor of anchors) {
    const category = ctx.categoryOf(anchor);
    if (category >= 0) pushComplements(ctx, category, anchor, out, skipCategories);
  }
  return out;
}

export function pushComplements(ctx: RequestContext, category: number, anchor: number, out: Candidate[], skipCategories?: ReadonlySet<number>): void {
  const complements = ctx.build.meta.complements?.get(category);
  if (complements === undefined) return;
  for (let c = 0; c < complements.categories.length; c++) {
    const target = complements.categories[c];
    if (skipCategories?.has(target)) continue;
    const list = ctx.build.meta.popularByCategory.get(target);
    if (list === undefined) continue;
    let taken = 0;
    for (let i = 0; i < list.items.length && taken < PER_COMPLEMENT; i++) {
      if (!ctx.eligible(list.items[i])) continue;
      out.push({ item: list.items[i], score: complements.attach[c], reason: ruleReason(RuleReason.COMPLEMENT), anchor });
      taken++;
    }
  }
}

/** A popular list as candidates, with the list's own reasons, skipping the given categories. */
export function popularCandidates(ctx: RequestContext, list: CandidateList | undefined, limit: number, skipCategories?: ReadonlySet<number>): Candidate[] {
  const out: Candidate[] = [];
  if (list === undefined) return out;
  for (let i = 0; i < list.items.length && out.length < limit; i++) {
    const item = list.items[i];
    if (!ctx.eligible(item) || skipCategories?.has(ctx.categoryOf(item))) continue;
    out.push({ item, score: 0, reason: list.reasons[i], anchor: -1 });
  }
  return out;
}
