import { describe, expect, it } from "vitest";
import { chunkRows } from "./insert-chunks";

describe("chunkRows", () => {
  it("keeps order and cuts at the row limit", () => {
    const rows = Array.from({ length: 23 }, (_, i) => i);
    const chunks = chunkRows(rows, { rows: 7 });
    expect(chunks.map((c) => c.length)).toEqual([7, 7, 7, 2]);
    expect(chunks.flat()).toEqual(rows);
    expect(chunkRows([], { rows: 7 })).toEqual([]);
    expect(chunkRows([1, 2], { rows: 0 })).toEqual([[1], [2]]);
  });

  it("cuts before a row that would pass the byte limit, and gives a row over it a chunk of its own", () => {
    const sizes = [40, 40, 30, 120, 10, 10, 10];
    const chunks = chunkRows(sizes, { rows: 100, bytes: { max: 100, of: (size) => size } });
    expect(chunks).toEqual([[40, 40], [30], [120], [10, 10, 10]]);
  });
});
