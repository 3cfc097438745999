/**
 * @module
 * Which spec classes of one block (a category and a fit) can appear in each other's ladders and similar lists:
 * for every class A, the classes B with D(A, B) <= maxDistance, ascending by distance, A itself included when its
 * distance to itself is defined.
 *
 * Exact up to `exactLimit` classes: every pair whose price ranges can meet (some anchor price p in A and some
 * candidate price q in B with lowRatio * p <= q < highRatio * p) is measured, the others cannot appear. Above it
 * the C^2 pairs cost too much, and the lists come from an approximate k-nearest-neighbour graph (NN-descent, Dong,
 * Moses & Li, WWW 2011): each class's `k` nearest by D, united with the classes that count it among theirs, so
 * a list may miss a close class (the recall against the exact lists is measured by `npm run bench:downsell`).
 */
import { Rng } from "../../core/random/rng";
import { type Specs, specDistance } from "./spec-distance";

export interface ClassPrices {
  /** Lowest and highest anchor price per class (every member). */
  anchorMin: Float64Array;
  anchorMax: Float64Array;
  /** Lowest and highest candidate price per class (sellable members; NaN when it has none). */
  candidateMin: Float64Array;
  candidateMax: Float64Array;
}

export interface NeighbourOptions {
  maxDistance: number;
  /** Candidate prices q of an anchor priced p lie in [lowRatio p, highRatio p). */
  lowRatio: number;
  highRatio: number;
  /** Blocks with more classes than this use the approximate graph (default 10,000). */
  exactLimit?: number;
  /** Neighbours per class in the approximate graph (default 32). */
  k?: number;
  seed?: number;
}

export interface ClassNeighbours {
  /** Class A's neighbours are classes[offsets[A] .. offsets[A+1]) at distances[...], ascending by distance. */
  offsets: Uint32Array;
  classes: Uint32Array;
  distances: Float64Array;
  approximate: boolean;
}

export const EXACT_CLASS_LIMIT = 10_000;
const GRAPH_K = 32;

export function classNeighbours(specs: readonly Specs[], prices: ClassPrices, options: NeighbourOptions): ClassNeighbours {
  const c = specs.length;
  const { maxDistance, lowRatio, highRatio } = options;
  /** True when some candidate of b can sit in the window of some anchor of a. */
  const meets = (a: number, b: number) =>
    !Number.isNaN(prices.candidateMin[b]) && prices.candidateMax[b] >= prices.anchorMin[a] * lowRatio && prices.candidateMin[b] < prices.anchorMax[a] * highRatio + 1e-9;
  const lists: Array<Array<[number, number]>> = Array.from({ length: c }, () => []);
  const approximate = c > (options.exactLimit ?? EXACT_CLASS_LIMIT);
  const keep = (a: number, b: number, d: number) => {
    if (d <= maxDistance) {
      if (meets(a, b)) lists[a].push([b, d]);
      if (a !== b && meets(b, a)) lists[b].push([a, d]);
    }
  };
  if (!approximate) {
    for (let a = 0; a < c; a++) {
      for (let b = a; b < c; b++) if (meets(a, b) || (a !== b && meets(b, a))) keep(a, b, specDistance(specs[a], specs[b]));
    }
  } else {
    const related = (a: number, b: number) => meets(a, b) || meets(b, a);
    const graph = nearestNeighbourGraph(specs, related, options.k ?? GRAPH_K, new Rng(options.seed ?? 1, "class-neighbours"));
    const seen = new Set<number>();
    for (let a = 0; a < c; a++) {
      keep(a, a, specDistance(specs[a], specs[a]));
      for (let x = a * graph.k; x < (a + 1) * graph.k; x++) {
        const b = graph.neighbours[x];
        if (b < 0 || b === a) continue;
        const pair = Math.min(a, b) * c + Math.max(a, b);
        if (seen.has(pair)) continue;
        seen.add(pair);
        keep(a, b, graph.distances[x]);
      }
    }
  }
  const offsets = new Uint32Array(c + 1);
  for (let a = 0; a < c; a++) offsets[a + 1] = offsets[a] + lists[a].length;
  const classes = new Uint32Array(offsets[c]);
  const distances = new Float64Array(offsets[c]);
  for (let a = 0; a < c; a++) {
    const list = lists[a].sort((x, y) => x[1] - y[1] || x[0] - y[0]);
    for (let i = 0; i < list.length; i++) {
      classes[offsets[a] + i] = list[i][0];
      distances[offsets[a] + i] = list[i][1];
    }
  }
  return { offsets, classes, distances, approximate };
}

interface Graph {
  k: number;
  /** Row a: neighbours[a k .. (a+1) k), -1 where empty, ascending by distance. */
  neighbours: Int32Array;
  distances: Float64Array;
}

/**
 * NN-descent: start from k random neighbours per node; repeatedly let each node's neighbours (and the nodes
 * that list it) meet each other, keeping any closer pair found, until fewer than 0.1% of the k n entries change.
 * Undefined distances (too few shared specs) and classes whose prices never meet count as infinitely far.
 */
function nearestNeighbourGraph(specs: readonly Specs[], related: (a: number, b: number) => boolean, requestedK: number, rng: Rng): Graph {
  const n = specs.length;
  const k = Math.min(requestedK, n - 1);
  const neighbours = new Int32Array(n * k).fill(-1);
  const distances = new Float64Array(n * k).fill(Number.POSITIVE_INFINITY);
  const fresh = new Uint8Array(n * k);
  const distance = (a: number, b: number) => {
    if (!related(a, b)) return Number.POSITIVE_INFINITY;
    const d = specDistance(specs[a], specs[b]);
    return Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  };
  /** Inserts b into a's row when closer than its farthest; returns 1 when the row changed. */
  const update = (a: number, b: number, d: number): number => {
    const row = a * k;
    if (!(d < distances[row + k - 1]) && neighbours[row + k - 1] >= 0) return 0;
    for (let x = row; x < row + k; x++) if (neighbours[x] === b) return 0;
    let x = row + k - 1;
    while (x > row && (neighbours[x - 1] < 0 || distances[x - 1] > d)) {
      neighbours[x] = neighbours[x - 1];
      distances[x] = distances[x - 1];
      fresh[x] = fresh[x - 1];
      x--;
    }
    neighbours[x] = b;
    distances[x] = d;
    fresh[x] = 1;
    return 1;
  };
  for (let a = 0; a < n; a++) {
    for (let t = 0; t < k; t++) {
      let b = rng.int(n - 1);
      if (b >= a) b++;
      update(a, b, distance(a, b));
    }
  }
  const sample = Math.max(1, Math.ceil(k / 2));
  for (let round = 0; round < 12; round++) {
    const olds: number[][] = Array.from({ length: n }, () => []);
    const news: number[][] = Array.from({ length: n }, () => []);
    for (let a = 0; a < n; a++) {
      let taken = 0;
      for (let x = a * k; x < (a + 1) * k; x++) {
        const b = neighbours[x];
        if (b < 0) continue;
        if (fresh[x] === 1 && taken < sample) {
          fresh[x] = 0;
          taken++;
          news[a].push(b);
          news[b].push(a);
        } else if (fresh[x] === 0) {
          olds[a].push(b);
          olds[b].push(a);
        }
      }
    }
    let changes = 0;
    for (let a = 0; a < n; a++) {
      const nw = dedupe(news[a], sample * 2, rng);
      const od = dedupe(olds[a], sample * 2, rng);
      for (let i = 0; i < nw.length; i++) {
        for (let j = i + 1; j < nw.length; j++) {
          const d = distance(nw[i], nw[j]);
          changes += update(nw[i], nw[j], d) + update(nw[j], nw[i], d);
        }
        for (const o of od) {
          if (o === nw[i]) continue;
          const d = distance(nw[i], o);
          changes += update(nw[i], o, d) + update(o, nw[i], d);
        }
      }
    }
    if (changes <= 0.001 * n * k) break;
  }
  return { k, neighbours, distances };
}

/** The distinct values of `values`, at most `limit` of them drawn at random. */
function dedupe(values: number[], limit: number, rng: Rng): number[] {
  const distinct = [...new Set(values)];
  for (let i = distinct.length - 1; i > 0 && distinct.length > limit; i--) {
    const j = rng.int(i + 1);
    [distinct[i], distinct[j]] = [distinct[j], distinct[i]];
  }
  return distinct.length > limit ? distinct.slice(0, limit) : distinct;
}
