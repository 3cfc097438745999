import { describe, expect, it } from "vitest";
import { computeCooccurrenceMatrix, cooccurrenceCount, timeDecayWeights } from "./cooccurrence";
import { testBaskets } from "../../test/fixtures/test-baskets";

// a b c | a b | b c | a | c d
const baskets = testBaskets([["a", "b", "c"], ["a", "b"], ["b", "c"], ["a"], ["c", "d"]], ["a", "b", "c", "d"]);
const [a, b, c, d] = [0, 1, 2, 3];

describe("computeCooccurrenceMatrix", () => {
  const m = computeCooccurrenceMatrix(baskets);

  it("counts baskets holding both items, and item frequencies on the diagonal", () => {
    expect(cooccurrenceCount(m, a, b)).toBe(2);
    expect(cooccurrenceCount(m, b, a)).toBe(2);
    expect(cooccurrenceCount(m, a, c)).toBe(1);
    expect(cooccurrenceCount(m, b, c)).toBe(2);
    expect(cooccurrenceCount(m, c, d)).toBe(1);
    expect(cooccurrenceCount(m, a, d)).toBe(0);
    expect([...m.frequency]).toEqual([3, 3, 3, 1]);
    expect([...m.rowTotals]).toEqual([3, 4, 4, 1]);
    expect(m.baskets).toBe(5);
    expect(m.truncated).toBe(false);
  });

  it("orders each row by descending count, ties by index", () => {
    const row = (i: number) => [...m.neighbours.subarray(m.offsets[i], m.offsets[i + 1])];
    expect(row(b)).toEqual([a, c]);
    expect(row(c)).toEqual([b, a, d]);
  });

  it("keeps the top maxPerItem neighbours but totals over the whole row", () => {
    const cut = computeCooccurrenceMatrix(baskets, { maxPerItem: 1 });
    expect([...cut.neighbours.subarray(cut.offsets[c], cut.offsets[c + 1])]).toEqual([b]);
    expect(cut.rowTotals[c]).toBe(4);
    expect(cut.truncated).toBe(true);
  });

  it("weights baskets", () => {
    const weighted = computeCooccurrenceMatrix(baskets, { basketWeights: [2, 1, 1, 1, 0.5] });
    expect(cooccurrenceCount(weighted, a, b)).toBe(3);
    expect(cooccurrenceCount(weighted, c, d)).toBe(0.5);
    expect(weighted.frequency[a]).toBe(4);
    expect(weighted.baskets).toBe(5.5);
  });

  it("skips pairs of baskets above maxBasketSize", () => {
    const big = computeCooccurrenceMatrix(baskets, { maxBasketSize: 2 });
    expect(cooccurrenceCount(big, a, c)).toBe(0);
    expect(cooccurrenceCount(big, a, b)).toBe(1);
    expect(big.frequency[a]).toBe(3);
  });
});

describe("timeDecayWeights", () => {
  it("halves the weight every half-life before the latest basket", () => {
    const w = timeDecayWeights(Float64Array.from([0, 10, 20, Number.NaN]), 10);
    expect([...w]).toEqual([0.25, 0.5, 1, 1]);
  });
});
