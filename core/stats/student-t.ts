/**
 * @module
 * Student's t distribution with ν degrees of freedom (ν may be fractional, as Welch's is):
 *
 *   P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2)
 *
 * and its quantile by bisection on that (monotone) tail.
 */
import { normalCdf, normalQuantile } from "./normal";
import { regularizedBeta } from "./special-functions";

/** Two-sided tail probability P(|T| > |t|). */
export function tTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  if (!Number.isFinite(df)) return 2 * (1 - normalCdf(Math.abs(t)));
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** t such that P(T <= t) = p. */
export function tQuantile(p: number, df: number): number {
  if (!Number.isFinite(df) || df > 1e7) return normalQuantile(p);
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const tail = 2 * (upper ? 1 - p : p);
  let lo = 0;
  let hi = Math.max(1, Math.abs(normalQuantile(p)) * 2);
  while (tTwoSidedP(hi, df) > tail) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tTwoSidedP(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return upper ? t : -t;
}

