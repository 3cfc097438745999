/**
 * @module
 * The cross-sell ranker's validation folds, ready to replay: per fold (from that fold's training baskets only) its
 * category statistics, each cart item's candidates with their mined scores and catalogue features, the served
 * prior, the popular fallback, the category complements and repeat rates; and a scorer that turns weights and a
 * policy into HR@k + NDCG@k / 4 through `cross-sell-replay.ts`.
 *
 * The scorer keeps every fold's candidates in flat columns and the scores s = m + sum_f w_f x_f of the last
 * weights it saw, so weights that differ from them in one feature (the coordinate ascent's moves) cost one pass
 * over one column, not over every feature.
 */
import type { CandidateList } from "../../core/candidates";
import { CATALOG_FEATURES, type CatalogFeature, CrossSellFeatures, FEATURE_COUNT } from "../catalog/cross-sell-features";
import type { ListShape } from "../catalog/anchor-ranking";
import type { CatalogContext } from "../catalog/catalog-context";
import { CategoryStats } from "../catalog/category-stats";
import { complementMap } from "../catalog/complement-map";
import type { ItemSignals } from "../catalog/item-signals";
import { RankTally } from "../evaluate/metrics";
import { selectTop } from "../mining/top-k";
import { blendRows } from "./blend-parameters";
import { type CrossSellValidation, popularByPrior, priorScores } from "./cross-sell";
import type { CrossSellReplay, ServedFold, ServingPolicy } from "./cross-sell-replay";
import { RowBlender, topFlags } from "./cross-sell-sources";
import { tuningObjective } from "./exact-ranking";

export type RankerWeights = Record<CatalogFeature, number>;

export interface RankerPolicy {
  valueWeighting: boolean;
  /** Categories whose repeat(C) is at most this are one per order (-1: none). */
  repeatBound: number;
  /** The cart's cross-sell slot takes at most this many items of one category (0: no limit). */
  perCategory: number;
  /** Missing essentials completed for complement categories attached at least this much (0: off). */
  essentialAttach: number;
}

export function zeroWeights(): RankerWeights {
  return Object.fromEntries(CATALOG_FEATURES.map((f) => [f, 0])) as RankerWeights;
}

/** A fold ready to replay. Candidates of anchor slot s are rows start[s] .. start[s + 1]. */
export interface PreparedFold {
  served: ServedFold;
  /** Anchor -> slot. */
  slot: Map<number, number>;
  anchors: number;
  start: Uint32Array;
  items: Uint32Array;
  mined: Float64Array;
  /** Column per feature. */
  columns: Float32Array[];
  /** The median over items of their best mined score: what the weights are relative to. */
  ref: number;
  repeat: Float32Array;
  /** Anchor slots of each parity half's requests. */
  halfSlots: [Uint32Array, Uint32Array];
}

export function prepareFold(
  fold: CrossSellValidation["folds"][number],
  validation: CrossSellValidation,
  ctx: CatalogContext,
  signals: ItemSignals,
  shares: ReadonlyMap<number, ReadonlyMap<string, number>>,
  shape: ListShape,
): PreparedFold {
  const { sources } = fold;
  const parameters = validation.parameters;
  const columns = ctx.columns;
  const stats = new CategoryStats(sources.baskets, columns.itemCategory, columns.categories.length, columns.prices);
  const features = new CrossSellFeatures(ctx, signals, stats, shares);
  const base = priorScores(sources, parameters);
  const highPrior = shape.corrections > 0 ? topFlags(base, shape.topN + shape.corrections) : undefined;
  const { rows, weights } = blendRows(sources, parameters);
  const blender = new RowBlender(sources.items);
  const best: number[] = [];
  for (let a = 0; a < sources.items; a++) {
    const count = blender.blend(rows, weights, a, 1, shape.threshold, 0, undefined);
    if (count > 0 && blender.scores[0] > 0) best.push(blender.scores[0]);
  }
  best.sort((x, y) => x - y);
  const ref = best.length > 0 ? best[best.length >> 1] : 1;

  const slot = new Map<number, number>();
  const halves: [Set<number>, Set<number>] = [new Set(), new Set()];
  fold.requests.forEach(({ cart }, r) => {
    for (const a of cart) {
      let s = slot.get(a);
      if (s === undefined) slot.set(a, (s = slot.size));
      halves[r % 2].add(s);
    }
  });
  const anchors = slot.size;
  const start = new Uint32Array(anchors + 1);
  const items: number[] = [];
  const mined: number[] = [];
  const featureRows: Float32Array[] = [];
  for (const [a, s] of slot) {
    const count = blender.blend(rows, weights, a, shape.topN, shape.threshold, shape.corrections, highPrior);
    const list: CandidateList = { items: blender.items.slice(0, count), scores: Float32Array.from(blender.scores.subarray(0, count)), reasons: new Uint32Array(count) };
    const c = features.candidates(a, list);
    for (let k = 0; k < c.count; k++) {
      items.push(c.items[k]);
      mined.push(c.mined[k]);
    }
    featureRows.push(c.features);
    start[s + 1] = items.length;
  }
  const total = items.length;
  const featureColumns = CATALOG_FEATURES.map(() => new Float32Array(total));
  for (let s = 0; s < anchors; s++) {
    const rowsOf = featureRows[s];
    for (let k = 0; k < start[s + 1] - start[s]; k++) for (let f = 0; f < FEATURE_COUNT; f++) featureColumns[f][start[s] + k] = rowsOf[k * FEATURE_COUNT + f];
  }

  const sellable = (i: number) => ctx.sellable[i] === 1;
  const frequency = sources.cooccurrence.frequency;
  const priorList = popularByPrior(base, frequency, 0);
  const keep = Array.from(priorList.items.keys()).filter((i) => sellable(priorList.items[i]));
  const prior: CandidateList = { items: Uint32Array.from(keep, (i) => priorList.items[i]), scores: Float32Array.from(keep, (i) => priorList.scores[i]), reasons: new Uint32Array(keep.length) };
  const popular = Array.from(frequency.keys()).filter((i) => frequency[i] > 0 && sellable(i));
  popular.sort((x, y) => frequency[y] - frequency[x] || x - y);
  const repeat = new Float32Array(columns.categories.length);
  for (let c = 0; c < repeat.length; c++) repeat[c] = stats.repeat(c);
  const complements = new Map<number, { categories: Uint32Array; attach: Float32Array }>();
  for (const [c, edges] of complementMap(sources.baskets, columns.itemCategory, columns.categories)) {
    complements.set(c, { categories: Uint32Array.from(edges, (e) => e.category), attach: Float32Array.from(edges, (e) => e.weight) });
  }
  return {
    served: { requests: fold.requests, prior, popular: Uint32Array.from(popular.slice(0, 200)), complements },
    slot,
    anchors,
    start,
    items: Uint32Array.from(items),
    mined: Float64Array.from(mined),
    columns: featureColumns,
    ref,
    repeat,
    halfSlots: [Uint32Array.from(halves[0]), Uint32Array.from(halves[1])],
  };
}

export interface Evaluation {
  objective: number;
  hr: number;
  ndcg: number;
  /** Per request of the evaluated half (or of all), in fold order: 1 when found in the top k. */
  hits: Uint8Array;
}

/** Scores weights and a policy on the prepared folds (all requests, or one parity half of each fold's). */
export class FoldScorer {
  evaluated = 0;
  /** Features some candidate carries (a feature that is 0 everywhere cannot change a list). */
  readonly active: ReadonlySet<CatalogFeature>;
  private readonly width: number;
  private readonly listItems: Uint32Array[];
  private readonly listScores: Float64Array[];
  private readonly listCounts: Int32Array[];
  /** Per fold: s of every candidate under `scoredWith`. */
  private readonly scores: Float64Array[];
  private scoredWith: RankerWeights | undefined;
  private readonly scratchItems = new Uint32Array(1024);
  private readonly scratchScores = new Float64Array(1024);
  private readonly negItems = new Uint32Array(1024);
  private readonly negScores = new Float64Array(1024);
  private readonly hits: Uint8Array;

  constructor(
    private readonly folds: readonly PreparedFold[],
    private readonly replay: CrossSellReplay,
    private readonly shape: ListShape,
    private readonly k: number,
  ) {
    this.width = shape.topN + shape.corrections;
    const active = new Set<CatalogFeature>();
    for (const fold of folds) fold.columns.forEach((column, f) => column.some((v) => v !== 0) && active.add(CATALOG_FEATURES[f]));
    this.active = active;
    this.listItems = folds.map((f) => new Uint32Array(f.anchors * this.width));
    this.listScores = folds.map((f) => new Float64Array(f.anchors * this.width));
    this.listCounts = folds.map((f) => new Int32Array(f.anchors));
    this.scores = folds.map((f) => new Float64Array(f.items.length));
    this.hits = new Uint8Array(folds.reduce((n, f) => n + f.served.requests.length, 0));
  }

  evaluate(weights: RankerWeights, policy: RankerPolicy, half?: 0 | 1): Evaluation {
    this.evaluated++;
    this.rescore(weights);
    const tally = new RankTally(this.k);
    let hitCount = 0;
    const width = this.width;
    for (let f = 0; f < this.folds.length; f++) {
      const fold = this.folds[f];
      const items = this.listItems[f];
      const scores = this.listScores[f];
      const counts = this.listCounts[f];
      const slots = half === undefined ? undefined : fold.halfSlots[half];
      const anchorCount = slots === undefined ? fold.anchors : slots.length;
      for (let i = 0; i < anchorCount; i++) {
        const s = slots === undefined ? i : slots[i];
        counts[s] = this.list(fold, this.scores[f], s, items, scores, s * width);
      }
      const serving: ServingPolicy = {
        valueWeighting: policy.valueWeighting,
        perCategory: policy.perCategory,
        essentialAttach: policy.essentialAttach,
        exclusive: Uint8Array.from(fold.repeat, (r) => (r <= policy.repeatBound ? 1 : 0)),
      };
      const listOf = (a: number) => {
        const s = fold.slot.get(a);
        if (s === undefined) return undefined;
        return { items: items.subarray(s * width, s * width + counts[s]), scores: scores.subarray(s * width, s * width + counts[s]), count: counts[s] };
      };
      const requests = fold.served.requests;
      for (let r = half ?? 0; r < requests.length; r += half === undefined ? 1 : 2) {
        const rank = this.replay.rank(fold.served, r, listOf, serving);
        tally.add(rank);
        this.hits[hitCount++] = rank < this.k ? 1 : 0;
      }
    }
    return { objective: tuningObjective(tally), hr: tally.hr, ndcg: tally.ndcg, hits: this.hits.slice(0, hitCount) };
  }

  /** Brings every candidate's s to `weights`: one column when they differ from the last in one feature. */
  private rescore(weights: RankerWeights): void {
    const previous = this.scoredWith;
    const changed = previous === undefined ? CATALOG_FEATURES.slice() : CATALOG_FEATURES.filter((f) => weights[f] !== previous[f]);
    if (changed.length === 0) return;
    const full = previous === undefined || changed.length > 1;
    for (let f = 0; f < this.folds.length; f++) {
      const fold = this.folds[f];
      const scores = this.scores[f];
      if (full) {
        scores.set(fold.mined);
        CATALOG_FEATURES.forEach((name, c) => {
          const w = weights[name] * fold.ref;
          if (w === 0) return;
          const column = fold.columns[c];
          for (let i = 0; i < scores.length; i++) scores[i] += w * column[i];
        });
      } else {
        const name = changed[0];
        const delta = (weights[name] - previous![name]) * fold.ref;
        const column = fold.columns[CATALOG_FEATURES.indexOf(name)];
        for (let i = 0; i < scores.length; i++) scores[i] += delta * column[i];
      }
    }
    this.scoredWith = { ...weights };
  }

  /** Anchor slot s's list (`anchor-ranking.ts`: top-N above max(0, tau), then the corrections), unordered. */
  private list(fold: PreparedFold, s: Float64Array, slot: number, outItems: Uint32Array, outScores: Float64Array, at: number): number {
    const { scratchItems, scratchScores, negItems, negScores } = this;
    const threshold = Math.max(0, this.shape.threshold);
    let positive = 0;
    let negative = 0;
    for (let i = fold.start[slot]; i < fold.start[slot + 1]; i++) {
      const v = s[i];
      if (v > threshold) {
        scratchItems[positive] = fold.items[i];
        scratchScores[positive++] = v;
      } else if (v < 0 && fold.mined[i] < 0) {
        negItems[negative] = fold.items[i];
        negScores[negative++] = -v;
      }
    }
    const kept = selectTop(scratchItems, scratchScores, positive, this.shape.topN, false);
    const keptNegative = selectTop(negItems, negScores, negative, this.shape.corrections, false);
    outItems.set(scratchItems.subarray(0, kept), at);
    outScores.set(scratchScores.subarray(0, kept), at);
    for (let i = 0; i < keptNegative; i++) {
      outItems[at + kept + i] = negItems[i];
      outScores[at + kept + i] = -negScores[i];
    }
    return kept + keptNegative;
  }
}
