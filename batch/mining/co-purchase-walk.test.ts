import { describe, expect, it } from "vitest";
import { computeCooccurrenceMatrix } from "./cooccurrence";
import { coPurchaseWalk, coPurchaseWalks } from "./co-purchase-walk";
import type { ItemRows } from "./item-rows";
import { testBaskets } from "../../test/fixtures/test-baskets";

function row(rows: ItemRows, a: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (let p = rows.offsets[a]; p < rows.offsets[a + 1]; p++) out[rows.items[p]] = rows.scores[p];
  return out;
}

describe("coPurchaseWalk", () => {
  // A chain a - b - c - d, plus b - e twice.
  const baskets = testBaskets([["a", "b"], ["b", "c"], ["c", "d"], ["b", "e"], ["b", "e"]], ["a", "b", "c", "d", "e"]);
  const matrix = computeCooccurrenceMatrix(baskets);

  it("sums P(s | a) P(j | s) over the middle item, excluding a itself, scaled to the row maximum", () => {
    // From a: a -> b (1), then b -> c (1/4), b -> e (2/4).
    expect(row(coPurchaseWalk(matrix), 0)).toEqual({ 4: 1, 2: 0.5 });
    // From d: d -> c (1), then c -> b (1/2); c -> d is d itself.
    expect(row(coPurchaseWalk(matrix), 3)).toEqual({ 1: 1 });
    // From c: c -> b (1/2) then b -> a (1/4), b -> e (1/2); c -> d (1/2) then d -> c is c itself.
    expect(row(coPurchaseWalk(matrix), 2)).toEqual({ 4: 1, 0: 0.5 });
  });

  it("re-ranks by popularity with beta: W(a, j) d_j^-beta", () => {
    const [plain, favourPopular] = coPurchaseWalks(matrix, [0, -1]);
    expect(row(plain, 0)).toEqual({ 4: 1, 2: 0.5 });
    // d_e = 2, d_c = 2: both scale by 2, the row keeps its shape.
    expect(row(favourPopular, 0)).toEqual({ 4: 1, 2: 0.5 });
    const [, rare] = coPurchaseWalks(matrix, [0, 1]);
    // From c: e (d = 2) 1/4 / 2, a (d = 1) 1/8 / 1: equal after the popularity penalty.
    expect(row(rare, 2)).toEqual({ 0: 1, 4: 1 });
  });

  it("keeps the top N", () => {
    const rows = coPurchaseWalk(matrix, { topN: 1 });
    expect(row(rows, 0)).toEqual({ 4: 1 });
  });
});
