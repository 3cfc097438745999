/**
 * @module
 * Whether a blob an earlier build published still serves alike in a new build, so the new build can name it where it
 * lives instead of writing it again (blob-homes.ts). A rebuild on a little more data moves scores and popularity a
 * little everywhere; what a shopper sees moves only where the lists' order does. An earlier blob serves alike when
 * every list it holds ranks its first items as the new build would (NDCG@10 of its order, judged by the new list's
 * scores, or ranks where scores do not rank it, at least NDCG_KEPT; first scores within SCORE_SLACK of the new top
 * score; a price-band pool per band, as the edge ranks it), carries the same next-item
 * embeddings, and every fact it carries is today's: ids, titles, prices, flags, categories, fit facts exactly;
 * popularity and stock within COUNT_SLACK (the stock overlay and the live catalogue serve stock in real time), and
 * popularity also within the least count of the item's category best sellers: an item at the edge of that list has
 * its count in one build and 0 (in no popular list) in the next, on one order more or less.
 * Both blobs are read against the new build's global blob, so an index means the same item in both.
 */
import type { CandidateList } from "../candidates";
import { bandScore, PRICE_BANDS, type PriceBand } from "../recommend/price-bands";
import type { AnchorBlob } from "./anchor-blob";
import { ByteWriter } from "./byte-writer";
import type { ItemLists } from "./item-blob";
import { type ItemFacts, writeItemFacts } from "./item-facts";

/** Positions whose order is judged. */
const JUDGED = 10;
/** Least NDCG@JUDGED of the earlier order, judged by the new list's ranks. */
const NDCG_KEPT = 0.98;
/** Largest move of a judged item's score, as a share of the new list's top score. */
const SCORE_SLACK = 0.1;
/** Largest move of a count (popularity, units in stock): this share of today's, or COUNT_FLOOR, whichever is more. */
const COUNT_SLACK = 0.25;
const COUNT_FLOOR = 3;

/**
 * Today's facts of `ids` (in that order), as the new build would write them, and per item the least count of its
 * category's best sellers (0 for none); undefined when one is no longer in the build.
 */
export type TodaysFacts = (ids: readonly string[]) => { facts: ItemFacts; popularityEdge: Float32Array } | undefined;

/**
 * Whether `earlier` (an anchor blob, or a category blob's lists) serves like `next`; `globalIds`: the new global blob's
 * dictionary; `anchor`: the id of the item the blobs are for, when known (its price bands are judged as the edge
 * serves them).
 */
export function servesAlike(earlier: AnchorBlob, next: AnchorBlob, globalIds: readonly string[], today: TodaysFacts, anchor?: string): boolean {
  const kinds = Object.keys(next.lists) as Array<keyof ItemLists>;
  if (kinds.length !== Object.keys(earlier.lists).length) return false;
  const idOf = (blob: AnchorBlob) => (i: number) => (i < blob.globalItems ? globalIds[i] : blob.facts.ids[i - blob.globalItems]);
  for (const kind of kinds) {
    const before = earlier.lists[kind];
    const after = next.lists[kind]!;
    if (before === undefined) return false;
    const beforeIds = Array.from(before.items, idOf(earlier));
    const afterIds = Array.from(after.items, idOf(next));
    if (kind === "price_band" && anchor !== undefined) {
      if (!bandsAlike(beforeIds, afterIds, anchor, today)) return false;
    } else if (!ranksAlike(beforeIds, before.scores, afterIds, after.scores) || !sameEmbeddings(before, beforeIds, after, afterIds)) return false;
  }
  return factsAreToday(earlier.facts, today);
}

/** Whether `earlier` facts (a directory shard's, an anchor's own table) are today's, counts within their slack. */
export function factsAreToday(earlier: ItemFacts, today: TodaysFacts): boolean {
  const found = today(earlier.ids);
  if (found === undefined) return false;
  const current = found.facts;
  const m = earlier.ids.length;
  for (let k = 0; k < m; k++) {
    const moved = Math.abs(earlier.popularity[k] - current.popularity[k]);
    if (!near(earlier.popularity[k], current.popularity[k]) && moved > found.popularityEdge[k]) return false;
    const was = earlier.stock?.[k] ?? -1;
    const is = current.stock?.[k] ?? -1;
    if ((was < 0) !== (is < 0) || (was > 0) !== (is > 0) || !near(was, is)) return false;
  }
  const aligned: ItemFacts = { ...current, popularity: earlier.popularity, ...(current.stock !== undefined && earlier.stock !== undefined ? { stock: earlier.stock } : {}) };
  return sameBytes(encoded(earlier), encoded(aligned));
}

/**
 * NDCG@JUDGED of `before`'s order judged by `after`: an item's gain is its new score where the new list's first
 * scores are positive and falling (so near ties may trade places), else 1 / (1 + its new rank); and the judged
 * items' scores close to their new ones.
 */
function ranksAlike(before: readonly string[], beforeScores: Float32Array, after: readonly string[], afterScores: Float32Array): boolean {
  if (after.length === 0) return before.length === 0;
  const rank = new Map<string, number>();
  after.forEach((id, r) => {
    if (!rank.has(id)) rank.set(id, r);
  });
  const byScore = scoresRank(afterScores);
  const gain = (id: string) => {
    const r = rank.get(id);
    if (r === undefined) return 0;
    return byScore ? Math.max(0, afterScores[r]) : 1 / (1 + r);
  };
  if (!ndcgKept(before, after, gain)) return false;
  const top = Math.abs(afterScores[0]);
  for (let i = 0; i < JUDGED && i < before.length; i++) {
    const r = rank.get(before[i]);
    if (r !== undefined && Math.abs(beforeScores[i] - afterScores[r]) > SCORE_SLACK * top) return false;
  }
  return true;
}

/**
 * Price-band pools (cheapest first, no scores) as the edge serves them (`priceBandCandidates`): per band, the members
 * priced in it ranked by preferred flag, purchase count and closeness to the band's target, all by today's facts;
 * the earlier pool's first JUDGED judged by NDCG against the new pool's. An item's gain is the square root of its
 * count (on which a count's noise is about even), floored at the least count of its category's best sellers (below
 * it a count reads 0: unknown), a preferred item's above every other's: members of near-equal counts may trade
 * places at the pool's margin, a best seller may not go missing.
 */
function bandsAlike(before: readonly string[], after: readonly string[], anchor: string, today: TodaysFacts): boolean {
  const ids = [...new Set([anchor, ...before, ...after])];
  const found = today(ids);
  if (found === undefined) return false;
  const { prices, flags, popularity } = found.facts;
  const { popularityEdge } = found;
  const at = new Map(ids.map((id, k) => [id, k]));
  const price = prices[0];
  if (!(price > 0)) return before.length === after.length && before.every((id, k) => id === after[k]);
  const preferredGain = Math.sqrt(Math.max(0, ...popularity) + 1);
  for (const band of Object.values(PRICE_BANDS) as PriceBand[]) {
    const lo = band.lo * price;
    const hi = band.hi * price;
    const preferred = (k: number) => band.preferFlag !== undefined && (flags[k] & band.preferFlag) !== 0;
    const gain = (k: number) => Math.sqrt(Math.max(popularity[k], popularityEdge[k], 1)) + (preferred(k) ? preferredGain : 0);
    const served = (pool: readonly string[]) =>
      pool
        .map((id) => at.get(id)!)
        .filter((k) => k !== 0 && prices[k] >= lo && prices[k] <= hi && !(band.aboveOnly === true && prices[k] <= lo))
        .sort((a, b) => Number(preferred(b)) - Number(preferred(a)) || popularity[b] - popularity[a] || bandScore(prices[b], price, band) - bandScore(prices[a], price, band) || a - b)
        .slice(0, JUDGED);
    if (!ndcgKept(served(before), served(after), gain)) return false;
  }
  return true;
}

/** Whether the first JUDGED of `earlier`, judged by `gain`, score NDCG_KEPT of the first JUDGED of `next` (the ideal order). */
function ndcgKept<T>(earlier: readonly T[], next: readonly T[], gain: (item: T) => number): boolean {
  let got = 0;
  let ideal = 0;
  for (let i = 0; i < JUDGED; i++) {
    const discount = 1 / Math.log2(2 + i);
    if (i < earlier.length) got += discount * gain(earlier[i]);
    if (i < next.length) ideal += discount * gain(next[i]);
  }
  return got >= NDCG_KEPT * ideal;
}

/** Whether the first JUDGED scores are positive and do not rise: they rank the list. */
function scoresRank(scores: Float32Array): boolean {
  const n = Math.min(JUDGED, scores.length);
  for (let i = 0; i < n; i++) if (!(scores[i] > 0) || (i > 0 && scores[i] > scores[i - 1])) return false;
  return n > 0;
}

/** The same sequence model's embeddings: the anchor's and every candidate both lists hold equal (none in either alike). */
function sameEmbeddings(a: CandidateList, aIds: readonly string[], b: CandidateList, bIds: readonly string[]): boolean {
  const x = a.embeddings;
  const y = b.embeddings;
  if (x === undefined || y === undefined) return x === y;
  const d = x.anchor.length;
  if (d !== y.anchor.length || !sameBytes(bytesOf(x.anchor), bytesOf(y.anchor))) return false;
  const at = new Map(bIds.map((id, i) => [id, i]));
  for (let i = 0; i < aIds.length; i++) {
    const j = at.get(aIds[i]);
    if (j === undefined) continue;
    for (let e = 0; e < d; e++) if (x.candidates[i * d + e] !== y.candidates[j * d + e]) return false;
  }
  return true;
}

function near(was: number, is: number): boolean {
  return Math.abs(was - is) <= Math.max(COUNT_SLACK * Math.abs(is), COUNT_FLOOR);
}

function encoded(facts: ItemFacts): Uint8Array {
  const w = new ByteWriter(256);
  writeItemFacts(w, facts);
  return w.finish();
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
