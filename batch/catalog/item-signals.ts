/**
 * @module
 * What the catalogue says about each item, once per build, for the cross-sell ranker's features: its role
 * (device, accessory or other, from the fit facts of `core/catalog/fit-facts/`), its brand, the brand a curated
 * accessory is official for, how recently it launched and the usage scenarios it lists.
 *
 *   recency(i) = exp(-age_i / RECENCY_DAYS)   age_i = days from `launched_at` to the newest order (0 before it;
 *                                             a product marked `new` counts as launched that day); 0 when unknown
 */
import { attrString, brandSlug } from "../../core/catalog/attributes";
import { fitFactsOf } from "../../core/catalog/fit-facts/extract-fit-facts";
import type { FitFacts } from "../../core/catalog/fit-facts/fit-facts";
import type { CatalogContext } from "./catalog-context";
import { scenariosOf } from "./spec-features";

const Role = { OTHER: 0, DEVICE: 1, ACCESSORY: 2 } as const;

const RECENCY_DAYS = 90;

export class ItemSignals {
  readonly role: Uint8Array;
  /** Brand (slug) index per item, -1 when unknown. */
  readonly brand: Int32Array;
  /** Brand (slug) index a curated accessory is made by the device maker of (`official_for_brand`), -1 otherwise. */
  readonly officialFor: Int32Array;
  readonly recency: Float32Array;
  readonly scenarios: ReadonlyArray<readonly string[]>;
  /** Fit facts per catalogue product (curated attrs first, then text). */
  readonly facts: Array<FitFacts | undefined>;
  /** The most bought device of each model its facts name. */
  private readonly modelDevice = new Map<string, number>();
  /** Brands (slug indices) that make devices in this catalogue. */
  private readonly makers = new Set<number>();

  constructor(private readonly ctx: CatalogContext) {
    const n = ctx.n;
    this.role = new Uint8Array(n);
    this.brand = new Int32Array(n).fill(-1);
    this.officialFor = new Int32Array(n).fill(-1);
    this.recency = new Float32Array(n);
    const scenarios: Array<readonly string[]> = new Array(n).fill(EMPTY);
    this.facts = new Array(n);
    const brands = new Map<string, number>();
    const brandId = (slug: string) => {
      let id = brands.get(slug);
      if (id === undefined) brands.set(slug, (id = brands.size));
      return id;
    };
    let newest = Number.NEGATIVE_INFINITY;
    for (const t of ctx.baskets.times) if (t > newest) newest = t;
    for (let i = 0; i < n; i++) {
      const p = ctx.products[i];
      if (p === undefined) continue;
      const facts = fitFactsOf(p);
      this.facts[i] = facts;
      this.role[i] = facts.role === "device" ? Role.DEVICE : facts.role === "accessory" ? Role.ACCESSORY : Role.OTHER;
      if (facts.role === "device") {
        for (const model of facts.models) {
          const current = this.modelDevice.get(model);
          if (current === undefined || ctx.frequency[i] > ctx.frequency[current]) this.modelDevice.set(model, i);
        }
      }
      if (p.brand !== undefined && brandSlug(p.brand).length > 0) this.brand[i] = brandId(brandSlug(p.brand));
      const official = attrString(p.attrs, "official_for_brand");
      if (official !== undefined) this.officialFor[i] = brandId(official);
      if (p.lifecycle === "new") this.recency[i] = 1;
      else if (p.launchedAt !== undefined && Number.isFinite(newest)) {
        const age = (newest - Date.parse(p.launchedAt) / 1000) / 86_400;
        this.recency[i] = Math.exp(-Math.max(0, age) / RECENCY_DAYS);
      }
      const own = scenariosOf(p.attrs);
      if (own.length > 0) scenarios[i] = own;
    }
    this.scenarios = scenarios;
    for (let i = 0; i < n; i++) if (this.role[i] === Role.DEVICE && this.brand[i] >= 0) this.makers.add(this.brand[i]);
  }

  /** The device whose fit and brand speak for item i: i itself, else the model an accessory is made for; -1 if none. */
  deviceOf(i: number): number {
    if (this.role[i] === Role.DEVICE) return i;
    const curated = this.ctx.deviceFor(i);
    if (curated !== undefined) return curated;
    for (const model of this.facts[i]?.models ?? []) {
      const device = this.modelDevice.get(model);
      if (device !== undefined) return device;
    }
    return -1;
  }

  /** Accessory x is made by the maker of device d: it says so (`official_for_brand`), or it carries d's brand. */
  officialPair(d: number, x: number): boolean {
    const maker = this.makerOf(d);
    return maker >= 0 && this.officialBrandOf(x) === maker;
  }

  /** The brand of device d, -1 when d is no device or has no brand. */
  makerOf(d: number): number {
    return d >= 0 && this.role[d] === Role.DEVICE ? this.brand[d] : -1;
  }

  /** The device maker whose own accessory x is (`official_for_brand`, else an accessory's brand); -1 for none. */
  officialBrandOf(x: number): number {
    if (this.officialFor[x] >= 0) return this.officialFor[x];
    return this.role[x] === Role.ACCESSORY ? this.brand[x] : -1;
  }

  /** Accessory x is made by a device maker other than device d's (an Apple adapter next to a Galaxy). */
  otherMakerPair(d: number, x: number): boolean {
    if (this.role[d] !== Role.DEVICE || this.brand[d] < 0) return false;
    const maker = this.officialFor[x] >= 0 ? this.officialFor[x] : this.role[x] === Role.ACCESSORY && this.makers.has(this.brand[x]) ? this.brand[x] : -1;
    return maker >= 0 && maker !== this.brand[d];
  }

  sameBrand(a: number, b: number): boolean {
    return this.brand[a] >= 0 && this.brand[a] === this.brand[b];
  }
}

const EMPTY: readonly string[] = [];
