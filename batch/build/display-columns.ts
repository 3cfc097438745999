/**
 * @module
 * The catalogue's display facts as the meta blob's DISPLAY columns (`core/blob/display-section-codec.ts`):
 * currency, link and image URL per item of the build's dictionary; items without a catalogue row have none.
 */
import type { DisplayColumns } from "../../core/blob/display-section-codec";
import type { CatalogProduct } from "../io/read-catalog";

export function displayColumns(itemIds: readonly string[], products: readonly CatalogProduct[]): DisplayColumns {
  const byId = new Map(products.map((p) => [p.id, p]));
  const n = itemIds.length;
  const columns: DisplayColumns = { currencies: [], itemCurrency: new Int32Array(n).fill(-1), links: new Array<string>(n).fill(""), images: new Array<string>(n).fill("") };
  const currencyIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const product = byId.get(itemIds[i]);
    if (product === undefined) continue;
    let c = currencyIndex.get(product.currency);
    if (c === undefined) {
      c = columns.currencies.length;
      columns.currencies.push(product.currency);
      currencyIndex.set(product.currency, c);
    }
    columns.itemCurrency[i] = c;
    columns.links[i] = product.link ?? "";
    columns.images[i] = product.imageLink ?? "";
  }
  return columns;
}
