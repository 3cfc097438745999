/**
 * @module
 * The meta blob's DISPLAY section: what a storefront needs to draw an item's card beside the title and price the
 * meta blob already holds, so an answer's items carry it and no second call is needed.
 *
 *   currency count varint | currencies (strings) | n x (currency varint: 0 = none, c + 1 | link string |
 *   image string)                                               an empty string is "none"
 *
 * Kept apart from the other sections so it can move with the edge format (candidate facts travelling with the
 * anchor's blob) without touching what reads it: `core/recommend/item-display.ts`.
 */
import { type ByteReader, CorruptBlobError } from "./byte-reader";
import type { ByteWriter } from "./byte-writer";

export interface DisplayColumns {
  currencies: string[];
  /** Currency index per item, -1 when unknown. */
  itemCurrency: Int32Array;
  /** Product page URL per item, "" when unknown. */
  links: string[];
  /** Main image URL per item, "" when unknown. */
  images: string[];
}

export function writeDisplayColumns(w: ByteWriter, display: DisplayColumns, n: number): void {
  if (display.itemCurrency.length !== n || display.links.length !== n || display.images.length !== n) throw new RangeError(`meta display columns do not cover the ${n} items`);
  w.varint(display.currencies.length);
  for (const currency of display.currencies) w.string(currency);
  for (let i = 0; i < n; i++) w.varint(display.itemCurrency[i] + 1).string(display.links[i]).string(display.images[i]);
}

export function readDisplayColumns(r: ByteReader, n: number): DisplayColumns {
  const count = r.count("meta blob display currencies", 1);
  const currencies = r.strings(count, "meta blob display currencies");
  r.expect(n, "meta blob display columns", 3);
  const itemCurrency = new Int32Array(n);
  const links: string[] = new Array(n);
  const images: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const currency = r.varint() - 1;
    if (currency >= count) throw new CorruptBlobError("meta blob: display currency out of range");
    itemCurrency[i] = currency;
    links[i] = r.string();
    images[i] = r.string();
  }
  return { currencies, itemCurrency, links, images };
}
