/**
 * @module
 * Merges the precomputed candidate lists of several anchor items (a cart, a viewing history) into one ranking.
 *
 * score(j) = sum over anchors a of w_a * s(a, j)
 *
 * where s(a, j) is j's score in a's list and w_a the anchor's weight. An item keeps the reason (and the anchor,
 * by position in `anchors`) of its largest single contribution.
 */
import type { CandidateList } from "../candidates";

export interface WeightedAnchor {
  list: CandidateList;
  weight: number;
}

export interface MergedCandidate {
  item: number;
  score: number;
  reason: number;
  /** Position in `anchors` of the anchor that contributed most. */
  anchor: number;
}

export function mergeCandidateLists(
  anchors: readonly WeightedAnchor[],
  exclude: (item: number) => boolean,
  limit: number,
): MergedCandidate[] {
  const totals = new Map<number, MergedCandidate & { best: number }>();
  for (let a = 0; a < anchors.length; a++) {
    const { list, weight } = anchors[a];
    const { items, scores, reasons } = list;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const contribution = weight * scores[i];
      const entry = totals.get(item);
      if (entry === undefined) {
        totals.set(item, { item, score: contribution, reason: reasons[i], anchor: a, best: contribution });
      } else {
        entry.score += contribution;
        if (contribution > entry.best) {
          entry.best = contribution;
          entry.reason = reasons[i];
          entry.anchor = a;
        }
      }
    }
  }
  const ranked: MergedCandidate[] = [];
  for (const entry of totals.values()) {
    if (!exclude(entry.item)) ranked.push({ item: entry.item, score: entry.score, reason: entry.reason, anchor: entry.anchor });
  }
  ranked.sort((a, b) => b.score - a.score || a.item - b.item);
  return ranked.length > limit ? ranked.slice(0, limit) : ranked;
}
