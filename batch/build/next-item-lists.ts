/**
 * @module
 * The `next_item` list of every item: what shoppers look at next after it, learned from sessions (the `sequence`
 * of order lines, the view sessions of an events file) and merged at the edge over a session's recent views
 * (`core/recommend/session-anchors.ts`). From the session pairs (`mining/session-pairs.ts`):
 *
 *   s(a, j) = (w_c C_p(a, j) + w_t T(a, j)) / n(a)^alpha
 *
 * the `topN` best j per anchor (never an item that must not be sold). alpha balances anchors of different
 * popularity in the merge, p weighs sessions by length, w_c / w_t mix co-occurrence (what session kNN sees) and
 * transitions (what sequential rules see). DEFAULT_NEXT_ITEM (w_c = w_t = 1, p = 1, alpha = 0: both kinds of
 * evidence alike, sessions weighed like a cosine over their length) serves unless the build's own sessions show
 * a significantly better point of the tuning grid (`next-item-tuning.ts`).
 */
import { type CandidateLists, CandidateListsBuilder } from "../../core/candidates";
import type { ItemSequence } from "../io/read-sequences";
import { sequenceColumns } from "../mining/sequence-columns";
import { computeSessionPairs } from "../mining/session-pairs";
import { DEFAULT_NEXT_ITEM, NEXT_ITEM_SOURCES, type NextItemParameters, NextItemScorer, type NextItemSource, TRANSITION_WINDOW } from "./next-item-scorer";
import { type NextItemTuningOptions, type NextItemTuningReport, tuneNextItem } from "./next-item-tuning";

export { NEXT_ITEM_SOURCES,   } from "./next-item-scorer";
import type { ReasonTable } from "./reason-table";

export interface NextItemOptions {
  /** Sources the lists may use (default both; none: no lists). */
  sources?: readonly NextItemSource[];
  /** Entries per list (default 50). */
  topN?: number;
  /** Validation settings, or false to serve `parameters` / the defaults as they are. */
  tuning?: NextItemTuningOptions | false;
  /** Fixed parameters; with tuning, these replace the tuned values. */
  parameters?: Partial<NextItemParameters>;
  /** The previous build's parameters (`--previous`): the tuning keeps them, in place of the defaults, unless beaten by 2 standard errors. */
  previous?: NextItemParameters;
}

export interface NextItemLists {
  lists: CandidateLists;
  parameters: NextItemParameters;
  tuning?: NextItemTuningReport;
}

/**
 * Lists over the build's dictionary (`itemIndex`, `items` entries); undefined when no source is allowed or no
 * session has two items the build knows.
 */
export function nextItemCandidates(
  sequences: readonly ItemSequence[],
  itemIndex: ReadonlyMap<string, number>,
  items: number,
  reasons: ReasonTable,
  sellable: (item: number) => boolean,
  options: NextItemOptions = {},
): NextItemLists | undefined {
  const allowed = new Set(options.sources ?? NEXT_ITEM_SOURCES);
  if (allowed.size === 0) return undefined;
  const topN = options.topN ?? 50;
  let parameters = sourcesOnly(options.previous ?? DEFAULT_NEXT_ITEM, allowed);
  let tuning: NextItemTuningReport | undefined;
  if (options.tuning !== false) {
    const tuned = tuneNextItem(sequences, itemIndex, items, sellable, allowed, topN, parameters, options.tuning ?? {});
    if (tuned !== undefined) {
      parameters = tuned.parameters;
      tuning = tuned.report;
    }
  }
  parameters = { ...parameters, ...options.parameters };
  const pairs = computeSessionPairs(sequenceColumns(sequences, itemIndex), items, { sessionPower: parameters.sessionPower, window: TRANSITION_WINDOW, maxPerItem: 4 * topN });
  if (pairs.cooccurrence.items.length === 0 && pairs.transitions.items.length === 0) return undefined;
  const reason = {
    together: reasons.intern("co_view", "Shoppers who viewed {anchor} also viewed this"),
    after: reasons.intern("co_view", "Often viewed after {anchor}"),
  };
  const scorer = new NextItemScorer(pairs, parameters, sellable);
  const builder = new CandidateListsBuilder(items, 8);
  const reasonsOut = new Uint32Array(topN);
  for (let a = 0; a < items; a++) {
    const count = scorer.row(a, topN);
    if (count === 0) continue;
    for (let i = 0; i < count; i++) reasonsOut[i] = scorer.fromTransitions(scorer.items[i]) ? reason.after : reason.together;
    builder.set(a, scorer.items, scorer.scores, reasonsOut, count);
  }
  return { lists: builder.build(), parameters, tuning };
}

/** The defaults with the weight of any source not allowed set to 0. */
function sourcesOnly(parameters: NextItemParameters, allowed: ReadonlySet<NextItemSource>): NextItemParameters {
  return { ...parameters, cooccurrence: allowed.has("cooccurrence") ? parameters.cooccurrence : 0, transitions: allowed.has("transitions") ? parameters.transitions : 0 };
}
