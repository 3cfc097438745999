/**
 * @module
 * One anchor's served cross-sell list from its candidates and the ranker's weights:
 *
 *   s(a, j) = m(a, j) + sum_f w_f x_f(a, j)
 *
 * with m the mined blend score and x the catalogue features (`cross-sell-features.ts`; the w carry the scale of the
 * mined scores). The list is the `topN` candidates with s > max(0, tau), best first (ties by item), then the mined
 * negative corrections that stay negative, most negative first, up to `corrections`: exactly the shape of the mined
 * lists (`cross-sell-sources.ts`, RowBlender), so with every w_f = 0 the list is the mined one.
 */
import { selectTop } from "../mining/top-k";
import { type AnchorCandidates, FEATURE_COUNT } from "./cross-sell-features";

export interface ListShape {
  topN: number;
  threshold: number;
  corrections: number;
}

export class AnchorRanking {
  readonly items: Uint32Array;
  readonly scores: Float64Array;
  private readonly negItems: Uint32Array;
  private readonly negScores: Float64Array;
  private capacity: number;

  constructor(capacity = 256) {
    this.capacity = capacity;
    this.items = new Uint32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.negItems = new Uint32Array(capacity);
    this.negScores = new Float64Array(capacity);
  }

  /** Fills `items` / `scores` with the anchor's list; returns its length. */
  rank(c: AnchorCandidates, weights: ArrayLike<number>, shape: ListShape): number {
    if (c.count > this.capacity) return new AnchorRanking(c.count * 2).copyInto(this, c, weights, shape);
    const { items, scores, negItems, negScores } = this;
    const threshold = Math.max(0, shape.threshold);
    let positive = 0;
    let negative = 0;
    for (let k = 0; k < c.count; k++) {
      let s = c.mined[k];
      const at = k * FEATURE_COUNT;
      for (let f = 0; f < FEATURE_COUNT; f++) {
        const w = weights[f];
        if (w !== 0) s += w * c.features[at + f];
      }
      if (s > threshold) {
        items[positive] = c.items[k];
        scores[positive++] = s;
      } else if (s < 0 && c.mined[k] < 0) {
        negItems[negative] = c.items[k];
        negScores[negative++] = -s;
      }
    }
    const kept = selectTop(items, scores, positive, shape.topN);
    const keptNegative = selectTop(negItems, negScores, negative, shape.corrections);
    for (let i = 0; i < keptNegative; i++) {
      items[kept + i] = negItems[i];
      scores[kept + i] = -negScores[i];
    }
    return kept + keptNegative;
  }

  /** For candidate sets larger than the scratch: rank in a larger scratch and copy the list back. */
  private copyInto(target: AnchorRanking, c: AnchorCandidates, weights: ArrayLike<number>, shape: ListShape): number {
    const count = this.rank(c, weights, shape);
    const room = Math.min(count, target.capacity);
    target.items.set(this.items.subarray(0, room));
    target.scores.set(this.scores.subarray(0, room));
    return room;
  }
}
