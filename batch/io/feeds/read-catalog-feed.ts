/**
 * @module
 * A catalogue in whatever form the shop has it: edgerec's JSON Lines, a Google Merchant Center feed (XML or
 * tab-separated text) or a Shopify product CSV, told apart by content (or named). Every feed item becomes a
 * catalogue line validated by core's `catalogLineSchema`, the same contract the JSON Lines reader holds lines to;
 * variants are merged into their product (`variant-groups.ts`). Every item that cannot be used is reported with
 * its file, line and field.
 */
import { openSync, readSync, closeSync } from "node:fs";
import { fieldProblems } from "../../../core/field-problems";
import { catalogLineSchema } from "../../../core/input/catalog-line";
import { type BadLinePolicy, InputError, newReport, recordProblem } from "../input-error";
import { type CatalogProduct, type CatalogRead, catalogProduct, readCatalog } from "../read-catalog";
import { csvRecords, headerDelimiter } from "./csv-records";
import type { FeedItem } from "./feed-item";
import { gmcItem, type GmcRecord } from "./gmc-product";
import { gmcTsvRecords } from "./gmc-tsv";
import { gmcXmlRecords } from "./gmc-xml";
import { shopifyHeaders, shopifyItems } from "./shopify-csv";
import { mergeVariantGroups } from "./variant-groups";

export const CATALOG_FORMATS = ["jsonl", "gmc", "shopify"] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];
type Layout = "jsonl" | "gmc-xml" | "gmc-tsv" | "shopify";

export interface CatalogFileOptions {
  /** Default: told from the content. */
  format?: CatalogFormat;
  onBadLine?: BadLinePolicy;
  /** The time sale prices are judged at (sale_price_effective_date); default now. */
  now?: Date;
  /** Shopify: the shop's URL, for product links. */
  shopUrl?: string;
  /** Shopify: the prices' currency. */
  currency?: string;
  /** Told of every row that cannot be used (the report keeps the first few). */
  onProblem?: (problem: InputError) => void;
}

export interface CatalogFileRead extends CatalogRead {
  format: CatalogFormat;
}

export async function readCatalogFile(path: string, options: CatalogFileOptions = {}): Promise<CatalogFileRead> {
  const layout = await catalogLayout(path, options.format);
  if (layout === "jsonl") return { ...(await readCatalog(path, { onBadLine: options.onBadLine })), format: "jsonl" };
  const policy = options.onBadLine ?? "skip";
  const report = newReport();
  const items: FeedItem[] = [];
  const now = options.now ?? new Date();
  const source: AsyncIterable<FeedItem | GmcRecord | InputError> =
    layout === "shopify" ? shopifyItems(path, options) : layout === "gmc-xml" ? gmcXmlRecords(path) : gmcTsvRecords(path);
  for await (const entry of source) {
    report.lines++;
    try {
      if (entry instanceof InputError) throw entry;
      items.push("draft" in entry ? entry : gmcItem(entry, path, now));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      options.onProblem?.(error);
      recordProblem(report, error, policy);
    }
  }
  const products: CatalogProduct[] = [];
  const seen = new Set<string>();
  for (const item of mergeVariantGroups(items)) {
    try {
      const parsed = catalogLineSchema.safeParse(item.draft);
      if (!parsed.success) {
        const [first] = fieldProblems(parsed.error);
        throw new InputError(path, item.line, first.field, first.message);
      }
      const product = catalogProduct(parsed.data);
      if (seen.has(product.id)) throw new InputError(path, item.line, "id", `duplicate product id "${product.id}"`);
      seen.add(product.id);
      products.push(product);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      options.onProblem?.(error);
      recordProblem(report, error, policy);
    }
  }
  report.accepted = report.lines - report.skipped;
  return { products, report, format: layout === "shopify" ? "shopify" : "gmc" };
}

/** Which reader a file needs: the named format (GMC as XML or text by its first character), else its content. */
async function catalogLayout(path: string, format: CatalogFormat | undefined): Promise<Layout> {
  const head = readHead(path).replace(/^\uFEFF/, "").trimStart();
  if (format === "jsonl") return "jsonl";
  if (format === "gmc") return head.startsWith("<") ? "gmc-xml" : "gmc-tsv";
  if (format === "shopify") return "shopify";
  if (head.startsWith("<")) return "gmc-xml";
  if (head.startsWith("{")) return "jsonl";
  const header = head.split(/\r?\n/, 1)[0];
  if (headerDelimiter(header) === "\t" && /(^|\t)(?:g:)?id(\t|$)/i.test(header)) return "gmc-tsv";
  for await (const { fields } of csvRecords(path, ",")) {
    if (shopifyHeaders(fields) !== undefined) return "shopify";
    break;
  }
  throw new InputError(path, 1, undefined, "cannot tell the catalogue's format (JSON Lines, GMC XML or TSV, Shopify CSV): name it with --catalog-format");
}

function readHead(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(4096);
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** A product as a line of the normalised catalogue (the JSON Lines contract). */
export function catalogLineJson(product: CatalogProduct): Record<string, unknown> {
  const line: Record<string, unknown> = { id: product.id, title: product.title };
  if (product.brand !== undefined) line.brand = product.brand;
  line.category = product.category;
  if (product.price !== undefined) line.price = product.price;
  line.currency = product.currency;
  if (product.stock !== undefined) line.stock = product.stock;
  line.lifecycle = product.lifecycle;
  if (product.launchedAt !== undefined) line.launched_at = product.launchedAt;
  if (product.margin !== undefined) line.margin = product.margin;
  if (product.link !== undefined) line.link = product.link;
  if (product.imageLink !== undefined) line.image_link = product.imageLink;
  line.attrs = product.attrs;
  if (product.variants !== undefined) line.variants = product.variants;
  return line;
}
