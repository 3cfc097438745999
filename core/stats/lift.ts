/**
 * @module
 * Lift of a treatment B over the control A, absolute and relative, with intervals.
 *
 * Rates p = x / n:
 *   absolute  d = p_B - p_A, Newcombe's hybrid score interval from the two Wilson intervals (l, u):
 *             [d - √((p_B - l_B)² + (u_A - p_A)²),  d + √((u_B - p_B)² + (p_A - l_A)²)]
 *   relative  r = p_B / p_A - 1, Katz log interval: ln(p_B/p_A) ± z √(1/x_B - 1/n_B + 1/x_A - 1/n_A)
 *   p-value   pooled two-proportion z test: z = d / √(p̄(1-p̄)(1/n_A + 1/n_B)), p̄ = (x_A + x_B)/(n_A + n_B)
 *
 * Means (money per session or per order):
 *   absolute  Welch's interval (welch.ts)
 *   relative  r = x̄_B / x̄_A - 1, delta method on the log ratio: ln(x̄_B/x̄_A) ± z √(s²_B/(n_B x̄_B²) + s²_A/(n_A x̄_A²))
 */
import { DEFAULT_LEVEL, type Interval } from "./interval";
import { mean, type Moments, sampleVariance } from "./moments";
import { normalCdf, twoSidedZ } from "./normal";
import { welchInterval } from "./welch";
import { wilsonInterval } from "./wilson";

export interface Lift {
  absolute: Interval;
  relative: Interval;
  /** Two-sided p-value of "no difference". */
  p: number;
}

export interface Proportion {
  successes: number;
  trials: number;
}

const NO_INTERVAL: Interval = { estimate: Number.NaN, lower: Number.NaN, upper: Number.NaN };

export function rateLift(control: Proportion, treatment: Proportion, level = DEFAULT_LEVEL): Lift {
  const { successes: xa, trials: na } = control;
  const { successes: xb, trials: nb } = treatment;
  if (na <= 0 || nb <= 0) return { absolute: NO_INTERVAL, relative: NO_INTERVAL, p: Number.NaN };
  const pa = xa / na;
  const pb = xb / nb;
  const wa = wilsonInterval(xa, na, level);
  const wb = wilsonInterval(xb, nb, level);
  const d = pb - pa;
  const absolute = { estimate: d, lower: d - Math.hypot(pb - wb.lower, wa.upper - pa), upper: d + Math.hypot(wb.upper - pb, pa - wa.lower) };

  let relative = NO_INTERVAL;
  if (xa > 0 && xb > 0) {
    const logRatio = Math.log(pb / pa);
    const se = Math.sqrt(1 / xb - 1 / nb + 1 / xa - 1 / na);
    const z = twoSidedZ(level);
    relative = { estimate: pb / pa - 1, lower: Math.exp(logRatio - z * se) - 1, upper: Math.exp(logRatio + z * se) - 1 };
  } else if (xa > 0) {
    relative = { estimate: -1, lower: -1, upper: Number.NaN };
  }

  const pooled = (xa + xb) / (na + nb);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  const p = se0 > 0 ? 2 * (1 - normalCdf(Math.abs(d) / se0)) : d === 0 ? 1 : 0;
  return { absolute, relative, p };
}

export function meanLift(control: Moments, treatment: Moments, level = DEFAULT_LEVEL): Lift {
  if (control.n < 2 || treatment.n < 2) return { absolute: NO_INTERVAL, relative: NO_INTERVAL, p: Number.NaN };
  const welch = welchInterval(control, treatment, level);
  const ma = mean(control);
  const mb = mean(treatment);
  let relative = NO_INTERVAL;
  if (ma > 0 && mb > 0) {
    const logRatio = Math.log(mb / ma);
    const se = Math.sqrt(sampleVariance(treatment) / (treatment.n * mb * mb) + sampleVariance(control) / (control.n * ma * ma));
    const z = twoSidedZ(level);
    relative = { estimate: mb / ma - 1, lower: Math.exp(logRatio - z * se) - 1, upper: Math.exp(logRatio + z * se) - 1 };
  }
  return { absolute: { estimate: welch.estimate, lower: welch.lower, upper: welch.upper }, relative, p: welch.p };
}
