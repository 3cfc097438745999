/**
 * @module
 * `POST /v1/recommendations`: validate, load the anchors' blobs (one bulk KV read, isolate cache in front),
 * run the shared core `recommend()`.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { recommend } from "../../core/recommend/recommend";
import { LIMITS, recommendationRequestSchema } from "../../core/request-schema";
import type { AppEnv } from "../app-env";
import { limitBody, requireJsonBody } from "../middleware/json-body";
import { errorSchema, recommendationResponseSchema } from "../schemas/recommendation-response";
import { servingStore } from "../storage/serving-store-instance";

const route = createRoute({
  method: "post",
  path: "/v1/recommendations",
  summary: "Recommendation slots for a placement",
  middleware: [requireJsonBody(), limitBody(LIMITS.bodyBytes)] as const,
  request: { body: { required: true, content: { "application/json": { schema: recommendationRequestSchema } } } },
  responses: {
    200: { description: "Slots, best first", content: { "application/json": { schema: recommendationResponseSchema } } },
    400: { description: "Malformed JSON or an invalid field", content: { "application/json": { schema: errorSchema } } },
    413: { description: "Body too large", content: { "application/json": { schema: errorSchema } } },
    415: { description: "Not JSON", content: { "application/json": { schema: errorSchema } } },
  },
});

export const recommendationsRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const request = c.req.valid("json");
  const data = await servingStore(c.env).load(c.env.KV, request);
  const response = recommend(request, data, { recId: c.get("requestId") });
  c.header("cache-control", "no-store");
  return c.json(response, 200);
});
