/**
 * @module
 * The cross-sell ranker's candidates and features. For an anchor item a (category A) the candidates are
 *
 *   - its mined list (the co-purchase blend, `build/cross-sell.ts`), blend score m(a, j);
 *   - the best sellers of A's complement categories (`CategoryStats.complements`: reached by A's orders more
 *     than chance says), `perCategory` each from the first `complementCategories`;
 *   - the accessories whose fit clauses a satisfies (the compatibility index), `perCategory` per category from the
 *     first `fitCategories` categories, the device maker's own first, then by orders; and for an accessory made for
 *     a model, the device it is made for,
 *
 *   (`fitting-accessories.ts`),
 *
 * minus items that may not be sold and items proven not to fit a (`provenConflict`: both sides state facts that
 * conflict). Nothing else is removed: what the catalogue says is evidence, weighed by the ranker. Every candidate
 * j carries the features of CATALOG_FEATURES, each in [0, 1]:
 *
 *   attach, lift, follow_up   category pair A -> B (`category-stats.ts`); 0 within A
 *   fit                       j's fit clauses hold on a, or a's on j (the compatibility index)
 *   official                  j is made by the maker of a's device, or a by j's
 *   other_maker               j is made by another device maker than a's device's (or a than j's)
 *   same_brand                a and j share a brand
 *   price_fit                 how usual j's price is next to a's, among A's orders
 *   scenario                  sum over j's scenarios of the share of A's products listing it (capped at 1)
 *   category_rank             1 / (1 + j's rank by orders in its category)
 *   recency                   how recently j launched (`item-signals.ts`)
 *   same_category             1 when j is of A
 */
import { isConstrained, provenConflict, satisfiesAll } from "../../core/catalog/compat-index";
import type { CandidateList } from "../../core/candidates";
import type { CatalogContext } from "./catalog-context";
import type { CategoryStats } from "./category-stats";
import { firstPassing, fitSignatures, type GroupedPool, groupedPool, SignatureVerdicts } from "./fit-groups";
import { FittingAccessories } from "./fitting-accessories";
import type { ItemSignals } from "./item-signals";

export const CATALOG_FEATURES = [
  "attach",
  "lift",
  "follow_up",
  "fit",
  "official",
  "other_maker",
  "same_brand",
  "price_fit",
  "scenario",
  "category_rank",
  "recency",
  "same_category",
] as const;
export type CatalogFeature = (typeof CATALOG_FEATURES)[number];
export const FEATURE_COUNT = CATALOG_FEATURES.length;
const F = Object.fromEntries(CATALOG_FEATURES.map((name, k) => [name, k])) as Record<CatalogFeature, number>;
export const FEATURE_INDEX = F;

export interface FeatureOptions {
  complementCategories?: number;
  fitCategories?: number;
  perCategory?: number;
}

/** One anchor's candidates: item, mined score (0 when not mined) and reason (-1), and FEATURE_COUNT features each. */
export interface AnchorCandidates {
  count: number;
  items: Uint32Array;
  mined: Float64Array;
  minedReason: Int32Array;
  features: Float32Array;
}

export class CrossSellFeatures {
  private readonly byCategory: GroupedPool[];
  private readonly fitting: FittingAccessories;
  /** Per anchor, per fit signature: not proven to conflict with the anchor. */
  private readonly conflictFree: SignatureVerdicts;
  private readonly complementCategories: number;
  private readonly perCategory: number;
  private readonly seen: Int32Array;

  constructor(
    private readonly ctx: CatalogContext,
    private readonly signals: ItemSignals,
    private readonly stats: CategoryStats,
    private readonly scenarioShares: ReadonlyMap<number, ReadonlyMap<string, number>>,
    options: FeatureOptions = {},
  ) {
    this.complementCategories = options.complementCategories ?? 8;
    this.perCategory = options.perCategory ?? 3;
    this.seen = new Int32Array(ctx.n).fill(-1);
    const frequency = stats.frequency;
    const byOrders = (a: number, b: number) => frequency[b] - frequency[a] || a - b;
    const groups: number[][] = Array.from({ length: stats.categoryCount }, () => []);
    for (let j = 0; j < ctx.n; j++) {
      if (ctx.sellable[j] === 0 || ctx.products[j] === undefined) continue;
      const c = ctx.category(j);
      if (c >= 0) groups[c].push(j);
    }
    const signatures = fitSignatures(ctx.compat, ctx.n);
    this.conflictFree = new SignatureVerdicts(signatures, (a, j) => !provenConflict(ctx.compat, a, j));
    this.byCategory = groups.map((g) => groupedPool(g.sort(byOrders), signatures));
    this.fitting = new FittingAccessories(ctx, signals, stats, signatures, { fitCategories: options.fitCategories ?? 8, perCategory: this.perCategory });
  }

  /** The anchor's candidates with their features; `mined` is its mined list (scores may be negative corrections). */
  candidates(a: number, mined: CandidateList | undefined): AnchorCandidates {
    const { ctx } = this;
    const items: number[] = [];
    const minedScores: number[] = [];
    const minedReasons: number[] = [];
    const seen = this.seen;
    const add = (j: number, score: number, reason: number) => {
      seen[j] = items.length;
      items.push(j);
      minedScores.push(score);
      minedReasons.push(reason);
    };
    this.conflictFree.reset();
    const usable = {
      item: (j: number) => j !== a && seen[j] < 0 && ctx.sellable[j] === 1,
      group: (sample: number) => this.conflictFree.of(a, sample),
    };
    const usableItem = (j: number) => usable.item(j) && usable.group(j);
    if (mined !== undefined) for (let k = 0; k < mined.items.length; k++) if (usableItem(mined.items[k])) add(mined.items[k], mined.scores[k], mined.reasons[k]);
    const A = ctx.category(a);
    if (ctx.products[a] !== undefined && A >= 0) {
      for (const b of this.stats.complements(A, this.complementCategories)) {
        for (const j of firstPassing(this.byCategory[b], this.perCategory, a, usable.group, usable.item)) add(j, 0, -1);
      }
      for (const j of this.fitting.select(a, A, this.deviceOf(a), usable)) add(j, 0, -1);
      const device = this.deviceOf(a);
      if (device >= 0 && usableItem(device)) add(device, 0, -1);
    }
    for (const j of items) seen[j] = -1;
    const count = items.length;
    const features = new Float32Array(count * FEATURE_COUNT);
    for (let k = 0; k < count; k++) this.fill(a, items[k], features, k * FEATURE_COUNT);
    return { count, items: Uint32Array.from(items), mined: Float64Array.from(minedScores), minedReason: Int32Array.from(minedReasons), features };
  }

  private deviceOf(a: number): number {
    return this.signals.deviceOf(a);
  }

  private official(device: number, j: number): boolean {
    return device >= 0 && this.signals.officialPair(device, j);
  }

  private fill(a: number, j: number, out: Float32Array, at: number): void {
    const { ctx, stats, signals } = this;
    const A = ctx.category(a);
    const B = ctx.category(j);
    if (A >= 0 && B >= 0 && A !== B) {
      out[at + F.attach] = stats.attach(A, B);
      out[at + F.lift] = stats.lift(A, B);
      out[at + F.follow_up] = stats.followUp(A, B);
      const shares = this.scenarioShares.get(A);
      if (shares !== undefined) {
        let overlap = 0;
        for (const s of signals.scenarios[j]) overlap += shares.get(s) ?? 0;
        out[at + F.scenario] = Math.min(1, overlap);
      }
      out[at + F.price_fit] = stats.priceFit(A, ctx.price(j) / ctx.price(a));
    }
    const { compat } = ctx;
    if ((isConstrained(compat, j) && satisfiesAll(compat, j, a)) || (isConstrained(compat, a) && satisfiesAll(compat, a, j))) out[at + F.fit] = 1;
    const device = this.deviceOf(a);
    if (this.official(device, j) || signals.officialPair(j, a)) out[at + F.official] = 1;
    if ((device >= 0 && signals.otherMakerPair(device, j)) || signals.otherMakerPair(j, a)) out[at + F.other_maker] = 1;
    if (signals.sameBrand(a, j)) out[at + F.same_brand] = 1;
    out[at + F.category_rank] = stats.categoryRank[j];
    out[at + F.recency] = signals.recency[j];
    if (A >= 0 && A === B) out[at + F.same_category] = 1;
  }
}

