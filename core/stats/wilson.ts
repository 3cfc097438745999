/**
 * @module
 * The Wilson score interval for a proportion p̂ = x / n:
 *
 *   (p̂ + z²/2n ± z √(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n)
 *
 * It stays inside [0, 1] and keeps its coverage near 0 and 1 and for small n, where the Wald interval fails.
 */
import { DEFAULT_LEVEL, type Interval } from "./interval";
import { twoSidedZ } from "./normal";

export function wilsonInterval(successes: number, trials: number, level = DEFAULT_LEVEL): Interval {
  if (trials <= 0) return { estimate: Number.NaN, lower: 0, upper: 1 };
  const z = twoSidedZ(level);
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { estimate: p, lower: successes <= 0 ? 0 : Math.max(0, centre - half), upper: successes >= trials ? 1 : Math.min(1, centre + half) };
}
