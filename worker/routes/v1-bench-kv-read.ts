/**
 * @module
 * The bare KV read the latency benchmark compares the recommendation route against: the item blobs of the given
 * ids for the live build, read with the same bulk get, and nothing else.
 *
 *   GET  /v1/_bench/kv-read?ids=a,b,c
 *   POST /v1/_bench/kv-read   with the very body a checkout request sends; the ids are its `cart`, so both routes
 *                             receive the same bytes and only the work differs
 *
 * Both answer 404 unless `BENCH_ROUTES` is "on" (never in production).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { itemKey } from "../../core/keys";
import type { AppEnv } from "../app-env";
import { benchRoutesEnabled } from "../bench-flag";
import { errorBody } from "../errors";
import { errorSchema } from "../schemas/recommendation-response";
import { bulkGet } from "../storage/serving-store";
import { servingStore } from "../storage/serving-store-instance";

const readSchema = z.object({ build: z.string().nullable(), keys: z.number(), found: z.number(), bytes: z.number() });
const responses = {
  200: { description: "How many keys were read and found, and their bytes", content: { "application/json": { schema: readSchema } } },
  404: { description: "Benchmark routes are off", content: { "application/json": { schema: errorSchema } } },
};

const getRoute = createRoute({
  method: "get",
  path: "/v1/_bench/kv-read",
  summary: "Benchmark only: one bulk KV read of the given items' blobs",
  description: 'Off (404) unless the BENCH_ROUTES variable is "on".',
  request: { query: z.object({ ids: z.string().min(1).max(4000).meta({ description: "Comma-separated item ids" }) }) },
  responses,
});

const postRoute = createRoute({
  method: "post",
  path: "/v1/_bench/kv-read",
  summary: "Benchmark only: the same read for the cart of a recommendation request body",
  description: 'Off (404) unless the BENCH_ROUTES variable is "on". The body is not validated beyond being JSON.',
  responses,
});

export const benchKvReadRoute = new OpenAPIHono<AppEnv>()
  .openapi(getRoute, async (c) => {
    if (!benchRoutesEnabled(c.env)) return c.json(errorBody("not_found", "no route for GET /v1/_bench/kv-read"), 404);
    c.header("cache-control", "no-store");
    return c.json(await readItems(c.env, c.req.valid("query").ids.split(",")), 200);
  })
  .openapi(postRoute, async (c) => {
    if (!benchRoutesEnabled(c.env)) return c.json(errorBody("not_found", "no route for POST /v1/_bench/kv-read"), 404);
    const body = (await c.req.json()) as { cart?: unknown };
    const ids = Array.isArray(body.cart) ? body.cart.filter((id): id is string => typeof id === "string") : [];
    c.header("cache-control", "no-store");
    return c.json(await readItems(c.env, ids), 200);
  });

async function readItems(env: Env, requested: string[]): Promise<z.infer<typeof readSchema>> {
  const store = servingStore(env);
  const build = await store.liveBuildId(env.KV);
  const ids = requested.slice(0, 100);
  const values = build === null ? new Map<string, string | null>() : await bulkGet(env.KV, ids.map((id) => store.keyOf(build, itemKey(build, id))));
  let found = 0;
  let bytes = 0;
  for (const value of values.values()) {
    if (value === null) continue;
    found++;
    bytes += value.length;
  }
  return { build, keys: ids.length, found, bytes };
}
