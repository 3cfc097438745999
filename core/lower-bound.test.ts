import { describe, expect, it } from "vitest";
import { lowerBound } from "./lower-bound";

describe("lowerBound", () => {
  const sorted = Float64Array.of(1, 2, 2, 2, 5);

  it("finds the first entry not below the value", () => {
    expect(lowerBound(sorted, 2)).toBe(1);
    expect(lowerBound(sorted, 3)).toBe(4);
    expect(lowerBound(sorted, 5)).toBe(4);
  });

  it("answers 0 below every entry and the length above every entry", () => {
    expect(lowerBound(sorted, 0)).toBe(0);
    expect(lowerBound(sorted, 6)).toBe(5);
    expect(lowerBound(new Float64Array(0), 1)).toBe(0);
  });
});
