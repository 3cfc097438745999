/**
 * @module
 * The storefront's catalogue reads from D1: `GET /v1/products/{id}` and `GET /v1/products` (by category,
 * brand, ids or a search query), plus `GET /v1/categories`. Not on the recommendation hot path; cacheable for a
 * minute. A search query is read by `core/search` (price words, models, kind, terms, the categories it names)
 * exactly as the listing placement reads it, and answered by `db/product-search.ts`.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { matchCategories } from "../../core/search/category-match";
import { isEmptyQuery, parseQuery, type SearchQuery } from "../../core/search/search-query";
import { chunkRows, MAX_BOUND_PARAMETERS } from "../../db/insert-chunks";
import { inCategoryTree, searchProducts } from "../../db/product-search";
import { categories, products } from "../../db/schema";
import type { AppEnv } from "../app-env";
import { errorBody } from "../errors";
import { errorSchema } from "../schemas/recommendation-response";
import { categoryTree } from "../storage/category-tree";
import { liveCatalogId } from "../storage/live-catalog";

/** Ids per statement: D1's bound-parameter limit less room for the other filters and the paging. */
const IDS_PER_STATEMENT = MAX_BOUND_PARAMETERS - 10;

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

/** SQLite's order of `ORDER BY category_id, price`: nulls first, then ascending. */
function byCategoryThenPrice(a: ProductRow, b: ProductRow): number {
  const category = compareNullable(a.categoryId, b.categoryId);
  return category !== 0 ? category : compareNullable(a.price, b.price);
}

function compareNullable<T extends string | number>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

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

/** Search results read and ranked per request at most; pages beyond it come back empty. */
const SEARCH_WINDOW = 300;

const searchSchema = z
  .object({
    terms: z.array(z.string()).meta({ description: "The query's words that products must contain (each with its spellings and synonyms)" }),
    models: z.array(z.string()).meta({ description: "Device models named, as slugs; products naming them exactly rank first" }),
    categories: z.array(z.string()).meta({ description: "Ids of the categories the query names; their products rank first" }),
    price: z.object({ min: z.number().optional(), max: z.number().optional(), order: z.enum(["asc", "desc"]).optional() }),
    match: z.enum(["all", "some"]).meta({ description: "all: every term matched; some: nothing matched every term, these match some" }),
  })
  .openapi("SearchReading");

const listProducts = createRoute({
  method: "get",
  path: "/v1/products",
  summary: "Products by category (and its subcategories), brand, ids or a search query",
  description:
    "With q: products whose title, brand, category or compatibility keys hold every word of the query (singular, plural and synonyms alike); price words (cheap, under 50, below €100, between 50 and 100) filter and order; a named device model ranks its exact matches first; products of a category the query names come before others. At most the first 300 results can be paged through.",
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
  responses: {
    200: {
      description: "Matching products",
      content: { "application/json": { schema: z.object({ products: z.array(productSchema), search: searchSchema.optional().meta({ description: "How q was read (only with q)" }) }) } },
    },
  },
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
    const row = await drizzle(c.env.DB).select().from(products).where(and(eq(products.buildId, await liveCatalogId(c.env)), eq(products.id, id))).get();
    if (row === undefined) return c.json(errorBody("not_found", `no product "${id}"`), 404);
    c.header("cache-control", CACHE);
    return c.json(toProduct(row), 200);
  })
  .openapi(listProducts, async (c) => {
    const { category, brand, q, ids, limit, offset } = c.req.valid("query");
    c.header("cache-control", CACHE);
    const buildId = await liveCatalogId(c.env);
    const query = q === undefined || q.trim().length === 0 ? undefined : parseQuery(q);
    // A query of nothing searchable ("%", "_") matches nothing, rather than listing the whole shop.
    if (query !== undefined && isEmptyQuery(query) && ids === undefined) {
      return c.json({ products: [], search: { terms: [], models: [], categories: [], price: {}, match: "all" as const } }, 200);
    }
    if (query !== undefined && ids === undefined) {
      const tree = await categoryTree(c.env, buildId);
      const named = matchCategories(query, tree.nodes).flatMap((m) => {
        const id = tree.idByPath.get(m.path);
        return id === undefined ? [] : [{ ...m, id }];
      });
      const found = await searchProducts(drizzle(c.env.DB), { buildId, query, categories: named, category, brand, categoryPath: (id) => tree.pathById.get(id), window: SEARCH_WINDOW }, { offset, limit });
      const search = { terms: query.terms.map((t) => t.text), models: query.models, categories: named.map((m) => m.id), price: priceReading(query), match: found.match };
      return c.json({ products: found.rows.map(toProduct), search }, 200);
    }
    const where: SQL[] = [eq(products.buildId, buildId)];
    if (category !== undefined) where.push(inCategoryTree(category));
    if (brand !== undefined) where.push(eq(products.brand, brand));
    const db = drizzle(c.env.DB);
    const page = (filters: SQL[]) => db.select().from(products).where(and(...filters)).orderBy(asc(products.categoryId), asc(products.price));
    let rows: ProductRow[];
    if (ids === undefined) rows = await page(where).limit(limit).offset(offset);
    else {
      // More ids than one statement binds: one query per chunk, merged in the same order, then the page cut.
      const wanted = [...new Set(ids.split(",").map((id) => id.trim()).filter((id) => id.length > 0))].slice(0, 200);
      const chunks = await Promise.all(chunkRows(wanted, { rows: IDS_PER_STATEMENT }).map((chunk) => page([...where, inArray(products.id, chunk)])));
      rows = chunks.flat().sort(byCategoryThenPrice).slice(offset, offset + limit);
    }
    return c.json({ products: rows.map(toProduct) }, 200);
  })
  .openapi(listCategories, async (c) => {
    const rows = await drizzle(c.env.DB).select().from(categories).where(eq(categories.buildId, await liveCatalogId(c.env))).orderBy(asc(categories.path));
    c.header("cache-control", CACHE);
    return c.json({ categories: rows.map((r) => ({ id: r.id, name: r.name, parent_id: r.parentId, path: r.path, depth: r.depth })) }, 200);
  });

function priceReading(query: SearchQuery): { min?: number; max?: number; order?: "asc" | "desc" } {
  const { min, max, order } = query.price;
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...(order === undefined ? {} : { order }) };
}
