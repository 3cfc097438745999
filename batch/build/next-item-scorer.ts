/**
 * @module
 * The next-item list score of one anchor at a time (formula in `next-item-lists.ts`), shared by the build and
 * its tuning so the lists tuned are the lists served.
 */
import type { CandidateList } from "../../core/candidates";
import type { ItemRows } from "../mining/item-rows";
import type { SessionPairs } from "../mining/session-pairs";
import { selectTop } from "../mining/top-k";

export const NEXT_ITEM_SOURCES = ["cooccurrence", "transitions"] as const;
export type NextItemSource = (typeof NEXT_ITEM_SOURCES)[number];

export interface NextItemParameters {
  /** w_c. */
  cooccurrence: number;
  /** w_t. */
  transitions: number;
  /** p. */
  sessionPower: number;
  /** alpha. */
  anchorPower: number;
}

export const DEFAULT_NEXT_ITEM: NextItemParameters = { cooccurrence: 1, transitions: 1, sessionPower: 1, anchorPower: 0 };

/** Steps after an item that count as its transitions. */
export const TRANSITION_WINDOW = 5;

/** The factor 1 + eps ln(1 + n(j)) of every score: among (near) equal evidence, the item more sessions hold first. */
export const POPULARITY_TIE_BREAK = 0.01;

/** s(a, .) for one anchor at a time, into reused scratch (items / scores hold the row after `row`). */
export class NextItemScorer {
  readonly items: Uint32Array;
  readonly scores: Float64Array;
  private readonly together: Float64Array;
  private readonly after: Float64Array;
  private readonly touched: Uint32Array;
  private touchedCount = 0;
  private readonly lists = new Map<number, CandidateList>();

  constructor(
    private readonly pairs: SessionPairs,
    private readonly parameters: NextItemParameters,
    private readonly sellable: (item: number) => boolean,
  ) {
    const n = pairs.frequency.length;
    this.items = new Uint32Array(n);
    this.scores = new Float64Array(n);
    this.together = new Float64Array(n);
    this.after = new Float64Array(n);
    this.touched = new Uint32Array(n);
  }

  /** Fills items / scores with anchor a's best `topN`; returns how many. */
  row(a: number, topN: number): number {
    for (let i = 0; i < this.touchedCount; i++) {
      this.together[this.touched[i]] = 0;
      this.after[this.touched[i]] = 0;
    }
    this.touchedCount = 0;
    const { cooccurrence: wc, transitions: wt, anchorPower } = this.parameters;
    if (wc > 0) this.add(this.pairs.cooccurrence, a, this.together, wc);
    if (wt > 0) this.add(this.pairs.transitions, a, this.after, wt);
    const scale = 1 / Math.max(1, this.pairs.frequency[a]) ** anchorPower;
    let length = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const j = this.touched[i];
      const score = (this.together[j] + this.after[j]) * scale * (1 + POPULARITY_TIE_BREAK * Math.log1p(this.pairs.frequency[j]));
      if (score > 0 && this.sellable(j)) {
        this.items[length] = j;
        this.scores[length++] = score;
      }
    }
    return selectTop(this.items, this.scores, length, topN);
  }

  /** Anchor a's list as the build's tuning serves it (reasons left 0), computed on first use and kept. */
  cachedList(a: number, topN: number): CandidateList {
    let list = this.lists.get(a);
    if (list === undefined) {
      const count = this.row(a, topN);
      list = { items: this.items.slice(0, count), scores: Float32Array.from(this.scores.subarray(0, count)), reasons: new Uint32Array(count) };
      this.lists.set(a, list);
    }
    return list;
  }

  /** Whether j's score in the last row came mostly from transitions. */
  fromTransitions(j: number): boolean {
    return this.after[j] > this.together[j];
  }

  private add(rows: ItemRows, a: number, into: Float64Array, weight: number): void {
    for (let p = rows.offsets[a]; p < rows.offsets[a + 1]; p++) {
      const j = rows.items[p];
      if (this.together[j] === 0 && this.after[j] === 0) this.touched[this.touchedCount++] = j;
      into[j] += weight * rows.scores[p];
    }
  }
}
