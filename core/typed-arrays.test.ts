import { describe, expect, it } from "vitest";
import { resized } from "./typed-arrays";

describe("resized", () => {
  it("copies into a new array of the same type, growing with zeros or cutting", () => {
    const source = Int32Array.of(1, -2, 3);
    const grown = resized(source, 5);
    expect(grown).toBeInstanceOf(Int32Array);
    expect([...grown]).toEqual([1, -2, 3, 0, 0]);
    expect([...resized(source, 2)]).toEqual([1, -2]);
    expect(grown).not.toBe(source);
  });
});
