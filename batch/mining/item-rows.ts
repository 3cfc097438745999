/**
 * @module
 * Sparse scored item rows (CSR): item a's entries are items[offsets[a] .. offsets[a+1]) with their scores. The
 * common shape of similarity lists, walk scores, rules by antecedent and regression weights by anchor.
 */
import { SparseRowsBuilder } from "../../core/sparse-rows";
import { selectTop } from "./top-k";

export interface ItemRows {
  offsets: Uint32Array;
  items: Uint32Array;
  scores: Float32Array;
}

/** Appends rows in item order; rows not given stay empty. */
export class ItemRowsBuilder {
  private readonly builder: SparseRowsBuilder;

  constructor(readonly rows: number, expectedPerRow = 16) {
    this.builder = new SparseRowsBuilder(rows, [new Uint32Array(0), new Float32Array(0)], Math.min(rows * expectedPerRow, 1 << 26));
  }

  /** Sets row `row` (rows in increasing order) from the first `count` entries of the arrays. */
  set(row: number, items: ArrayLike<number>, scores: ArrayLike<number>, count: number): void {
    this.builder.set(row, count, [items, scores]);
  }

  build(): ItemRows {
    const { offsets, columns } = this.builder.build();
    const [items, scores] = columns as [Uint32Array, Float32Array];
    return { offsets, items, scores };
  }
}

/** Rows of the best `length` (item, score) pairs of each row, best first (ties by item); `pairs[a]` holds each item below pairs.length at most once, in any order. */
export function bestOfEachRow(pairs: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, length: number): ItemRows {
  const n = pairs.length;
  const builder = new ItemRowsBuilder(n, length);
  const items = new Uint32Array(n);
  const scores = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const row = pairs[a];
    if (row.length === 0) continue;
    for (let i = 0; i < row.length; i++) {
      items[i] = row[i][0];
      scores[i] = row[i][1];
    }
    builder.set(a, items, scores, selectTop(items, scores, row.length, length));
  }
  return builder.build();
}

/** Rows of the transpose: entry (a, b, s) becomes (b, a, s); each new row is in ascending order of a. */
export function transposeRows(rows: ItemRows, size: number): ItemRows {
  const offsets = new Uint32Array(size + 1);
  const n = rows.offsets.length - 1;
  for (let i = 0; i < rows.items.length; i++) offsets[rows.items[i] + 1]++;
  for (let b = 0; b < size; b++) offsets[b + 1] += offsets[b];
  const cursor = offsets.slice(0, size);
  const items = new Uint32Array(rows.items.length);
  const scores = new Float32Array(rows.items.length);
  for (let a = 0; a < n; a++) {
    for (let p = rows.offsets[a]; p < rows.offsets[a + 1]; p++) {
      const at = cursor[rows.items[p]]++;
      items[at] = a;
      scores[at] = rows.scores[p];
    }
  }
  return { offsets, items, scores };
}
