/**
 * @module
 * The catalogue as the meta blob's columns: per item title, category, brand, price and flags, for every item
 * of the build's dictionary (catalogue products first, then items seen only in orders).
 */
import { type BuildMeta, ItemFlag } from "../../core/blob/meta-blob";
import { type CatalogProduct, categoryPath } from "../io/read-catalog";

export type CatalogColumns = Pick<BuildMeta, "titles" | "categories" | "itemCategory" | "brands" | "itemBrand" | "prices" | "flags">;

export function catalogColumns(itemIds: readonly string[], products: readonly CatalogProduct[]): CatalogColumns {
  const n = itemIds.length;
  const byId = new Map(products.map((p) => [p.id, p]));
  const columns: CatalogColumns = {
    titles: new Array<string>(n).fill(""),
    categories: [],
    itemCategory: new Int32Array(n).fill(-1),
    brands: [],
    itemBrand: new Int32Array(n).fill(-1),
    prices: new Float32Array(n).fill(Number.NaN),
    flags: new Uint8Array(n),
  };
  const categoryIndex = new Map<string, number>();
  const brandIndex = new Map<string, number>();
  const intern = (table: string[], index: Map<string, number>, value: string) => {
    let i = index.get(value);
    if (i === undefined) {
      i = table.length;
      table.push(value);
      index.set(value, i);
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    const product = byId.get(itemIds[i]);
    if (product === undefined) continue;
    columns.titles[i] = product.title;
    if (product.category.length > 0) columns.itemCategory[i] = intern(columns.categories, categoryIndex, categoryPath(product));
    if (product.brand !== undefined) columns.itemBrand[i] = intern(columns.brands, brandIndex, product.brand);
    if (product.price !== undefined) columns.prices[i] = product.price;
    let flags: number = ItemFlag.IN_CATALOG;
    if (product.lifecycle === "new") flags |= ItemFlag.NEW;
    if (product.lifecycle === "clearance") flags |= ItemFlag.CLEARANCE;
    if (product.lifecycle === "eol") flags |= ItemFlag.EOL;
    if (product.stock !== undefined && product.stock <= 0) flags |= ItemFlag.OUT_OF_STOCK;
    columns.flags[i] = flags;
  }
  return columns;
}
