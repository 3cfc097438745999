import { describe, expect, it } from "vitest";
import type { CandidateList } from "../candidates";
import { mergeCandidateLists } from "./merge-cart";

function list(entries: Array<[item: number, score: number, reason: number]>): CandidateList {
  return {
    items: Uint32Array.from(entries, (e) => e[0]),
    scores: Float32Array.from(entries, (e) => e[1]),
    reasons: Uint32Array.from(entries, (e) => e[2]),
  };
}

const never = () => false;

describe("mergeCandidateLists", () => {
  it("sums weighted scores over anchors and ranks, ties by lower item", () => {
    const merged = mergeCandidateLists(
      [
        { list: list([[1, 0.5, 10], [2, 0.25, 11], [3, 0.5, 12]]), weight: 1 },
        { list: list([[2, 0.5, 20], [4, 0.5, 21]]), weight: 0.5 },
      ],
      never,
      10,
    );
    expect(merged.map((m) => [m.item, m.score])).toEqual([[1, 0.5], [2, 0.5], [3, 0.5], [4, 0.25]]);
  });

  it("keeps the reason and anchor of the largest contribution", () => {
    const merged = mergeCandidateLists(
      [
        { list: list([[7, 0.25, 1]]), weight: 1 },
        { list: list([[7, 0.5, 2]]), weight: 1 },
      ],
      never,
      5,
    );
    expect(merged).toEqual([{ item: 7, score: 0.75, reason: 2, anchor: 1 }]);
  });

  it("drops excluded items and stops at the limit", () => {
    const anchors = [{ list: list([[1, 4, 0], [2, 3, 0], [3, 2, 0], [4, 1, 0]]), weight: 1 }];
    expect(mergeCandidateLists(anchors, (i) => i === 2, 2).map((m) => m.item)).toEqual([1, 3]);
    expect(mergeCandidateLists(anchors, never, 0)).toEqual([]);
    expect(mergeCandidateLists([], never, 5)).toEqual([]);
  });

  it("adds the prior once per item, not once per anchor, and lets prior-only items compete", () => {
    const prior = list([[9, 0.6, 99], [1, 0.25, 99], [5, 0.5, 99]]);
    const merged = mergeCandidateLists(
      [
        { list: list([[1, 0.25, 3], [2, 0.5, 3]]), weight: 1 },
        { list: list([[1, 0.25, 4], [5, -0.25, 4]]), weight: 1 },
      ],
      never,
      10,
      prior,
    );
    expect(merged).toEqual([
      { item: 1, score: 0.75, reason: 3, anchor: 0 },
      { item: 9, score: expect.closeTo(0.6, 6), reason: 99, anchor: -1 },
      { item: 2, score: 0.5, reason: 3, anchor: 0 },
      { item: 5, score: 0.25, reason: 99, anchor: -1 },
    ]);
  });

  it("gives the same answer when called again (the scratch table is reset)", () => {
    const anchors = [{ list: list([[3, 1, 0], [8, 2, 0]]), weight: 1 }];
    const first = mergeCandidateLists(anchors, never, 5);
    mergeCandidateLists([{ list: list(Array.from({ length: 500 }, (_, i) => [i, i, 0] as [number, number, number])), weight: 1 }], never, 5);
    expect(mergeCandidateLists(anchors, never, 5)).toEqual(first);
  });
});
