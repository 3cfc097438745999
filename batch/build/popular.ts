/**
 * @module
 * Non-personalised fallbacks: the most purchased items overall and within each category.
 */
import type { CandidateList } from "../../core/candidates";

export interface PopularLists {
  overall: CandidateList;
  byCategory: Map<number, CandidateList>;
}

/**
 * Ranks items by purchase count (ties by index). `category[i]` is item i's category index or -1;
 * `eligible(i)` drops items that must never be suggested (e.g. end of life).
 */
export function popularLists(
  counts: Uint32Array,
  category: Int32Array,
  reason: { overall: number; inCategory: number },
  eligible: (item: number) => boolean,
  limits = { overall: 200, perCategory: 50 },
): PopularLists {
  const order = Array.from(counts.keys()).filter((i) => counts[i] > 0 && eligible(i));
  order.sort((a, b) => counts[b] - counts[a] || a - b);
  const top = order.slice(0, limits.overall);
  const overall = toList(top, counts, reason.overall);
  const grouped = new Map<number, number[]>();
  for (const item of order) {
    const c = category[item];
    if (c < 0) continue;
    let group = grouped.get(c);
    if (group === undefined) grouped.set(c, (group = []));
    if (group.length < limits.perCategory) group.push(item);
  }
  const byCategory = new Map<number, CandidateList>();
  for (const [c, items] of grouped) byCategory.set(c, toList(items, counts, reason.inCategory));
  return { overall, byCategory };
}

function toList(items: number[], counts: Uint32Array, reason: number): CandidateList {
  return {
    items: Uint32Array.from(items),
    scores: Float32Array.from(items, (i) => counts[i]),
    reasons: new Uint32Array(items.length).fill(reason),
  };
}
