/**
 * @module
 * `POST /1/indexes/{indexName}/recommendations`: Algolia Recommend's route, so a frontend built on its clients
 * (`@algolia/recommend`, InstantSearch's recommendation widgets) switches to edgerec by pointing `hosts` here.
 * Takes the clients' `content-type: text/plain` JSON body (gzip-encoded too), the application id and a search-only
 * key from the `x-algolia-*` headers or the query string, answers each request from edgerec's placements
 * (`core/algolia/recommend-models.ts`) with one bulk KV read for all of them. Errors carry Algolia's
 * `{message, status}` and edgerec's `{error: {code, message, field}}`.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { timingSafeEqual } from "hono/utils/buffer";
import { FilterError } from "../../core/algolia/filters";
import { answerModel, categoryFacetOf, parametersPredicate } from "../../core/algolia/recommend-models";
import { type RecommendResult, recommendationsRequestSchema, recommendationsResponseSchema } from "../../core/algolia/recommend-schema";
import { fieldProblems } from "../../core/field-problems";
import { recommend } from "../../core/recommend/recommend";
import type { AppEnv } from "../app-env";
import { servingStore } from "../storage/serving-store-instance";

/** The application id the clients must name. */
const APPLICATION_ID = "edgerec";
const MAX_BODY_BYTES = 64 * 1024;

const algoliaErrorSchema = z
  .object({
    message: z.string(),
    status: z.number().int(),
    error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  })
  .openapi("AlgoliaError");

const route = createRoute({
  method: "post",
  path: "/1/indexes/{indexName}/recommendations",
  summary: "Recommendations in Algolia Recommend's format",
  description:
    "Algolia Recommend's getRecommendations: bought-together (the product placement's cross-sell), related-products and looking-similar (its similar and down-sell slots), trending-items (popular, per category facet). Credentials: x-algolia-application-id `edgerec` and a search-only key (SEARCH_API_KEY), as headers or query parameters. The body is JSON sent as text/plain or application/json.",
  request: {
    params: z.object({ indexName: z.string().openapi({ description: "Ignored: the clients send `*`; each request names its index" }) }),
    body: { required: true, content: { "text/plain": { schema: recommendationsRequestSchema } } },
  },
  responses: {
    200: { description: "One result per request", content: { "application/json": { schema: recommendationsResponseSchema } } },
    400: { description: "Malformed JSON, an invalid field or filter", content: { "application/json": { schema: algoliaErrorSchema } } },
    403: { description: "Wrong application id or API key", content: { "application/json": { schema: algoliaErrorSchema } } },
    413: { description: "Body too large", content: { "application/json": { schema: algoliaErrorSchema } } },
  },
});

function algoliaError(c: Context, status: 400 | 403 | 413, code: string, message: string, field?: string) {
  return c.json({ message, status, error: { code, message, ...(field !== undefined ? { field } : {}) } }, status);
}

async function authorized(c: Context<AppEnv>): Promise<boolean> {
  const appId = c.req.header("x-algolia-application-id") ?? c.req.query("x-algolia-application-id");
  const key = c.req.header("x-algolia-api-key") ?? c.req.query("x-algolia-api-key");
  const keys = (c.env.SEARCH_API_KEY ?? "").split(",").map((k) => k.trim()).filter((k) => k.length > 0);
  if (appId !== APPLICATION_ID || key === undefined || keys.length === 0) return false;
  for (const expected of keys) if (await timingSafeEqual(key, expected)) return true;
  return false;
}

/** The body as text, gunzipped when the client compressed it; undefined past the size limit. */
async function bodyText(request: Request): Promise<string | undefined> {
  if (request.body === null) return "";
  const gzip = (request.headers.get("content-encoding") ?? "").toLowerCase() === "gzip";
  const stream = gzip ? request.body.pipeThrough(new DecompressionStream("gzip")) : request.body;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder().decode(bytes);
}

export const algoliaRecommendationsRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const started = performance.now();
  if (!(await authorized(c))) return algoliaError(c, 403, "unauthorized", `Invalid Application-ID or API key (application id "${APPLICATION_ID}", a search-only key)`);
  let text: string | undefined;
  try {
    text = await bodyText(c.req.raw);
  } catch {
    return algoliaError(c, 400, "invalid_json", "the body is not valid gzip");
  }
  if (text === undefined) return algoliaError(c, 413, "payload_too_large", `request body exceeds ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return algoliaError(c, 400, "invalid_json", "malformed JSON in request body");
  }
  const parsed = recommendationsRequestSchema.safeParse(body);
  if (!parsed.success) {
    const [first] = fieldProblems(parsed.error);
    return algoliaError(c, 400, "invalid_request", `invalid field "${first.field}": ${first.message}`, first.field);
  }
  const { requests } = parsed.data;
  for (const [i, request] of requests.entries()) {
    for (const name of ["queryParameters", "fallbackParameters"] as const) {
      try {
        parametersPredicate(request[name]);
      } catch (error) {
        if (!(error instanceof FilterError)) throw error;
        return algoliaError(c, 400, "invalid_request", `invalid filter in requests[${i}].${name}: ${error.message}`, `requests[${i}].${name}`);
      }
    }
  }
  const anchors = requests.flatMap((r) => (r.model === "trending-items" ? [] : [r.objectID]));
  const facets = [...new Set(requests.flatMap((r) => categoryFacetOf(r) ?? []))];
  const store = servingStore(c.env);
  const [data, ...faceted] = await Promise.all([store.load(c.env.KV, { placement: "checkout", cart: anchors }, { everyList: true }), ...facets.map((category) => store.load(c.env.KV, { placement: "listing", category }))]);
  const dataOf = (request: (typeof requests)[number]) => {
    const facet = categoryFacetOf(request);
    return facet === undefined ? data : faceted[facets.indexOf(facet)];
  };
  const now = Math.floor(Date.now() / 1000);
  const results = requests.map((request): RecommendResult => {
    const recId = crypto.randomUUID();
    const served = dataOf(request);
    const { hits } = answerModel(request, served, (edgerecRequest) => recommend(edgerecRequest, served, { recId, now }));
    return {
      hits,
      nbHits: hits.length,
      hitsPerPage: Math.max(1, request.maxRecommendations ?? hits.length),
      page: 0,
      nbPages: 1,
      processingTimeMS: Math.round(performance.now() - started),
      query: "",
      params: "",
      exhaustiveNbHits: true,
      queryID: recId,
      index: request.indexName,
    };
  });
  c.header("cache-control", "no-store");
  return c.json({ results }, 200);
});
