/**
 * @module
 * Precomputed candidate lists: for every anchor item, the items to show beside it, best first, in CSR form over
 * the build's item dictionary (item index = position in the build's `items`).
 */

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
}

export function emptyCandidateLists(anchors: number): CandidateLists {
  return {
    offsets: new Uint32Array(anchors + 1),
    items: new Uint32Array(0),
    scores: new Float32Array(0),
    reasons: new Uint32Array(0),
  };
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
  private readonly offsets: Uint32Array;
  private items: Uint32Array;
  private scores: Float32Array;
  private reasons: Uint32Array;
  private length = 0;
  private nextAnchor = 0;

  constructor(readonly anchors: number, expectedPerAnchor = 16) {
    this.offsets = new Uint32Array(anchors + 1);
    const capacity = Math.max(16, anchors * expectedPerAnchor);
    this.items = new Uint32Array(capacity);
    this.scores = new Float32Array(capacity);
    this.reasons = new Uint32Array(capacity);
  }

  /** Sets the list of `anchor`; anchors must be given in increasing order (skipped ones stay empty). */
  set(anchor: number, items: ArrayLike<number>, scores: ArrayLike<number>, reasons: ArrayLike<number>, count = items.length): void {
    if (anchor < this.nextAnchor || anchor >= this.anchors) throw new RangeError(`anchor ${anchor} out of order`);
    while (this.nextAnchor <= anchor) this.offsets[this.nextAnchor++] = this.length;
    this.reserve(this.length + count);
    for (let i = 0; i < count; i++) {
      this.items[this.length] = items[i];
      this.scores[this.length] = scores[i];
      this.reasons[this.length] = reasons[i];
      this.length++;
    }
    this.offsets[anchor + 1] = this.length;
  }

  build(): CandidateLists {
    while (this.nextAnchor <= this.anchors) this.offsets[this.nextAnchor++] = this.length;
    return {
      offsets: this.offsets,
      items: this.items.slice(0, this.length),
      scores: this.scores.slice(0, this.length),
      reasons: this.reasons.slice(0, this.length),
    };
  }

  private reserve(n: number): void {
    if (n <= this.items.length) return;
    const size = Math.max(n, this.items.length * 2);
    const items = new Uint32Array(size);
    items.set(this.items);
    this.items = items;
    const scores = new Float32Array(size);
    scores.set(this.scores);
    this.scores = scores;
    const reasons = new Uint32Array(size);
    reasons.set(this.reasons);
    this.reasons = reasons;
  }
}
