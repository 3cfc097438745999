import { describe, expect, it } from "vitest";
import { computeCooccurrenceMatrix } from "./cooccurrence";
import { conditionalProbability, cosine, itemSimilarity, jaccard, lift, shrink } from "./item-similarity";
import { testBaskets } from "../../test/fixtures/test-baskets";

// a b c | a b | b c | a | c d : C(a,b) = 2, C(a) = C(b) = C(c) = 3, C(d) = 1, N = 5
const baskets = testBaskets([["a", "b", "c"], ["a", "b"], ["b", "c"], ["a"], ["c", "d"]], ["a", "b", "c", "d"]);
const matrix = computeCooccurrenceMatrix(baskets);

function score(rows: ReturnType<typeof itemSimilarity>, from: number, to: number): number | undefined {
  for (let p = rows.offsets[from]; p < rows.offsets[from + 1]; p++) if (rows.items[p] === to) return rows.scores[p];
  return undefined;
}

describe("similarity formulas", () => {
  it("match hand-computed values", () => {
    expect(jaccard(2, 3, 3)).toBeCloseTo(2 / 4, 12);
    expect(lift(2, 3, 3, 5)).toBeCloseTo(10 / 9, 12);
    expect(cosine(2, 3, 3)).toBeCloseTo(2 / 3, 12);
    expect(conditionalProbability(2, 3)).toBeCloseTo(2 / 3, 12);
    expect(conditionalProbability(1, 1)).toBe(1);
    expect(shrink(2, 2)).toBe(0.5);
    expect(shrink(2, 0)).toBe(1);
  });
});

describe("itemSimilarity", () => {
  it("scores rows with the chosen measure", () => {
    expect(score(itemSimilarity(matrix, "jaccard"), 0, 1)).toBeCloseTo(0.5, 6);
    expect(score(itemSimilarity(matrix, "lift"), 2, 3)).toBeCloseTo((5 * 1) / (3 * 1), 5);
    expect(score(itemSimilarity(matrix, "cosine"), 2, 3)).toBeCloseTo(1 / Math.sqrt(3), 6);
    const p = itemSimilarity(matrix, "conditional_probability");
    expect(score(p, 3, 2)).toBe(1);
    expect(score(p, 2, 3)).toBeCloseTo(1 / 3, 6);
  });

  it("shrinks rare pairs and drops pairs under minCount", () => {
    expect(score(itemSimilarity(matrix, "cosine", { shrinkage: 1 }), 0, 1)).toBeCloseTo((2 / 3) * (2 / 3), 6);
    expect(score(itemSimilarity(matrix, "cosine", { minCount: 2 }), 2, 3)).toBeUndefined();
  });

  it("keeps the top N per item, best first", () => {
    const rows = itemSimilarity(matrix, "lift", { topN: 2 });
    for (let i = 0; i < 4; i++) expect(rows.offsets[i + 1] - rows.offsets[i]).toBeLessThanOrEqual(2);
    // lift from c: d = 5/3, a = 5/9, b = 10/9
    expect([...rows.items.subarray(rows.offsets[2], rows.offsets[3])]).toEqual([3, 1]);
  });
});
