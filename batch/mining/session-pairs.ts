/**
 * @module
 * Item-to-item evidence from sessions (item sequences), the two item-based approximations of session kNN and
 * sequential rules (Ludewig & Jannach 2018):
 *
 *   co-occurrence   C_p(a, b) = sum over sessions s holding both a and b of 1 / |s|^p
 *                   (|s| distinct items; p = 1 lets one long session count as little as one short one)
 *   transitions     T(a, b)   = sum over sessions, over positions x < y <= x + window with s_x = a, s_y = b,
 *                               of 1 / (y - x)
 *                   (b seen after a, the closer the more)
 *   n(a)            the number of sessions holding a
 *
 * Rows are accumulated one anchor at a time from an item -> (session, position) index with a dense scratch row,
 * so memory is the kept entries plus O(items + positions). Only the last `maxLength` positions of a session
 * make pairs (a very long history would cost its length squared).
 */
import type { ItemRows } from "./item-rows";
import { ItemRowsBuilder } from "./item-rows";
import type { SequenceColumns } from "./sequence-columns";
import { selectTop } from "./top-k";

export interface SessionPairOptions {
  /** p of the session weight 1 / |s|^p (default 1). */
  sessionPower?: number;
  /** Steps after an item that count as transitions (default 5). */
  window?: number;
  /** Entries kept per row, the largest (default 200). */
  maxPerItem?: number;
  /** Positions of a session that make pairs, its last ones (default 100). */
  maxLength?: number;
}

export interface SessionPairs {
  cooccurrence: ItemRows;
  transitions: ItemRows;
  /** n(a). */
  frequency: Uint32Array;
}

export function computeSessionPairs(sequences: SequenceColumns, items: number, options: SessionPairOptions = {}): SessionPairs {
  const power = options.sessionPower ?? 1;
  const window = options.window ?? 5;
  const maxPerItem = options.maxPerItem ?? 200;
  const maxLength = options.maxLength ?? 100;
  const { offsets, items: seq } = sequences;
  const sessions = offsets.length - 1;

  // Each session's first pair-making position, its distinct items and its weight.
  const from = new Uint32Array(sessions);
  const weight = new Float64Array(sessions);
  const distinctOffsets = new Uint32Array(sessions + 1);
  const distinctItems: number[] = [];
  const frequency = new Uint32Array(items);
  const stamp = new Int32Array(items).fill(-1);
  for (let s = 0; s < sessions; s++) {
    from[s] = Math.max(offsets[s], offsets[s + 1] - maxLength);
    for (let x = offsets[s]; x < offsets[s + 1]; x++) {
      const item = seq[x];
      if (stamp[item] === s) continue;
      stamp[item] = s;
      frequency[item]++;
      if (x >= from[s]) distinctItems.push(item);
    }
    distinctOffsets[s + 1] = distinctItems.length;
    weight[s] = 1 / Math.max(1, distinctOffsets[s + 1] - distinctOffsets[s]) ** power;
  }

  // item -> (session, position) of its pair-making occurrences
  const postingOffsets = new Uint32Array(items + 1);
  for (let s = 0; s < sessions; s++) for (let x = from[s]; x < offsets[s + 1]; x++) postingOffsets[seq[x] + 1]++;
  for (let i = 0; i < items; i++) postingOffsets[i + 1] += postingOffsets[i];
  const postingSessions = new Uint32Array(postingOffsets[items]);
  const postingPositions = new Uint32Array(postingOffsets[items]);
  const cursor = postingOffsets.slice(0, items);
  for (let s = 0; s < sessions; s++) {
    for (let x = from[s]; x < offsets[s + 1]; x++) {
      const at = cursor[seq[x]]++;
      postingSessions[at] = s;
      postingPositions[at] = x;
    }
  }

  const together = new Float64Array(items);
  const after = new Float64Array(items);
  const touched = new Uint32Array(items);
  const rowItems = new Uint32Array(items);
  const rowScores = new Float64Array(items);
  const cooccurrence = new ItemRowsBuilder(items, 8);
  const transitions = new ItemRowsBuilder(items, 8);
  for (let a = 0; a < items; a++) {
    let count = 0;
    let lastSession = -1;
    for (let p = postingOffsets[a]; p < postingOffsets[a + 1]; p++) {
      const s = postingSessions[p];
      if (s !== lastSession) {
        lastSession = s;
        for (let d = distinctOffsets[s]; d < distinctOffsets[s + 1]; d++) {
          const b = distinctItems[d];
          if (b === a) continue;
          if (together[b] === 0 && after[b] === 0) touched[count++] = b;
          together[b] += weight[s];
        }
      }
      const x = postingPositions[p];
      const end = Math.min(offsets[s + 1], x + 1 + window);
      for (let y = x + 1; y < end; y++) {
        const b = seq[y];
        if (b === a) continue;
        if (together[b] === 0 && after[b] === 0) touched[count++] = b;
        after[b] += 1 / (y - x);
      }
    }
    keepRow(cooccurrence, a, touched, together, count, rowItems, rowScores, maxPerItem);
    keepRow(transitions, a, touched, after, count, rowItems, rowScores, maxPerItem);
    for (let i = 0; i < count; i++) {
      together[touched[i]] = 0;
      after[touched[i]] = 0;
    }
  }
  return { cooccurrence: cooccurrence.build(), transitions: transitions.build(), frequency };
}

function keepRow(builder: ItemRowsBuilder, a: number, touched: Uint32Array, values: Float64Array, count: number, rowItems: Uint32Array, rowScores: Float64Array, limit: number): void {
  let length = 0;
  for (let i = 0; i < count; i++) {
    const b = touched[i];
    if (values[b] > 0) {
      rowItems[length] = b;
      rowScores[length++] = values[b];
    }
  }
  const kept = selectTop(rowItems, rowScores, length, limit);
  if (kept > 0) builder.set(a, rowItems, rowScores, kept);
}
