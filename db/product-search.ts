/**
 * @module
 * Product search on D1 with the query read by `core/search`: the FTS5 index `products_fts` (migration
 * 0005_product_search: title, brand, category path, compatibility keys; kept in step by triggers) selects, the
 * shared order (`compareResults`) ranks. Bounded: one indexed MATCH reading at most `window` rows of the columns
 * ranking needs, then the page's full rows by rowid; never a scan of `products`; a query of price words alone
 * reads the price index.
 *
 * Every term must match ("all"); when that finds nothing and the query has several terms, products matching
 * any of them come back ranked by how many they match ("some"). A term matches the index in any of its phrases
 * (singular, plural, synonyms), or, for a category the query names, that category's raw name in the category
 * column (trees that write "USBCables" index one word).
 */
import { and, asc, desc, eq, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { CategoryMatch } from "../core/search/category-match";
import { termsMatched } from "../core/search/match-text";
import { modelMentionTier } from "../core/search/model-mention";
import { compareResults, type ResultFacts } from "../core/search/rank-results";
import type { Phrase, SearchQuery } from "../core/search/search-query";
import { searchWords } from "../core/search/search-words";
import { products } from "./schema";

/** The FTS5 table as drizzle sees it, for typed queries (created by a migration, not by drizzle-kit). */
const productsFts = sqliteTable("products_fts", {
  rowid: integer("rowid").notNull(),
  title: text("title"),
  brand: text("brand"),
  category: text("category"),
  facts: text("facts"),
});

/** bm25 weights of title, brand, category, facts. */
const WEIGHTS = [10, 3, 2, 1] as const;

type ProductRow = typeof products.$inferSelect;

/** What ranking reads of a row. */
const RANKED = { rowid: sql<number>`${products}.rowid`, title: products.title, brand: products.brand, categoryId: products.categoryId, price: products.price, compatKeys: products.compatKeys };
type RankedRow = { rowid: number; title: string; brand: string | null; categoryId: string | null; price: number | null; compatKeys: string[] };
/** D1 binds at most 100 parameters a statement. */
const ROWIDS_PER_READ = 100;

export interface ProductSearch {
  /** The build whose catalogue rows are searched (`products.build_id`). */
  buildId: string;
  query: SearchQuery;
  /** Categories the query names (`matchCategories`), with their ids. */
  categories: ReadonlyArray<CategoryMatch & { id: string }>;
  /** Only products of this category id or under it. */
  category?: string;
  brand?: string;
  /** The category path of a category id (for matching terms against it). */
  categoryPath: (id: string) => string | undefined;
  /** Rows read and ranked at most. */
  window: number;
}

export interface SearchResult {
  /** The page's rows, in rank order. */
  rows: ProductRow[];
  /** "all": every term matched; "some": no product matched them all, these match some. */
  match: "all" | "some";
}

/** The page `[offset, offset + limit)` of the ranked results (at most `window` are ranked). */
export async function searchProducts(db: DrizzleD1Database, search: ProductSearch, page: { offset: number; limit: number }): Promise<SearchResult> {
  const { query } = search;
  if (query.terms.length === 0) return { rows: await priceOnly(db, search, page), match: "all" };
  let rows = await matching(db, search, "all");
  let match: SearchResult["match"] = "all";
  if (rows.length === 0 && query.terms.length > 1) {
    rows = await matching(db, search, "any");
    match = "some";
  }
  const wanted = ranked(search, rows, match).slice(page.offset, page.offset + page.limit);
  return { rows: await fullRows(db, wanted.map((r) => r.rowid)), match };
}

/**
 * The FTS5 MATCH expression: terms joined by AND ("all") or OR ("any"); a term is its phrases joined by OR,
 * a phrase `"w1 w2"` with `*` when its last word may be a prefix, and `category : "raw name"` for each named
 * category whose name holds the term.
 */
function ftsExpression(query: SearchQuery, categories: readonly CategoryMatch[], mode: "all" | "any"): string {
  const terms = query.terms.map((term, index) => {
    const alternatives = term.phrases.map(ftsPhrase);
    for (const category of categories) {
      if (category.nameTerms.includes(index) && category.rawName.length > 0) alternatives.push(`category : ${ftsPhrase({ words: category.rawName, prefix: false })}`);
    }
    return `(${[...new Set(alternatives)].join(" OR ")})`;
  });
  return terms.join(mode === "all" ? " AND " : " OR ");
}

function ftsPhrase(phrase: Phrase): string {
  return `"${phrase.words.join(" ").replaceAll('"', '""')}"${phrase.prefix ? "*" : ""}`;
}

/** Products of category id `category` or under it: `category_id` equal, or in [`id/`, `id0`) ('0' follows '/'), on its index. */
export function inCategoryTree(category: string): SQL {
  return or(eq(products.categoryId, category), and(gte(products.categoryId, `${category}/`), lt(products.categoryId, `${category}0`)))!;
}

function filters(search: ProductSearch): SQL[] {
  const where: SQL[] = [eq(products.buildId, search.buildId)];
  if (search.category !== undefined) where.push(inCategoryTree(search.category));
  if (search.brand !== undefined) where.push(eq(products.brand, search.brand));
  const { min, max } = search.query.price;
  if (min !== undefined) where.push(gte(products.price, min));
  if (max !== undefined) where.push(lte(products.price, max));
  return where;
}

function priceOrder(search: ProductSearch): SQL[] {
  const order = search.query.price.order;
  if (order === undefined) return [];
  return [sql`${products.price} IS NULL`, order === "asc" ? asc(products.price) : desc(products.price)];
}

async function matching(db: DrizzleD1Database, search: ProductSearch, mode: "all" | "any"): Promise<RankedRow[]> {
  const expression = ftsExpression(search.query, search.categories, mode);
  const rank = sql`bm25(products_fts, ${sql.raw(WEIGHTS.join(", "))})`;
  return db
    .select(RANKED)
    .from(productsFts)
    .innerJoin(products, sql`${products}.rowid = ${productsFts.rowid}`)
    .where(and(sql`products_fts MATCH ${expression}`, ...filters(search)))
    .orderBy(...priceOrder(search), rank)
    .limit(search.window);
}

async function priceOnly(db: DrizzleD1Database, search: ProductSearch, page: { offset: number; limit: number }): Promise<ProductRow[]> {
  const order = search.query.price.order ?? "asc";
  const limit = Math.max(0, Math.min(page.limit, search.window - page.offset));
  if (limit === 0) return [];
  return db
    .select()
    .from(products)
    .where(and(sql`${products.price} IS NOT NULL`, ...filters(search)))
    .orderBy(order === "asc" ? asc(products.price) : desc(products.price), asc(products.id))
    .limit(limit)
    .offset(page.offset);
}

/** Full rows by rowid, in the order given. */
async function fullRows(db: DrizzleD1Database, rowids: readonly number[]): Promise<ProductRow[]> {
  const byRowid = new Map<number, ProductRow>();
  for (let start = 0; start < rowids.length; start += ROWIDS_PER_READ) {
    const chunk = rowids.slice(start, start + ROWIDS_PER_READ);
    const rows = await db
      .select({ rowid: sql<number>`${products}.rowid`, product: products })
      .from(products)
      .where(sql`${products}.rowid IN (${sql.join(chunk.map((r) => sql`${r}`), sql`, `)})`);
    for (const row of rows) byRowid.set(row.rowid, row.product);
  }
  return rowids.flatMap((r) => byRowid.get(r) ?? []);
}

/** The rows in the shared order (`compareResults`); in "some" mode, rows matching no term on the edge's reading drop out. */
function ranked(search: ProductSearch, rows: RankedRow[], match: SearchResult["match"]): RankedRow[] {
  const { query } = search;
  const facts: Array<ResultFacts & { row: RankedRow }> = [];
  rows.forEach((row, position) => {
    const terms = match === "all" ? query.terms.length : termsMatched(query, rowFields(search, row));
    if (match === "some" && terms === 0) return;
    const inCategory = row.categoryId !== null && search.categories.some((c) => row.categoryId === c.id || row.categoryId!.startsWith(`${c.id}/`));
    facts.push({ row, modelTier: modelMentionTier(query.models, row.title), terms, inCategory, price: row.price, position });
  });
  facts.sort(compareResults(query));
  return facts.map((f) => f.row);
}

function rowFields(search: ProductSearch, row: RankedRow): string[][] {
  const path = row.categoryId === null ? undefined : search.categoryPath(row.categoryId);
  return [searchWords(row.title), searchWords(row.brand ?? ""), searchWords(path ?? ""), searchWords(row.compatKeys.join(" "))];
}
