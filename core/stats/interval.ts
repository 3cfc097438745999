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

