/**
 * @module
 * Reads a catalogue in JSON Lines: `{"id", "title"?, "brand"?, "category": [root, ..., leaf] | "A > B > C",
 * "price"?, "currency"?, "attrs"?, "stock"?, "lifecycle"?, "launched_at"?, "margin"?}`. The real-data files'
 * `item_id` / `category_path` spelling is accepted too.
 */
import { LIFECYCLES, type Lifecycle } from "../../core/types";
import { type BadLinePolicy, InputError, type ReadReport, newReport, recordProblem } from "./input-error";
import { readLines } from "./lines";

export interface CatalogProduct {
  id: string;
  title: string;
  brand?: string;
  /** Category path, root first; empty when unknown. */
  category: string[];
  price?: number;
  currency: string;
  attrs: Record<string, unknown>;
  stock?: number;
  lifecycle: Lifecycle;
  launchedAt?: string;
  /** Gross margin as a fraction of price. */
  margin?: number;
}

export interface CatalogRead {
  products: CatalogProduct[];
  report: ReadReport;
}

export const CATEGORY_SEPARATOR = " > ";

export async function readCatalog(path: string, options: { onBadLine?: BadLinePolicy } = {}): Promise<CatalogRead> {
  const policy = options.onBadLine ?? "skip";
  const report = newReport();
  const products: CatalogProduct[] = [];
  const seen = new Set<string>();
  for await (const [text, line] of readLines(path)) {
    if (text.trim().length === 0) continue;
    report.lines++;
    try {
      const product = parseProduct(text, path, line);
      if (seen.has(product.id)) throw new InputError(path, line, "id", `duplicate product id "${product.id}"`);
      seen.add(product.id);
      products.push(product);
      report.accepted++;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      recordProblem(report, error, policy);
    }
  }
  return { products, report };
}

export function parseProduct(text: string, file: string, line: number): CatalogProduct {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, line, undefined, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof row !== "object" || row === null || Array.isArray(row)) throw new InputError(file, line, undefined, "expected a JSON object");
  const r = row as Record<string, unknown>;
  const fail = (field: string, problem: string) => new InputError(file, line, field, problem);

  const id = r.id ?? r.item_id;
  if (typeof id !== "string" || id.length === 0) throw fail("id", "missing or not a string");
  const product: CatalogProduct = {
    id,
    title: optionalString(r.title, "title", fail) ?? "",
    category: parseCategory(r.category ?? r.category_path, fail),
    currency: optionalString(r.currency, "currency", fail) ?? "EUR",
    attrs: {},
    lifecycle: "active",
  };
  const brand = optionalString(r.brand, "brand", fail);
  if (brand !== undefined) product.brand = brand;
  const price = optionalNumber(r.price, "price", fail, 0);
  if (price !== undefined) product.price = price;
  if (r.attrs !== undefined && r.attrs !== null) {
    if (typeof r.attrs !== "object" || Array.isArray(r.attrs)) throw fail("attrs", "not an object");
    product.attrs = r.attrs as Record<string, unknown>;
    if (product.currency === "EUR" && typeof product.attrs.currency === "string") product.currency = product.attrs.currency;
  }
  const stock = optionalNumber(r.stock, "stock", fail, 0);
  if (stock !== undefined) {
    if (!Number.isInteger(stock)) throw fail("stock", "not an integer");
    product.stock = stock;
  }
  if (r.lifecycle !== undefined && r.lifecycle !== null) {
    if (!LIFECYCLES.includes(r.lifecycle as Lifecycle)) throw fail("lifecycle", `must be one of ${LIFECYCLES.join(", ")}`);
    product.lifecycle = r.lifecycle as Lifecycle;
  }
  const launched = optionalString(r.launched_at, "launched_at", fail);
  if (launched !== undefined) {
    if (Number.isNaN(Date.parse(launched))) throw fail("launched_at", "not an ISO date");
    product.launchedAt = launched;
  }
  const margin = optionalNumber(r.margin, "margin", fail, -1);
  if (margin !== undefined) product.margin = margin;
  return product;
}

type Fail = (field: string, problem: string) => InputError;

function parseCategory(value: unknown, fail: Fail): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return value.split(">").map((s) => s.trim()).filter((s) => s.length > 0);
  if (Array.isArray(value) && value.every((s) => typeof s === "string")) return value.map((s) => s.trim()).filter((s) => s.length > 0);
  throw fail("category", 'expected an array of strings (root first) or "A > B > C"');
}

function optionalString(value: unknown, field: string, fail: Fail): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw fail(field, "not a string");
  return value;
}

function optionalNumber(value: unknown, field: string, fail: Fail, min: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) throw fail(field, "not a number");
  if (value < min) throw fail(field, `must be at least ${min}`);
  return value;
}

export function categoryPath(product: CatalogProduct): string {
  return product.category.join(CATEGORY_SEPARATOR);
}
