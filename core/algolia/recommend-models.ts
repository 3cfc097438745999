/**
 * @module
 * Algolia Recommend's models answered by edgerec's own placements and slots, through the same `recommend()`:
 *
 *   bought-together                    -> placement "product" with the object as product_id, its `cross_sell` slot
 *                                         (accessories that fit it, frequently bought with it)
 *   related-products, looking-similar  -> placement "product", its `similar` and `down_sell` slots in the order the
 *                                         answer gives them
 *   trending-items                     -> placement "listing" of the facet value when the facet is a category,
 *                                         else "home"; its `popular` slot
 *
 * `maxRecommendations` is the answer's `k`. With filters, the slots are asked for 50 items, filtered, and cut to
 * `maxRecommendations` (default 10). `_score` = round(100 * score / best score of the list); hits under
 * `threshold` go. When fewer hits than wanted remain and `fallbackParameters` are given, the home page's popular
 * items passing those filters fill in (score 0). `queryID` is the answer's `rec_id`.
 */
import { stockView } from "../catalog/stock-overlay";
import type { RecommendationResponse } from "../recommendation-response";
import type { RecommendationRequest } from "../request-schema";
import type { ServingData } from "../recommend/serving-data";
import { itemDisplay } from "../recommend/item-display";
import type { LoadedBuild } from "../recommend/loaded-build";
import type { SlotKind } from "../types";
import { type ItemFacts, type ItemPredicate, parseFacetFilters, parseFilters, parseNumericFilters } from "./filters";
import type { RecommendHit, RecommendModel, RecommendRequest, SearchParameters } from "./recommend-schema";

const MODEL_SLOTS: Readonly<Record<RecommendModel, readonly SlotKind[]>> = {
  "bought-together": ["cross_sell"],
  "related-products": ["similar", "down_sell"],
  "looking-similar": ["similar", "down_sell"],
  "trending-items": ["popular"],
};

const FILTERED_K = 50;
const DEFAULT_FILTERED_HITS = 10;
const CATEGORY_FACETS = new Set(["category", "categories", "product_type", "category_path"]);

/** The edgerec request a model's request stands for. */
function edgerecRequest(request: RecommendRequest, k: number | undefined): RecommendationRequest {
  const size = k === undefined ? {} : { k };
  if (request.model !== "trending-items") return { placement: "product", product_id: request.objectID, ...size };
  const category = categoryFacetOf(request);
  return category !== undefined ? { placement: "listing", category, ...size } : { placement: "home", ...size };
}

/** The category a trending-items request is faceted on (its listing's serving data must hold that category), if any. */
export function categoryFacetOf(request: RecommendRequest): string | undefined {
  if (request.model !== "trending-items" || request.facetValue === undefined || request.facetName === undefined) return undefined;
  return CATEGORY_FACETS.has(request.facetName.toLowerCase()) ? request.facetValue : undefined;
}

/** Whether the parameters filter anything. */
function hasFilters(parameters: SearchParameters | undefined): parameters is SearchParameters {
  return parameters !== undefined && (parameters.filters !== undefined || parameters.facetFilters !== undefined || parameters.numericFilters !== undefined);
}

/** One predicate for a request's search parameters (throws FilterError naming what is wrong). */
export function parametersPredicate(parameters: SearchParameters | undefined): ItemPredicate {
  if (!hasFilters(parameters)) return () => true;
  const parts: ItemPredicate[] = [];
  if (parameters.filters !== undefined) parts.push(parseFilters(parameters.filters));
  if (parameters.facetFilters !== undefined) parts.push(parseFacetFilters(parameters.facetFilters));
  if (parameters.numericFilters !== undefined) parts.push(parseNumericFilters(parameters.numericFilters));
  return (item) => parts.every((p) => p(item));
}

export interface ModelAnswer {
  hits: RecommendHit[];
  /** The edgerec answer the hits came from (its rec_id is the queryID). */
  answer: RecommendationResponse;
}

/**
 * Answers one model request. `run` is the caller's `recommend()` over the loaded data (so the worker and a test
 * share it); it is called once, and once more for a fallback.
 */
export function answerModel(request: RecommendRequest, data: ServingData, run: (request: RecommendationRequest) => RecommendationResponse): ModelAnswer {
  const filtered = hasFilters(request.queryParameters);
  const accept = parametersPredicate(request.queryParameters);
  const fallbackAccept = request.fallbackParameters === undefined ? undefined : parametersPredicate(request.fallbackParameters);
  const answer = run(edgerecRequest(request, filtered ? FILTERED_K : request.maxRecommendations));
  const wanted = request.maxRecommendations ?? (filtered ? DEFAULT_FILTERED_HITS : Number.POSITIVE_INFINITY);
  const build = data.build;
  if (build === null) return { hits: [], answer };
  const facts = factsOf(build, data);
  const kinds = MODEL_SLOTS[request.model];
  const picked: Array<{ id: string; score: number; item: RecommendationResponse["slots"][number]["items"][number] }> = [];
  const seen = new Set<string>(request.model === "trending-items" ? [] : [request.objectID]);
  for (const slot of answer.slots) {
    if (!kinds.includes(slot.kind)) continue;
    for (const item of slot.items) {
      const f = facts(item.id);
      if (seen.has(item.id) || f === undefined || !accept(f)) continue;
      seen.add(item.id);
      picked.push({ id: item.id, score: item.score, item });
    }
  }
  const top = picked.reduce((best, p) => Math.max(best, p.score), 0);
  const hits: RecommendHit[] = [];
  for (const [rank, p] of picked.slice(0, wanted).entries()) {
    const score = top > 0 ? Math.round((100 * Math.max(0, p.score)) / top) : Math.round((100 * (picked.length - rank)) / picked.length);
    if (score < request.threshold) continue;
    hits.push(hit(build, facts(p.id)!, score, p.item.reason, p.item.reason_code));
  }
  if (hits.length < wanted && request.maxRecommendations !== undefined && fallbackAccept !== undefined) {
    const popular = run({ placement: "home", k: FILTERED_K });
    for (const slot of popular.slots) {
      if (slot.kind !== "popular") continue;
      for (const item of slot.items) {
        if (hits.length >= wanted) break;
        const f = facts(item.id);
        if (seen.has(item.id) || f === undefined || !f.inStock || !fallbackAccept(f)) continue;
        seen.add(item.id);
        hits.push(hit(build, f, 0, item.reason, item.reason_code));
      }
    }
  }
  return { hits, answer };
}

function factsOf(build: LoadedBuild, data: ServingData): (id: string) => ItemFacts | undefined {
  const stock = stockView(build.meta, data.stock ?? null);
  const { meta } = build;
  return (id) => {
    const item = build.index.get(id);
    if (item === undefined) return undefined;
    const category = meta.itemCategory[item];
    const brand = meta.itemBrand[item];
    const price = meta.prices[item];
    return {
      objectID: id,
      category: category >= 0 ? meta.categories[category].split(" > ") : [],
      ...(brand >= 0 ? { brand: meta.brands[brand] } : {}),
      ...(Number.isFinite(price) ? { price } : {}),
      inStock: !stock.isOutOfStock(item),
    };
  };
}

function hit(build: LoadedBuild, facts: ItemFacts, score: number, reason: string | undefined, reasonCode: RecommendHit["reason_code"]): RecommendHit {
  const item = build.index.get(facts.objectID)!;
  const out: RecommendHit = { objectID: facts.objectID, _score: score, ...itemDisplay(build, item), in_stock: facts.inStock };
  if (facts.brand !== undefined) out.brand = facts.brand;
  if (facts.category.length > 0) out.category = facts.category.join(" > ");
  if (reason !== undefined) out.reason = reason;
  if (reasonCode !== undefined) out.reason_code = reasonCode;
  return out;
}
