/**
 * @module
 * What every catalogue-intelligence step reads about the build's items, derived once: the product behind each
 * dictionary index, the compatibility index, purchase counts, which items may be suggested, model names and the
 * device a model-specific accessory stands for.
 */
import { attrList, attrString } from "../../core/catalog/attributes";
import { compileCompatIndex, type CompatIndex } from "../../core/catalog/compat-index";
import { ItemFlag } from "../../core/blob/meta-blob";
import { type Baskets, itemFrequencies } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import type { CatalogColumns } from "../build/catalog-columns";
import { modelName } from "./model-names";

export class CatalogContext {
  readonly n: number;
  readonly products: Array<CatalogProduct | undefined>;
  readonly compat: CompatIndex;
  /** Orders each item is in. */
  readonly frequency: Uint32Array;
  /** May be suggested: in stock, not end of life, not permanently excluded (items only seen in orders: not excluded). */
  readonly sellable: Uint8Array;
  /** Model display name per item ("iPhone 17 Pro Max"), its title otherwise. */
  readonly names: string[];
  /** The most bought variant of each device model. */
  readonly modelDevice = new Map<string, number>();
  /** Leaf name per category ("Smartphones"). */
  readonly leaf: string[];

  constructor(
    readonly baskets: Baskets,
    catalog: readonly CatalogProduct[],
    readonly columns: CatalogColumns,
    excluded: ReadonlySet<number> = new Set(),
  ) {
    this.n = baskets.itemIds.length;
    this.products = new Array<CatalogProduct | undefined>(this.n).fill(undefined);
    for (const product of catalog) {
      const i = baskets.itemIndex.get(product.id);
      if (i !== undefined) this.products[i] = product;
    }
    this.compat = compileCompatIndex(this.products);
    this.frequency = itemFrequencies(baskets);
    this.sellable = new Uint8Array(this.n);
    this.names = new Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const p = this.products[i];
      const flags = columns.flags[i];
      this.sellable[i] = (flags & (ItemFlag.EOL | ItemFlag.OUT_OF_STOCK)) === 0 && !excluded.has(i) ? 1 : 0;
      this.names[i] = p === undefined ? baskets.itemIds[i] : modelName(p);
      const model = p === undefined ? undefined : attrString(p.attrs, "device_model");
      if (model !== undefined) {
        const current = this.modelDevice.get(model);
        if (current === undefined || this.frequency[i] > this.frequency[current]) this.modelDevice.set(model, i);
      }
    }
    this.leaf = columns.categories.map((path) => path.split(" > ").at(-1) ?? path);
  }

  /** The device whose fit explains accessories for item i: the item itself, or the model a case is made for. */
  deviceFor(i: number): number | undefined {
    const p = this.products[i];
    if (p === undefined) return undefined;
    if (attrString(p.attrs, "device_model") !== undefined || attrString(p.attrs, "kind") === "motherboard") return i;
    const model = attrList(p.attrs, "fits_models")?.[0];
    return model === undefined ? undefined : this.modelDevice.get(model);
  }

  category(i: number): number {
    return this.columns.itemCategory[i];
  }

  price(i: number): number {
    return this.columns.prices[i];
  }
}
