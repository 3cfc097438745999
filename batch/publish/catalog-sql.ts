/**
 * @module
 * The catalogue as SQL for D1: the category tree (every prefix of every product's path) and the products.
 */
import { provides, requirement } from "../../core/catalog/compatibility";
import type { CatalogProduct } from "../io/read-catalog";
import { insertStatement } from "./sql-literal";

const ROWS_PER_STATEMENT = 200;
/** D1 refuses a statement over 100,000 bytes (SQLITE_TOOBIG); stay well below it. */
export const MAX_STATEMENT_BYTES = 90_000;

export function categoryId(path: readonly string[]): string {
  return path.map((p) => p.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")).join("/");
}

/**
 * The compatibility tokens of a product (`core/catalog/compatibility.ts`): what it provides (`conn:usb-c`,
 * `model:apple-iphone-17`, `laptop_screen_in:15.6`) and what it requires (`mount:sony-e`, a range as
 * `laptop_screen_in:14..14.9`), so D1 can answer "which accessories name this connector" without the engine.
 */
export function compatKeys(attrs: Record<string, unknown>): string[] {
  const item = { attrs };
  const offered = provides(item);
  const keys = new Set(offered.tokens);
  for (const [measure, value] of Object.entries(offered.measures)) keys.add(`${measure}:${value}`);
  for (const condition of requirement(item)?.conditions ?? []) {
    if ("anyOf" in condition) for (const t of condition.anyOf) keys.add(t);
    else keys.add(`${condition.measure}:${condition.min ?? ""}..${condition.max ?? ""}`);
  }
  return [...keys].sort();
}

export function catalogSql(products: readonly CatalogProduct[]): string {
  const categories = new Map<string, readonly unknown[]>();
  for (const product of products) {
    for (let depth = 1; depth <= product.category.length; depth++) {
      const path = product.category.slice(0, depth);
      const id = categoryId(path);
      if (!categories.has(id)) {
        categories.set(id, [id, path[depth - 1], depth > 1 ? categoryId(path.slice(0, -1)) : null, path.join(" > "), depth - 1]);
      }
    }
  }
  const parts: string[] = [];
  const categoryRows = [...categories.values()];
  parts.push(...insertStatements("categories", ["id", "name", "parent_id", "path", "depth"], categoryRows));
  const productRows = products.map((p) => [
    p.id,
    p.title,
    p.brand ?? null,
    p.category.length > 0 ? categoryId(p.category) : null,
    p.price ?? null,
    p.currency,
    JSON.stringify(p.attrs),
    JSON.stringify(compatKeys(p.attrs)),
    p.stock ?? null,
    p.lifecycle,
    p.margin ?? null,
    p.launchedAt ?? null,
  ]);
  const productColumns = ["id", "title", "brand", "category_id", "price", "currency", "attrs", "compat_keys", "stock", "lifecycle", "margin", "launched_at"];
  parts.push(...insertStatements("products", productColumns, productRows));
  return parts.join("");
}

/** Multi-row inserts of at most ROWS_PER_STATEMENT rows and MAX_STATEMENT_BYTES each (a longer row stands alone). */
export function insertStatements(table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>, conflict: "replace" | "ignore" = "replace"): string[] {
  const statements: string[] = [];
  const encoder = new TextEncoder();
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = encoder.encode(insertStatement(table, columns, [rows[i]!])).length;
    if (i > start && (i - start >= ROWS_PER_STATEMENT || bytes + rowBytes > MAX_STATEMENT_BYTES)) {
      statements.push(insertStatement(table, columns, rows.slice(start, i), conflict));
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (start < rows.length) statements.push(insertStatement(table, columns, rows.slice(start), conflict));
  return statements;
}
