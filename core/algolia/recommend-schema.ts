/**
 * @module
 * Algolia Recommend's `POST /1/indexes/{indexName}/recommendations` (the clients send `*`), as edgerec takes it: the request (`requests[]`, each
 * with its index name, model, object id, threshold, maximum and query / fallback parameters) and the answer
 * (`results[]`, one per request, each with `hits[]` carrying `objectID`, the product's fields and `_score` 0-100,
 * and `nbHits`, `hitsPerPage`, `processingTimeMS`, `queryID`). Unknown search parameters are ignored, as a
 * recommendation has no query to apply them to.
 */
import { z } from "zod";
import { REASON_CODES } from "../types";

const filterList = z.union([z.string().max(2000), z.array(z.union([z.string().max(500), z.array(z.string().max(500)).max(50)])).max(50)]);

const searchParameters = z
  .object({
    filters: z.string().max(2000).optional(),
    facetFilters: filterList.optional(),
    numericFilters: filterList.optional(),
  })
  .meta({ description: "Algolia search parameters; filters, facetFilters and numericFilters on category, brand, price, in_stock and objectID are applied" });

const common = {
  indexName: z.string().min(1).max(256),
  threshold: z.number().min(0).max(100).default(0).meta({ description: "Hits scoring below it (0-100) are left out" }),
  maxRecommendations: z.number().int().min(1).max(50).optional().meta({ description: "Default: the slot's size" }),
  queryParameters: searchParameters.optional(),
  fallbackParameters: searchParameters.optional().meta({ description: "When the model finds too few hits, popular items passing these filters fill in" }),
};

const RECOMMEND_MODELS = ["bought-together", "related-products", "looking-similar", "trending-items"] as const;
export type RecommendModel = (typeof RECOMMEND_MODELS)[number];

const objectRequest = (model: Exclude<RecommendModel, "trending-items">) => z.object({ ...common, model: z.literal(model), objectID: z.string().min(1).max(256) });

const recommendRequestSchema = z.discriminatedUnion("model", [
  objectRequest("bought-together"),
  objectRequest("related-products"),
  objectRequest("looking-similar"),
  z.object({ ...common, model: z.literal("trending-items"), facetName: z.string().max(100).optional(), facetValue: z.string().max(500).optional() }),
]);

export const recommendationsRequestSchema = z
  .object({ requests: z.array(recommendRequestSchema).min(1).max(20) })
  .meta({ id: "AlgoliaRecommendationsRequest", description: "Algolia Recommend's getRecommendations body" });

const hitSchema = z
  .object({
    objectID: z.string(),
    _score: z.number().min(0).max(100).meta({ description: "The hit's score as a percentage of the best hit's in its list; fallback hits score 0" }),
    title: z.string().optional(),
    brand: z.string().optional(),
    category: z.string().optional().meta({ description: 'Category path, "A > B"' }),
    price: z.number().optional(),
    currency: z.string().optional(),
    link: z.string().optional(),
    image_link: z.string().optional(),
    in_stock: z.boolean(),
    reason: z.string().optional(),
    reason_code: z.enum(REASON_CODES).optional(),
  });

const resultSchema = z.object({
  hits: z.array(hitSchema),
  nbHits: z.number().int(),
  hitsPerPage: z.number().int().min(1),
  page: z.literal(0),
  nbPages: z.number().int(),
  processingTimeMS: z.number().int(),
  query: z.literal(""),
  params: z.string(),
  exhaustiveNbHits: z.boolean(),
  queryID: z.string().meta({ description: "The edgerec rec_id: send it as rec_id with click and purchase events" }),
  index: z.string(),
});

export const recommendationsResponseSchema = z.object({ results: z.array(resultSchema) }).meta({ id: "AlgoliaRecommendationsResponse" });

type RecommendationsRequest = z.output<typeof recommendationsRequestSchema>;
export type RecommendRequest = RecommendationsRequest["requests"][number];
export type SearchParameters = z.output<typeof searchParameters>;
export type RecommendHit = z.infer<typeof hitSchema>;
export type RecommendResult = z.infer<typeof resultSchema>;
