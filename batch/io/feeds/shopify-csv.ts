/**
 * @module
 * Shopify's product CSV export, one row per variant, in either header generation: the older one (`Handle`,
 * `Body (HTML)`, `Variant SKU`, `Variant Price`, `Variant Compare At Price`, `Variant Inventory Qty`, `Image Src`)
 * and the current one (`URL handle`, `Description`, `SKU`, `Price`, `Compare-at price`, `Inventory quantity`,
 * `Product image URL`). The product's own columns (title, description, vendor, category, type, tags, status) are
 * filled on the first row of a handle and blank on the rows of its other variants; a row with neither SKU, price
 * nor option value only adds an image. The mapping:
 *
 *   handle -> the variant group (and the link, `<shop URL>/products/<handle>`, when a shop URL is given)
 *   SKU -> the variant's id (else `<handle>/<row of the handle>`); Title -> title; Vendor -> brand
 *   Product category "A > B" (else Type) -> category; Type -> attrs.type; Tags -> attrs.tags
 *   Body (HTML) / Description -> attrs.description (text); Barcode -> attrs.gtin; Google Shopping / MPN, Condition
 *   Variant Price / Price -> price; a larger compare-at price -> attrs.list_price (the item is on sale)
 *   inventory quantity -> stock (none when the variant keeps selling out of stock: policy "continue")
 *   Status draft or archived, or Published false -> lifecycle "eol" (never suggested)
 *   OptionN name / value -> attrs of the variant (`Color: Black` -> color "Black"; "Title: Default Title" ignored)
 *   image (position 1 first) -> image_link
 */
import { InputError } from "../input-error";
import { csvRecords } from "./csv-records";
import { attrKey, type CatalogLineDraft, categoryParts, decimal, type FeedItem, htmlText, units } from "./feed-item";

/** Each field as the older header and the current one name it. */
const COLUMNS = {
  handle: ["Handle", "URL handle"],
  title: ["Title", "Title"],
  body: ["Body (HTML)", "Description"],
  vendor: ["Vendor", "Vendor"],
  category: ["Product Category", "Product category"],
  type: ["Type", "Type"],
  tags: ["Tags", "Tags"],
  published: ["Published", "Published on online store"],
  status: ["Status", "Status"],
  sku: ["Variant SKU", "SKU"],
  barcode: ["Variant Barcode", "Barcode"],
  price: ["Variant Price", "Price"],
  compareAt: ["Variant Compare At Price", "Compare-at price"],
  quantity: ["Variant Inventory Qty", "Inventory quantity"],
  policy: ["Variant Inventory Policy", "Continue selling when out of stock"],
  image: ["Image Src", "Product image URL"],
  imagePosition: ["Image Position", "Image position"],
  variantImage: ["Variant Image", "Variant image URL"],
  mpn: ["Google Shopping / MPN", "Google Shopping / MPN"],
  condition: ["Google Shopping / Condition", "Google Shopping / Condition"],
} as const;

type Field = keyof typeof COLUMNS;

export type ShopifyHeaders = "older" | "current";

export interface ShopifyOptions {
  /** The shop's base URL (`https://shop.example`): products link to `<base>/products/<handle>`. */
  shopUrl?: string;
  /** Shopify's CSV has no currency column (default: the catalogue's, EUR). */
  currency?: string;
}

/** The header generation a header row belongs to, or undefined when it is no Shopify product export. */
export function shopifyHeaders(header: readonly string[]): ShopifyHeaders | undefined {
  const names = new Set(header.map((h) => h.trim()));
  if (names.has("Handle") && (names.has("Variant Price") || names.has("Variant SKU"))) return "older";
  if (names.has("URL handle")) return "current";
  return undefined;
}

interface ProductFields {
  title?: string;
  /** OptionN names, given on the handle's first row only. */
  optionNames: string[];
  draft: Omit<CatalogLineDraft, "id">;
  rows: number;
  imagePosition: number;
}

export async function* shopifyItems(path: string, options: ShopifyOptions = {}): AsyncGenerator<FeedItem | InputError> {
  let index: Map<Field, number> | undefined;
  let options_: Array<{ name: number; value: number }> = [];
  let width = 0;
  let position = 0;
  const products = new Map<string, ProductFields>();
  for await (const { fields, line, unterminated } of csvRecords(path, ",")) {
    if (index === undefined) {
      const generation = shopifyHeaders(fields);
      if (generation === undefined) throw new InputError(path, line, undefined, "not a Shopify product export (no Handle or URL handle column)");
      position = generation === "older" ? 0 : 1;
      index = new Map();
      for (const [field, names] of Object.entries(COLUMNS) as Array<[Field, readonly [string, string]]>) {
        const at = fields.findIndex((h) => h.trim() === names[position]);
        if (at >= 0) index.set(field, at);
      }
      options_ = [1, 2, 3].flatMap((n) => {
        const name = fields.findIndex((h) => h.trim().toLowerCase() === `option${n} name`);
        const value = fields.findIndex((h) => h.trim().toLowerCase() === `option${n} value`);
        return name >= 0 && value >= 0 ? [{ name, value }] : [];
      });
      width = fields.length;
      continue;
    }
    if (unterminated) {
      yield new InputError(path, line, undefined, "a quoted field is never closed");
      continue;
    }
    if (fields.length !== width) {
      yield new InputError(path, line, undefined, `${fields.length} fields for the header's ${width}`);
      continue;
    }
    const columns = index;
    const get = (field: Field) => {
      const at = columns.get(field);
      return at === undefined ? "" : fields[at].trim();
    };
    const header = (field: Field) => COLUMNS[field][position];
    const handle = get("handle");
    if (handle.length === 0) {
      yield new InputError(path, line, COLUMNS.handle[position], "missing");
      continue;
    }
    let product = products.get(handle);
    if (product === undefined) {
      product = { draft: { attrs: {} }, rows: 0, imagePosition: Number.POSITIVE_INFINITY, optionNames: [] };
      products.set(handle, product);
      if (options.shopUrl !== undefined) product.draft.link = `${options.shopUrl.replace(/\/+$/, "")}/products/${encodeURIComponent(handle)}`;
    }
    product.rows++;
    try {
      productFields(product, get, header, path, line);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield error;
      continue;
    }
    const known = product;
    const optionValues = options_
      .map((o, n) => {
        const name = fields[o.name].trim();
        if (name.length > 0) known.optionNames[n] = name;
        return { name: known.optionNames[n] ?? "", value: fields[o.value].trim() };
      })
      .filter((o) => o.value.length > 0);
    const sku = get("sku");
    const priceText = get("price");
    if (sku.length === 0 && priceText.length === 0 && optionValues.length === 0) continue;
    try {
      yield variantItem(handle, product, { sku, priceText, optionValues, get, header }, path, line, options);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield error;
    }
  }
}

/** Product-level columns: set by the first row that fills them. */
function productFields(product: ProductFields, get: (field: Field) => string, header: (field: Field) => string, file: string, line: number): void {
  const { draft } = product;
  const title = get("title");
  if (title.length > 0 && product.title === undefined) {
    product.title = title;
    draft.title = title;
    const vendor = get("vendor");
    if (vendor.length > 0) draft.brand = vendor;
    const type = get("type");
    if (type.length > 0) draft.attrs.type = type;
    const category = categoryParts(get("category")) ?? categoryParts(type);
    if (category !== undefined) draft.category = category;
    const tags = get("tags").split(",").map((t) => t.trim()).filter((t) => t.length > 0);
    if (tags.length > 0) draft.attrs.tags = tags;
    const body = htmlText(get("body"));
    if (body.length > 0) draft.attrs.description = body;
    const status = get("status").toLowerCase();
    if (status === "draft" || status === "archived" || get("published").toLowerCase() === "false") draft.lifecycle = "eol";
    const mpn = get("mpn");
    if (mpn.length > 0) draft.attrs.mpn = mpn;
    const condition = get("condition").toLowerCase();
    if (condition.length > 0) draft.attrs.condition = condition;
  }
  const image = get("image");
  if (image.length > 0) {
    const position = units(get("imagePosition"), file, line, header("imagePosition")) ?? product.rows;
    if (position < product.imagePosition) {
      product.imagePosition = position;
      draft.image_link = image;
    }
  }
}

interface VariantRow {
  sku: string;
  priceText: string;
  optionValues: Array<{ name: string; value: string }>;
  get: (field: Field) => string;
  header: (field: Field) => string;
}

function variantItem(handle: string, product: ProductFields, row: VariantRow, file: string, line: number, options: ShopifyOptions): FeedItem {
  const price = decimal(row.priceText, file, line, row.header("price"));
  const compareAt = decimal(row.get("compareAt"), file, line, row.header("compareAt"));
  const quantity = units(row.get("quantity"), file, line, row.header("quantity"));
  const attrs: Record<string, unknown> = { ...product.draft.attrs };
  for (const { name, value } of row.optionValues) {
    if (name.toLowerCase() === "title" && value === "Default Title") continue;
    const key = attrKey(name.length > 0 ? name : "option");
    if (key.length > 0) attrs[key] = value;
  }
  const barcode = row.get("barcode");
  if (barcode.length > 0) attrs.gtin = barcode.replace(/^'/, "");
  if (price !== undefined && compareAt !== undefined && compareAt > price) attrs.list_price = compareAt;
  const draft: CatalogLineDraft = { ...product.draft, id: row.sku.length > 0 ? row.sku : `${handle}/${product.rows}`, attrs };
  if (price !== undefined) draft.price = price;
  if (options.currency !== undefined) draft.currency = options.currency;
  const policy = row.get("policy").toLowerCase();
  const keepsSelling = policy === "continue" || policy === "true";
  if (quantity !== undefined && !keepsSelling) draft.stock = quantity;
  const variantImage = row.get("variantImage");
  if (variantImage.length > 0 && draft.image_link === undefined) draft.image_link = variantImage;
  const item: FeedItem = { line, group: handle, draft };
  if (row.sku.length > 0) item.sku = row.sku;
  return item;
}
