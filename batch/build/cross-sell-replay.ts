/**
 * @module
 * Where the held-out item of each validation request lands in the checkout cross-sell slot, served exactly as
 * `core/recommend` serves a build with a cross-sell policy (`slot-sources.ts` cartCrossSell, `restraint.ts`):
 *
 *   1. score(j) = prior(j) + sum over cart items a of w_a s(a, j)      (merge-cart.ts; w_a = 1, or by value)
 *   2. leave out the cart, items that may not be sold or are proven not to fit the cart, and items of a category
 *      the cart holds where that category is one per order;
 *   3. the best k * POOL_FACTOR by score (ties: lower index), then the popular list's first k * POOL_FACTOR
 *      eligible items, offered in order to a slot of k that takes no second item of a one-per-order category.
 *
 * The rank is the held-out item's position in that slot, k when it is not there.
 */
import { provenMisfit, type CompatIndex } from "../../core/catalog/compat-index";
import type { CandidateList } from "../../core/candidates";
import { anchorWeights } from "../../core/recommend/anchor-weights";
import { POOL_FACTOR } from "../../core/recommend/slot-sources";
import type { HoldOut } from "../evaluate/holdout-split";
import { selectTop } from "../mining/top-k";

/** (score a, item a) ranks before (score b, item b): higher score, then lower index (the merge's order). */
function before(sa: number, a: number, sb: number, b: number): boolean {
  return sa > sb || (sa === sb && a < b);
}

export interface ServedList {
  items: ArrayLike<number>;
  scores: ArrayLike<number>;
  count: number;
}

export interface ServingPolicy {
  valueWeighting: boolean;
  /** Per category: 1 when one per order (the cart's own is left out). */
  exclusive: Uint8Array;
  /** The slot takes no second item of a one-per-order category. */
  distinct: boolean;
}

export interface ReplayCatalog {
  itemCategory: Int32Array;
  prices: Float32Array;
  /** 1 when the item may be suggested (not end of life, in stock, not excluded). */
  sellable: Uint8Array;
  compat?: CompatIndex;
}

/** What one validation fold serves besides the lists: the prior and the popular fallback. */
export interface ServedFold {
  requests: readonly HoldOut[];
  prior: CandidateList;
  popular: Uint32Array;
}

export class CrossSellReplay {
  private readonly total: Float64Array;
  /** Per item: the request (stamp) it was last touched in, and its verdicts there. */
  private readonly touchedIn: Int32Array;
  private readonly cartIn: Int32Array;
  private readonly verdictIn: Int32Array;
  private readonly verdict: Uint8Array;
  private readonly pickedIn: Int32Array;
  private readonly heldIn: Int32Array;
  private readonly groupIn: Int32Array;
  private readonly touched: Uint32Array;
  private readonly poolItems: Uint32Array;
  private readonly poolScores: Float64Array;
  private readonly pool: number;
  private stamp = 0;
  private readonly weightCache = new WeakMap<HoldOut, Float64Array[]>();
  private readonly priorCache = new WeakMap<ServedFold, Float64Array>();

  constructor(
    private readonly catalog: ReplayCatalog,
    private readonly k: number,
  ) {
    const n = catalog.itemCategory.length;
    const categories = catalog.itemCategory.reduce((m, c) => Math.max(m, c + 1), 0);
    this.total = new Float64Array(n);
    this.touchedIn = new Int32Array(n);
    this.cartIn = new Int32Array(n);
    this.verdictIn = new Int32Array(n);
    this.verdict = new Uint8Array(n);
    this.pickedIn = new Int32Array(n);
    this.heldIn = new Int32Array(categories);
    this.groupIn = new Int32Array(categories);
    this.touched = new Uint32Array(n);
    this.poolItems = new Uint32Array(n);
    this.poolScores = new Float64Array(n);
    this.pool = k * POOL_FACTOR;
  }

  /** Rank of every request's held-out item (k when missed). */
  ranks(fold: ServedFold, listOf: (anchor: number) => ServedList | undefined, policy: ServingPolicy): Int32Array {
    const out = new Int32Array(fold.requests.length);
    for (let r = 0; r < fold.requests.length; r++) out[r] = this.rank(fold, fold.requests[r], listOf, policy);
    return out;
  }

  rank(fold: ServedFold, request: HoldOut, listOf: (anchor: number) => ServedList | undefined, policy: ServingPolicy): number {
    const stamp = ++this.stamp;
    const { total, touchedIn, touched, catalog } = this;
    const { itemCategory } = catalog;
    const exclusive = policy.exclusive;
    const cart = request.cart;
    const held = request.item;
    const weights = this.weights(request, policy.valueWeighting);
    for (let a = 0; a < cart.length; a++) {
      this.cartIn[cart[a]] = stamp;
      const c = itemCategory[cart[a]];
      if (c >= 0 && exclusive[c] === 1) this.heldIn[c] = stamp;
    }
    if (!this.eligible(held, cart, stamp)) return this.k;
    // Listed items score prior + lists; every other item its prior alone, in the prior's own order.
    const priorScore = this.priorScores(fold);
    let count = 0;
    for (let a = 0; a < cart.length; a++) {
      const list = listOf(cart[a]);
      if (list === undefined) continue;
      const w = weights[a];
      for (let i = 0; i < list.count; i++) {
        const j = list.items[i];
        if (touchedIn[j] !== stamp) {
          touchedIn[j] = stamp;
          total[j] = 0;
          touched[count++] = j;
        }
        total[j] += w * list.scores[i];
      }
    }
    let length = 0;
    for (let t = 0; t < count; t++) {
      const j = touched[t];
      if (!this.eligible(j, cart, stamp)) continue;
      this.poolItems[length] = j;
      this.poolScores[length++] = total[j] + priorScore[j];
    }
    const kept = selectTop(this.poolItems, this.poolScores, length, this.pool);
    const prior = fold.prior;
    let next = 0;
    let listed = 0;
    let picked = 0;
    for (let taken = 0; taken < this.pool && picked < this.k; taken++) {
      while (next < prior.items.length && (touchedIn[prior.items[next]] === stamp || !this.eligible(prior.items[next], cart, stamp))) next++;
      let j: number;
      if (listed < kept && (next >= prior.items.length || before(this.poolScores[listed], this.poolItems[listed], prior.scores[next], prior.items[next]))) j = this.poolItems[listed++];
      else if (next < prior.items.length) j = prior.items[next++];
      else break;
      if (!this.take(j, policy.distinct ? exclusive : undefined, stamp)) continue;
      if (j === held) return picked;
      picked++;
    }
    let offered = 0;
    const popular = fold.popular;
    for (let i = 0; i < popular.length && picked < this.k && offered < this.pool; i++) {
      const j = popular[i];
      if (!this.eligible(j, cart, stamp)) continue;
      offered++;
      if (!this.take(j, policy.distinct ? exclusive : undefined, stamp)) continue;
      if (j === held) return picked;
      picked++;
    }
    return this.k;
  }

  /** The fold's prior as a dense column (0 off the list), built once per fold. */
  private priorScores(fold: ServedFold): Float64Array {
    let dense = this.priorCache.get(fold);
    if (dense === undefined) {
      dense = new Float64Array(this.total.length);
      for (let i = 0; i < fold.prior.items.length; i++) dense[fold.prior.items[i]] = fold.prior.scores[i];
      this.priorCache.set(fold, dense);
    }
    return dense;
  }

  /** Not in the cart, sellable, not of a one-per-order category the cart holds, not proven to misfit the cart. */
  private eligible(j: number, cart: Uint32Array, stamp: number): boolean {
    if (this.verdictIn[j] === stamp) return this.verdict[j] === 1;
    const { catalog } = this;
    const c = catalog.itemCategory[j];
    const ok =
      this.cartIn[j] !== stamp &&
      catalog.sellable[j] === 1 &&
      !(c >= 0 && this.heldIn[c] === stamp) &&
      (catalog.compat === undefined || !provenMisfit(catalog.compat, j, cart));
    this.verdictIn[j] = stamp;
    this.verdict[j] = ok ? 1 : 0;
    return ok;
  }

  /** Adds j to the slot unless it is there already or its one-per-order category is. */
  private take(j: number, exclusive: Uint8Array | undefined, stamp: number): boolean {
    if (this.pickedIn[j] === stamp) return false;
    const c = this.catalog.itemCategory[j];
    if (exclusive !== undefined && c >= 0 && exclusive[c] === 1) {
      if (this.groupIn[c] === stamp) return false;
      this.groupIn[c] = stamp;
    }
    this.pickedIn[j] = stamp;
    return true;
  }

  /** The cart's anchor weights, with and without value weighting (cached per request). */
  private weights(request: HoldOut, byValue: boolean): Float64Array {
    let cached = this.weightCache.get(request);
    if (cached === undefined) {
      const prices = this.catalog.prices;
      cached = [anchorWeights(new Float64Array(request.cart.length).fill(Number.NaN)), anchorWeights(Array.from(request.cart, (a) => prices[a]))];
      this.weightCache.set(request, cached);
    }
    return cached[byValue ? 1 : 0];
  }
}
