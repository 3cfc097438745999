/**
 * @module
 * The Hono app: request ids, CORS from the allow-list, JSON errors for everything that goes wrong (a framework's
 * HTTPException answers its own 4xx status, as JSON like ours), the routes,
 * and the OpenAPI document generated from the same zod schemas that validate requests.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { fieldProblems } from "../core/field-problems";
import type { AppEnv } from "./app-env";
import { type ErrorCode, errorBody, errorResponse } from "./errors";
import { BEARER_SCHEME } from "./middleware/admin-route";
import { algoliaRecommendationsRoute } from "./routes/algolia-recommendations";
import { healthzRoute } from "./routes/healthz";
import { adminBuildsRoute } from "./routes/v1-admin-builds";
import { adminExperimentsRoute } from "./routes/v1-admin-experiments";
import { adminRulesRoute } from "./routes/v1-admin-rules";
import { adminSlotPlansRoute } from "./routes/v1-admin-slot-plans";
import { adminStockRoute } from "./routes/v1-admin-stock";
import { benchKvReadRoute } from "./routes/v1-bench-kv-read";
import { eventsRoute } from "./routes/v1-events";
import { metricsRoute } from "./routes/v1-metrics";
import { productsRoute } from "./routes/v1-products";
import { recommendationsRoute } from "./routes/v1-recommendations";
import { reportsRoute } from "./routes/v1-reports";

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const problems = fieldProblems(result.error);
        return errorResponse(c, "invalid_request", `invalid field "${problems[0].field}": ${problems[0].message}`, problems);
      }
    },
  });

  app.use("*", async (c, next) => {
    c.set("requestId", crypto.randomUUID());
    await next();
  });
  const allowListCors =
    (allowMethods: string[], allowHeaders: string[]): MiddlewareHandler<AppEnv> =>
    (c, next) =>
      cors({ origin: (origin) => (allowedOrigins(c.env).includes(origin) ? origin : null), allowMethods, allowHeaders, maxAge: 600 })(c, next);
  app.use("/v1/*", allowListCors(["GET", "POST", "OPTIONS"], ["content-type", "authorization"]));
  app.use("/1/*", allowListCors(["POST", "OPTIONS"], ["content-type", "content-encoding", "x-algolia-application-id", "x-algolia-api-key", "x-algolia-agent"]));

  const routes = app.route("/", healthzRoute).route("/", recommendationsRoute).route("/", adminBuildsRoute)
    .route("/", productsRoute).route("/", eventsRoute).route("/", adminExperimentsRoute)
    .route("/", adminSlotPlansRoute).route("/", benchKvReadRoute).route("/", metricsRoute).route("/", reportsRoute)
    .route("/", adminRulesRoute).route("/", adminStockRoute).route("/", algoliaRecommendationsRoute);

  app.openAPIRegistry.registerComponent("securitySchemes", BEARER_SCHEME, { type: "http", scheme: "bearer" });

  app.use("/openapi.json", async (c, next) => {
    await next();
    c.header("cache-control", "public, max-age=300");
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "edgerec", version: "1", description: "Cross-sell and down-sell recommendations at the edge" },
  });

  app.notFound((c) => errorResponse(c, "not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const code = FRAMEWORK_ERRORS[error.status];
      if (error.status === 400) return errorResponse(c, "invalid_json", `malformed JSON in request body`);
      if (code !== undefined) return errorResponse(c, code, error.message || code.replaceAll("_", " "));
      if (error.status < 500) return c.json(errorBody("invalid_request", error.message || `request refused (${error.status})`), error.status);
    }
    console.error(JSON.stringify({ level: "error", request_id: c.get("requestId"), message: String(error), stack: (error as Error).stack }));
    return errorResponse(c, "internal", `internal error (request ${c.get("requestId")})`);
  });
  return routes;
}

/** What a framework's HTTPException (a validator's, a body limit's) answers: the same JSON as our own errors. */
const FRAMEWORK_ERRORS: Partial<Record<number, ErrorCode>> = {
  401: "unauthorized",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

function allowedOrigins(env: Env): string[] {
  return (env.CORS_ORIGINS ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

export type AppType = ReturnType<typeof createApp>;
