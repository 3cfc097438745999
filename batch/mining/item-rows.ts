/**
 * @module
 * Sparse scored item rows (CSR): item a's entries are items[offsets[a] .. offsets[a+1]) with their scores. The
 * common shape of similarity lists, walk scores, rules by antecedent and regression weights by anchor.
 */

export interface ItemRows {
  offsets: Uint32Array;
  items: Uint32Array;
  scores: Float32Array;
}

/** Appends rows in item order; rows not given stay empty. */
export class ItemRowsBuilder {
  private readonly offsets: Uint32Array;
  private items: Uint32Array;
  private scores: Float32Array;
  private length = 0;
  private next = 0;

  constructor(readonly rows: number, expectedPerRow = 16) {
    this.offsets = new Uint32Array(rows + 1);
    const capacity = Math.max(16, Math.min(rows * expectedPerRow, 1 << 26));
    this.items = new Uint32Array(capacity);
    this.scores = new Float32Array(capacity);
  }

  /** Sets row `row` (rows in increasing order) from the first `count` entries of the arrays. */
  set(row: number, items: ArrayLike<number>, scores: ArrayLike<number>, count: number): void {
    if (row < this.next || row >= this.rows) throw new RangeError(`row ${row} out of order`);
    while (this.next <= row) this.offsets[this.next++] = this.length;
    if (this.length + count > this.items.length) {
      const size = Math.max(this.length + count, Math.floor(this.items.length * 1.5));
      const grownItems = new Uint32Array(size);
      grownItems.set(this.items.subarray(0, this.length));
      this.items = grownItems;
      const grownScores = new Float32Array(size);
      grownScores.set(this.scores.subarray(0, this.length));
      this.scores = grownScores;
    }
    for (let i = 0; i < count; i++) {
      this.items[this.length] = items[i];
      this.scores[this.length] = scores[i];
      this.length++;
    }
    this.offsets[row + 1] = this.length;
  }

  build(): ItemRows {
    while (this.next <= this.rows) this.offsets[this.next++] = this.length;
    return { offsets: this.offsets, items: this.items.slice(0, this.length), scores: this.scores.slice(0, this.length) };
  }
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
