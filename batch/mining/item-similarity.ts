/**
 * @module
 * Item-item similarities from co-occurrence counts, named after the maths as in Microsoft Recommenders' SAR.
 * With C(a, b) the co-occurrence count (C(a, a) the item's frequency) and N the number of baskets:
 *
 *   jaccard(a, b)                 = C(a, b) / (C(a, a) + C(b, b) - C(a, b))
 *   lift(a, b)                    = N C(a, b) / (C(a, a) C(b, b))          (> 1: together more than by chance)
 *   cosine(a, b)                  = C(a, b) / sqrt(C(a, a) C(b, b))
 *   conditionalProbability(a, b)  = P(b | a) = C(a, b) / C(a, a)              (asymmetric)
 *
 * Shrinkage for rare pairs multiplies by C(a, b) / (C(a, b) + h), so a similarity resting on two baskets counts
 * for less than one resting on two hundred. Time decay enters through the basket weights of the co-occurrence
 * (`timeDecayWeights`). Every row keeps its top N by score.
 */
import type { CooccurrenceMatrix } from "./cooccurrence";
import { type ItemRows, ItemRowsBuilder } from "./item-rows";
import { selectTop } from "./top-k";

export type SimilarityMeasure = "jaccard" | "lift" | "cosine" | "conditional_probability";

export function jaccard(cab: number, caa: number, cbb: number): number {
  const union = caa + cbb - cab;
  return union > 0 ? cab / union : 0;
}

export function lift(cab: number, caa: number, cbb: number, baskets: number): number {
  return caa > 0 && cbb > 0 ? (baskets * cab) / (caa * cbb) : 0;
}

export function cosine(cab: number, caa: number, cbb: number): number {
  return caa > 0 && cbb > 0 ? cab / Math.sqrt(caa * cbb) : 0;
}

export function conditionalProbability(cab: number, caa: number): number {
  return caa > 0 ? cab / caa : 0;
}

/** The shrinkage factor C(a, b) / (C(a, b) + h). */
export function shrink(cab: number, h: number): number {
  return h > 0 ? cab / (cab + h) : 1;
}

export interface SimilarityOptions {
  /** Neighbours kept per item (default 50). */
  topN?: number;
  /** Shrinkage constant h (default 0: none). */
  shrinkage?: number;
  /** Pairs seen in fewer (weighted) baskets are dropped (default 1). */
  minCount?: number;
}

export function itemSimilarity(matrix: CooccurrenceMatrix, measure: SimilarityMeasure, options: SimilarityOptions = {}): ItemRows {
  const topN = options.topN ?? 50;
  const h = options.shrinkage ?? 0;
  const minCount = options.minCount ?? 1;
  const { items: n, offsets: rows, neighbours, counts, frequency, baskets } = matrix;
  const builder = new ItemRowsBuilder(n, Math.min(topN, 64));
  let longest = 0;
  for (let a = 0; a < n; a++) longest = Math.max(longest, rows[a + 1] - rows[a]);
  const candidates = new Uint32Array(longest);
  const scores = new Float64Array(longest);
  for (let a = 0; a < n; a++) {
    let length = 0;
    const caa = frequency[a];
    for (let p = rows[a]; p < rows[a + 1]; p++) {
      const cab = counts[p];
      if (cab < minCount) continue;
      const b = neighbours[p];
      const cbb = frequency[b];
      let s: number;
      switch (measure) {
        case "jaccard":
          s = jaccard(cab, caa, cbb);
          break;
        case "lift":
          s = lift(cab, caa, cbb, baskets);
          break;
        case "cosine":
          s = cosine(cab, caa, cbb);
          break;
        case "conditional_probability":
          s = conditionalProbability(cab, caa);
          break;
      }
      candidates[length] = b;
      scores[length] = s * shrink(cab, h);
      length++;
    }
    builder.set(a, candidates, scores, selectTop(candidates, scores, length, topN));
  }
  return builder.build();
}
