/**
 * @module
 * `GET /v1/_bench/kv-read?ids=a,b,c`: the bare KV read the latency benchmark compares the recommendation route
 * against. It reads the item blobs of `ids` for the live build with the same bulk get, and does nothing else.
 * Answers 404 unless `BENCH_ROUTES` is "on" (never in production).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { itemKey } from "../../core/keys";
import type { AppEnv } from "../app-env";
import { benchRoutesEnabled } from "../bench-flag";
import { errorBody } from "../errors";
import { errorSchema } from "../schemas/recommendation-response";
import { bulkGet } from "../storage/serving-store";
import { servingStore } from "../storage/serving-store-instance";

const route = createRoute({
  method: "get",
  path: "/v1/_bench/kv-read",
  summary: "Benchmark only: one bulk KV read of the given items' blobs",
  description: "Off (404) unless the BENCH_ROUTES variable is \"on\".",
  request: { query: z.object({ ids: z.string().min(1).max(4000).meta({ description: "Comma-separated item ids" }) }) },
  responses: {
    200: {
      description: "How many keys were read and found, and their bytes",
      content: { "application/json": { schema: z.object({ build: z.string().nullable(), keys: z.number(), found: z.number(), bytes: z.number() }) } },
    },
    404: { description: "Benchmark routes are off", content: { "application/json": { schema: errorSchema } } },
  },
});

export const benchKvReadRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  if (!benchRoutesEnabled(c.env)) return c.json(errorBody("not_found", "no route for GET /v1/_bench/kv-read"), 404);
  const build = await servingStore(c.env).liveBuildId(c.env.KV);
  const ids = c.req.valid("query").ids.split(",").slice(0, 100);
  const values = build === null ? new Map<string, string | null>() : await bulkGet(c.env.KV, ids.map((id) => itemKey(build, id)));
  let found = 0;
  let bytes = 0;
  for (const value of values.values()) {
    if (value === null) continue;
    found++;
    bytes += value.length;
  }
  c.header("cache-control", "no-store");
  return c.json({ build, keys: ids.length, found, bytes }, 200);
});
