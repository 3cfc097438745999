/**
 * @module
 * The catalogue as SQL for D1: the category tree (every prefix of every product's path) and the products, as
 * the rows of one build (`build_id`): written beside the live build's rows, read once the pointer names it.
 */
import { provides, requirement } from "../../core/catalog/compatibility";
import { categories, products as productsTable } from "../../db/schema";
import type { CatalogProduct } from "../io/read-catalog";
import { getTableColumns, getTableName } from "drizzle-orm";
import { insertStatements, sqlLiteral } from "./sql-literal";

export { MAX_STATEMENT_BYTES } from "../../db/insert-chunks";

function categoryId(path: readonly string[]): string {
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

/** The storefront reads a product's link and image from its row's attrs (the catalogue line has them top level). */
function withDisplayLinks(product: CatalogProduct): Record<string, unknown> {
  if (product.link === undefined && product.imageLink === undefined) return product.attrs;
  return { ...product.attrs, ...(product.link !== undefined ? { link: product.link } : {}), ...(product.imageLink !== undefined ? { image_link: product.imageLink } : {}) };
}

export function catalogSql(products: readonly CatalogProduct[], buildId: string): string {
  return catalogStatements(products, buildId).join("");
}

/** The catalogue's statements, one SQL statement each: the build's rows deleted, then inserted. */
export function catalogStatements(products: readonly CatalogProduct[], buildId: string): string[] {
  const categoryRows = new Map<string, typeof categories.$inferInsert>();
  for (const product of products) {
    for (let depth = 1; depth <= product.category.length; depth++) {
      const path = product.category.slice(0, depth);
      const id = categoryId(path);
      if (!categoryRows.has(id)) {
        categoryRows.set(id, { id, name: path[depth - 1], parentId: depth > 1 ? categoryId(path.slice(0, -1)) : null, path: path.join(" > "), depth: depth - 1, buildId });
      }
    }
  }
  const productRows = products.map((p): typeof productsTable.$inferInsert => ({
    id: p.id,
    title: p.title,
    brand: p.brand ?? null,
    categoryId: p.category.length > 0 ? categoryId(p.category) : null,
    price: p.price ?? null,
    currency: p.currency,
    attrs: withDisplayLinks(p),
    compatKeys: compatKeys(p.attrs),
    stock: p.stock ?? null,
    buildStock: p.stock ?? null,
    lifecycle: p.lifecycle,
    margin: p.margin ?? null,
    launchedAt: p.launchedAt ?? null,
    buildId,
  }));
  const replace = [`DELETE FROM categories WHERE build_id = ${sqlLiteral(buildId)};\n`, `DELETE FROM products WHERE build_id = ${sqlLiteral(buildId)};\n`];
  return [...replace, ...insertStatements(categories, [...categoryRows.values()]), ...insertStatements(productsTable, productRows)];
}

/** The catalogue rows of build `from` as rows of build `to` too (a build without a catalogue keeps the live one's). */
export function copyCatalogSql(from: string, to: string): string[] {
  const statements = [`DELETE FROM categories WHERE build_id = ${sqlLiteral(to)};`, `DELETE FROM products WHERE build_id = ${sqlLiteral(to)};`];
  for (const table of [categories, productsTable]) {
    const columns = Object.values(getTableColumns(table)).map((c) => c.name);
    const picked = columns.map((name) => (name === "build_id" ? sqlLiteral(to) : name)).join(", ");
    statements.push(`INSERT INTO ${getTableName(table)} (${columns.join(", ")}) SELECT ${picked} FROM ${getTableName(table)} WHERE build_id = ${sqlLiteral(from)};`);
  }
  return statements;
}
