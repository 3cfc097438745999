/**
 * @module
 * `GET /healthz`: liveness plus which build is live (null before the first publish).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { servingStore } from "../storage/serving-store-instance";

const healthSchema = z.object({
  status: z.enum(["ok", "no_build"]),
  build: z.string().nullable(),
});

const route = createRoute({
  method: "get",
  path: "/healthz",
  summary: "Liveness and the live build",
  responses: { 200: { description: "The worker answers", content: { "application/json": { schema: healthSchema } } } },
});

export const healthzRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const build = await servingStore(c.env).liveBuildId(c.env.KV);
  c.header("cache-control", "no-store");
  return c.json({ status: build === null ? ("no_build" as const) : ("ok" as const), build }, 200);
});
