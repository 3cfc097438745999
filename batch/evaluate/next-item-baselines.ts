/**
 * @module
 * The named baselines of the next-item task, trained on the training sequences (each one a session: its set of
 * distinct items), each ranking items for a request's prefix s = (s_1 .. s_L), oldest first, never naming an
 * item of the prefix:
 *
 *   popularity   n(j), the number of training sessions holding j
 *   item-kNN     on the last item l = s_L: cos(l, j) = n(l, j) / sqrt(n(l) n(j)), n(l, j) the sessions holding both
 *   V-SKNN       session kNN with linear recency decay (Ludewig & Jannach 2018, "div" weighting): the prefix item
 *                at position p weighs w_p = p / L (a repeated item keeps its latest position);
 *                sim(s, n) = sum over distinct i in s and n of w_i / |distinct s|;
 *                candidates are the `sample` (500) most recent training sessions holding any prefix item, the
 *                `k` (100) most similar are the neighbours (ties to the more recent), and score(j) = sum over neighbours n holding j of
 *                sim(s, n). Recency is the session's time, then its position in the input.
 *
 * Ties go to the item seen first in training. A kNN baseline names only items its neighbours hold (no
 * popularity fill), as the published implementations do.
 */
import type { ItemSequence } from "../io/read-sequences";
import { selectTop } from "../mining/top-k";

const VSKNN_DEFAULTS = { k: 100, sample: 500 } as const;

export const NEXT_ITEM_BASELINES = ["popularity", "item-knn", "v-sknn"] as const;
export type NextItemBaseline = (typeof NEXT_ITEM_BASELINES)[number];

/** Training sessions as distinct item indices, with postings per item (most recent session first). */
export class SessionIndex {
  readonly itemIds: string[] = [];
  readonly itemIndex = new Map<string, number>();
  /** Session s holds items[offsets[s] .. offsets[s+1]). */
  readonly offsets: Uint32Array;
  readonly items: Uint32Array;
  /** Sessions holding each item, most recent first (CSR over items). */
  readonly postingOffsets: Uint32Array;
  readonly postings: Uint32Array;
  /** Sessions holding each item, n(j). */
  readonly frequency: Uint32Array;
  /** 0 for the most recent session. */
  readonly recencyRank: Uint32Array;

  constructor(sequences: readonly ItemSequence[]) {
    const rows: number[][] = [];
    for (const sequence of sequences) {
      const row: number[] = [];
      const seen = new Set<number>();
      for (const id of sequence.items) {
        let index = this.itemIndex.get(id);
        if (index === undefined) {
          index = this.itemIds.length;
          this.itemIds.push(id);
          this.itemIndex.set(id, index);
        }
        if (!seen.has(index)) {
          seen.add(index);
          row.push(index);
        }
      }
      rows.push(row);
    }
    const n = this.itemIds.length;
    this.offsets = new Uint32Array(rows.length + 1);
    for (let s = 0; s < rows.length; s++) this.offsets[s + 1] = this.offsets[s] + rows[s].length;
    this.items = new Uint32Array(this.offsets[rows.length]);
    rows.forEach((row, s) => this.items.set(row, this.offsets[s]));
    this.frequency = new Uint32Array(n);
    for (const item of this.items) this.frequency[item]++;
    this.postingOffsets = new Uint32Array(n + 1);
    for (let j = 0; j < n; j++) this.postingOffsets[j + 1] = this.postingOffsets[j] + this.frequency[j];
    this.postings = new Uint32Array(this.items.length);
    const fill = this.postingOffsets.slice(0, n);
    const byRecency = Array.from(rows.keys()).sort((a, b) => recency(sequences[b], b) - recency(sequences[a], a) || b - a);
    for (const s of byRecency) for (const item of rows[s]) this.postings[fill[item]++] = s;
    this.recencyRank = new Uint32Array(rows.length);
    byRecency.forEach((s, r) => (this.recencyRank[s] = r));
  }

  get sessions(): number {
    return this.offsets.length - 1;
  }
}

function recency(sequence: ItemSequence, position: number): number {
  return Number.isNaN(sequence.time) ? position * 1e-9 : sequence.time;
}

/** The known prefix items as indices (oldest first) and a mark per item for exclusion. */
function prefixItems(index: SessionIndex, prefix: readonly string[]): { known: number[]; excluded: Set<number> } {
  const known: number[] = [];
  for (const id of prefix) {
    const item = index.itemIndex.get(id);
    if (item !== undefined) known.push(item);
  }
  return { known, excluded: new Set(known) };
}

/** Scores -> ids of the best `limit`, excluded items dropped, ties to the lower index. */
function ranked(index: SessionIndex, scores: Map<number, number>, excluded: ReadonlySet<number>, limit: number): string[] {
  const items = new Uint32Array(scores.size);
  const values = new Float64Array(scores.size);
  let length = 0;
  for (const [item, score] of scores) {
    if (excluded.has(item) || !(score > 0)) continue;
    items[length] = item;
    values[length++] = score;
  }
  const kept = selectTop(items, values, length, limit);
  return Array.from(items.subarray(0, kept), (item) => index.itemIds[item]);
}

export class PopularityBaseline {
  private readonly order: Uint32Array;

  constructor(private readonly index: SessionIndex) {
    const n = index.itemIds.length;
    const items = Uint32Array.from({ length: n }, (_, i) => i);
    const scores = Float64Array.from(index.frequency);
    const kept = selectTop(items, scores, n, n);
    this.order = items.slice(0, kept);
  }

  recommend(prefix: readonly string[], limit: number): string[] {
    const { excluded } = prefixItems(this.index, prefix);
    const out: string[] = [];
    for (let i = 0; i < this.order.length && out.length < limit; i++) if (!excluded.has(this.order[i])) out.push(this.index.itemIds[this.order[i]]);
    return out;
  }
}

export class ItemKnnBaseline {
  constructor(private readonly index: SessionIndex) {}

  recommend(prefix: readonly string[], limit: number): string[] {
    const { known, excluded } = prefixItems(this.index, prefix);
    if (known.length === 0) return [];
    const { offsets, items, postingOffsets, postings, frequency } = this.index;
    const last = known[known.length - 1];
    const together = new Map<number, number>();
    for (let p = postingOffsets[last]; p < postingOffsets[last + 1]; p++) {
      const s = postings[p];
      for (let x = offsets[s]; x < offsets[s + 1]; x++) if (items[x] !== last) together.set(items[x], (together.get(items[x]) ?? 0) + 1);
    }
    const scores = new Map<number, number>();
    for (const [j, both] of together) scores.set(j, both / Math.sqrt(frequency[last] * frequency[j]));
    return ranked(this.index, scores, excluded, limit);
  }
}

export class VsknnBaseline {
  constructor(
    private readonly index: SessionIndex,
    private readonly options: { k: number; sample: number } = VSKNN_DEFAULTS,
  ) {}

  recommend(prefix: readonly string[], limit: number): string[] {
    const { known, excluded } = prefixItems(this.index, prefix);
    if (known.length === 0) return [];
    const { offsets, items } = this.index;
    const weight = new Map<number, number>();
    known.forEach((item, p) => weight.set(item, (p + 1) / known.length));
    const candidates = this.sampleSessions([...weight.keys()]);
    const neighbours = new Uint32Array(candidates.length);
    const similarity = new Float64Array(candidates.length);
    candidates.forEach((s, c) => {
      let sum = 0;
      for (let x = offsets[s]; x < offsets[s + 1]; x++) sum += weight.get(items[x]) ?? 0;
      neighbours[c] = c;
      similarity[c] = sum / weight.size;
    });
    const kept = selectTop(neighbours, similarity, candidates.length, this.options.k);
    const scores = new Map<number, number>();
    for (let r = 0; r < kept; r++) {
      const s = candidates[neighbours[r]];
      const sim = similarity[r];
      for (let x = offsets[s]; x < offsets[s + 1]; x++) scores.set(items[x], (scores.get(items[x]) ?? 0) + sim);
    }
    return ranked(this.index, scores, excluded, limit);
  }

  /** The `sample` most recent sessions holding any of `items`, most recent first (so similarity ties go to recency). */
  private sampleSessions(items: readonly number[]): number[] {
    const { postingOffsets, postings } = this.index;
    const holding = new Set<number>();
    for (const item of items) for (let p = postingOffsets[item]; p < postingOffsets[item + 1]; p++) holding.add(postings[p]);
    const all = [...holding];
    const rank = this.index.recencyRank;
    all.sort((a, b) => rank[a] - rank[b]);
    return all.slice(0, this.options.sample);
  }
}
