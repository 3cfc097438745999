import { describe, expect, it } from "vitest";
import { computeCooccurrenceMatrix } from "./cooccurrence";
import { fitNeighbourhoodEase } from "./neighbourhood-ease";
import { testBaskets } from "../../test/fixtures/test-baskets";

/** Gauss-Jordan inverse of a small dense matrix. */
function inverse(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    const p = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(n));
}

// Every pair of the 5 items meets somewhere, so each item's neighbourhood is the whole catalogue.
const ORDERS = [
  ["a", "b", "c"], ["a", "b"], ["b", "c", "d"], ["a", "d", "e"], ["c", "e"], ["b", "e"], ["a", "c", "d", "e"],
  ["a"], ["b", "d"], ["c", "d"], ["a", "b", "e"], ["d", "e"], ["a", "c"], ["b", "c", "e"],
];
const IDS = ["a", "b", "c", "d", "e"];
const baskets = testBaskets(ORDERS, IDS);
const n = IDS.length;

function gram(): number[][] {
  const g = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const order of ORDERS) for (const x of order) for (const y of order) g[IDS.indexOf(x)][IDS.indexOf(y)]++;
  return g;
}

function weight(columns: ReturnType<typeof fitNeighbourhoodEase>["withoutIntercept"], anchor: number, target: number): number {
  for (let p = columns.offsets[target]; p < columns.offsets[target + 1]; p++) if (columns.regressors[p] === anchor) return columns.weights[p];
  return 0;
}

describe("fitNeighbourhoodEase", () => {
  const lambda = 2;
  const fit = fitNeighbourhoodEase(computeCooccurrenceMatrix(baskets), { lambda, neighbours: 64 });

  it("equals EASE's closed form B = I - P / diag(P), P = (G + lambda I)^-1, when M covers the catalogue", () => {
    const g = gram();
    const p = inverse(g.map((row, i) => row.map((v, j) => v + (i === j ? lambda : 0))));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i !== j) expect(weight(fit.withoutIntercept, i, j)).toBeCloseTo(-p[i][j] / p[j][j], 5);
      }
    }
  });

  it("with intercept, equals EASE on the items plus a constant column (penalty 1)", () => {
    const g = gram();
    const size = n + 1;
    const a = Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => {
        if (i < n && j < n) return g[i][j] + (i === j ? lambda : 0);
        if (i === n && j === n) return ORDERS.length + 1;
        return g[Math.min(i, j)][Math.min(i, j)];
      }),
    );
    const p = inverse(a);
    for (let j = 0; j < n; j++) {
      expect(fit.withIntercept.intercept[j]).toBeCloseTo(-p[n][j] / p[j][j], 5);
      for (let i = 0; i < n; i++) if (i !== j) expect(weight(fit.withIntercept, i, j)).toBeCloseTo(-p[i][j] / p[j][j], 5);
    }
    for (let j = 0; j < n; j++) expect(fit.withoutIntercept.intercept[j]).toBe(0);
  });

  it("regresses each item on its M most co-occurring items only", () => {
    const small = fitNeighbourhoodEase(computeCooccurrenceMatrix(baskets), { lambda, neighbours: 2 });
    const matrix = computeCooccurrenceMatrix(baskets);
    for (let j = 0; j < n; j++) {
      const regressors = [...small.withoutIntercept.regressors.subarray(small.withoutIntercept.offsets[j], small.withoutIntercept.offsets[j + 1])];
      expect(regressors).toEqual([...matrix.neighbours.subarray(matrix.offsets[j], matrix.offsets[j] + 2)]);
    }
  });

  it("gives an item without co-occurrences only its base rate", () => {
    const lonely = testBaskets([["a", "b"], ["c"], ["a"]]);
    const f = fitNeighbourhoodEase(computeCooccurrenceMatrix(lonely), { lambda: 1 });
    expect(f.withIntercept.offsets[3] - f.withIntercept.offsets[2]).toBe(0);
    expect(f.withIntercept.intercept[2]).toBeCloseTo(1 / 4, 6);
  });
});
