import { describe, expect, it } from "vitest";
import type { ItemSequence } from "../io/read-sequences";
import { ItemKnnBaseline, PopularityBaseline, SessionIndex, VsknnBaseline } from "./next-item-baselines";

// Four training sessions, oldest first (times 1..4); items first seen in the order A, B, C, D, E.
const sessions: ItemSequence[] = [
  { id: "s0", items: ["A", "B", "C"], time: 1 },
  { id: "s1", items: ["A", "C", "A"], time: 2 },
  { id: "s2", items: ["B", "D"], time: 3 },
  { id: "s3", items: ["C", "D", "E"], time: 4 },
];
const index = new SessionIndex(sessions);

describe("next-item baselines on a hand-computed example", () => {
  it("popularity: sessions holding each item (C 3; A, B, D 2; E 1), never a prefix item", () => {
    expect(new PopularityBaseline(index).recommend(["A"], 10)).toEqual(["C", "B", "D", "E"]);
  });

  it("item-kNN on the last item: cos(A, C) = 2 / sqrt(2 * 3) beats cos(A, B) = 1 / sqrt(2 * 2)", () => {
    const knn = new ItemKnnBaseline(index);
    expect(knn.recommend(["A"], 10)).toEqual(["C", "B"]);
    expect(knn.recommend(["B", "A"], 10)).toEqual(["C"]);
    expect(knn.recommend(["unknown"], 10)).toEqual([]);
  });

  it("V-SKNN: prefix (A, D) weighs A 1/2 and D 1; sims s0 = s1 = 1/4, s2 = s3 = 1/2; C = 1, B = 3/4, E = 1/2", () => {
    expect(new VsknnBaseline(index).recommend(["A", "D"], 10)).toEqual(["C", "B", "E"]);
  });

  it("V-SKNN keeps the k most similar sessions, the more recent on ties, and samples the most recent sessions", () => {
    // k = 2: s3 and s2 (both 1/2) -> B, C, E score 1/2 each, ties by first appearance
    expect(new VsknnBaseline(index, { k: 2, sample: 500 }).recommend(["A", "D"], 10)).toEqual(["B", "C", "E"]);
    // k = 1: s3 (time 4) wins the tie with s2 (time 3)
    expect(new VsknnBaseline(index, { k: 1, sample: 500 }).recommend(["A", "D"], 10)).toEqual(["C", "E"]);
    // sample = 1: only the most recent session holding A or D (s3) is a candidate
    expect(new VsknnBaseline(index, { k: 100, sample: 1 }).recommend(["A", "D"], 10)).toEqual(["C", "E"]);
  });
});
