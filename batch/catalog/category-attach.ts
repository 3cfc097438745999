/**
 * @module
 * How often a category is bought with another, in the same order or soon after by the same customer. For an
 * order o of customer u at time t, its reach is the categories of o and of u's other orders in [t, t + window]:
 *
 *   attach(A -> B) = |orders holding an A item whose reach holds B| / |orders holding an A item|,   B != A
 *   base(B)        = |orders whose reach holds B| / |orders|
 *   lift(A -> B)   = attach(A -> B) / base(B)
 *
 * Orders without a customer or a time reach only themselves, so without them this is plain co-purchase. The
 * window catches complements bought in separate orders (the gaming mouse a week after the gaming laptop).
 */
import type { Baskets } from "../io/baskets";

export interface CategoryAttach {
  categoryCount: number;
  orders: number;
  /** Orders holding an item of category a. */
  ordersWith: Uint32Array;
  /** Orders whose reach holds category b. */
  reaching: Uint32Array;
  /** pairs[a * categoryCount + b]: orders holding an a item whose reach holds b. */
  pairs: Uint32Array;
}

export const FOLLOW_UP_DAYS = 14;

export function categoryAttach(baskets: Baskets, itemCategory: Int32Array, categoryCount: number, windowDays = FOLLOW_UP_DAYS): CategoryAttach {
  const { offsets, items, users, times } = baskets;
  const orders = offsets.length - 1;
  const ordersWith = new Uint32Array(categoryCount);
  const reaching = new Uint32Array(categoryCount);
  const pairs = new Uint32Array(categoryCount * categoryCount);
  const result = { categoryCount, orders, ordersWith, reaching, pairs };
  if (categoryCount === 0) return result;

  const categoriesOf = (b: number, into: Int32Array, stamp: number, out: number[]) => {
    for (let x = offsets[b]; x < offsets[b + 1]; x++) {
      const c = items[x] < itemCategory.length ? itemCategory[items[x]] : -1;
      if (c >= 0 && into[c] !== stamp) {
        into[c] = stamp;
        out.push(c);
      }
    }
  };

  const later = laterOrdersByCustomer(users, times);
  const window = windowDays * 86_400;
  const inOrder = new Int32Array(categoryCount).fill(-1);
  const inReach = new Int32Array(categoryCount).fill(-1);
  const own: number[] = [];
  const reach: number[] = [];
  for (let b = 0; b < orders; b++) {
    own.length = 0;
    reach.length = 0;
    categoriesOf(b, inOrder, b, own);
    for (const c of own) {
      inReach[c] = b;
      reach.push(c);
    }
    const next = later.next[b];
    if (next >= 0) {
      const until = times[b] + window;
      for (let o = next; o >= 0 && times[o] <= until; o = later.next[o]) categoriesOf(o, inReach, b, reach);
    }
    for (const c of reach) reaching[c]++;
    for (const a of own) {
      ordersWith[a]++;
      const row = a * categoryCount;
      for (const c of reach) if (c !== a) pairs[row + c]++;
    }
  }
  return result;
}

/**
 * For every order, the customer's next order in time (-1 when none, or when the order has no customer or time):
 * a linked list per customer, so a forward scan visits only that customer's later orders.
 */
export function laterOrdersByCustomer(users: Int32Array, times: Float64Array): { next: Int32Array } {
  const n = users.length;
  const next = new Int32Array(n).fill(-1);
  const dated: number[] = [];
  for (let b = 0; b < n; b++) if (users[b] >= 0 && !Number.isNaN(times[b])) dated.push(b);
  dated.sort((x, y) => users[x] - users[y] || times[x] - times[y] || x - y);
  for (let k = 0; k + 1 < dated.length; k++) if (users[dated[k]] === users[dated[k + 1]]) next[dated[k]] = dated[k + 1];
  return { next };
}
