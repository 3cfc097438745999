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

/**
 * Counts uses over `lists` (item lists and the meta blob's lists alike) and orders by count, ties by old index;
 * after `earlier` (the reason table of the build this one follows), whose reasons keep their places (texts it had
 * that this build does not use included), so that its blobs read the same reasons in this build.
 */
export function reasonsByUse(reasons: readonly Reason[], lists: Iterable<CandidateList>, earlier: readonly Reason[] = []): ReasonOrder {
  const uses = new Float64Array(reasons.length);
  for (const list of lists) for (const r of list.reasons) if (r < uses.length) uses[r]++;
  const keyOf = (reason: Reason) => `${reason.code}\n${reason.text}`;
  const at = new Map(reasons.map((reason, i) => [keyOf(reason), i]));
  const all = [...reasons];
  const kept: number[] = [];
  for (const reason of earlier) {
    let i = at.get(keyOf(reason));
    if (i === undefined) {
      i = all.length;
      all.push(reason);
      at.set(keyOf(reason), i);
    }
    kept.push(i);
  }
  const placed = new Set(kept);
  const order = [...kept, ...Array.from(reasons.keys()).filter((i) => !placed.has(i)).sort((a, b) => uses[b] - uses[a] || a - b)];
  const renumbered = new Uint32Array(all.length);
  order.forEach((old, rank) => (renumbered[old] = rank));
  const list = (l: CandidateList): CandidateList => ({ items: l.items, scores: l.scores, reasons: Uint32Array.from(l.reasons, (r) => renumbered[r]) });
  return {
    reasons: order.map((old) => all[old]),
    list,
    lists: (lists) => {
      const out: ItemLists = {};
      for (const [kind, l] of Object.entries(lists) as Array<[keyof ItemLists, CandidateList]>) out[kind] = list(l);
      return out;
    },
  };
}
