import { describe, expect, it } from "vitest";
import { SparseRowsBuilder } from "./sparse-rows";

describe("SparseRowsBuilder", () => {
  it("appends rows in order into parallel columns; skipped rows stay empty; the columns grow past their capacity", () => {
    const builder = new SparseRowsBuilder(4, [new Uint32Array(0), new Float32Array(0)], 1);
    const items = Array.from({ length: 20 }, (_, i) => i);
    builder.set(1, 20, [items, items.map((i) => i / 2)]);
    builder.set(3, 2, [[7, 9, 99], [0.5, 0.25, 99]]);
    const { offsets, columns } = builder.build();
    expect([...offsets]).toEqual([0, 0, 20, 20, 22]);
    expect(columns[0]).toBeInstanceOf(Uint32Array);
    expect(columns[1]).toBeInstanceOf(Float32Array);
    expect([...columns[0]]).toEqual([...items, 7, 9]);
    expect([...columns[1]]).toEqual([...items.map((i) => i / 2), 0.5, 0.25]);
  });

  it("refuses a row out of order or out of range", () => {
    const builder = new SparseRowsBuilder(3, [new Uint32Array(0)], 8);
    builder.set(1, 1, [[5]]);
    expect(() => builder.set(0, 1, [[5]])).toThrow(RangeError);
    expect(() => builder.set(3, 1, [[5]])).toThrow(RangeError);
  });
});
