/**
 * @module
 * Lookup tables the order and session generators draw from, built once per run: devices by family, tier,
 * persona and brand; range items by group; compatible accessories per device model and slot; down-sell
 * alternatives; browsing pools per leaf. Tables are built on first use and cached.
 */
import type { Catalog } from "./catalog";
import { LEAF_KEYS, type LeafKey } from "./category-tree";
import { chargesAtFullSpeed, SLOTS, type Slot } from "./compatibility";
import type { DeviceFamily, DeviceModel } from "./devices";
import { FAMILY_LEAVES, FAMILY_OF_LEAF } from "./devices";
import { downSellAlternatives } from "./down-sell";
import { OFFICIAL_BOOST, OTHER_MAKER_FACTOR, PERSONAS, RANGE_GROUPS, SCENARIO_BOOST } from "./planted-plan";
import type { Product } from "./product";
import { slug, TIERS } from "./vocabulary";
import { WeightedTable } from "./weighted-table";

export type CompatVariant = "any" | "full-speed" | "slow" | "official" | "unofficial" | `memory:${string}`;

export class ShopIndex {
  readonly products: readonly Product[];
  readonly models: readonly DeviceModel[];
  readonly modelIndex = new Map<string, number>();
  readonly byLeaf = new Map<LeafKey, Product[]>();
  readonly downSell: Map<Product, Product[]>;
  readonly hesitationTable: WeightedTable<Product>;
  readonly browseLeaves: WeightedTable<LeafKey>;
  private readonly cache = new Map<string, WeightedTable<Product> | undefined>();
  private readonly compatCache = new Map<DeviceModel, Map<string, WeightedTable<Product> | undefined>>();

  constructor(readonly catalog: Catalog) {
    this.products = catalog.products;
    this.models = catalog.models;
    catalog.models.forEach((m, i) => this.modelIndex.set(m.slug, i));
    for (const leaf of LEAF_KEYS) this.byLeaf.set(leaf, []);
    for (const p of this.products) this.byLeaf.get(p.leaf)!.push(p);
    this.downSell = downSellAlternatives(this.products, (p) => p.sellUntilDay >= 0 && p.lifecycle !== "eol");
    const eligible = [...this.downSell.keys()];
    this.hesitationTable = new WeightedTable(eligible, eligible.map((p) => p.popularity));
    this.browseLeaves = new WeightedTable(LEAF_KEYS, LEAF_KEYS.map((leaf) => Math.sqrt(this.byLeaf.get(leaf)!.length) * (FAMILY_OF_LEAF[leaf] ? 2 : 1)));
  }

  modelOf(device: Product): DeviceModel | undefined {
    const index = this.modelIndex.get(device.attrs.device_model as string);
    return index === undefined ? undefined : this.models[index];
  }

  private cached(key: string, build: () => WeightedTable<Product> | undefined): WeightedTable<Product> | undefined {
    if (!this.cache.has(key)) {
      const table = build();
      this.cache.set(key, table && table.size > 0 ? table : undefined);
    }
    return this.cache.get(key);
  }

  private weightFor(p: Product, tier: number, persona: number): number {
    if (p.sellUntilDay < 0) return 0;
    if (tier >= 0 && p.attrs.tier !== TIERS[tier]) return 0;
    const scenario = PERSONAS[persona] as string;
    return p.popularity * ((p.attrs.scenarios as readonly string[]).includes(scenario) ? SCENARIO_BOOST : 1);
  }

  /** Devices of a family, optionally only one tier (index into TIERS) and one brand; -1 / "" for any. */
  devices(family: DeviceFamily, tier: number, persona: number, brand: string): WeightedTable<Product> | undefined {
    return this.cached(`d|${family}|${tier}|${persona}|${brand}`, () => {
      const items = FAMILY_LEAVES[family].flatMap((leaf) => this.byLeaf.get(leaf)!).filter((p) => brand === "" || p.brand === brand);
      return new WeightedTable(items, items.map((p) => this.weightFor(p, tier, persona)));
    });
  }

  /** Items of a range group (planted-plan RANGE_GROUPS). */
  range(group: string, tier: number, persona: number): WeightedTable<Product> | undefined {
    return this.cached(`r|${group}|${tier}|${persona}`, () => {
      const leaves = RANGE_GROUPS.find((g) => g.key === group)?.leaves ?? [];
      const items = leaves.flatMap((leaf) => this.byLeaf.get(leaf)!);
      return new WeightedTable(items, items.map((p) => this.weightFor(p, tier, persona)));
    });
  }

  /** Items of a single leaf, by demand and persona. */
  leaf(leaf: LeafKey, persona: number): WeightedTable<Product> | undefined {
    return this.cached(`l|${leaf}|${persona}`, () => {
      const items = this.byLeaf.get(leaf)!;
      return new WeightedTable(items, items.map((p) => this.weightFor(p, -1, persona)));
    });
  }

  /** Sellable accessories of the slot that fit the model, weighted by demand: the maker's own boosted, another maker's damped. */
  compatible(model: DeviceModel, slot: Slot, variant: CompatVariant = "any"): WeightedTable<Product> | undefined {
    let perModel = this.compatCache.get(model);
    if (!perModel) {
      perModel = new Map();
      this.compatCache.set(model, perModel);
    }
    const key = variant === "any" ? slot : `${slot}|${variant}`;
    if (perModel.has(key)) return perModel.get(key);
    const table = (() => {
      const device = model.products[0]!;
      const rule = SLOTS[slot];
      const maker = slug(model.brand);
      const items = this.byLeaf.get(rule.leaf)!.filter((a) => a.sellUntilDay >= 0 && rule.fits(device, a)).filter((a) => {
        if (variant === "full-speed") return chargesAtFullSpeed(device, a);
        if (variant === "slow") return !chargesAtFullSpeed(device, a);
        if (variant === "official") return a.attrs.official_for_brand === maker;
        if (variant === "unofficial") return a.attrs.official_for_brand !== maker;
        if (variant.startsWith("memory:")) return a.attrs.memory_type === variant.slice(7);
        return true;
      });
      const affinity = (a: Product) => (a.attrs.official_for_brand === undefined ? 1 : a.attrs.official_for_brand === maker ? OFFICIAL_BOOST : OTHER_MAKER_FACTOR);
      return new WeightedTable(items, items.map((a) => a.popularity * affinity(a)));
    })();
    perModel.set(key, table.size > 0 ? table : undefined);
    return perModel.get(key);
  }

  /** What a browsing shopper sees in a leaf: sellable items by demand, new launches with a novelty boost. */
  views(leaf: LeafKey): WeightedTable<Product> | undefined {
    return this.cached(`v|${leaf}`, () => {
      const items = this.byLeaf.get(leaf)!.filter((p) => p.lifecycle !== "eol");
      const pops = items.filter((p) => p.lifecycle !== "new").map((p) => p.popularity).sort((a, b) => a - b);
      const median = pops[Math.floor(pops.length / 2)] ?? 1;
      return new WeightedTable(items, items.map((p) => (p.lifecycle === "new" ? median * 1.5 : p.popularity)));
    });
  }
}
