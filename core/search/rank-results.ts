/**
 * @module
 * The order of products that match a query, the same for search results and for the listing's rails:
 *
 *   1. model tier (`model-mention.ts`): names a queried model exactly (2), a variant of it (1: "S25 Ultra" for
 *      "s25"), neither (0)
 *   2. query terms matched (when not all had to be)
 *   3. in a category the query names before outside it
 *   4. price, when the query asks for an order ("cheap": cheapest first); unknown prices last
 *   5. the incoming order (relevance or popularity)
 */
import type { SearchQuery } from "./search-query";

export interface ResultFacts {
  /** `modelMentionTier` of its title. */
  modelTier: number;
  /** Query terms its text holds. */
  terms: number;
  /** It sits in (under) a category the query names. */
  inCategory: boolean;
  price: number | null;
  /** Position in the incoming order. */
  position: number;
}

export function compareResults(query: SearchQuery): (a: ResultFacts, b: ResultFacts) => number {
  const order = query.price.order;
  return (a, b) =>
    b.modelTier - a.modelTier ||
    b.terms - a.terms ||
    Number(b.inCategory) - Number(a.inCategory) ||
    (order === undefined ? 0 : comparePrices(a.price, b.price, order)) ||
    a.position - b.position;
}

function comparePrices(a: number | null, b: number | null, order: "asc" | "desc"): number {
  const known = (p: number | null) => p !== null && !Number.isNaN(p);
  if (!known(a) || !known(b)) return known(a) ? -1 : known(b) ? 1 : 0;
  return order === "asc" ? a! - b! : b! - a!;
}
