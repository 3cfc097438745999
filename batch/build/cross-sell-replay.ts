/**
 * @module
 * Where the held-out item of each validation request lands in the checkout cross-sell slot, served exactly as
 * `core/recommend` serves a build with a cross-sell policy (`slot-sources.ts` cartCrossSell, `restraint.ts`):
 *
 *   1. score(j) = prior(j) + sum over cart items a of w_a s(a, j)      (merge-cart.ts; w_a = 1, or by value)
 *   2. leave out the cart, items that may not be sold or are proven not to fit the cart, and items of a category
 *      the cart holds where that category is one per order;
 *   3. the best k * POOL_FACTOR by score (ties: lower index), then the popular list's first k * POOL_FACTOR
 *      eligible items, offered in order to a slot of k that takes at most `perCategory` items of one category;
 *   4. with essentials on, each complement category of a cart item attached at least `essentialAttach` that
 *      neither the cart nor the slot holds takes the cart item's best eligible item of it, in place of the last
 *      pick of a non-essential category or of one the slot holds twice (at most k / 2 changes; `essentials.ts`).
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
  /** The slot takes at most this many items of one category (0: no limit). */
  perCategory: number;
  /** Missing essentials: complement categories attached at least this much get their best item (0: off). */
  essentialAttach: number;
}

export interface ReplayCatalog {
  itemCategory: Int32Array;
  prices: Float32Array;
  /** 1 when the item may be suggested (not end of life, in stock, not excluded). */
  sellable: Uint8Array;
  compat?: CompatIndex;
}

/** What one validation fold serves besides the lists: the prior, the popular fallback, the category complements. */
export interface ServedFold {
  requests: readonly HoldOut[];
  prior: CandidateList;
  popular: Uint32Array;
  /** Per category: its complement categories and their attach rates, most attached first (`complement-map.ts`). */
  complements: ReadonlyMap<number, { categories: Uint32Array; attach: Float32Array }>;
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
  private readonly groupCount: Uint8Array;
  private readonly touched: Uint32Array;
  private readonly poolItems: Uint32Array;
  private readonly poolScores: Float64Array;
  private readonly pool: number;
  private stamp = 0;
  /** The current request's cart holds an item that pins namespaces (a motherboard). */
  private cartPins = false;
  private readonly slot: number[] = [];
  private readonly weightCache = new WeakMap<HoldOut, Float64Array[]>();
  /** Per item: its index among the items with fit clauses, -1 for the rest. */
  private readonly constrained: Int32Array;
  private readonly constrainedCount: number;
  private readonly misfitCaches = new WeakMap<ServedFold, Uint8Array>();
  private misfits: Uint8Array | undefined;
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
    this.groupCount = new Uint8Array(categories);
    this.touched = new Uint32Array(n);
    this.poolItems = new Uint32Array(n);
    this.poolScores = new Float64Array(n);
    this.pool = k * POOL_FACTOR;
    this.constrained = new Int32Array(n).fill(-1);
    let constrained = 0;
    const compat = catalog.compat;
    if (compat !== undefined) for (let j = 0; j < n && j < compat.clauseStart.length - 1; j++) if (compat.clauseStart[j + 1] > compat.clauseStart[j]) this.constrained[j] = constrained++;
    this.constrainedCount = constrained;
  }

  /** Rank of every request's held-out item (k when missed). */
  ranks(fold: ServedFold, listOf: (anchor: number) => ServedList | undefined, policy: ServingPolicy): Int32Array {
    const out = new Int32Array(fold.requests.length);
    for (let r = 0; r < fold.requests.length; r++) out[r] = this.rank(fold, r, listOf, policy);
    return out;
  }

  /** Rank of request r's held-out item. */
  rank(fold: ServedFold, r: number, listOf: (anchor: number) => ServedList | undefined, policy: ServingPolicy): number {
    const held = fold.requests[r].item;
    const at = this.fill(fold, r, listOf, policy, held);
    if (at !== -1) return at < 0 ? this.k : at;
    const found = this.slot.indexOf(held);
    return found >= 0 ? found : this.k;
  }

  /** The items request r's slot shows, in order (for checking the replay against `recommend()`). */
  slotOf(fold: ServedFold, r: number, listOf: (anchor: number) => ServedList | undefined, policy: ServingPolicy): number[] {
    this.fill(fold, r, listOf, policy, -1);
    return [...this.slot];
  }

  /**
   * Fills `this.slot` for request r. Returns where `watch` landed as soon as that is final (no essentials to
   * complete), -2 when `watch` may not be shown at all, else -1 (read the slot).
   */
  private fill(fold: ServedFold, r: number, listOf: (anchor: number) => ServedList | undefined, policy: ServingPolicy, watch: number): number {
    const request = fold.requests[r];
    const stamp = ++this.stamp;
    this.misfits = this.misfitCache(fold, r);
    const { total, touchedIn, touched, catalog } = this;
    const { itemCategory } = catalog;
    const exclusive = policy.exclusive;
    const cart = request.cart;
    const weights = this.weights(request, policy.valueWeighting);
    const compat = catalog.compat;
    const slot = this.slot;
    slot.length = 0;
    this.cartPins = false;
    for (let a = 0; a < cart.length; a++) {
      if (compat !== undefined && cart[a] < compat.pinStart.length - 1 && compat.pinStart[cart[a] + 1] > compat.pinStart[cart[a]]) this.cartPins = true;
      this.cartIn[cart[a]] = stamp;
      const c = itemCategory[cart[a]];
      if (c >= 0 && exclusive[c] === 1) this.heldIn[c] = stamp;
    }
    if (watch >= 0 && !this.eligible(watch, cart, stamp)) return -2;
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
    const final = policy.essentialAttach === 0;
    let next = 0;
    let listed = 0;
    for (let taken = 0; taken < this.pool && slot.length < this.k; taken++) {
      while (next < prior.items.length && (touchedIn[prior.items[next]] === stamp || !this.eligible(prior.items[next], cart, stamp))) next++;
      let j: number;
      if (listed < kept && (next >= prior.items.length || before(this.poolScores[listed], this.poolItems[listed], prior.scores[next], prior.items[next]))) j = this.poolItems[listed++];
      else if (next < prior.items.length) j = prior.items[next++];
      else break;
      if (!this.take(j, policy.perCategory, stamp)) continue;
      slot.push(j);
      if (final && j === watch) return slot.length - 1;
    }
    let offered = 0;
    const popular = fold.popular;
    for (let i = 0; i < popular.length && slot.length < this.k && offered < this.pool; i++) {
      const j = popular[i];
      if (!this.eligible(j, cart, stamp)) continue;
      offered++;
      if (!this.take(j, policy.perCategory, stamp)) continue;
      slot.push(j);
      if (final && j === watch) return slot.length - 1;
    }
    if (!final) this.completeEssentials(fold, cart, listOf, policy, stamp);
    return final && watch >= 0 ? -2 : -1;
  }

  /** `core/recommend/essentials.ts` on the slot: missing essential categories take their anchor's best item. */
  private completeEssentials(fold: ServedFold, cart: Uint32Array, listOf: (anchor: number) => ServedList | undefined, policy: ServingPolicy, stamp: number): void {
    const { itemCategory } = this.catalog;
    const slot = this.slot;
    const heldCategories = new Set<number>();
    for (const a of cart) heldCategories.add(itemCategory[a]);
    const wanted: Array<{ anchor: number; category: number }> = [];
    const essential = new Set<number>();
    for (const anchor of cart) {
      const category = itemCategory[anchor];
      const mine = category >= 0 ? fold.complements.get(category) : undefined;
      if (mine === undefined) continue;
      for (let c = 0; c < mine.categories.length; c++) {
        const target = mine.categories[c];
        if (mine.attach[c] < policy.essentialAttach || heldCategories.has(target) || essential.has(target)) continue;
        essential.add(target);
        wanted.push({ anchor, category: target });
      }
    }
    let budget = Math.floor(this.k / 2);
    for (const { anchor, category } of wanted) {
      if (budget === 0) break;
      if (slot.some((j) => itemCategory[j] === category)) continue;
      // The anchor's best item of the category (lists need not be in order here).
      const list = listOf(anchor);
      let candidate = -1;
      let score = 0;
      for (let i = 0; list !== undefined && i < list.count; i++) {
        const j = list.items[i];
        if (itemCategory[j] !== category || !this.eligible(j, cart, stamp)) continue;
        if (candidate < 0 || before(list.scores[i], j, score, candidate)) {
          candidate = j;
          score = list.scores[i];
        }
      }
      if (candidate < 0 || slot.includes(candidate)) continue;
      const count = (c: number) => slot.reduce((n, j) => n + (itemCategory[j] === c ? 1 : 0), 0);
      if (slot.length < this.k) {
        if (policy.perCategory > 0 && count(category) >= policy.perCategory) continue;
        slot.push(candidate);
        budget--;
        continue;
      }
      let weakest = -1;
      for (let i = slot.length - 1; i >= 0 && weakest < 0; i--) if (!essential.has(itemCategory[slot[i]]) || count(itemCategory[slot[i]]) > 1) weakest = i;
      if (weakest < 0) continue;
      if (policy.perCategory > 0 && itemCategory[slot[weakest]] !== category && count(category) >= policy.perCategory) continue;
      slot[weakest] = candidate;
      budget--;
    }
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
    const ok = this.cartIn[j] !== stamp && catalog.sellable[j] === 1 && !(c >= 0 && this.heldIn[c] === stamp) && !this.misfit(j, cart);
    this.verdictIn[j] = stamp;
    this.verdict[j] = ok ? 1 : 0;
    return ok;
  }

  /** Adds j to the slot unless it is there already or the slot holds `cap` items of its category already. */
  private take(j: number, cap: number, stamp: number): boolean {
    if (this.pickedIn[j] === stamp) return false;
    const c = this.catalog.itemCategory[j];
    if (cap > 0 && c >= 0) {
      if (this.groupIn[c] !== stamp) {
        this.groupIn[c] = stamp;
        this.groupCount[c] = 0;
      }
      if (this.groupCount[c] >= cap) return false;
      this.groupCount[c]++;
    }
    this.pickedIn[j] = stamp;
    return true;
  }

  /** Proven not to fit the cart (cached per request and constrained item: it depends on neither weights nor policy). */
  private misfit(j: number, cart: Uint32Array): boolean {
    const compat = this.catalog.compat;
    if (compat === undefined) return false;
    const at = this.constrained[j];
    if (at < 0) return this.cartPins && provenMisfit(compat, j, cart);
    const cache = this.misfits;
    if (cache === undefined) return provenMisfit(compat, j, cart);
    if (cache[at] === 0) cache[at] = provenMisfit(compat, j, cart) ? 2 : 1;
    return cache[at] === 2;
  }

  /** Request r's verdicts on the constrained items, 0 where not asked yet. */
  private misfitCache(fold: ServedFold, r: number): Uint8Array | undefined {
    if (this.constrainedCount === 0) return undefined;
    let all = this.misfitCaches.get(fold);
    if (all === undefined) this.misfitCaches.set(fold, (all = new Uint8Array(fold.requests.length * this.constrainedCount)));
    return all.subarray(r * this.constrainedCount, (r + 1) * this.constrainedCount);
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
