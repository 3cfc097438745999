/**
 * @module
 * Precomputed candidate lists: for every anchor item, the items to show beside it, best first, in CSR form over
 * the build's item dictionary (item index = position in the build's `items`).
 */
import type { ListEmbeddings } from "./sequence/gru-model";
import { SparseRowsBuilder } from "./sparse-rows";

export interface CandidateLists {
  /** Anchor a's candidates are positions offsets[a] .. offsets[a+1]. Length = anchors + 1. */
  offsets: Uint32Array;
  items: Uint32Array;
  scores: Float32Array;
  /** Index into the build's reason table for each candidate. */
  reasons: Uint32Array;
}

export interface CandidateList {
  items: Uint32Array;
  scores: Float32Array;
  reasons: Uint32Array;
  /** The sequence model's embeddings of the anchor and of each candidate (a `next_item` list, when the build ships the model). */
  embeddings?: ListEmbeddings;
}

export function candidatesOf(lists: CandidateLists, anchor: number): CandidateList {
  const start = lists.offsets[anchor];
  const end = lists.offsets[anchor + 1];
  return {
    items: lists.items.subarray(start, end),
    scores: lists.scores.subarray(start, end),
    reasons: lists.reasons.subarray(start, end),
  };
}

/** Appends per-anchor lists in anchor order into one CSR structure. */
export class CandidateListsBuilder {
  private readonly rows: SparseRowsBuilder;

  constructor(readonly anchors: number, expectedPerAnchor = 16) {
    this.rows = new SparseRowsBuilder(anchors, [new Uint32Array(0), new Float32Array(0), new Uint32Array(0)], anchors * expectedPerAnchor);
  }

  /** Sets the list of `anchor`; anchors must be given in increasing order (skipped ones stay empty). */
  set(anchor: number, items: ArrayLike<number>, scores: ArrayLike<number>, reasons: ArrayLike<number>, count = items.length): void {
    this.rows.set(anchor, count, [items, scores, reasons]);
  }

  build(): CandidateLists {
    const { offsets, columns } = this.rows.build();
    const [items, scores, reasons] = columns as [Uint32Array, Float32Array, Uint32Array];
    return { offsets, items, scores, reasons };
  }
}
