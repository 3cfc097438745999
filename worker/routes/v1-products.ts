/**
 * @module
 * The storefront's catalogue reads from D1: `GET /v1/products/{id}` and `GET /v1/products` (by category,
 * brand or text), plus `GET /v1/categories`. Not on the recommendation hot path; cacheable for a minute.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { and, asc, eq, like, or, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { categories, products } from "../../db/schema";
import type { AppEnv } from "../app-env";
import { errorBody } from "../errors";
import { errorSchema } from "../schemas/recommendation-response";

export const productSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    brand: z.string().nullable(),
    category_id: z.string().nullable(),
    price: z.number().nullable(),
    currency: z.string(),
    attrs: z.record(z.string(), z.unknown()),
    stock: z.number().nullable(),
    lifecycle: z.enum(["new", "active", "clearance", "eol"]),
    launched_at: z.string().nullable(),
  })
  .openapi("Product");

type ProductRow = typeof products.$inferSelect;

function toProduct(row: ProductRow): z.infer<typeof productSchema> {
  return {
    id: row.id,
    title: row.title,
    brand: row.brand,
    category_id: row.categoryId,
    price: row.price,
    currency: row.currency,
    attrs: row.attrs,
    stock: row.stock,
    lifecycle: row.lifecycle,
    launched_at: row.launchedAt,
  };
}

const CACHE = "public, max-age=60";

const getProduct = createRoute({
  method: "get",
  path: "/v1/products/{id}",
  summary: "One product",
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: {
    200: { description: "The product", content: { "application/json": { schema: productSchema } } },
    404: { description: "No such product", content: { "application/json": { schema: errorSchema } } },
  },
});

const listProducts = createRoute({
  method: "get",
  path: "/v1/products",
  summary: "Products by category (and its subcategories), brand or text",
  request: {
    query: z.object({
      category: z.string().max(200).optional(),
      brand: z.string().max(100).optional(),
      q: z.string().max(100).optional(),
      ids: z.string().max(4000).optional().meta({ description: "Comma-separated product ids" }),
      limit: z.coerce.number().int().min(1).max(200).default(48),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: { description: "Matching products", content: { "application/json": { schema: z.object({ products: z.array(productSchema) }) } } } },
});

const listCategories = createRoute({
  method: "get",
  path: "/v1/categories",
  summary: "The category tree",
  responses: {
    200: {
      description: "Every category with its parent",
      content: { "application/json": { schema: z.object({ categories: z.array(z.object({ id: z.string(), name: z.string(), parent_id: z.string().nullable(), path: z.string(), depth: z.number() })) }) } },
    },
  },
});

export const productsRoute = new OpenAPIHono<AppEnv>()
  .openapi(getProduct, async (c) => {
    const { id } = c.req.valid("param");
    const row = await drizzle(c.env.DB).select().from(products).where(eq(products.id, id)).get();
    if (row === undefined) return c.json(errorBody("not_found", `no product "${id}"`), 404);
    c.header("cache-control", CACHE);
    return c.json(toProduct(row), 200);
  })
  .openapi(listProducts, async (c) => {
    const { category, brand, q, ids, limit, offset } = c.req.valid("query");
    const where: SQL[] = [];
    if (category !== undefined) where.push(or(eq(products.categoryId, category), like(products.categoryId, `${category}/%`))!);
    if (brand !== undefined) where.push(eq(products.brand, brand));
    if (q !== undefined && q.trim().length > 0) where.push(like(products.title, `%${q.trim()}%`));
    if (ids !== undefined) where.push(or(...ids.split(",").slice(0, 200).map((id) => eq(products.id, id.trim())))!);
    const rows = await drizzle(c.env.DB)
      .select()
      .from(products)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(asc(products.categoryId), asc(products.price))
      .limit(limit)
      .offset(offset);
    c.header("cache-control", CACHE);
    return c.json({ products: rows.map(toProduct) }, 200);
  })
  .openapi(listCategories, async (c) => {
    const rows = await drizzle(c.env.DB).select().from(categories).orderBy(asc(categories.path));
    c.header("cache-control", CACHE);
    return c.json({ categories: rows.map((r) => ({ id: r.id, name: r.name, parent_id: r.parentId, path: r.path, depth: r.depth })) }, 200);
  });
