/**
 * @module
 * A catalog product as the generator holds it, and the builder that numbers ids per leaf (`sku-phone-0001`) and
 * prices cost and margin. Fields the catalog contract does not carry (leaf, popularity, sellable window) stay
 * internal; the writer picks the contract fields.
 */
import { LEAVES, type LeafKey } from "./category-tree";
import type { Rng } from "../../core/random/rng";
import type { Scenario } from "./vocabulary";

type Lifecycle = "new" | "active" | "clearance" | "eol";
type AttrValue = string | number | boolean | readonly string[];
export type Attrs = Record<string, AttrValue>;

export interface ProductSpec {
  leaf: LeafKey;
  brand: string;
  title: string;
  price: number;
  attrs: Attrs;
  scenarios?: readonly Scenario[];
  /** Relative demand inside its leaf; 1 is ordinary. */
  popularity?: number;
  /** "YYYY-MM" or "YYYY-MM-DD"; a day is drawn when only the month is given, a date when neither. */
  launched?: string;
  lifecycle?: Exclude<Lifecycle, "active">;
}

export interface Product {
  index: number;
  id: string;
  title: string;
  brand: string;
  leaf: LeafKey;
  category: readonly string[];
  price: number;
  /** Price before the clearance markdown. */
  listPrice?: number;
  cost: number;
  margin: number;
  attrs: Attrs;
  stock: number;
  lifecycle: Lifecycle;
  launchedAt: string;
  popularity: number;
  /** Last day index of the window on which it can be sold (eol items stop part-way; new ones never sell). */
  sellUntilDay: number;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A shop-looking price: 1449, 379, 24.99, 9.99. */
export function shopPrice(x: number): number {
  if (x >= 100) return Math.max(99, Math.round(x / 10) * 10 - 1);
  if (x >= 10) return Math.round(x) - 0.01;
  return Math.max(2.99, Math.round(x * 2) / 2 - 0.01);
}

/** Gross margin as a fraction of the selling price, three decimals. */
export function marginOf(price: number, cost: number): number {
  return Math.round(((price - cost) / price) * 1000) / 1000;
}

export class CatalogBuilder {
  readonly products: Product[] = [];
  private readonly counters = new Map<string, number>();
  private readonly titles = new Set<string>();

  constructor(private readonly rng: Rng) {}

  hasTitle(title: string): boolean {
    return this.titles.has(title);
  }

  add(spec: ProductSpec): Product {
    const leaf = LEAVES[spec.leaf];
    const n = (this.counters.get(leaf.sku) ?? 0) + 1;
    this.counters.set(leaf.sku, n);
    const [lo, hi] = leaf.margin;
    const price = round2(spec.price);
    const cost = round2(price * (1 - this.rng.uniform(lo, hi)));
    const launched = spec.launched ?? "";
    const attrs: Attrs = { kind: leaf.kind, ...spec.attrs, scenarios: [...(spec.scenarios ?? [])].sort() };
    const product: Product = {
      index: this.products.length,
      id: `sku-${leaf.sku}-${String(n).padStart(4, "0")}`,
      title: spec.title,
      brand: spec.brand,
      leaf: spec.leaf,
      category: leaf.path,
      price,
      cost,
      margin: marginOf(price, cost),
      attrs,
      stock: 0,
      lifecycle: spec.lifecycle ?? "active",
      launchedAt: launched.length === 7 ? `${launched}-${String(this.rng.between(1, 28)).padStart(2, "0")}` : launched,
      popularity: spec.popularity ?? 1,
      sellUntilDay: Number.POSITIVE_INFINITY,
    };
    this.titles.add(spec.title);
    this.products.push(product);
    return product;
  }
}
