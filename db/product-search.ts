/**
 * @module
 * Product search on D1 with the query read by `core/search`: the FTS5 index `products_fts` (migration
 * 0005_product_search: title, brand, category path, compatibility keys; kept in step by triggers) selects, the
 * shared order (`compareResults`) ranks. Bounded: one indexed MATCH, at most `window` rows, never a scan of
 * `products`; a query of price words alone reads the price index.
 *
 * Every term must match ("all"); when that finds nothing and the query has several terms, products matching
 * any of them come back ranked by how many they match ("some"). A term matches the index in any of its phrases
 * (singular, plural, synonyms), or, for a category the query names, that category's raw name in the category
 * column (trees that write "USBCables" index one word).
 */
import { and, asc, desc, eq, getTableColumns, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
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

export interface ProductSearch {
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
  rows: ProductRow[];
  /** "all": every term matched; "some": no product matched them all, these match some. */
  match: "all" | "some";
}

export async function searchProducts(db: DrizzleD1Database, search: ProductSearch): Promise<SearchResult> {
  const { query } = search;
  if (query.terms.length === 0) return { rows: await priceOnly(db, search), match: "all" };
  let rows = await matching(db, search, "all");
  let match: SearchResult["match"] = "all";
  if (rows.length === 0 && query.terms.length > 1) {
    rows = await matching(db, search, "any");
    match = "some";
  }
  return { rows: ranked(search, rows, match), match };
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
  const where: SQL[] = [];
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

async function matching(db: DrizzleD1Database, search: ProductSearch, mode: "all" | "any"): Promise<ProductRow[]> {
  const expression = ftsExpression(search.query, search.categories, mode);
  const rank = sql`bm25(products_fts, ${sql.raw(WEIGHTS.join(", "))})`;
  return db
    .select(getTableColumns(products))
    .from(productsFts)
    .innerJoin(products, sql`${products}.rowid = ${productsFts.rowid}`)
    .where(and(sql`products_fts MATCH ${expression}`, ...filters(search)))
    .orderBy(...priceOrder(search), rank)
    .limit(search.window);
}

async function priceOnly(db: DrizzleD1Database, search: ProductSearch): Promise<ProductRow[]> {
  const order = search.query.price.order ?? "asc";
  return db
    .select()
    .from(products)
    .where(and(sql`${products.price} IS NOT NULL`, ...filters(search)))
    .orderBy(order === "asc" ? asc(products.price) : desc(products.price), asc(products.id))
    .limit(search.window);
}

/** The rows in the shared order (`compareResults`); in "some" mode, rows matching no term on the edge's reading drop out. */
function ranked(search: ProductSearch, rows: ProductRow[], match: SearchResult["match"]): ProductRow[] {
  const { query } = search;
  const facts: Array<ResultFacts & { row: ProductRow }> = [];
  rows.forEach((row, position) => {
    const terms = match === "all" ? query.terms.length : termsMatched(query, rowFields(search, row));
    if (match === "some" && terms === 0) return;
    const inCategory = row.categoryId !== null && search.categories.some((c) => row.categoryId === c.id || row.categoryId!.startsWith(`${c.id}/`));
    facts.push({ row, modelTier: modelMentionTier(query.models, row.title), terms, inCategory, price: row.price, position });
  });
  facts.sort(compareResults(query));
  return facts.map((f) => f.row);
}

function rowFields(search: ProductSearch, row: ProductRow): string[][] {
  const path = row.categoryId === null ? undefined : search.categoryPath(row.categoryId);
  return [searchWords(row.title), searchWords(row.brand ?? ""), searchWords(path ?? ""), searchWords(row.compatKeys.join(" "))];
}
