/**
 * @module
 * Sample-ratio mismatch: Pearson's chi-square goodness of fit of the units each variant received against the
 * configured weights,
 *
 *   E_i = N w_i / Σw,   X² = Σ (n_i - E_i)² / E_i,   df = k - 1,   p = Q(df/2, X²/2)
 *
 * A tiny p (below 0.001 by default) means assignment or logging is broken and no metric of the test can be trusted.
 */
import { regularizedGammaQ } from "./special-functions";

export interface SrmCheck {
  observed: number[];
  expected: number[];
  chiSquare: number;
  df: number;
  p: number;
  threshold: number;
  /** True when p >= threshold (no mismatch detected). */
  passed: boolean;
}

export const SRM_THRESHOLD = 0.001;

function chiSquareGoodnessOfFit(observed: readonly number[], weights: readonly number[]): { chiSquare: number; df: number; p: number; expected: number[] } {
  const total = observed.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const expected = weights.map((w) => (total * w) / weightSum);
  let chiSquare = 0;
  for (let i = 0; i < observed.length; i++) {
    if (expected[i] > 0) chiSquare += (observed[i] - expected[i]) ** 2 / expected[i];
  }
  const df = observed.length - 1;
  const p = df > 0 && total > 0 ? regularizedGammaQ(df / 2, chiSquare / 2) : 1;
  return { chiSquare, df, p, expected };
}

export function sampleRatioMismatch(observed: readonly number[], weights: readonly number[], threshold = SRM_THRESHOLD): SrmCheck {
  const fit = chiSquareGoodnessOfFit(observed, weights);
  return { observed: [...observed], expected: fit.expected, chiSquare: fit.chiSquare, df: fit.df, p: fit.p, threshold, passed: fit.p >= threshold };
}
