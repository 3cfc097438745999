/**
 * @module
 * The candidates of every validation request of a fold, with one column per source: for each request, every item
 * in the rows of its cart items (the cart itself excluded), its summed score in each source's rows, and where the
 * held-out item sits among them. A blend's scores are then a weighted sum of columns, without touching the rows.
 */
import { resized } from "../../core/typed-arrays";
import type { ItemRows } from "../mining/item-rows";
import { sortByScore } from "../mining/top-k";
import type { Fold } from "./tuning-folds";

/** Candidates of every request (cart items removed) with one column per source feature. */
export interface Features {
  offsets: Uint32Array;
  items: Uint32Array;
  easeWith: Float32Array;
  easeWithout: Float32Array;
  walk: Float32Array[];
  association: Float32Array;
  rules: Float32Array;
  sequential: Float32Array;
  /** Position of the held-out item among the request's candidates, or -1. */
  held: Int32Array;
  intercept: Float32Array;
  /** b0 of each candidate; a request's candidates are sorted by it, descending. */
  candidateIntercepts: Float64Array;
  interceptDesc: Float64Array;
}

/** EASE at `lambda` (none when undefined); with `byPrior`, each request's candidates are sorted by intercept (the prior ranks need it). */
export function buildFeatures(fold: Fold, lambda: number | undefined, byPrior: boolean): Features {
  const { sources, requests } = fold;
  const n = sources.items;
  const ease = lambda === undefined ? undefined : sources.ease(lambda);
  const columns: Array<ItemRows | undefined> = [
    ease?.withIntercept,
    ease?.withoutIntercept,
    ...fold.walkBetas.map((beta) => sources.walk(beta)),
    fold.useAssociation ? sources.association() : undefined,
    fold.useRules ? sources.rules() : undefined,
    fold.hasSequential ? (sources.sequential() ?? undefined) : undefined,
  ];
  const width = columns.length;
  const intercept = ease?.intercept ?? new Float32Array(n);
  const dense = columns.map(() => new Float64Array(n));
  const mark = new Uint8Array(n);
  const touched = new Uint32Array(n);
  const order = new Float64Array(n);
  const offsets = new Uint32Array(requests.length + 1);
  let capacity = 1 << 16;
  let items = new Uint32Array(capacity);
  let values = columns.map(() => new Float32Array(capacity));
  let length = 0;
  const held = new Int32Array(requests.length).fill(-1);
  for (let r = 0; r < requests.length; r++) {
    const { cart, item: heldItem } = requests[r];
    let count = 0;
    for (const a of cart) mark[a] = 2;
    for (let s = 0; s < width; s++) {
      const rows = columns[s];
      if (rows === undefined) continue;
      const column = dense[s];
      for (const a of cart) {
        for (let p = rows.offsets[a]; p < rows.offsets[a + 1]; p++) {
          const j = rows.items[p];
          if (mark[j] === 2) continue;
          if (mark[j] === 0) {
            mark[j] = 1;
            touched[count++] = j;
          }
          column[j] += rows.scores[p];
        }
      }
    }
    for (const a of cart) mark[a] = 0;
    const listed = count;
    if (byPrior) {
      for (let i = 0; i < count; i++) order[i] = intercept[touched[i]];
      sortByScore(touched, order, 0, listed);
    }
    if (length + listed > capacity) {
      capacity = Math.max(length + listed, capacity * 2);
      items = resized(items, capacity);
      values = values.map((v) => resized(v, capacity));
    }
    for (let i = 0; i < listed; i++) {
      const j = touched[i];
      if (j === heldItem) held[r] = length;
      items[length] = j;
      for (let s = 0; s < width; s++) {
        values[s][length] = dense[s][j];
        dense[s][j] = 0;
      }
      mark[j] = 0;
      length++;
    }
    offsets[r + 1] = length;
  }
  const column = (s: number) => values[s].slice(0, length);
  const walkCount = fold.walkBetas.length;
  const kept = items.slice(0, length);
  return {
    offsets,
    items: kept,
    easeWith: column(0),
    easeWithout: column(1),
    walk: fold.walkBetas.map((_, w) => column(2 + w)),
    association: column(2 + walkCount),
    rules: column(3 + walkCount),
    sequential: column(4 + walkCount),
    held,
    intercept,
    candidateIntercepts: Float64Array.from(kept, (j) => intercept[j]),
    interceptDesc: Float64Array.from(intercept).sort().reverse(),
  };
}
