/**
 * @module
 * `GET /healthz`: liveness plus which build is live (null before the first publish), and `degraded` with the reason
 * when the live pointer is unreadable or names a build whose meta blob is missing or unreadable (every answer is
 * then a fallback).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { servingStore } from "../storage/serving-store-instance";

const healthSchema = z.object({
  status: z.enum(["ok", "no_build", "degraded"]),
  build: z.string().nullable(),
  reason: z.string().optional().meta({ description: "Why answers are degraded" }),
});

const route = createRoute({
  method: "get",
  path: "/healthz",
  summary: "Liveness and the live build",
  responses: { 200: { description: "The worker answers", content: { "application/json": { schema: healthSchema } } } },
});

export const healthzRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const health = await servingStore(c.env).health(c.env.KV);
  c.header("cache-control", "no-store");
  return c.json(health, 200);
});
