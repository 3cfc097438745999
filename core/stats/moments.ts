/**
 * @module
 * Sufficient statistics of a sample (n, Σx, Σx²), which D1 can sum in SQL, and the mean and unbiased variance
 * they give: x̄ = Σx / n, s² = (Σx² - n x̄²) / (n - 1).
 */
export interface Moments {
  n: number;
  sum: number;
  sumSquares: number;
}

export function mean(m: Moments): number {
  return m.n > 0 ? m.sum / m.n : Number.NaN;
}

export function sampleVariance(m: Moments): number {
  if (m.n < 2) return Number.NaN;
  const mu = m.sum / m.n;
  return Math.max(0, (m.sumSquares - m.n * mu * mu) / (m.n - 1));
}

export function momentsOf(values: Iterable<number>): Moments {
  const m: Moments = { n: 0, sum: 0, sumSquares: 0 };
  for (const x of values) {
    m.n++;
    m.sum += x;
    m.sumSquares += x * x;
  }
  return m;
}

