/**
 * @module
 * Neighbourhood EASE: Steck's EASE ("Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019) with each
 * column solved on the item's M most co-occurring items instead of the whole catalogue, so it scales to any
 * number of items.
 *
 * EASE's column j is the ridge regression of item j on every other item,
 *   b_j = argmin ||x_j - X_{-j} b||^2 + lambda ||b||^2 = (G_{-j,-j} + lambda I)^-1 G_{-j,j},   G = X'X,
 * and a basket's score for j is sum over its items a of b_j[a]. Here the regressors are S_j = the M items with
 * the largest C(j, s), plus (optionally) a constant column, the intercept b0_j:
 *
 *   [ G_SS + lambda I   d_S       ] [ b_j  ]   [ G_Sj ]
 *   [ d_S'              N + mu    ] [ b0_j ] = [ d_j  ]      d = item frequencies, N = baskets, mu = 1,
 *
 * solved by Cholesky. With the constant column last, the leading block of the factor is the factor of the
 * no-intercept system, so one factorisation gives both variants. Cost per item O(M * rowLength + M^3 / 6).
 */
import type { CooccurrenceMatrix } from "./cooccurrence";

export interface NeighbourhoodEaseOptions {
  /** L2 weight lambda on the item weights. */
  lambda: number;
  /** Regressors per item, M (default 64). */
  neighbours?: number;
  /** Only items with `include[j]` get a column (default all): the others stay empty. */
  include?: (item: number) => boolean;
}

/** Weights of one variant: column j (target j) has weights[offsets[j] .. offsets[j+1]) on regressors[...]. */
interface EaseColumns {
  offsets: Uint32Array;
  regressors: Uint32Array;
  weights: Float32Array;
  /** b0_j; all zero for the variant without intercept. */
  intercept: Float32Array;
}

export interface NeighbourhoodEase {
  lambda: number;
  neighbours: number;
  withIntercept: EaseColumns;
  withoutIntercept: EaseColumns;
}

const INTERCEPT_PENALTY = 1;

export function fitNeighbourhoodEase(matrix: CooccurrenceMatrix, options: NeighbourhoodEaseOptions): NeighbourhoodEase {
  const n = matrix.items;
  const m = Math.max(1, options.neighbours ?? 64);
  const lambda = options.lambda;
  const { offsets: rows, neighbours, counts, frequency } = matrix;
  const include = options.include;

  const offsets = new Uint32Array(n + 1);
  for (let j = 0; j < n; j++) {
    const k = include === undefined || include(j) ? Math.min(m, rows[j + 1] - rows[j]) : 0;
    offsets[j + 1] = offsets[j] + k;
  }
  const total = offsets[n];
  const regressors = new Uint32Array(total);
  const with_ = new Float32Array(total);
  const without = new Float32Array(total);
  const intercept = new Float32Array(n);
  const zeroIntercept = new Float32Array(n);

  const size = m + 1;
  const a = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  const y = new Float64Array(size);
  const position = new Int32Array(n).fill(-1);
  const baskets = matrix.baskets;

  for (let j = 0; j < n; j++) {
    const k = offsets[j + 1] - offsets[j];
    const base = offsets[j];
    if (k === 0) {
      intercept[j] = frequency[j] / (baskets + INTERCEPT_PENALTY);
      continue;
    }
    const dim = k + 1;
    const row = rows[j];
    for (let p = 0; p < k; p++) {
      regressors[base + p] = neighbours[row + p];
      position[neighbours[row + p]] = p;
    }
    a.fill(0, 0, dim * dim);
    for (let p = 0; p < k; p++) {
      const s = regressors[base + p];
      a[p * dim + p] = frequency[s] + lambda;
      a[p * dim + k] = frequency[s];
      a[k * dim + p] = frequency[s];
      rhs[p] = counts[row + p];
      for (let q = rows[s]; q < rows[s + 1]; q++) {
        const t = position[neighbours[q]];
        if (t >= 0) {
          a[p * dim + t] = counts[q];
          a[t * dim + p] = counts[q];
        }
      }
    }
    a[k * dim + k] = baskets + INTERCEPT_PENALTY;
    rhs[k] = frequency[j];
    for (let p = 0; p < k; p++) position[regressors[base + p]] = -1;

    choleskyInPlace(a, dim, lambda);
    // Without intercept: the leading k x k block of the factor.
    solveCholesky(a, dim, k, rhs, y);
    for (let p = 0; p < k; p++) without[base + p] = y[p];
    solveCholesky(a, dim, dim, rhs, y);
    for (let p = 0; p < k; p++) with_[base + p] = y[p];
    intercept[j] = y[k];
  }
  return {
    lambda,
    neighbours: m,
    withIntercept: { offsets, regressors, weights: with_, intercept },
    withoutIntercept: { offsets, regressors, weights: without, intercept: zeroIntercept },
  };
}

/**
 * Lower Cholesky factor L (A = L L') over the lower triangle of the dim x dim row-major `a`, in place. A pivot
 * that is not safely positive (possible when truncated rows leave holes in G_SS) is lifted to `floor`.
 */
function choleskyInPlace(a: Float64Array, dim: number, floor: number): void {
  for (let i = 0; i < dim; i++) {
    const ri = i * dim;
    for (let j = 0; j <= i; j++) {
      const rj = j * dim;
      let sum = a[ri + j];
      for (let q = 0; q < j; q++) sum -= a[ri + q] * a[rj + q];
      if (i === j) {
        a[ri + i] = Math.sqrt(sum > 1e-9 * floor ? sum : Math.max(floor, 1e-12));
      } else {
        a[ri + j] = sum / a[rj + j];
      }
    }
  }
}

/** Solves (L L') x = b for the leading `dim` rows of the factor (row stride `stride`); x goes to `out`. */
function solveCholesky(l: Float64Array, stride: number, dim: number, b: Float64Array, out: Float64Array): void {
  for (let i = 0; i < dim; i++) {
    let sum = b[i];
    const ri = i * stride;
    for (let q = 0; q < i; q++) sum -= l[ri + q] * out[q];
    out[i] = sum / l[ri + i];
  }
  for (let i = dim - 1; i >= 0; i--) {
    let sum = out[i];
    for (let q = i + 1; q < dim; q++) sum -= l[q * stride + i] * out[q];
    out[i] = sum / l[i * stride + i];
  }
}
