/**
 * @module
 * The flags that say how to read a catalogue feed, shared by `edgerec build` and `edgerec catalog convert`.
 */
import { UsageError } from "../cli/command";
import { CATALOG_FORMATS, type CatalogFileOptions, type CatalogFormat } from "../io/feeds/read-catalog-feed";

export const CATALOG_FLAGS_USAGE = `  --catalog-format gmc|shopify|jsonl   the catalogue's format (default: told from its content)
  --shop-url URL  Shopify: the shop's address, for product links (URL/products/<handle>)
  --currency C    Shopify: the currency of its prices (default EUR)`;

export function catalogFileOptions(flags: { "catalog-format"?: string; "shop-url"?: string; currency?: string }): Omit<CatalogFileOptions, "onBadLine"> {
  const format = flags["catalog-format"];
  if (format !== undefined && !(CATALOG_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--catalog-format must be one of ${CATALOG_FORMATS.join(", ")}, got "${format}"`);
  const shopUrl = flags["shop-url"];
  if (shopUrl !== undefined && !/^https?:\/\/[^/]+/.test(shopUrl)) throw new UsageError(`--shop-url must be an http(s) URL, got "${shopUrl}"`);
  const currency = flags.currency;
  if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) throw new UsageError(`--currency must be an ISO 4217 code such as EUR, got "${currency}"`);
  return { ...(format !== undefined ? { format: format as CatalogFormat } : {}), ...(shopUrl !== undefined ? { shopUrl } : {}), ...(currency !== undefined ? { currency: currency.toUpperCase() } : {}) };
}
