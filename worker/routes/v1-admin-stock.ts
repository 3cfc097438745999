/**
 * @module
 * `POST /v1/admin/stock`: units on hand for a batch of products, written to D1 `products.stock`; the out-of-stock
 * overlay (KV `cfg/stock`) is republished at once, so a sold-out item leaves every answer within the edge's
 * overlay cache time, without a rebuild.
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { adminRoute, jsonBody } from "../middleware/admin-route";
import { publishStock } from "../overlays/publish-stock";

const MAX_STOCK_UPDATES = 1000;

const stockBody = z.object({
  items: z
    .array(z.object({ id: z.string().min(1).max(200), stock: z.number().int().min(0).max(1e9) }).strict())
    .min(1)
    .max(MAX_STOCK_UPDATES)
    .meta({ description: `Up to ${MAX_STOCK_UPDATES} products with their units on hand` }),
});

const route = adminRoute({
  method: "post",
  path: "/v1/admin/stock",
  summary: "Set units on hand and publish the out-of-stock overlay to the edge",
  bodyLimit: 128 * 1024,
  request: { body: jsonBody(stockBody) },
  responses: {
    200: {
      description: "How many products were updated, which ids D1 does not know, and how many products are now out of stock",
      content: { "application/json": { schema: z.object({ updated: z.number().int(), unknown: z.array(z.string()), out_of_stock: z.number().int() }) } },
    },
  },
});

export const adminStockRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { items } = c.req.valid("json");
  const now = Math.floor(Date.now() / 1000);
  const latest = new Map(items.map((item) => [item.id, item.stock]));
  const ids = [...latest.keys()];
  const statement = c.env.DB.prepare("UPDATE products SET stock = ?1, updated_at = ?2 WHERE id = ?3");
  const results = await c.env.DB.batch(ids.map((id) => statement.bind(latest.get(id)!, now, id)));
  const unknown = ids.filter((_, k) => (results[k].meta.changes ?? 0) === 0);
  const outOfStock = await publishStock(c.env, now);
  return c.json({ updated: ids.length - unknown.length, unknown, out_of_stock: outOfStock }, 200);
});
