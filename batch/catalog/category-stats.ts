/**
 * @module
 * What a shop's orders say about its catalogue categories, as the cross-sell ranker's features read it. For an
 * order o of customer u at time t, its reach is the categories of o and of u's other orders in [t, t + W]
 * (W = FOLLOW_UP_DAYS; orders without a customer or a time reach only themselves):
 *
 *   n(A)           orders holding an A item                 r(B)  orders whose reach holds B      N  orders
 *   n_same(A, B)   orders holding an A and a B item         n_reach(A, B)  orders holding an A item whose reach holds B
 *   attach(A -> B) = n_reach(A, B) / n(A)                   follow-up(A -> B) = (n_reach - n_same)(A, B) / n(A)
 *   lift(A -> B)   = max(0, 1 - (r(B) / N) / L(A, B))      L = the Wilson lower bound (95%) of attach(A -> B)
 *   repeat(C)      = the Wilson upper bound of the share of orders holding C that hold two distinct C items
 *   price fit(A, x) = the density of ln(p_y / p_x) over pairs of lines (x of A, y) bought together, at ln x, over
 *                    its largest bin: a histogram of HALF_BINS on each side of 0 (width 1/2, clamped at the ends),
 *                    mixed with the shop-wide histogram with the weight of PRICE_PRIOR pairs, so a category with
 *                    few priced pairs leans on the shop's habits
 *
 * Pairs are kept sparse (per anchor category, the categories its orders reach, sorted), so a deep category tree
 * costs what its orders touch, not its square.
 */
import { wilsonInterval } from "../../core/stats/wilson";
import type { Baskets } from "../io/baskets";
import { FOLLOW_UP_DAYS, laterOrdersByCustomer } from "./category-attach";

const HALF_BINS = 12;
const BINS = 2 * HALF_BINS;
const BIN_WIDTH = 0.5;
const PRICE_PRIOR = 20;

export class CategoryStats {
  readonly orders: number;
  /** n(A). */
  readonly ordersWith: Uint32Array;
  /** r(B). */
  readonly reaching: Uint32Array;
  /** Orders holding two or more distinct items of the category. */
  readonly repeats: Uint32Array;
  /** Orders each item is in. */
  readonly frequency: Uint32Array;
  /** 1 / (1 + r), r the item's rank in its category by orders (0 for items without a category). */
  readonly categoryRank: Float32Array;
  /** Pairs of anchor category a: others[offsets[a] .. offsets[a + 1]) ascending, with n_same and n_reach. */
  private readonly offsets: Uint32Array;
  private readonly others: Int32Array;
  private readonly same: Uint32Array;
  private readonly reach: Uint32Array;
  private readonly priceBins: Float32Array;
  private readonly priceTop: Float32Array;

  constructor(
    baskets: Baskets,
    readonly itemCategory: Int32Array,
    readonly categoryCount: number,
    prices: Float32Array,
    windowDays = FOLLOW_UP_DAYS,
  ) {
    const { offsets, items } = baskets;
    const orders = offsets.length - 1;
    const C = categoryCount;
    const n = itemCategory.length;
    this.orders = orders;
    this.ordersWith = new Uint32Array(C);
    this.reaching = new Uint32Array(C);
    this.repeats = new Uint32Array(C);
    this.frequency = new Uint32Array(n);
    const categoryOf = (item: number) => (item < n ? itemCategory[item] : -1);

    // Per order: its own categories and its reach, as CSR lists.
    const later = laterOrdersByCustomer(baskets.users, baskets.times).next;
    const window = windowDays * 86_400;
    const ownStart = new Uint32Array(orders + 1);
    const reachStart = new Uint32Array(orders + 1);
    const own: number[] = [];
    const reach: number[] = [];
    const inOwn = new Int32Array(C).fill(-1);
    const inReach = new Int32Array(C).fill(-1);
    const counted = new Int32Array(C).fill(-1);
    for (let b = 0; b < orders; b++) {
      for (let x = offsets[b]; x < offsets[b + 1]; x++) {
        const item = items[x];
        if (item < n) this.frequency[item]++;
        const c = categoryOf(item);
        if (c < 0) continue;
        if (inOwn[c] === b) {
          if (counted[c] !== b) {
            counted[c] = b;
            this.repeats[c]++;
          }
          continue;
        }
        inOwn[c] = b;
        inReach[c] = b;
        own.push(c);
        reach.push(c);
      }
      const next = later[b];
      if (next >= 0) {
        const until = baskets.times[b] + window;
        for (let o = next; o >= 0 && baskets.times[o] <= until; o = later[o]) {
          for (let x = offsets[o]; x < offsets[o + 1]; x++) {
            const c = categoryOf(items[x]);
            if (c >= 0 && inReach[c] !== b) {
              inReach[c] = b;
              reach.push(c);
            }
          }
        }
      }
      ownStart[b + 1] = own.length;
      reachStart[b + 1] = reach.length;
    }
    for (let b = 0; b < orders; b++) {
      for (let k = ownStart[b]; k < ownStart[b + 1]; k++) this.ordersWith[own[k]]++;
      for (let k = reachStart[b]; k < reachStart[b + 1]; k++) this.reaching[reach[k]]++;
    }

    // Orders by anchor category, then each category's row accumulated in a dense scratch.
    const byCategoryStart = new Uint32Array(C + 1);
    for (const c of own) byCategoryStart[c + 1]++;
    for (let c = 0; c < C; c++) byCategoryStart[c + 1] += byCategoryStart[c];
    const fill = byCategoryStart.slice(0, C);
    const byCategory = new Uint32Array(own.length);
    for (let b = 0; b < orders; b++) for (let k = ownStart[b]; k < ownStart[b + 1]; k++) byCategory[fill[own[k]]++] = b;
    const pairOffsets = new Uint32Array(C + 1);
    const others: number[] = [];
    const same: number[] = [];
    const reached: number[] = [];
    const sameCount = new Uint32Array(C);
    const reachCount = new Uint32Array(C);
    const touched: number[] = [];
    for (let a = 0; a < C; a++) {
      touched.length = 0;
      for (let k = byCategoryStart[a]; k < byCategoryStart[a + 1]; k++) {
        const b = byCategory[k];
        for (let r = reachStart[b]; r < reachStart[b + 1]; r++) {
          const c = reach[r];
          if (c === a) continue;
          if (reachCount[c] === 0) touched.push(c);
          reachCount[c]++;
        }
        for (let r = ownStart[b]; r < ownStart[b + 1]; r++) if (own[r] !== a) sameCount[own[r]]++;
      }
      touched.sort((x, y) => x - y);
      for (const c of touched) {
        others.push(c);
        same.push(sameCount[c]);
        reached.push(reachCount[c]);
        sameCount[c] = 0;
        reachCount[c] = 0;
      }
      pairOffsets[a + 1] = others.length;
    }
    this.offsets = pairOffsets;
    this.others = Int32Array.from(others);
    this.same = Uint32Array.from(same);
    this.reach = Uint32Array.from(reached);

    this.categoryRank = new Float32Array(n);
    const members: number[][] = Array.from({ length: C }, () => []);
    for (let i = 0; i < n; i++) if (itemCategory[i] >= 0) members[itemCategory[i]].push(i);
    for (const list of members) {
      list.sort((x, y) => this.frequency[y] - this.frequency[x] || x - y);
      list.forEach((item, r) => (this.categoryRank[item] = 1 / (1 + r)));
    }

    const { bins, top } = priceHistograms(baskets, itemCategory, C, prices);
    this.priceBins = bins;
    this.priceTop = top;
  }

  /** [n_same, n_reach] of (a, b), zeros when never together. */
  private pair(a: number, b: number): number {
    let lo = this.offsets[a];
    let hi = this.offsets[a + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.others[mid];
      if (v === b) return mid;
      if (v < b) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** n_reach(a, b): orders with an a item whose reach holds b. */
  together(a: number, b: number): number {
    if (a < 0 || b < 0 || a === b) return 0;
    const p = this.pair(a, b);
    return p < 0 ? 0 : this.reach[p];
  }

  attach(a: number, b: number): number {
    const together = this.together(a, b);
    return together === 0 ? 0 : together / this.ordersWith[a];
  }

  /** attach through later orders only (the mouse bought a week after the laptop). */
  followUp(a: number, b: number): number {
    if (a < 0 || b < 0 || a === b) return 0;
    const p = this.pair(a, b);
    return p < 0 ? 0 : (this.reach[p] - this.same[p]) / this.ordersWith[a];
  }

  lift(a: number, b: number): number {
    const together = this.together(a, b);
    if (together === 0) return 0;
    const lower = wilsonInterval(together, this.ordersWith[a]).lower;
    const base = this.reaching[b] / Math.max(1, this.orders);
    return lower > 0 ? Math.max(0, 1 - base / lower) : 0;
  }

  /** The categories a's orders reach, most attached first, with lift > 0 and at least `minOrders` orders together. */
  complements(a: number, limit: number, minOrders = 3): number[] {
    if (a < 0) return [];
    const out: Array<{ b: number; attach: number }> = [];
    for (let p = this.offsets[a]; p < this.offsets[a + 1]; p++) {
      const b = this.others[p];
      if (this.reach[p] < minOrders || this.lift(a, b) <= 0) continue;
      out.push({ b, attach: this.reach[p] });
    }
    out.sort((x, y) => y.attach - x.attach || x.b - y.b);
    return out.slice(0, limit).map((e) => e.b);
  }

  /** Upper bound of the share of orders holding c that hold two distinct c items. */
  repeat(c: number): number {
    if (c < 0 || this.ordersWith[c] === 0) return 1;
    return wilsonInterval(this.repeats[c], this.ordersWith[c]).upper;
  }

  /** Price fit of an item priced `ratio` times an anchor of category a, in [0, 1] (0 when unknown). */
  priceFit(a: number, ratio: number): number {
    if (!(ratio > 0) || a < 0 || a >= this.categoryCount) return 0;
    const bin = priceBin(ratio);
    const top = this.priceTop[a];
    return top > 0 ? this.priceBins[a * BINS + bin] / top : 0;
  }
}

function priceBin(ratio: number): number {
  const b = Math.floor(Math.log(ratio) / BIN_WIDTH) + HALF_BINS;
  return b < 0 ? 0 : b >= BINS ? BINS - 1 : b;
}

/** Per anchor category, the smoothed histogram of ln(p_y / p_x) of lines bought together, and its largest bin. */
function priceHistograms(baskets: Baskets, itemCategory: Int32Array, C: number, prices: Float32Array): { bins: Float32Array; top: Float32Array } {
  const counts = new Float64Array(C * BINS);
  const shop = new Float64Array(BINS);
  const totals = new Float64Array(C);
  const { offsets, items } = baskets;
  const n = itemCategory.length;
  for (let b = 0; b < offsets.length - 1; b++) {
    for (let x = offsets[b]; x < offsets[b + 1]; x++) {
      const i = items[x];
      const a = i < n ? itemCategory[i] : -1;
      const p = i < prices.length ? prices[i] : Number.NaN;
      if (a < 0 || !(p > 0)) continue;
      for (let y = offsets[b]; y < offsets[b + 1]; y++) {
        const j = items[y];
        const q = j < prices.length ? prices[j] : Number.NaN;
        if (j === i || !(q > 0) || (j < n && itemCategory[j] === a)) continue;
        const bin = priceBin(q / p);
        counts[a * BINS + bin]++;
        shop[bin]++;
        totals[a]++;
      }
    }
  }
  const bins = new Float32Array(C * BINS);
  const top = new Float32Array(C);
  let shopTotal = 0;
  for (const v of shop) shopTotal += v;
  if (shopTotal === 0) return { bins, top };
  for (let a = 0; a < C; a++) {
    let best = 0;
    for (let k = 0; k < BINS; k++) {
      const v = (counts[a * BINS + k] + (PRICE_PRIOR * shop[k]) / shopTotal) / (totals[a] + PRICE_PRIOR);
      bins[a * BINS + k] = v;
      if (v > best) best = v;
    }
    top[a] = best;
  }
  return { bins, top };
}
