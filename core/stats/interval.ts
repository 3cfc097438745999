/**
 * @module
 * A point estimate with a two-sided confidence interval.
 */
export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

export const DEFAULT_LEVEL = 0.95;

/** Whether the interval excludes zero: a significant difference at its level. */
export function excludesZero(interval: Interval): boolean {
  return interval.lower > 0 || interval.upper < 0;
}
