/**
 * @module
 * Merges the precomputed candidate lists of several anchor items (a cart, a viewing history) into one ranking.
 *
 * score(j) = prior(j) + sum over anchors a of w_a * s(a, j)
 *
 * where s(a, j) is j's score in a's list and prior(j) its score in the optional prior list (0 when absent), w_a
 * the anchor's weight. The prior is a base score counted once per item, not per anchor (the cross-sell blend's
 * intercept: how likely j is before looking at the cart), so its items are candidates even when no anchor lists
 * them. Ties go to the item first in `order` (its index in the whole build, when the caller holds a part of it), else
 * to the lower item index. An item keeps the reason (and the anchor, by position in `anchors`) of
 * its largest positive contribution; an item no anchor supports takes the prior's reason and anchor -1.
 *
 * Hot path: one open-addressing table in typed arrays reused across calls, a bounded insertion sort for the top
 * `limit`, and only the returned objects are allocated.
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
  /** Position in `anchors` of the anchor that contributed most; -1 when only the prior did. */
  anchor: number;
}

const EMPTY = -1;

let capacity = 0;
let keys = new Int32Array(0);
let totals = new Float64Array(0);
let best = new Float64Array(0);
let reasons = new Int32Array(0);
let anchorOf = new Int32Array(0);
let used = new Int32Array(0);
let usedCount = 0;
let topSlots = new Int32Array(64);
let topScores = new Float64Array(64);

function reserve(entries: number): void {
  let size = 64;
  while (size < entries * 2) size <<= 1;
  if (size <= capacity) return;
  capacity = size;
  keys = new Int32Array(size).fill(EMPTY);
  totals = new Float64Array(size);
  best = new Float64Array(size);
  reasons = new Int32Array(size);
  anchorOf = new Int32Array(size);
  used = new Int32Array(size);
}

export function mergeCandidateLists(
  anchors: readonly WeightedAnchor[],
  exclude: (item: number) => boolean,
  limit: number,
  prior?: CandidateList,
  order?: ArrayLike<number>,
): MergedCandidate[] {
  let entries = prior === undefined ? 0 : prior.items.length;
  for (let a = 0; a < anchors.length; a++) entries += anchors[a].list.items.length;
  if (entries === 0 || limit <= 0) return [];
  reserve(entries);
  usedCount = 0;

  for (let a = 0; a < anchors.length; a++) {
    const { list, weight } = anchors[a];
    const { items, scores, reasons: listReasons } = list;
    for (let i = 0; i < items.length; i++) {
      const slot = slotOf(items[i]);
      const contribution = weight * scores[i];
      totals[slot] += contribution;
      if (reasons[slot] === -1 || contribution > best[slot]) {
        best[slot] = contribution;
        reasons[slot] = listReasons[i];
        anchorOf[slot] = a;
      }
    }
  }

  if (prior !== undefined) {
    const { items, scores, reasons: priorReasons } = prior;
    for (let i = 0; i < items.length; i++) {
      const slot = slotOf(items[i]);
      totals[slot] += scores[i];
      if (reasons[slot] === -1 || best[slot] <= 0) {
        reasons[slot] = priorReasons[i];
        anchorOf[slot] = -1;
        best[slot] = 0;
      }
    }
  }

  if (topSlots.length < limit) {
    topSlots = new Int32Array(limit);
    topScores = new Float64Array(limit);
  }
  const count = usedCount;
  rank = order;
  let size = 0;
  for (let u = 0; u < count; u++) {
    const slot = used[u];
    const score = totals[slot];
    const item = keys[slot];
    if (size === limit && !ranksBefore(score, item, topScores[size - 1], keys[topSlots[size - 1]])) continue;
    if (exclude(item)) continue;
    let at = size < limit ? size++ : size - 1;
    while (at > 0 && ranksBefore(score, item, topScores[at - 1], keys[topSlots[at - 1]])) {
      topSlots[at] = topSlots[at - 1];
      topScores[at] = topScores[at - 1];
      at--;
    }
    topSlots[at] = slot;
    topScores[at] = score;
  }

  const out: MergedCandidate[] = new Array(size);
  for (let i = 0; i < size; i++) {
    const slot = topSlots[i];
    out[i] = { item: keys[slot], score: topScores[i], reason: reasons[slot], anchor: anchorOf[slot] };
  }
  for (let u = 0; u < count; u++) keys[used[u]] = EMPTY;
  return out;
}

/** The table slot of `item`, claimed and cleared on first sight. */
function slotOf(item: number): number {
  const mask = capacity - 1;
  let slot = Math.imul(item, 0x9e3779b1) & mask;
  while (keys[slot] !== EMPTY && keys[slot] !== item) slot = (slot + 1) & mask;
  if (keys[slot] === EMPTY) {
    keys[slot] = item;
    totals[slot] = 0;
    best[slot] = 0;
    reasons[slot] = -1;
    anchorOf[slot] = -1;
    used[usedCount++] = slot;
  }
  return slot;
}

/** The tie order of the merge under way (undefined: item index). */
let rank: ArrayLike<number> | undefined;

function ranksBefore(score: number, item: number, otherScore: number, otherItem: number): boolean {
  if (score !== otherScore) return score > otherScore;
  return rank === undefined ? item < otherItem : rank[item] < rank[otherItem];
}
