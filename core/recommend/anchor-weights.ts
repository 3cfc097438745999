/**
 * @module
 * How much each anchor of a cart (or of what a user owns) counts in the merge: its value and its recency.
 *
 *   w_a       = value_a * recency_a
 *   value_a   = clamp(sqrt(p_a / g), 1/2, 2)         g = geometric mean of the known prices of the anchors;
 *                                                    1 when a price is unknown or fewer than two are known
 *   recency_a = 1 + RECENT_BOOST / (1 + age_a)       age_a = distinct items viewed after a's last view in the
 *                                                    session (0: a was the last thing looked at);
 *               1                                    when a was not viewed in the session
 *
 * A 1,449 EUR phone next to a 19 EUR cable weighs 2 against 1/2: the phone's accessories lead. Recency comes from
 * the session's views, not from the order of the cart array (storefronts sort carts, order files list lines in
 * any order), so a replay of orders without sessions weighs items by value alone.
 */

export const RECENT_BOOST = 0.5;
const VALUE_MIN = 0.5;
const VALUE_MAX = 2;

/** `prices[i]` NaN when unknown; `ages[i]` as above, -1 when the anchor was not viewed. */
export function anchorWeights(prices: ArrayLike<number>, ages?: ArrayLike<number>): Float64Array {
  const n = prices.length;
  const weights = new Float64Array(n);
  let logSum = 0;
  let priced = 0;
  for (let i = 0; i < n; i++) {
    const p = prices[i];
    if (p > 0) {
      logSum += Math.log(p);
      priced++;
    }
  }
  const geometricMean = priced >= 2 ? Math.exp(logSum / priced) : Number.NaN;
  for (let i = 0; i < n; i++) {
    const p = prices[i];
    const value = p > 0 && geometricMean > 0 ? Math.min(VALUE_MAX, Math.max(VALUE_MIN, Math.sqrt(p / geometricMean))) : 1;
    const age = ages === undefined ? -1 : ages[i];
    weights[i] = age >= 0 ? value * (1 + RECENT_BOOST / (1 + age)) : value;
  }
  return weights;
}

/** Views since each anchor's last view, -1 for anchors not viewed (`viewed` oldest first). */
export function viewAges(anchors: readonly number[], viewed: ReadonlyArray<{ item: number }>): Int32Array {
  const ages = new Int32Array(anchors.length).fill(-1);
  const seen = new Set<number>();
  let age = 0;
  for (let v = viewed.length - 1; v >= 0; v--) {
    const item = viewed[v].item;
    if (seen.has(item)) continue;
    seen.add(item);
    for (let a = 0; a < anchors.length; a++) if (anchors[a] === item && ages[a] < 0) ages[a] = age;
    age++;
  }
  return ages;
}
