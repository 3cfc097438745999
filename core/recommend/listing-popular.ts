/**
 * @module
 * "Popular in X" on a listing: only items of X (every category under it), holding every word of the search
 * query, within its price bounds ("cheap": at most the median price of the item's category, "premium": at
 * least it), models the query names first (exact, then variants), then in the price order the query asks
 * ("cheap": cheapest first), then by purchase count. When the popular lists
 * run short, the listed categories' other items that match follow (most bought first, then cheapest), a bounded
 * read. Without a listed category: the shop's best sellers that match the query.
 */
import type { CandidateList } from "../candidates";
import { withinPrice } from "../search/price-words";
import { matchesAllTerms } from "../search/match-text";
import type { SearchQuery } from "../search/search-query";
import { itemReading } from "./item-reading";
import { inBuildOrder } from "./loaded-build";
import type { Candidate, RequestContext } from "./request-context";
import { RuleReason, ruleReason } from "./rule-reasons";

/** Items of the listed categories read at most beyond the popular lists. */
const SCAN = 2000;

export function listingPopular(ctx: RequestContext, limit: number): Candidate[] {
  const scope = ctx.scope ?? {};
  const query = scope.query;
  const lists: CandidateList[] = [];
  if (scope.categories === undefined) lists.push(ctx.build.meta.popular);
  else for (const c of scope.categories) {
    const list = ctx.build.meta.popularByCategory.get(c);
    if (list !== undefined) lists.push(list);
  }
  const entries: Array<Candidate & { tier: number }> = [];
  const seen = new Set<number>();
  for (const list of lists) {
    for (let i = 0; i < list.items.length; i++) {
      const item = list.items[i];
      if (seen.has(item) || !matches(ctx, query, item) || !ctx.eligible(item)) continue;
      seen.add(item);
      entries.push({ item, score: list.scores[i], reason: list.reasons[i], anchor: -1, tier: tierOf(ctx, query, item) });
    }
  }
  if (entries.length < limit && query !== undefined && scope.categories !== undefined) entries.push(...others(ctx, query, scope.categories, seen, limit - entries.length));
  const order = query?.price.order;
  const byPrice = (a: Candidate, b: Candidate) => (order === undefined ? 0 : (order === "asc" ? 1 : -1) * (priceKey(ctx, a.item, order) - priceKey(ctx, b.item, order)));
  const before = inBuildOrder(ctx.build);
  entries.sort((a, b) => b.tier - a.tier || byPrice(a, b) || b.score - a.score || before(a.item, b.item));
  return entries.slice(0, limit).map(({ tier: _, ...c }) => c);
}

/** An item's price for ordering, unknown prices last in either order. */
function priceKey(ctx: RequestContext, item: number, order: "asc" | "desc"): number {
  const price = ctx.priceOf(item);
  return Number.isNaN(price) ? (order === "asc" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY) : price;
}

function tierOf(ctx: RequestContext, query: SearchQuery | undefined, item: number): number {
  return query === undefined ? 0 : itemReading(ctx.build).mentionTier(item, query.models);
}

/** Does the item hold every query word, within the query's price bounds and band? */
function matches(ctx: RequestContext, query: SearchQuery | undefined, item: number): boolean {
  if (query === undefined) return true;
  const price = ctx.priceOf(item);
  if (!withinPrice(price, query.price)) return false;
  if (query.price.band !== undefined) {
    const c = ctx.categoryOf(item);
    const median = c >= 0 ? ctx.index.categoryMedianPrice[c] : Number.NaN;
    if (Number.isNaN(price) || Number.isNaN(median) || (query.price.band === "low" ? price > median : price < median)) return false;
  }
  if (query.terms.length === 0) return true;
  const reading = itemReading(ctx.build);
  const joined = reading.joined(item);
  if (!query.terms.every((t) => t.phrases.some((p) => joined.includes(p.words[0])))) return false;
  return matchesAllTerms(query, reading.words(item));
}

/** Matching items of the categories outside the popular lists: most bought first, then cheapest. */
function others(ctx: RequestContext, query: SearchQuery, categories: ReadonlySet<number>, seen: Set<number>, wanted: number): Array<Candidate & { tier: number }> {
  const out: Array<Candidate & { tier: number }> = [];
  const popularity = ctx.index.popularity;
  let read = 0;
  for (const c of categories) {
    const members = ctx.index.itemsByCategory.get(c);
    if (members === undefined) continue;
    for (let i = 0; i < members.length && read < SCAN; i++, read++) {
      const item = members[i];
      if (seen.has(item) || !matches(ctx, query, item) || !ctx.eligible(item)) continue;
      seen.add(item);
      out.push({ item, score: popularity[item], reason: ruleReason(RuleReason.MATCH), anchor: -1, tier: tierOf(ctx, query, item) });
    }
  }
  out.sort((a, b) => b.tier - a.tier || b.score - a.score || ctx.priceOf(a.item) - ctx.priceOf(b.item));
  return out.slice(0, Math.max(wanted, out.filter((o) => o.tier > 0).length));
}
