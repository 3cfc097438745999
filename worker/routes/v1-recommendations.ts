/**
 * @module
 * `POST /v1/recommendations`: validate, open the session token, load the anchors' blobs (one bulk KV read,
 * isolate cache in front), run the shared core `recommend()`, and hand back a renewed session token.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { variantLabel } from "../../core/experiments/assign";
import { unknownProduct } from "../../core/recommend/known-product";
import { recommend } from "../../core/recommend/recommend";
import { recommendationResponseSchema } from "../../core/recommendation-response";
import { LIMITS, recommendationRequestSchema } from "../../core/request-schema";
import { newSessionState, recordAnswer, type SessionState, withSessionSignals } from "../../core/session/session-state";
import { openSessionToken, sealSessionToken } from "../../core/session/session-token";
import type { AppEnv } from "../app-env";
import { errorBody } from "../errors";
import { experimentFor } from "../experiments/assign-request";
import { limitBody, requireJsonBody } from "../middleware/json-body";
import { errorSchema } from "../schemas/recommendation-response";
import { benchRoutesEnabled, BYPASS_CACHE_HEADER } from "../bench-flag";
import { servingStore } from "../storage/serving-store-instance";
import { sessionKeyFor } from "../storage/session-key";

const route = createRoute({
  method: "post",
  path: "/v1/recommendations",
  summary: "Recommendation slots for a placement",
  description:
    "Slots for checkout, cart, product, listing or home, ordered by the shopper's intent. Send back the answer's session_token with the next request of the session. Placement product needs a product_id the live build knows (400 without one, 404 for an unknown one).",
  middleware: [requireJsonBody(), limitBody(LIMITS.bodyBytes)] as const,
  request: { body: { required: true, content: { "application/json": { schema: recommendationRequestSchema } } } },
  responses: {
    200: { description: "Slots, best first", content: { "application/json": { schema: recommendationResponseSchema } } },
    400: { description: "Malformed JSON or an invalid field (placement product without product_id)", content: { "application/json": { schema: errorSchema } } },
    404: { description: "Placement product with a product_id the live build does not know", content: { "application/json": { schema: errorSchema } } },
    413: { description: "Body too large", content: { "application/json": { schema: errorSchema } } },
    415: { description: "Not JSON", content: { "application/json": { schema: errorSchema } } },
  },
});

export const recommendationsRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const request = c.req.valid("json");
  const now = Math.floor(Date.now() / 1000);
  const key = await sessionKeyFor(c.env.SESSION_SECRET);
  let session: SessionState | null = null;
  if (key !== undefined && request.session_token !== undefined) session = await openSessionToken(request.session_token, key, now);
  const signals = withSessionSignals(request, session);
  const bypassItemCache = benchRoutesEnabled(c.env) && c.req.header(BYPASS_CACHE_HEADER) === "1";
  const [data, assignment] = await Promise.all([servingStore(c.env).load(c.env.KV, signals, { bypassItemCache }), experimentFor(c.env, c.executionCtx, request)]);
  const missing = unknownProduct(request, data.build);
  if (missing !== undefined) return c.json(errorBody("not_found", missing.message, [missing]), 404);
  const experiment = assignment === undefined ? {} : { variant: variantLabel(assignment), config: assignment.config };
  const response = recommend(signals, data, { recId: c.get("requestId"), session: session ?? undefined, now, ...experiment });
  if (key !== undefined) response.session_token = await sealSessionToken(recordAnswer(session ?? newSessionState(now), request, response), key, now);
  c.header("cache-control", "no-store");
  return c.json(response, 200);
});
