/**
 * @module
 * Lexicographic order of integer rows stored as CSR (`rowItems[rowStart[b] .. rowStart[b+1])`), the order in
 * which an FP-tree can be built without searching for children.
 */

const SHORT_RUN = 16;

/**
 * Indices of the non-empty rows in lexicographic order, a row before its extensions; items lie in
 * [0, itemTotal). Most-significant-digit radix sort (one counting pass per position), insertion sort for short
 * runs; each row's bounds travel with its index so a pass reads no other row.
 */
export function sortRowsLexicographically(rowStart: Int32Array, rowItems: Int32Array, rowTotal: number, itemTotal: number): Int32Array {
  let n = 0;
  const order = new Int32Array(rowTotal);
  for (let b = 0; b < rowTotal; b++) if (rowStart[b + 1] > rowStart[b]) order[n++] = b;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  for (let o = 0; o < n; o++) {
    from[o] = rowStart[order[o]];
    to[o] = rowStart[order[o] + 1];
  }
  const movedOrder = new Int32Array(n);
  const movedFrom = new Int32Array(n);
  const movedTo = new Int32Array(n);
  const bucket = new Int32Array(itemTotal + 1);
  // A stack of the distinct keys (item + 1, or 0 for "row ended") of the runs being split, and their ends.
  const keys = new Int32Array(n + itemTotal + 1);
  const ends = new Int32Array(n + itemTotal + 1);
  let keyTop = 0;

  const insertionSort = (lo: number, hi: number, d: number): void => {
    for (let a = lo + 1; a < hi; a++) {
      const row = order[a];
      const rowFrom = from[a];
      const rowTo = to[a];
      let b = a;
      while (b > lo) {
        const otherFrom = from[b - 1];
        const otherTo = to[b - 1];
        let p = otherFrom + d;
        let q = rowFrom + d;
        while (p < otherTo && q < rowTo && rowItems[p] === rowItems[q]) {
          p++;
          q++;
        }
        const otherAfter = p < otherTo && (q === rowTo || rowItems[p] > rowItems[q]);
        if (!otherAfter) break;
        order[b] = order[b - 1];
        from[b] = otherFrom;
        to[b] = otherTo;
        b--;
      }
      order[b] = row;
      from[b] = rowFrom;
      to[b] = rowTo;
    }
  };

  const sortRange = (lo: number, hi: number, d: number): void => {
    if (hi - lo <= SHORT_RUN) {
      insertionSort(lo, hi, d);
      return;
    }
    const keyBase = keyTop;
    for (let o = lo; o < hi; o++) {
      const at = from[o] + d;
      const key = at < to[o] ? rowItems[at] + 1 : 0;
      if (bucket[key]++ === 0) keys[keyTop++] = key;
    }
    if (keyTop - keyBase === 1) {
      const key = keys[keyBase];
      bucket[key] = 0;
      keyTop = keyBase;
      if (key !== 0) sortRange(lo, hi, d + 1);
      return;
    }
    keys.subarray(keyBase, keyTop).sort();
    let position = lo;
    for (let j = keyBase; j < keyTop; j++) {
      const size = bucket[keys[j]];
      bucket[keys[j]] = position;
      position += size;
    }
    for (let o = lo; o < hi; o++) {
      const at = from[o] + d;
      const p = bucket[at < to[o] ? rowItems[at] + 1 : 0]++;
      movedOrder[p] = order[o];
      movedFrom[p] = from[o];
      movedTo[p] = to[o];
    }
    order.set(movedOrder.subarray(lo, hi), lo);
    from.set(movedFrom.subarray(lo, hi), lo);
    to.set(movedTo.subarray(lo, hi), lo);
    for (let j = keyBase; j < keyTop; j++) {
      ends[j] = bucket[keys[j]];
      bucket[keys[j]] = 0;
    }
    let start = lo;
    for (let j = keyBase, last = keyTop; j < last; j++) {
      if (keys[j] !== 0 && ends[j] - start > 1) sortRange(start, ends[j], d + 1);
      start = ends[j];
    }
    keyTop = keyBase;
  };

  sortRange(0, n, 0);
  return order.subarray(0, n);
}
