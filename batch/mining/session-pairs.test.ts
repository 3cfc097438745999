import { describe, expect, it } from "vitest";
import type { ItemRows } from "./item-rows";
import { sequenceColumns } from "./sequence-columns";
import { computeSessionPairs } from "./session-pairs";

const index = new Map([["a", 0], ["b", 1], ["c", 2], ["d", 3]]);
const sessions = [
  { id: "0", items: ["a", "b", "c"], time: Number.NaN },
  { id: "1", items: ["b", "b", "c", "x"], time: Number.NaN },
  { id: "2", items: ["a", "c", "a"], time: Number.NaN },
];

function row(rows: ItemRows, a: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (let p = rows.offsets[a]; p < rows.offsets[a + 1]; p++) out[rows.items[p]] = rows.scores[p];
  return out;
}

describe("session pairs", () => {
  it("collapses a repeat of the item just before and drops unknown ids, keeping later returns", () => {
    const columns = sequenceColumns(sessions, index);
    expect([...columns.offsets]).toEqual([0, 3, 5, 8]);
    expect([...columns.items]).toEqual([0, 1, 2, 1, 2, 0, 2, 0]);
  });

  it("co-occurrence sums 1 / |s|^p over sessions; transitions sum 1 / steps within the window", () => {
    const pairs = computeSessionPairs(sequenceColumns(sessions, index), 4, { sessionPower: 1 });
    expect([...pairs.frequency]).toEqual([2, 2, 3, 0]);
    expect(row(pairs.cooccurrence, 0)[1]).toBeCloseTo(1 / 3);
    expect(row(pairs.cooccurrence, 0)[2]).toBeCloseTo(1 / 3 + 1 / 2);
    expect(row(pairs.cooccurrence, 2)[1]).toBeCloseTo(1 / 3 + 1 / 2);
    // a -> b (1 step), a -> c (2 steps in session 0, 1 step in session 2), c -> a (session 2), never a -> a
    expect(row(pairs.transitions, 0)).toEqual({ 1: 1, 2: 1.5 });
    expect(row(pairs.transitions, 1)).toEqual({ 2: 2 });
    expect(row(pairs.transitions, 2)).toEqual({ 0: 1 });
    expect(row(pairs.transitions, 3)).toEqual({});
  });

  it("counts sessions alike with p = 0, and only steps within the window", () => {
    const pairs = computeSessionPairs(sequenceColumns(sessions, index), 4, { sessionPower: 0, window: 1 });
    expect(row(pairs.cooccurrence, 0)).toEqual({ 1: 1, 2: 2 });
    expect(row(pairs.transitions, 0)).toEqual({ 1: 1, 2: 1 });
  });

  it("keeps the largest entries of a row", () => {
    const pairs = computeSessionPairs(sequenceColumns(sessions, index), 4, { sessionPower: 0, maxPerItem: 1 });
    expect(row(pairs.cooccurrence, 0)).toEqual({ 2: 2 });
  });
});
