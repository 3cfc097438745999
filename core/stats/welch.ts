/**
 * @module
 * Welch's t interval for a difference of means with unequal variances:
 *
 *   Δ = x̄_B - x̄_A,   se = √(s²_A/n_A + s²_B/n_B),
 *   ν = se⁴ / ((s²_A/n_A)² / (n_A - 1) + (s²_B/n_B)² / (n_B - 1))      (Welch-Satterthwaite)
 *   Δ ± t_{ν, 1-α/2} se
 *
 * and the one-sample interval x̄ ± t_{n-1} s/√n.
 */
import { DEFAULT_LEVEL, type Interval } from "./interval";
import { mean, type Moments, sampleVariance } from "./moments";
import { tQuantile, tTwoSidedP } from "./student-t";

export interface WelchResult extends Interval {
  standardError: number;
  df: number;
  /** Two-sided p-value of H0: equal means. */
  p: number;
}

export function welchInterval(a: Moments, b: Moments, level = DEFAULT_LEVEL): WelchResult {
  const va = sampleVariance(a) / a.n;
  const vb = sampleVariance(b) / b.n;
  const diff = mean(b) - mean(a);
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) {
    return { estimate: diff, lower: Number.isFinite(diff) ? diff : Number.NaN, upper: Number.isFinite(diff) ? diff : Number.NaN, standardError: se, df: Number.NaN, p: Number.isFinite(diff) && diff !== 0 ? 0 : 1 };
  }
  const df = (se ** 4) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const t = tQuantile(1 - (1 - level) / 2, df);
  return { estimate: diff, lower: diff - t * se, upper: diff + t * se, standardError: se, df, p: tTwoSidedP(diff / se, df) };
}

export function meanInterval(m: Moments, level = DEFAULT_LEVEL): Interval {
  const mu = mean(m);
  if (m.n < 2) return { estimate: mu, lower: Number.NaN, upper: Number.NaN };
  const half = tQuantile(1 - (1 - level) / 2, m.n - 1) * Math.sqrt(sampleVariance(m) / m.n);
  return { estimate: mu, lower: mu - half, upper: mu + half };
}
