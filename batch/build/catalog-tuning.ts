/**
 * @module
 * Fits the cross-sell ranker's catalogue weights and the serving policy on the blend's own validation folds
 * (`tuning-folds.ts`), per shop, by replaying checkout exactly as the edge serves it (`cross-sell-replay.ts`):
 *
 *   s(a, j) = m(a, j) + ref * sum_f theta_f x_f(a, j)        (anchor-ranking.ts, cross-sell-features.ts)
 *
 * with ref the median over items of their best mined score, so theta is on the scale of the mined evidence; and
 * the policy: whether cart items weigh by value, which categories are one per order (repeat(C) <= rho,
 * `category-stats.ts`: the cart's own are left out), and whether the slot also takes no second item of them.
 * Every fold's statistics come from that fold's training baskets only.
 *
 * The search is coordinate ascent over the same grids for every shop (theta in {0, 0.01, 0.1, 1, 10}, negative
 * values too for same_brand and same_category, then factor-sqrt(10) steps; rho in RHO_GRID; ties go to restraint:
 * the larger rho, one per category in the slot),
 * maximising HR@k + NDCG@k / 4 from theta = 0 and no restraint: the no-catalogue blend exactly. A feature that
 * does not help keeps theta_f = 0.
 *
 * The catalogue is adopted only when the validation is large enough to tell: the requests are split in two
 * halves, weights fitted on each half are judged on the other against the no-catalogue blend, and the requests
 * where one finds the held-out item and the other does not (w wins, l losses) must give
 * (w - l) / sqrt(w + l) >= Z_ADOPT (one-sided 5%). Otherwise every theta is 0 and nothing is restrained: the
 * build serves exactly what it would without a catalogue. Adopted, the weights are refitted on all requests.
 */
import type { CandidateList } from "../../core/candidates";
import { type AnchorCandidates, CATALOG_FEATURES, type CatalogFeature, CrossSellFeatures, FEATURE_COUNT } from "../catalog/cross-sell-features";
import { AnchorRanking, type ListShape } from "../catalog/anchor-ranking";
import type { CatalogContext } from "../catalog/catalog-context";
import { CategoryStats } from "../catalog/category-stats";
import type { ItemSignals } from "../catalog/item-signals";
import { RankTally } from "../evaluate/metrics";
import { basketCount } from "../io/baskets";
import { blendRows } from "./blend-parameters";
import { type CrossSellValidation, popularByPrior, priorScores } from "./cross-sell";
import { CrossSellReplay, type ServedFold, type ServingPolicy } from "./cross-sell-replay";
import { RowBlender, topFlags } from "./cross-sell-sources";
import { tuningObjective } from "./exact-ranking";

export type RankerWeights = Record<CatalogFeature, number>;

export interface RankerPolicy {
  valueWeighting: boolean;
  /** Categories whose repeat(C) is at most this are one per order (-1: none). */
  repeatBound: number;
  /** The cart's cross-sell slot takes no second item of a one-per-order category. */
  distinct: boolean;
}

export interface CatalogRankerFit {
  adopted: boolean;
  /** Why the catalogue was (not) adopted, in words. */
  decision: string;
  weights: RankerWeights;
  policy: RankerPolicy;
  validation: {
    requests: number;
    folds: number;
    hr_without: number;
    ndcg_without: number;
    hr_with: number;
    ndcg_with: number;
    /** Cross-fitted: requests the catalogue finds and the blend misses, and the reverse. */
    wins: number;
    losses: number;
    z: number;
    evaluated: number;
  };
  milliseconds: number;
}

export interface CatalogTuningOptions {
  k?: number;
  /** Fewer validation requests than this: not adopted (default 200). */
  minRequests?: number;
}

export const Z_ADOPT = 1.645;
const WEIGHT_GRID = [0, 0.01, 0.1, 1, 10];
const SIGNED: ReadonlySet<CatalogFeature> = new Set(["same_brand", "same_category"]);
export const RHO_GRID = [-1, 0.02, 0.05, 0.1, 0.2];
const NO_POLICY: RankerPolicy = { valueWeighting: false, repeatBound: -1, distinct: false };

export function zeroWeights(): RankerWeights {
  return Object.fromEntries(CATALOG_FEATURES.map((f) => [f, 0])) as RankerWeights;
}

/** A fold ready to replay: its served prior and popular list, each anchor's candidates, ref and repeat rates. */
interface PreparedFold {
  served: ServedFold;
  anchors: number[];
  candidates: AnchorCandidates[];
  /** Anchor -> slot in `anchors`. */
  slot: Map<number, number>;
  ref: number;
  repeat: Float32Array;
}

export function tuneCatalogRanker(
  validation: CrossSellValidation,
  ctx: CatalogContext,
  signals: ItemSignals,
  scenarioShares: ReadonlyMap<number, ReadonlyMap<string, number>>,
  options: CatalogTuningOptions = {},
): CatalogRankerFit {
  const started = performance.now();
  const k = options.k ?? 10;
  const shape: ListShape = { topN: validation.topN, threshold: validation.parameters.threshold, corrections: validation.corrections };
  const folds = validation.folds.map((fold) => prepareFold(fold, validation, ctx, signals, scenarioShares, shape));
  const replay = new CrossSellReplay({ itemCategory: ctx.columns.itemCategory, prices: ctx.columns.prices, sellable: ctx.sellable, compat: ctx.compat }, k);
  const scorer = new FoldScorer(folds, replay, shape, k);
  const requests = folds.reduce((s, f) => s + f.served.requests.length, 0);
  const baseline = scorer.evaluate(zeroWeights(), NO_POLICY);
  const result = (adopted: boolean, decision: string, weights: RankerWeights, policy: RankerPolicy, withCatalog = baseline, wins = 0, losses = 0): CatalogRankerFit => ({
    adopted,
    decision,
    weights,
    policy,
    validation: {
      requests,
      folds: folds.length,
      hr_without: round(baseline.hr),
      ndcg_without: round(baseline.ndcg),
      hr_with: round(withCatalog.hr),
      ndcg_with: round(withCatalog.ndcg),
      wins,
      losses,
      z: wins + losses > 0 ? round((wins - losses) / Math.sqrt(wins + losses)) : 0,
      evaluated: scorer.evaluated,
    },
    milliseconds: Math.round(performance.now() - started),
  });
  if (requests < (options.minRequests ?? 200)) return result(false, `too few validation requests (${requests}) to tell`, zeroWeights(), NO_POLICY);

  // Cross-fitted decision: weights fitted on one half of the requests, judged on the other.
  let wins = 0;
  let losses = 0;
  for (const half of [0, 1] as const) {
    const fitted = coordinateAscent(scorer, half);
    const judged = scorer.evaluate(fitted.weights, fitted.policy, (1 - half) as 0 | 1);
    const reference = scorer.evaluate(zeroWeights(), NO_POLICY, (1 - half) as 0 | 1);
    for (let r = 0; r < judged.hits.length; r++) {
      if (judged.hits[r] === reference.hits[r]) continue;
      if (judged.hits[r] === 1) wins++;
      else losses++;
    }
  }
  const z = wins + losses > 0 ? (wins - losses) / Math.sqrt(wins + losses) : 0;
  if (!(z >= Z_ADOPT)) {
    return result(false, `no catalogue gain the validation can tell from noise (${wins} more found, ${losses} fewer; z = ${z.toFixed(2)} < ${Z_ADOPT})`, zeroWeights(), NO_POLICY, baseline, wins, losses);
  }
  const final = coordinateAscent(scorer, undefined);
  const withCatalog = scorer.evaluate(final.weights, final.policy);
  if (process.env.DEBUG_RHO) for (const rho of RHO_GRID) for (const v of [false, true]) { const e = scorer.evaluate(final.weights, { valueWeighting: false, repeatBound: rho, distinct: v }); console.error("rho", rho, "distinct", v, e.hr.toFixed(4), e.ndcg.toFixed(4)); }
  return result(true, `catalogue features adopted (${wins} more found, ${losses} fewer on held-out halves; z = ${z.toFixed(2)})`, final.weights, final.policy, withCatalog, wins, losses);
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function prepareFold(
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
  const minedOf = (a: number): CandidateList => {
    const count = blender.blend(rows, weights, a, shape.topN, shape.threshold, shape.corrections, highPrior);
    return { items: blender.items.slice(0, count), scores: Float32Array.from(blender.scores.subarray(0, count)), reasons: new Uint32Array(count) };
  };
  // ref: the median over items of their best mined score, as the final build computes it.
  const best: number[] = [];
  for (let a = 0; a < sources.items; a++) {
    const count = blender.blend(rows, weights, a, 1, shape.threshold, 0, undefined);
    if (count > 0 && blender.scores[0] > 0) best.push(blender.scores[0]);
  }
  best.sort((x, y) => x - y);
  const ref = best.length > 0 ? best[best.length >> 1] : 1;
  const anchors: number[] = [];
  const slot = new Map<number, number>();
  for (const { cart } of fold.requests) {
    for (const a of cart) {
      if (slot.has(a)) continue;
      slot.set(a, anchors.length);
      anchors.push(a);
    }
  }
  const candidates = anchors.map((a) => features.candidates(a, minedOf(a)));
  const sellable = (i: number) => ctx.sellable[i] === 1;
  const frequency = sources.cooccurrence.frequency;
  const priorList = popularByPrior(base, frequency, 0);
  const keep = Array.from(priorList.items.keys()).filter((i) => sellable(priorList.items[i]));
  const prior: CandidateList = { items: Uint32Array.from(keep, (i) => priorList.items[i]), scores: Float32Array.from(keep, (i) => priorList.scores[i]), reasons: new Uint32Array(keep.length) };
  const popular = Array.from(frequency.keys()).filter((i) => frequency[i] > 0 && sellable(i));
  popular.sort((x, y) => frequency[y] - frequency[x] || x - y);
  const repeat = new Float32Array(columns.categories.length);
  for (let c = 0; c < repeat.length; c++) repeat[c] = stats.repeat(c);
  void basketCount;
  return { served: { requests: fold.requests, prior, popular: Uint32Array.from(popular.slice(0, 200)) }, anchors, candidates, slot, ref, repeat };
}

interface Evaluation {
  objective: number;
  hr: number;
  ndcg: number;
  /** Per request of the evaluated half (or of all), in fold order: 1 when found in the top k. */
  hits: Uint8Array;
}

/** Scores weights and a policy on the prepared folds (all requests, or one parity half of each fold's). */
class FoldScorer {
  evaluated = 0;
  /** Features some candidate carries (a feature that is 0 everywhere cannot change a list). */
  readonly active: ReadonlySet<CatalogFeature>;
  private readonly ranking = new AnchorRanking();
  private readonly listItems: Uint32Array[];
  private readonly listScores: Float64Array[];
  private readonly listCounts: Int32Array[];
  private readonly scaled = new Float64Array(FEATURE_COUNT);

  constructor(
    private readonly folds: readonly PreparedFold[],
    private readonly replay: CrossSellReplay,
    private readonly shape: ListShape,
    private readonly k: number,
  ) {
    const width = shape.topN + shape.corrections;
    const active = new Set<CatalogFeature>();
    for (const fold of folds) {
      for (const c of fold.candidates) {
        for (let k = 0; k < c.features.length; k++) if (c.features[k] !== 0) active.add(CATALOG_FEATURES[k % FEATURE_COUNT]);
      }
    }
    this.active = active;
    this.listItems = folds.map((f) => new Uint32Array(f.anchors.length * width));
    this.listScores = folds.map((f) => new Float64Array(f.anchors.length * width));
    this.listCounts = folds.map((f) => new Int32Array(f.anchors.length));
  }

  evaluate(weights: RankerWeights, policy: RankerPolicy, half?: 0 | 1): Evaluation {
    this.evaluated++;
    const tally = new RankTally(this.k);
    const hits: number[] = [];
    const width = this.shape.topN + this.shape.corrections;
    for (let f = 0; f < this.folds.length; f++) {
      const fold = this.folds[f];
      CATALOG_FEATURES.forEach((name, i) => (this.scaled[i] = weights[name] * fold.ref));
      const items = this.listItems[f];
      const scores = this.listScores[f];
      const counts = this.listCounts[f];
      for (let s = 0; s < fold.anchors.length; s++) {
        const count = this.ranking.rank(fold.candidates[s], this.scaled, this.shape);
        items.set(this.ranking.items.subarray(0, count), s * width);
        scores.set(this.ranking.scores.subarray(0, count), s * width);
        counts[s] = count;
      }
      const serving: ServingPolicy = { valueWeighting: policy.valueWeighting, distinct: policy.distinct, exclusive: Uint8Array.from(fold.repeat, (r) => (r <= policy.repeatBound ? 1 : 0)) };
      const listOf = (a: number) => {
        const s = fold.slot.get(a);
        if (s === undefined) return undefined;
        return { items: items.subarray(s * width, s * width + counts[s]), scores: scores.subarray(s * width, s * width + counts[s]), count: counts[s] };
      };
      const requests = fold.served.requests;
      for (let r = 0; r < requests.length; r++) {
        if (half !== undefined && r % 2 !== half) continue;
        const rank = this.replay.rank(fold.served, requests[r], listOf, serving);
        tally.add(rank);
        hits.push(rank < this.k ? 1 : 0);
      }
    }
    return { objective: tuningObjective(tally), hr: tally.hr, ndcg: tally.ndcg, hits: Uint8Array.from(hits) };
  }
}

/** Coordinate ascent from theta = 0 and no restraint (module doc). */
function coordinateAscent(scorer: FoldScorer, half: 0 | 1 | undefined): { weights: RankerWeights; policy: RankerPolicy; objective: number } {
  let weights = zeroWeights();
  let policy: RankerPolicy = { ...NO_POLICY };
  let best = scorer.evaluate(weights, policy, half).objective;
  const tryWeights = (candidates: RankerWeights[]) => {
    let improved = false;
    for (const candidate of candidates) {
      const objective = scorer.evaluate(candidate, policy, half).objective;
      if (objective > best + 1e-9) {
        best = objective;
        weights = candidate;
        improved = true;
      }
    }
    return improved;
  };
  const tryPolicy = () => {
    let improved = false;
    let chosen = policy;
    let chosenObjective = best;
    for (const repeatBound of RHO_GRID) {
      if (repeatBound === policy.repeatBound) continue;
      const candidate = { ...policy, repeatBound };
      const objective = scorer.evaluate(weights, candidate, half).objective;
      // Ties go to the larger bound: restraint that costs nothing is kept.
      if (objective > chosenObjective + 1e-9 || (objective >= chosenObjective - 1e-12 && repeatBound > chosen.repeatBound)) {
        improved ||= objective > chosenObjective + 1e-9;
        chosen = candidate;
        chosenObjective = objective;
      }
    }
    policy = chosen;
    best = chosenObjective;
    const byValue = { ...policy, valueWeighting: !policy.valueWeighting };
    const objective = scorer.evaluate(weights, byValue, half).objective;
    if (objective > best + 1e-9) {
      policy = byValue;
      best = objective;
      improved = true;
    }
    if (policy.repeatBound >= 0) {
      // One per category in the slot too, where that costs nothing.
      const distinct = { ...policy, distinct: !policy.distinct };
      const objective = scorer.evaluate(weights, distinct, half).objective;
      if (objective > best + 1e-9 || (distinct.distinct && objective >= best - 1e-12)) {
        improved ||= objective > best + 1e-9;
        policy = distinct;
        best = objective;
      }
    }
    return improved;
  };
  for (let round = 0; round < 3; round++) {
    let improved = false;
    for (const feature of CATALOG_FEATURES) {
      if (!scorer.active.has(feature)) continue;
      const grid = SIGNED.has(feature) ? [...WEIGHT_GRID, ...WEIGHT_GRID.slice(1).map((w) => -w)] : WEIGHT_GRID;
      improved = tryWeights(grid.filter((w) => w !== weights[feature]).map((w) => ({ ...weights, [feature]: w }))) || improved;
    }
    improved = tryPolicy() || improved;
    if (!improved) break;
  }
  for (const feature of CATALOG_FEATURES) {
    const w = weights[feature];
    if (w !== 0) tryWeights([w / Math.sqrt(10), w * Math.sqrt(10)].map((v) => ({ ...weights, [feature]: v })));
  }
  return { weights, policy, objective: best };
}
