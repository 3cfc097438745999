/**
 * @module
 * Cross-sell candidates per item from co-purchase: conditional probability P(j | i) = |i ∩ j| / |i|, top-N.
 */
import { type Baskets, itemFrequencies } from "../io/baskets";
import { type CandidateLists, CandidateListsBuilder } from "../../core/candidates";
import type { ReasonTable } from "./reason-table";

export interface CrossSellOptions {
  /** Candidates kept per item. */
  topN?: number;
}

export function crossSellCandidates(baskets: Baskets, reasons: ReasonTable, options: CrossSellOptions = {}): CandidateLists {
  const topN = options.topN ?? 30;
  const n = baskets.itemIds.length;
  const frequency = itemFrequencies(baskets);
  const pairs = new Map<number, Map<number, number>>();
  const { offsets, items } = baskets;
  for (let b = 0; b + 1 < offsets.length; b++) {
    for (let x = offsets[b]; x < offsets[b + 1]; x++) {
      let row = pairs.get(items[x]);
      if (row === undefined) pairs.set(items[x], (row = new Map()));
      for (let y = offsets[b]; y < offsets[b + 1]; y++) {
        if (x !== y) row.set(items[y], (row.get(items[y]) ?? 0) + 1);
      }
    }
  }
  const reason = reasons.intern("association", "Frequently bought with {anchor}");
  const builder = new CandidateListsBuilder(n, topN);
  for (let i = 0; i < n; i++) {
    const row = pairs.get(i);
    if (row === undefined) continue;
    const ranked = [...row].map(([j, c]) => [j, c / frequency[i]] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, topN);
    builder.set(i, ranked.map((r) => r[0]), ranked.map((r) => r[1]), ranked.map(() => reason));
  }
  return builder.build();
}
