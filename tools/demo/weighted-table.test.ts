import { describe, expect, it } from "vitest";
import { Rng } from "../../core/random/rng";
import { WeightedTable } from "./weighted-table";

describe("WeightedTable", () => {
  it("draws in proportion to weight and never draws a zero weight", () => {
    const rng = new Rng(1);
    const table = new WeightedTable(["a", "b", "c"], [1, 0, 3]);
    const seen = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i++) seen[table.pick(rng) as "a" | "b" | "c"]++;
    expect(seen.b).toBe(0);
    expect(seen.c / seen.a).toBeGreaterThan(2.7);
    expect(seen.c / seen.a).toBeLessThan(3.3);
  });
});
