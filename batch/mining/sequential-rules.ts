/**
 * @module
 * Sequential rules "customers who bought A bought B within W days": A and B in different orders of the same
 * user, B's order strictly later than A's and at most W days after it. Over the U users with dated orders:
 *
 *   support(A -> B)    = number of users with such an A order followed by such a B order
 *   confidence(A -> B) = support(A -> B) / buyers(A)              buyers(A) = users who ever bought A
 *   lift(A -> B)       = confidence(A -> B) / (buyers(B) / U)     (> 1: B follows A more than B's base rate)
 *
 * Each user counts once per pair. Pairs are collected as packed keys A * n + B and counted after one sort
 * (`countSequentialPairs`); the rules are read off those counts (`sequentialRules`), which may also come from
 * an engine outside this process (`batch/counts`).
 */
import { resized } from "../../core/typed-arrays";
import { type Baskets, basketCount } from "../io/baskets";
import { selectTop } from "./top-k";

export interface SequentialRulesOptions {
  /** The window W in days (default 30). */
  windowDays?: number;
  /** Rules need at least this many users (default 2). */
  minSupport?: number;
  /** Rules kept per antecedent, by confidence (default 50). */
  topN?: number;
  /** Pairs counted per user at most, earliest orders first (default 5000): bounds the cost of heavy buyers. */
  maxPairsPerUser?: number;
}

/** Rules by antecedent: A's rules are consequents[offsets[A] .. offsets[A+1]), by descending confidence. */
export interface SequentialRules {
  offsets: Uint32Array;
  consequents: Uint32Array;
  support: Uint32Array;
  confidence: Float32Array;
  lift: Float32Array;
  /** Users with at least one dated order (U). */
  users: number;
  /** buyers(A) per item. */
  buyers: Uint32Array;
  windowDays: number;
}

/**
 * The counting half: per pair (A, B) the users with an A order followed by a B order within W days, and the
 * buyers per item. Pairs are enumerated per user earliest orders first (order by time, then position in the
 * input), later orders in turn, items in basket order, and a user stops after `maxPairsPerUser` of them.
 */
export interface SequentialPairCounts {
  /** Distinct pairs, ascending by (antecedent, consequent). */
  antecedents: Uint32Array;
  consequents: Uint32Array;
  /** support(A -> B): users counted once per pair. */
  support: Uint32Array;
  /** buyers(A) per item, over dated orders. */
  buyers: Uint32Array;
  /** Users with at least one dated order (U). */
  users: number;
  windowDays: number;
}

export function countSequentialPairs(baskets: Baskets, options: Pick<SequentialRulesOptions, "windowDays" | "maxPairsPerUser"> = {}): SequentialPairCounts {
  const windowDays = options.windowDays ?? 30;
  const windowSeconds = windowDays * 86400;
  const maxPairsPerUser = options.maxPairsPerUser ?? 5000;
  const n = baskets.itemIds.length;
  const { offsets: lineOffsets, items: lines, users: basketUsers, times } = baskets;

  const dated = datedByUser(baskets);

  const buyers = new Uint32Array(n);
  const lastBuyer = new Int32Array(n).fill(-1);
  let users = 0;
  let keys = new Float64Array(1 << 16);
  let keyCount = 0;
  let userKeys = new Float64Array(1024);

  for (let start = 0; start < dated.length; ) {
    const user = basketUsers[dated[start]];
    let end = start;
    while (end < dated.length && basketUsers[dated[end]] === user) end++;
    users++;
    let pairs = 0;
    for (let o = start; o < end; o++) {
      const b = dated[o];
      for (let x = lineOffsets[b]; x < lineOffsets[b + 1]; x++) {
        if (lastBuyer[lines[x]] !== user) {
          lastBuyer[lines[x]] = user;
          buyers[lines[x]]++;
        }
      }
      for (let later = o + 1; later < end && pairs < maxPairsPerUser; later++) {
        const c = dated[later];
        const gap = times[c] - times[b];
        if (gap <= 0) continue;
        if (gap > windowSeconds) break;
        for (let x = lineOffsets[b]; x < lineOffsets[b + 1] && pairs < maxPairsPerUser; x++) {
          for (let y = lineOffsets[c]; y < lineOffsets[c + 1] && pairs < maxPairsPerUser; y++) {
            if (lines[x] === lines[y]) continue;
            if (pairs >= userKeys.length) userKeys = resized(userKeys, userKeys.length * 2);
            userKeys[pairs++] = lines[x] * n + lines[y];
          }
        }
      }
    }
    if (pairs > 0) {
      const own = userKeys.subarray(0, pairs).sort();
      if (keyCount + pairs > keys.length) keys = resized(keys, Math.max(keyCount + pairs, keys.length * 2));
      for (let i = 0; i < pairs; i++) if (i === 0 || own[i] !== own[i - 1]) keys[keyCount++] = own[i];
    }
    start = end;
  }

  const sorted = keys.subarray(0, keyCount).sort();
  let distinct = 0;
  for (let i = 0; i < keyCount; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const antecedents = new Uint32Array(distinct);
  const consequents = new Uint32Array(distinct);
  const support = new Uint32Array(distinct);
  for (let i = 0, d = -1; i < keyCount; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      d++;
      antecedents[d] = Math.floor(sorted[i] / n);
      consequents[d] = sorted[i] - antecedents[d] * n;
    }
    support[d]++;
  }
  return { antecedents, consequents, support, buyers, users, windowDays };
}

export function mineSequentialRules(baskets: Baskets, options: SequentialRulesOptions = {}): SequentialRules {
  return sequentialRules(countSequentialPairs(baskets, options), options);
}

/** The rules half: the pairs with support >= minSupport, the best `topN` by confidence per antecedent. */
export function sequentialRules(counts: SequentialPairCounts, options: Pick<SequentialRulesOptions, "minSupport" | "topN"> = {}): SequentialRules {
  const minSupport = options.minSupport ?? 2;
  const topN = options.topN ?? 50;
  const { buyers, users } = counts;
  const n = buyers.length;
  const offsets = new Uint32Array(n + 1);
  const consequents: number[] = [];
  const support: number[] = [];
  const confidence: number[] = [];
  const lift: number[] = [];
  const candidates = new Uint32Array(n);
  const candidateSupport = new Float64Array(n);
  const scores = new Float64Array(n);
  let row = 0;
  const total = counts.antecedents.length;
  for (let i = 0; i < total; ) {
    const antecedent = counts.antecedents[i];
    let length = 0;
    for (; i < total && counts.antecedents[i] === antecedent; i++) {
      const count = counts.support[i];
      if (count >= minSupport) {
        const consequent = counts.consequents[i];
        candidates[length] = consequent;
        candidateSupport[consequent] = count;
        scores[length] = count / buyers[antecedent];
        length++;
      }
    }
    while (row <= antecedent) offsets[row++] = consequents.length;
    const kept = selectTop(candidates, scores, length, topN);
    for (let k = 0; k < kept; k++) {
      const b = candidates[k];
      consequents.push(b);
      support.push(candidateSupport[b]);
      confidence.push(scores[k]);
      lift.push(scores[k] / (buyers[b] / users));
    }
    offsets[antecedent + 1] = consequents.length;
  }
  while (row <= n) offsets[row++] = consequents.length;
  return {
    offsets,
    consequents: Uint32Array.from(consequents),
    support: Uint32Array.from(support),
    confidence: Float32Array.from(confidence),
    lift: Float32Array.from(lift),
    users,
    buyers,
    windowDays: counts.windowDays,
  };
}

/** Dated baskets of known users, grouped by user (counting sort), each user's by time then index. */
function datedByUser(baskets: Baskets): Uint32Array {
  const { users, times } = baskets;
  const total = basketCount(baskets);
  const starts = new Uint32Array(baskets.userIds.length + 1);
  let count = 0;
  for (let b = 0; b < total; b++) {
    if (users[b] >= 0 && Number.isFinite(times[b])) {
      starts[users[b] + 1]++;
      count++;
    }
  }
  for (let u = 0; u < baskets.userIds.length; u++) starts[u + 1] += starts[u];
  const next = starts.slice(0, baskets.userIds.length);
  const dated = new Uint32Array(count);
  for (let b = 0; b < total; b++) if (users[b] >= 0 && Number.isFinite(times[b])) dated[next[users[b]]++] = b;
  for (let u = 0; u < baskets.userIds.length; u++) {
    if (starts[u + 1] - starts[u] > 32) {
      const own = Array.from(dated.subarray(starts[u], starts[u + 1])).sort((x, y) => times[x] - times[y] || x - y);
      dated.set(own, starts[u]);
      continue;
    }
    for (let i = starts[u] + 1; i < starts[u + 1]; i++) {
      const b = dated[i];
      let j = i - 1;
      while (j >= starts[u] && times[dated[j]] > times[b]) {
        dated[j + 1] = dated[j];
        j--;
      }
      dated[j + 1] = b;
    }
  }
  return dated;
}
