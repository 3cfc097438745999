/**
 * @module
 * The next-item pool re-ranked with the sequence model (`gru-model.ts`): the edge already holds the pool (the
 * merged `next_item` lists of the session's recent views) and, in the same blobs, the embeddings of every listed
 * candidate and of every viewed item, so it reruns the model on the session and blends, per candidate j,
 *
 *   f(j) = (1 - w) s(j) / max_P s + w exp(z(j) - max_P z)
 *
 * s(j) the merged list score, z(j) the model's logit (`itemLogit`), P the pool, w the model's blend weight
 * (fitted on the build's validation sessions, `batch/sequence/sequence-blend-fit.ts`). A candidate without an
 * embedding has exp(.) = 0. Ties keep the merge's order. The build's fit and the edge both call this function.
 */
import type { CandidateList } from "../candidates";
import type { MergedCandidate } from "../recommend/merge-cart";
import { itemLogit, type SequenceModel, sessionState } from "./gru-model";

/**
 * The int8 embeddings of the session's items that have one, oldest first (`items` as item indices, undefined or
 * -1 unknown); a view repeating the one before it is one step, as in training (`sequence-columns.ts`).
 */
export function sessionEmbeddings(items: ReadonlyArray<number | undefined>, embeddingOf: (item: number) => Int8Array | undefined): Int8Array[] {
  const out: Int8Array[] = [];
  let previous = -1;
  for (const item of items) {
    if (item === undefined || item < 0 || item === previous) continue;
    previous = item;
    const embedding = embeddingOf(item);
    if (embedding !== undefined) out.push(embedding);
  }
  return out;
}

/**
 * The pool in blended order with f as its score; `lists[a]` is the list of the merge's anchor a (the list that
 * holds the candidate and its embedding). The pool as it is when the session has no embedded item.
 */
export function blendWithSequence(model: SequenceModel, session: readonly Int8Array[], pool: readonly MergedCandidate[], lists: readonly CandidateList[]): MergedCandidate[] {
  const w = model.blendWeight;
  if (pool.length === 0 || session.length === 0 || !(w > 0)) return [...pool];
  const state = sessionState(model, session);
  const logits = new Float64Array(pool.length).fill(Number.NEGATIVE_INFINITY);
  let maxLogit = Number.NEGATIVE_INFINITY;
  let maxScore = 0;
  for (let i = 0; i < pool.length; i++) {
    const { item, anchor, score } = pool[i];
    if (score > maxScore) maxScore = score;
    const list = anchor >= 0 ? lists[anchor] : undefined;
    const embeddings = list?.embeddings;
    if (list === undefined || embeddings === undefined) continue;
    const position = list.items.indexOf(item);
    if (position < 0) continue;
    logits[i] = itemLogit(model, state, embeddings.candidates, position * model.dim);
    if (logits[i] > maxLogit) maxLogit = logits[i];
  }
  const blended = pool.map((c, i) => ({ c, i, f: (1 - w) * (maxScore > 0 ? c.score / maxScore : 0) + (logits[i] === Number.NEGATIVE_INFINITY ? 0 : w * Math.exp(logits[i] - maxLogit)) }));
  blended.sort((a, b) => b.f - a.f || a.i - b.i);
  return blended.map(({ c, f }) => ({ ...c, score: f }));
}
