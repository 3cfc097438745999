/**
 * @module
 * Reads a catalogue in JSON Lines, each line validated by core's `catalogLineSchema` (`core/input/catalog-line.ts`)
 * and given its defaults: no title is "", the currency is `attrs.currency` or EUR, the lifecycle "active".
 */
import type { z } from "zod";
import { CATEGORY_SEPARATOR, type CatalogVariant, catalogLineSchema } from "../../core/input/catalog-line";
import type { Lifecycle } from "../../core/types";
import { type BadLinePolicy, InputError, invalidUtf8, type ReadReport, newReport, recordProblem } from "./input-error";
import { parseJsonLine } from "./json-line";
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
  /** The product page and main image (absolute URLs). */
  link?: string;
  imageLink?: string;
  /** Variants merged into this product (a feed's item group or handle). */
  variants?: CatalogVariant[];
}

export interface CatalogRead {
  products: CatalogProduct[];
  report: ReadReport;
}

export async function readCatalog(path: string, options: { onBadLine?: BadLinePolicy } = {}): Promise<CatalogRead> {
  const policy = options.onBadLine ?? "skip";
  const report = newReport();
  const products: CatalogProduct[] = [];
  const seen = new Set<string>();
  for await (const [text, line] of readLines(path, undefined, invalidUtf8(path, report, policy))) {
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
  return catalogProduct(parseJsonLine(catalogLineSchema, text, file, line));
}

/** A validated catalogue line with its defaults. */
export function catalogProduct(row: z.output<typeof catalogLineSchema>): CatalogProduct {
  const attrs = row.attrs ?? {};
  const product: CatalogProduct = {
    id: (row.id ?? row.item_id)!,
    title: row.title ?? "",
    category: row.category ?? row.category_path ?? [],
    currency: row.currency ?? (typeof attrs.currency === "string" ? attrs.currency : "EUR"),
    attrs,
    lifecycle: row.lifecycle ?? "active",
  };
  if (row.brand != null) product.brand = row.brand;
  if (row.price != null) product.price = row.price;
  if (row.stock != null) product.stock = row.stock;
  if (row.launched_at != null) product.launchedAt = row.launched_at;
  if (row.margin != null) product.margin = row.margin;
  if (row.link != null) product.link = row.link;
  if (row.image_link != null) product.imageLink = row.image_link;
  if (row.variants != null && row.variants.length > 0) product.variants = row.variants;
  return product;
}

export function categoryPath(product: CatalogProduct): string {
  return product.category.join(CATEGORY_SEPARATOR);
}
