/**
 * @module
 * How much each anchor of a cart (or of what a user owns) counts in the merge: its value and its recency.
 *
 *   w_a       = value_a * recency_a
 *   value_a   = clamp(sqrt(p_a / g), 1/2, 2)     g = geometric mean of the known prices of the anchors;
 *                                                1 when a price is unknown or fewer than two are known
 *   recency_a = 1 / (1 + RECENCY_DECAY * age_a)  age_a = anchors added after a (the list is oldest first)
 *
 * A 1,449 EUR phone next to a 19 EUR cable weighs 2 against 1/2 (before recency): the phone's accessories lead.
 */

export const RECENCY_DECAY = 0.05;
const VALUE_MIN = 0.5;
const VALUE_MAX = 2;

/** Weights for anchors in the order they were added (most recent last); `prices[i]` NaN when unknown. */
export function anchorWeights(prices: ArrayLike<number>): Float64Array {
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
    weights[i] = value / (1 + RECENCY_DECAY * (n - 1 - i));
  }
  return weights;
}
