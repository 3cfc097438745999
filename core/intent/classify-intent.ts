/**
 * @module
 * Reads the shopper's intent from the session's signals with an ordered rule (first match wins):
 *
 *   1. hesitation       a viewed item with dwell >= hesitationDwellMs (30 s), priced at or above its category's
 *                       median, not in the cart and not owned                              -> price_sensitive
 *   2. price signals    price_sort "asc", a price_max filter, or a price word in the query
 *                       (cheap, budget, deal, sale, discount, under, affordable, bargain...) -> price_sensitive
 *   3. cart             something is in the cart                                           -> decisive
 *   4. comparing        a search query, >= 3 distinct viewed items, or >= 2 viewed items of
 *                       one category                                                       -> exploring
 *   5. otherwise        a direct visit                                                     -> decisive
 *
 * Rule 1 reads a long look at an item priced in the upper half of its category, neither bought nor carted, as
 * hesitation over its price: the moment a cheaper alternative of the same category is worth showing. 30 s is the
 * default; a variant's `down_sell_after_dwell_ms` sets it per experiment. `slot-priority.ts` turns the intent into
 * slot order.
 */
import { buildIndex } from "../recommend/build-index";
import type { LoadedBuild } from "../recommend/loaded-build";
import type { Intent } from "../types";
import type { RecommendationRequest } from "../request-schema";

export const INTENT_RULE = {
  hesitationDwellMs: 30_000,
  exploringViews: 3,
  comparingViewsInCategory: 2,
  priceWords: /\b(cheap|cheaper|cheapest|budget|deals?|discount(ed)?|sale|clearance|under|affordable|bargain|value)\b/i,
} as const;

type IntentRuleName = "hesitation" | "price_signal" | "cart" | "comparing" | "direct";

export interface IntentReading {
  intent: Intent;
  rule: IntentRuleName;
  /** The item the shopper hesitates on (rule 1), with its dwell. */
  hesitation?: { item: number; id: string; dwellMs: number };
}

export interface IntentOptions {
  /** Dwell from which a view counts as hesitation (a variant's `down_sell_after_dwell_ms`). */
  hesitationDwellMs?: number;
}

export function classifyIntent(request: RecommendationRequest, build: LoadedBuild, options: IntentOptions = {}): IntentReading {
  const hesitation = findHesitation(request, build, options.hesitationDwellMs ?? INTENT_RULE.hesitationDwellMs);
  if (hesitation !== undefined) return { intent: "price_sensitive", rule: "hesitation", hesitation };
  if (request.price_sort === "asc" || request.price_max !== undefined || (request.query !== undefined && INTENT_RULE.priceWords.test(request.query))) {
    return { intent: "price_sensitive", rule: "price_signal" };
  }
  if ((request.cart?.length ?? 0) > 0) return { intent: "decisive", rule: "cart" };
  if (isComparing(request, build)) return { intent: "exploring", rule: "comparing" };
  return { intent: "decisive", rule: "direct" };
}

function findHesitation(request: RecommendationRequest, build: LoadedBuild, minDwellMs: number): IntentReading["hesitation"] {
  const viewed = request.viewed;
  if (viewed === undefined || viewed.length === 0) return undefined;
  const held = new Set([...(request.cart ?? []), ...(request.owned ?? [])]);
  const { categoryMedianPrice } = buildIndex(build);
  let found: IntentReading["hesitation"];
  for (const view of viewed) {
    const dwell = view.dwell_ms ?? 0;
    if (dwell < minDwellMs || held.has(view.id) || (found !== undefined && dwell <= found.dwellMs)) continue;
    const item = build.index.get(view.id);
    if (item === undefined) continue;
    const category = build.meta.itemCategory[item];
    const price = build.meta.prices[item];
    const median = category >= 0 ? categoryMedianPrice[category] : Number.NaN;
    if (price >= median) found = { item, id: view.id, dwellMs: dwell };
  }
  return found;
}

function isComparing(request: RecommendationRequest, build: LoadedBuild): boolean {
  if (request.query !== undefined && request.query.trim().length > 0) return true;
  const ids = new Set((request.viewed ?? []).map((v) => v.id));
  if (request.product_id !== undefined) ids.add(request.product_id);
  if (ids.size >= INTENT_RULE.exploringViews) return true;
  const perCategory = new Map<number, number>();
  for (const id of ids) {
    const item = build.index.get(id);
    const category = item === undefined ? -1 : build.meta.itemCategory[item];
    if (category < 0) continue;
    const count = (perCategory.get(category) ?? 0) + 1;
    if (count >= INTENT_RULE.comparingViewsInCategory) return true;
    perCategory.set(category, count);
  }
  return false;
}
