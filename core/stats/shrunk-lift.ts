/**
 * @module
 * Lift by evidence: how much more often a set of items is bought together than chance says, shrunk toward 1 as
 * far as its count is thin. For a set with n orders together against E expected by chance (pairs: E = n_x n_y / N),
 *
 *   n ~ Poisson(lambda E),  lambda ~ Gamma(k, k)  (prior mean 1)      =>  shrunk lift = E[lambda | n] = (n + k) / (E + k)
 *
 * (the gamma-Poisson model of empirical-Bayes disproportionality scores). k is fitted to the shop's own candidate
 * sets by maximum marginal likelihood: n is negative-binomial given E, and since only sets with at least m orders
 * are mined, each likelihood term is conditioned on n >= m. Five orders of two rare items (raw lift 648) shrink
 * to a modest lift; two hundred orders at a raw lift of 4 keep most of it.
 */
import { lnGamma } from "./special-functions";

export interface CountPair {
  /** Orders holding the set. */
  observed: number;
  /** Orders expected to hold it by chance. */
  expected: number;
}

const K_MIN = 1e-2;
const K_MAX = 1e4;

/** ln P(n | E, k) under the negative binomial marginal. */
function logMarginal(n: number, e: number, k: number): number {
  return lnGamma(n + k) - lnGamma(k) - lnGamma(n + 1) + k * Math.log(k / (k + e)) + n * Math.log(e / (k + e));
}

/** ln P(n >= m | E, k). */
function logTail(m: number, e: number, k: number): number {
  let below = 0;
  for (let j = 0; j < m; j++) below += Math.exp(logMarginal(j, e, k));
  return Math.log(Math.max(1e-300, 1 - below));
}

/** The prior strength k that best explains the sets' counts (each counted at least `minCount` times). */
export function fitLiftPrior(sets: readonly CountPair[], minCount = 0): number {
  const usable = sets.filter((s) => s.observed >= minCount && s.expected > 0);
  if (usable.length < 2) return 1;
  const likelihood = (logK: number) => {
    const k = Math.exp(logK);
    let total = 0;
    for (const { observed, expected } of usable) total += logMarginal(observed, expected, k) - (minCount > 0 ? logTail(minCount, expected, k) : 0);
    return total;
  };
  // A log grid, then golden-section search around its best point.
  let lo = Math.log(K_MIN);
  let hi = Math.log(K_MAX);
  const steps = 40;
  let best = lo;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let s = 0; s <= steps; s++) {
    const x = lo + ((hi - lo) * s) / steps;
    const v = likelihood(x);
    if (v > bestValue) {
      bestValue = v;
      best = x;
    }
  }
  const width = (hi - lo) / steps;
  lo = Math.max(Math.log(K_MIN), best - width);
  hi = Math.min(Math.log(K_MAX), best + width);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (likelihood(a) >= likelihood(b)) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/** (n + k) / (E + k). */
export function shrunkLift(observed: number, expected: number, k: number): number {
  return (observed + k) / (expected + k);
}
