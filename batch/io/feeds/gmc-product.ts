/**
 * @module
 * One Google Merchant Center product (as the TSV and XML readers collect it: attribute name -> values, the
 * `product_detail` triples) as a catalogue line. The mapping, attribute by attribute:
 *
 *   id, title, link, image_link, brand -> the same fields; description -> attrs.description
 *   price "15.00 USD" -> price 15, currency "USD"; sale_price (inside sale_price_effective_date "start/end", or
 *     with no date) -> price, the regular price kept as attrs.list_price
 *   availability in_stock | backorder -> available (stock unknown); out_of_stock -> stock 0; preorder -> lifecycle
 *     "new"; the value is kept as attrs.availability
 *   product_type (else a google_product_category written as a path) -> category; both kept in attrs
 *   gtin, mpn, condition (new | refurbished | used), color, size, material, pattern, age_group, gender -> attrs
 *   product_detail section:attribute:value -> attrs[attribute as a key] (and attrs.product_details, in order),
 *     where the fit readers find sizes and specs; a detail named like a key of the curated fit vocabulary
 *     (`connector`, `fits_models`...: docs/catalog-attributes.md, whose values are slugs) is a line of the
 *     description instead ("Connector: USB-C"), which the text readers understand; product_highlight ->
 *     attrs.highlights
 *   item_group_id -> the variant group (variant-groups.ts merges a group into one product)
 */
import { InputError } from "../input-error";
import { attrKey, type CatalogLineDraft, categoryParts, type FeedItem, htmlText } from "./feed-item";

export interface ProductDetail {
  section?: string;
  name: string;
  value: string;
}

export interface GmcRecord {
  line: number;
  /** Attribute name (lower case, no `g:` prefix) -> its values in feed order. */
  values: Map<string, string[]>;
  details: ProductDetail[];
}

const AVAILABILITY = new Set(["in_stock", "out_of_stock", "preorder", "backorder"]);
const CONDITIONS = new Set(["new", "refurbished", "used"]);
/** Keys the fit readers take as curated facts in the documented vocabulary (core/catalog/fit-facts/curated-facts.ts). */
const CURATED_KEYS = new Set([
  "kind", "device_model", "fits_models", "connector", "connectors", "card_type", "output_w", "max_w", "max_charge_w", "capacity_mah",
  "capacity_gb", "storage_gb", "screen_in", "fits_screen_in_min", "fits_screen_in_max", "case_mm", "lens_mount",
]);
const PLAIN_ATTRS = ["gtin", "mpn", "color", "size", "material", "pattern", "age_group", "gender", "size_type", "energy_efficiency_class"];

export function gmcItem(record: GmcRecord, file: string, now: Date): FeedItem {
  const { line } = record;
  const one = (name: string): string | undefined => {
    const value = record.values.get(name)?.find((v) => v.trim().length > 0);
    return value?.trim();
  };
  const id = one("id");
  if (id === undefined) throw new InputError(file, line, "id", "missing");
  const attrs: Record<string, unknown> = {};
  const draft: CatalogLineDraft = { id, attrs };
  const title = one("title");
  if (title !== undefined) draft.title = title;
  const description = one("description");
  if (description !== undefined) attrs.description = htmlText(description);
  const link = one("link");
  if (link !== undefined) draft.link = link;
  const image = one("image_link");
  if (image !== undefined) draft.image_link = image;
  const brand = one("brand");
  if (brand !== undefined) draft.brand = brand;

  const price = priceField(one("price"), file, line, "price");
  if (price !== undefined) {
    draft.price = price.amount;
    draft.currency = price.currency;
  }
  const sale = priceField(one("sale_price"), file, line, "sale_price");
  if (sale !== undefined && saleInEffect(one("sale_price_effective_date"), now, file, line)) {
    if (price !== undefined) attrs.list_price = price.amount;
    draft.price = sale.amount;
    draft.currency = sale.currency;
  }

  const availability = one("availability")?.toLowerCase().replace(/\s+/g, "_");
  if (availability !== undefined) {
    if (!AVAILABILITY.has(availability)) throw new InputError(file, line, "availability", `"${availability}" is none of ${[...AVAILABILITY].join(", ")}`);
    attrs.availability = availability;
    if (availability === "out_of_stock") draft.stock = 0;
    if (availability === "preorder") draft.lifecycle = "new";
  }
  const condition = one("condition")?.toLowerCase();
  if (condition !== undefined) {
    if (!CONDITIONS.has(condition)) throw new InputError(file, line, "condition", `"${condition}" is none of new, refurbished, used`);
    attrs.condition = condition;
  }
  for (const name of PLAIN_ATTRS) {
    const value = one(name);
    if (value !== undefined) attrs[name] = value;
  }

  const productType = one("product_type");
  const googleCategory = one("google_product_category");
  if (productType !== undefined) attrs.product_type = productType;
  if (googleCategory !== undefined) attrs.google_product_category = googleCategory;
  const category = categoryParts(productType) ?? (googleCategory !== undefined && !/^\d+$/.test(googleCategory) ? categoryParts(googleCategory) : undefined);
  if (category !== undefined) draft.category = category;

  if (record.details.length > 0) {
    attrs.product_details = record.details.map((d) => (d.section ? { section: d.section, name: d.name, value: d.value } : { name: d.name, value: d.value }));
    const lines: string[] = [];
    for (const detail of record.details) {
      const key = attrKey(detail.name);
      if (CURATED_KEYS.has(key)) lines.push(`${detail.name}: ${detail.value}`);
      else if (key.length > 0 && !(key in attrs)) attrs[key] = detail.value;
    }
    if (lines.length > 0) attrs.description = [attrs.description, ...lines].filter((line) => line !== undefined).join("|");
  }
  const highlights = (record.values.get("product_highlight") ?? []).map((h) => h.trim()).filter((h) => h.length > 0);
  if (highlights.length > 0) attrs.highlights = highlights;

  const item: FeedItem = { line, draft };
  const group = one("item_group_id");
  if (group !== undefined) item.group = group;
  return item;
}

/** `"15.00 USD"` (or `"USD 15.00"`) -> amount and ISO 4217 currency. */
function priceField(text: string | undefined, file: string, line: number, field: string): { amount: number; currency: string } | undefined {
  if (text === undefined) return undefined;
  const match = /^(?:([A-Za-z]{3})\s*)?(\d[\d,]*(?:\.\d+)?)(?:\s*([A-Za-z]{3}))?$/.exec(text);
  const currency = match?.[3] ?? match?.[1];
  if (match === null || currency === undefined) throw new InputError(file, line, field, `not a price: "${text}" (expected "15.00 USD")`);
  return { amount: Number(match[2].replace(/,/g, "")), currency: currency.toUpperCase() };
}

/** Whether `now` lies in a sale_price_effective_date range ("start/end", ISO 8601; no range: always). */
function saleInEffect(range: string | undefined, now: Date, file: string, line: number): boolean {
  if (range === undefined) return true;
  const parts = range.split("/").map((p) => p.trim());
  const times = parts.map(isoTime);
  if (parts.length !== 2 || times.some((t) => Number.isNaN(t))) {
    throw new InputError(file, line, "sale_price_effective_date", `not a date range: "${range}" (expected "2016-02-24T13:00-0800/2016-02-29T15:30-0800")`);
  }
  return times[0] <= now.getTime() && now.getTime() < times[1];
}

/** ISO 8601 as the feed spec writes it: a `±hhmm` offset is read as `±hh:mm`; a bare date is UTC midnight. */
function isoTime(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
}
