import { describe, expect, it } from "vitest";
import { selectTop, sortByScore } from "./top-k";

function reference(items: number[], scores: number[]): number[] {
  return items.map((item, i) => [item, scores[i]] as const).sort((x, y) => y[1] - x[1] || x[0] - y[0]).map((p) => p[0]);
}

describe("top-k", () => {
  it("sorts by descending score, ties by ascending item", () => {
    let seed = 1;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const length of [0, 1, 5, 24, 25, 100, 1000]) {
      const itemList = Array.from({ length }, (_, i) => (i * 7919) % 1009);
      const scoreList = itemList.map(() => Math.floor(next() * 20));
      const items = Uint32Array.from(itemList);
      const scores = Float64Array.from(scoreList);
      sortByScore(items, scores, 0, length);
      expect([...items]).toEqual(reference(itemList, scoreList));
    }
  });

  it("moves the best k to the front, sorted, and says how many", () => {
    const itemList = Array.from({ length: 300 }, (_, i) => i);
    const scoreList = itemList.map((i) => (i * 37) % 101);
    for (const k of [0, 1, 10, 299, 300, 500]) {
      const items = Uint32Array.from(itemList);
      const scores = Float64Array.from(scoreList);
      const kept = selectTop(items, scores, 300, k);
      expect(kept).toBe(Math.min(k, 300));
      expect([...items.subarray(0, kept)]).toEqual(reference(itemList, scoreList).slice(0, kept));
    }
  });
});
