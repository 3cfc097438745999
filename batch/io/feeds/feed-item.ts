/**
 * @module
 * What every feed reader hands on: one catalogue line (the JSON Lines contract of `core/input/catalog-line.ts`,
 * before validation) per feed item or row, with the line it came from and the variant group it belongs to.
 * Helpers the readers share: attribute keys, prices, HTML descriptions.
 */
import { InputError } from "../input-error";

/** A catalogue line as a feed reader builds it (the JSON the schema validates). */
export interface CatalogLineDraft {
  id?: string;
  title?: string;
  brand?: string;
  category?: string[];
  price?: number;
  currency?: string;
  attrs: Record<string, unknown>;
  stock?: number;
  lifecycle?: "new" | "active" | "clearance" | "eol";
  link?: string;
  image_link?: string;
  variants?: Array<{ id: string; sku?: string; title?: string; price?: number; stock?: number; attrs?: Record<string, unknown> }>;
}

export interface FeedItem {
  /** The line the item starts on in its file. */
  line: number;
  /** Items sharing a group (GMC `item_group_id`, Shopify handle) are variants of one product. */
  group?: string;
  /** The variant's SKU, when the feed has one apart from its id. */
  sku?: string;
  draft: CatalogLineDraft;
}

/** `"Diagonal Size"` -> `diagonal_size`: an attribute name as an `attrs` key. */
export function attrKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_|_$/g, "");
}

/** A plain decimal, as Shopify writes prices (`1299.00`, `1,299.00`); undefined when blank. */
export function decimal(text: string | undefined, file: string, line: number, field: string): number | undefined {
  const value = text?.trim() ?? "";
  if (value.length === 0) return undefined;
  const n = Number(value.includes(".") ? value.replace(/,/g, "") : value.replace(",", "."));
  if (!Number.isFinite(n) || n < 0) throw new InputError(file, line, field, `not a price: "${value}"`);
  return n;
}

/** A whole number of units; undefined when blank. */
export function units(text: string | undefined, file: string, line: number, field: string): number | undefined {
  const value = text?.trim() ?? "";
  if (value.length === 0) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InputError(file, line, field, `not a whole number: "${value}"`);
  return Math.max(0, n);
}

/** An HTML description as text: list items and paragraphs become "|"-separated bullets, tags and entities go. */
export function htmlText(html: string): string {
  return html
    .replace(/<\s*(?:li|p|br|h\d)\b[^>]*>/gi, "|")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\s+/g, " ")
    .replace(/\s*\|\s*/g, "|")
    .replace(/\|{2,}/g, "|")
    .replace(/^\||\|$/g, "")
    .trim();
}

/** A category path written "A > B > C" (or one level). */
export function categoryParts(text: string | undefined): string[] | undefined {
  const parts = (text ?? "").split(">").map((part) => part.trim()).filter((part) => part.length > 0);
  return parts.length > 0 ? parts : undefined;
}
