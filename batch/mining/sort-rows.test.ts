import { describe, expect, it } from "vitest";
import { sortRowsLexicographically } from "./sort-rows";

function csr(rows: number[][]): { rowStart: Int32Array; rowItems: Int32Array } {
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((row, b) => (rowStart[b + 1] = rowStart[b] + row.length));
  return { rowStart, rowItems: Int32Array.from(rows.flat()) };
}

function compareRows(x: number[], y: number[]): number {
  for (let q = 0; q < Math.min(x.length, y.length); q++) if (x[q] !== y[q]) return x[q] - y[q];
  return x.length - y.length;
}

describe("sortRowsLexicographically", () => {
  it("orders a small example, dropping empty rows", () => {
    const rows = [[2, 3], [0, 1, 2], [], [0, 1], [2], [0, 2], [0, 1, 2]];
    const { rowStart, rowItems } = csr(rows);
    const order = Array.from(sortRowsLexicographically(rowStart, rowItems, rows.length, 4));
    expect(order.map((b) => rows[b])).toEqual([[0, 1], [0, 1, 2], [0, 1, 2], [0, 2], [2], [2, 3]]);
  });

  it("matches a comparison sort on many rows with long shared prefixes", () => {
    let state = 12345;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    const rows: number[][] = [];
    for (let b = 0; b < 5000; b++) {
      const row: number[] = [];
      let item = Math.floor(random() * 3);
      while (item < 40 && row.length < 12) {
        row.push(item);
        item += 1 + Math.floor(random() * random() * 6);
      }
      if (random() < 0.05) row.length = 0;
      rows.push(row);
    }
    const { rowStart, rowItems } = csr(rows);
    const order = sortRowsLexicographically(rowStart, rowItems, rows.length, 40);
    const expected = rows.filter((row) => row.length > 0).sort(compareRows);
    expect(Array.from(order, (b) => rows[b])).toEqual(expected);
    expect(new Set(order).size).toBe(order.length);
  });
});
