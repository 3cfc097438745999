import { describe, expect, it } from "vitest";
import { bestOfEachRow } from "./item-rows";

describe("bestOfEachRow", () => {
  it("keeps the best pairs of each row, best first, ties by item, empty rows empty", () => {
    const rows = bestOfEachRow(
      [
        [
          [2, 0.5],
          [1, 0.9],
          [3, 0.5],
          [0, 0.1],
        ],
        [],
        [[0, 0.3]],
        [],
      ],
      3,
    );
    expect([...rows.offsets]).toEqual([0, 3, 3, 4, 4]);
    expect([...rows.items]).toEqual([1, 2, 3, 0]);
    expect([...rows.scores]).toEqual([Math.fround(0.9), 0.5, 0.5, Math.fround(0.3)]);
  });
});
