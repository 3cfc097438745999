/**
 * @module
 * Renumbers the build's reason table by use, most used first: a candidate stores its reason as a varint, so
 * when the 128 most used reasons take indices 0..127 most candidates spend one byte on it instead of two. Every
 * list is copied with its reasons remapped; the texts and codes do not change.
 */
import type { CandidateList } from "../../core/candidates";
import type { ItemLists } from "../../core/blob/item-blob";
import type { Reason } from "../../core/blob/meta-blob";

export interface ReasonOrder {
  reasons: Reason[];
  /** The list with its reasons renumbered (a copy). */
  list(list: CandidateList): CandidateList;
  lists(lists: ItemLists): ItemLists;
}

/** Counts uses over `lists` (item lists and the meta blob's lists alike) and orders by count, ties by old index. */
export function reasonsByUse(reasons: readonly Reason[], lists: Iterable<CandidateList>): ReasonOrder {
  const uses = new Float64Array(reasons.length);
  for (const list of lists) for (const r of list.reasons) if (r < uses.length) uses[r]++;
  const order = Array.from(reasons.keys()).sort((a, b) => uses[b] - uses[a] || a - b);
  const renumbered = new Uint32Array(reasons.length);
  order.forEach((old, rank) => (renumbered[old] = rank));
  const list = (l: CandidateList): CandidateList => ({ items: l.items, scores: l.scores, reasons: Uint32Array.from(l.reasons, (r) => renumbered[r]) });
  return {
    reasons: order.map((old) => reasons[old]),
    list,
    lists: (lists) => {
      const out: ItemLists = {};
      for (const [kind, l] of Object.entries(lists) as Array<[keyof ItemLists, CandidateList]>) out[kind] = list(l);
      return out;
    },
  };
}
