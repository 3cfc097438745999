/**
 * @module
 * The accessories whose fit clauses an anchor satisfies, as the cross-sell ranker's candidates
 * (`cross-sell-features.ts`): grouped by category, the anchor device's maker's own first, then by orders;
 * `perCategory` from each of the `fitCategories` categories bought most with the anchor's, among the first
 * `fitCategories * 4` categories met.
 *
 * A connector's pool can hold tens of thousands of accessories, so a pool is split once per build by category and,
 * within it, by maker and by fit signature (`fit-groups.ts`); per anchor a category's pool is read only until
 * `perCategory` fit (the maker's own first), a signature the anchor rules out costing one check.
 * That is enough: a category keeps `perCategory` of the union over the anchor's tokens, and each token's first
 * `perCategory` in that order hold them. Categories are met in the order of their best seller in each token's pool.
 */
import { isConstrained, satisfiesAll } from "../../core/catalog/compat-index";
import type { CatalogContext } from "./catalog-context";
import { firstPassing, type FitSignatures, type GroupedPool, groupedPool, SignatureVerdicts } from "./fit-groups";
import type { CategoryStats } from "./category-stats";
import type { ItemSignals } from "./item-signals";

export interface FittingOptions {
  fitCategories: number;
  perCategory: number;
}

/** The sellable accessories of one category that require one token, most bought first, and per maker; grouped by fit signature. */
interface CategoryPool {
  category: number;
  items: GroupedPool;
  /** `ItemSignals.officialBrandOf` -> that maker's own items of `items`, most bought first. */
  byMaker: Map<number, GroupedPool>;
}

/** Whether an item may still be added: decided per item (not the anchor, not taken, sellable) and per fit signature (not proven to conflict). */
export interface Usable {
  item: (j: number) => boolean;
  group: (sample: number) => boolean;
}

export class FittingAccessories {
  /** Per token: the pools of the accessories requiring it, by category. */
  private readonly pools = new Map<number, CategoryPool[]>();
  /** Per anchor, per fit signature: every clause holds on what the anchor provides. */
  private readonly satisfied: SignatureVerdicts;

  constructor(
    private readonly ctx: CatalogContext,
    private readonly signals: ItemSignals,
    private readonly stats: CategoryStats,
    private readonly signatures: FitSignatures,
    private readonly options: FittingOptions,
  ) {
    this.satisfied = new SignatureVerdicts(signatures, (a, j) => satisfiesAll(ctx.compat, j, a));
    const { compat } = ctx;
    const frequency = stats.frequency;
    const byToken = new Map<number, number[]>();
    for (let j = 0; j < ctx.n; j++) {
      if (ctx.sellable[j] === 0 || ctx.products[j] === undefined || !isConstrained(compat, j)) continue;
      const c0 = compat.clauseStart[j];
      for (let k = compat.clauseTokenStart[c0]; k < compat.clauseTokenStart[c0 + 1]; k++) {
        const t = compat.clauseTokens[k];
        let pool = byToken.get(t);
        if (pool === undefined) byToken.set(t, (pool = []));
        pool.push(j);
      }
    }
    for (const [t, pool] of byToken) this.pools.set(t, this.byCategory(pool.sort((a, b) => frequency[b] - frequency[a] || a - b)));
  }

  /**
   * What to add for anchor a of category A whose device is `device` (-1: none), in order; `usable` says whether an
   * item may still be added (not the anchor, not taken, sellable, not proven to conflict).
   */
  select(a: number, A: number, device: number, usable: Usable): number[] {
    const { compat } = this.ctx;
    const { fitCategories, perCategory } = this.options;
    const maker = this.signals.makerOf(device);
    this.satisfied.reset();
    const fits: Usable = { item: usable.item, group: (sample) => usable.group(sample) && this.satisfied.of(a, sample) };
    const groups = new Map<number, number[]>();
    for (let p = compat.provideStart[a]; p < compat.provideStart[a + 1]; p++) {
      for (const pool of this.pools.get(compat.provideTokens[p]) ?? []) {
        if (pool.category === A) continue;
        let group = groups.get(pool.category);
        if (group === undefined && groups.size >= fitCategories * 4) continue;
        const found = this.firstFitting(pool, a, maker, fits);
        if (found.length === 0) continue;
        if (group === undefined) groups.set(pool.category, (group = []));
        for (const j of found) if (!group.includes(j)) group.push(j);
      }
    }
    const frequency = this.stats.frequency;
    const own = (j: number) => Number(maker >= 0 && this.signals.officialBrandOf(j) === maker);
    const ranked = [...groups].map(([b, group]) => ({ b, group: group.sort((x, y) => own(y) - own(x) || frequency[y] - frequency[x] || x - y), orders: this.stats.together(A, b) }));
    ranked.sort((x, y) => y.orders - x.orders || x.b - y.b);
    return ranked.slice(0, fitCategories).flatMap(({ group }) => group.slice(0, perCategory));
  }

  /** The pool's first `perCategory` items that fit: `maker`'s own first, then the rest, each by orders. */
  private firstFitting(pool: CategoryPool, a: number, maker: number, fits: Usable): number[] {
    const limit = this.options.perCategory;
    const own = maker >= 0 ? pool.byMaker.get(maker) : undefined;
    const found = own === undefined ? [] : firstPassing(own, limit, a, fits.group, fits.item);
    const others = own === undefined ? fits.item : (j: number) => this.signals.officialBrandOf(j) !== maker && fits.item(j);
    found.push(...firstPassing(pool.items, limit - found.length, a, fits.group, others));
    return found;
  }

  /** A token's pool (most bought first) split by category, in the order of each category's first item, and by maker. */
  private byCategory(pool: readonly number[]): CategoryPool[] {
    const split = new Map<number, { items: number[]; byMaker: Map<number, number[]> }>();
    for (const j of pool) {
      const b = this.ctx.category(j);
      if (b < 0) continue;
      let entry = split.get(b);
      if (entry === undefined) split.set(b, (entry = { items: [], byMaker: new Map() }));
      entry.items.push(j);
      const maker = this.signals.officialBrandOf(j);
      if (maker < 0) continue;
      let own = entry.byMaker.get(maker);
      if (own === undefined) entry.byMaker.set(maker, (own = []));
      own.push(j);
    }
    return [...split].map(([category, { items, byMaker }]) => ({
      category,
      items: groupedPool(items, this.signatures),
      byMaker: new Map([...byMaker].map(([m, own]) => [m, groupedPool(own, this.signatures)])),
    }));
  }
}
