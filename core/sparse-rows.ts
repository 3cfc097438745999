/**
 * @module
 * Rows of parallel typed columns in CSR form: row r's entries sit at positions offsets[r] .. offsets[r+1] of
 * every column. Built by appending rows in increasing order; rows not given stay empty. Candidate lists (items,
 * scores, reasons) and the scored item rows of mining (items, scores) are both built with it.
 */
import { resized } from "./typed-arrays";

export type RowColumn = Uint32Array | Float32Array;

export class SparseRowsBuilder {
  private readonly offsets: Uint32Array;
  private columns: RowColumn[];
  private length = 0;
  private next = 0;

  /** `columns` are empty arrays of each column's type; room for `capacity` entries is made up front. */
  constructor(readonly rows: number, columns: readonly RowColumn[], capacity: number) {
    this.offsets = new Uint32Array(rows + 1);
    this.columns = columns.map((column) => resized(column, Math.max(16, capacity)));
  }

  /** Sets row `row` (rows in increasing order) from the first `count` entries of each source, one per column. */
  set(row: number, count: number, sources: readonly ArrayLike<number>[]): void {
    if (row < this.next || row >= this.rows) throw new RangeError(`row ${row} out of order`);
    while (this.next <= row) this.offsets[this.next++] = this.length;
    const start = this.length;
    if (start + count > this.columns[0].length) {
      const size = Math.max(start + count, this.columns[0].length * 2);
      this.columns = this.columns.map((column) => resized(column, size));
    }
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c];
      const source = sources[c];
      for (let i = 0; i < count; i++) column[start + i] = source[i];
    }
    this.length = start + count;
    this.offsets[row + 1] = this.length;
  }

  /** The offsets (length rows + 1) and each column cut to the entries set. */
  build(): { offsets: Uint32Array; columns: RowColumn[] } {
    while (this.next <= this.rows) this.offsets[this.next++] = this.length;
    return { offsets: this.offsets, columns: this.columns.map((column) => column.slice(0, this.length)) };
  }
}
