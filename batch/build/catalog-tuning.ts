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
 * values too for same_brand, same_category and other_maker, then factor-sqrt(10) steps; the policy's knobs on their grids, ties
 * to restraint; then `restrain` moves each knob to the most restrained value that costs no hits the validation can
 * tell),
 * maximising HR@k + NDCG@k / 4 from theta = 0 and no restraint: the no-catalogue blend exactly. A feature that
 * does not help keeps theta_f = 0.
 *
 * The catalogue is adopted only when the validation is large enough to tell: the requests are split in two
 * halves, weights fitted on each half are judged on the other against the no-catalogue blend, and the requests
 * where one finds the held-out item and the other does not (w wins, l losses) must give
 * (w - l) / sqrt(w + l) >= Z_ADOPT (one-sided 5%). Otherwise every theta is 0 and nothing is restrained: the
 * build serves exactly what it would without a catalogue. Adopted, the weights are refitted on all requests.
 */
import { CATALOG_FEATURES, type CatalogFeature } from "../catalog/cross-sell-features";
import type { ListShape } from "../catalog/anchor-ranking";
import type { CatalogContext } from "../catalog/catalog-context";
import type { ItemSignals } from "../catalog/item-signals";
import type { CrossSellValidation } from "./cross-sell";
import { CrossSellReplay } from "./cross-sell-replay";
import { FoldScorer, prepareFold, type RankerPolicy, type RankerWeights, zeroWeights } from "./ranker-folds";

export { zeroWeights } from "./ranker-folds";

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
  /** The previous build's weights and policy on the same requests against the new fit, and whether they were kept. */
  previous?: { kept: boolean; hr: number; ndcg: number; wins: number; losses: number; z: number };
  milliseconds: number;
}

export interface CatalogTuningOptions {
  k?: number;
  /** Fewer validation requests than this: not adopted (default 200). */
  minRequests?: number;
  /**
   * The previous build's weights and policy (`previous-build.ts`): where the catalogue is adopted again, they stay
   * unless the new fit finds significantly more of the held-out items (the adoption test, new fit against them).
   */
  previous?: { weights: RankerWeights; policy: RankerPolicy };
}

const Z_ADOPT = 1.645;
const WEIGHT_GRID = [0, 0.01, 0.1, 1, 10];
const SIGNED: ReadonlySet<CatalogFeature> = new Set(["same_brand", "same_category", "other_maker"]);
const RHO_GRID = [-1, 0.02, 0.05, 0.1, 0.2];
const NO_POLICY: RankerPolicy = { valueWeighting: false, repeatBound: -1, perCategory: 0, essentialAttach: 0 };
/** Attach rates from which a missing complement category is completed: off, then ever more categories. */
const ESSENTIAL_GRID = [0, 0.5, 0.35, 0.2];
/** Items of one category the cart's slot may show: every limit tried, from none. */
const CAP_GRID = [0, 4, 3, 2, 1];

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
  const fits: Array<{ weights: RankerWeights; policy: RankerPolicy }> = [];
  for (const half of [0, 1] as const) {
    const fitted = coordinateAscent(scorer, half);
    fits.push(fitted);
    const judged = scorer.evaluate(fitted.weights, fitted.policy, (1 - half) as 0 | 1);
    const reference = scorer.evaluate(zeroWeights(), NO_POLICY, (1 - half) as 0 | 1);
    const paired = pairedTest(judged.hits, reference.hits);
    wins += paired.wins;
    losses += paired.losses;
  }
  const z = wins + losses > 0 ? (wins - losses) / Math.sqrt(wins + losses) : 0;
  if (!(z >= Z_ADOPT)) {
    return result(false, `no catalogue gain the validation can tell from noise (${wins} more found, ${losses} fewer; z = ${z.toFixed(2)} < ${Z_ADOPT})`, zeroWeights(), NO_POLICY, baseline, wins, losses);
  }
  // Refitted on every request, from the halves' mean weights (one round is then enough to settle).
  const start = zeroWeights();
  for (const f of CATALOG_FEATURES) start[f] = (fits[0].weights[f] + fits[1].weights[f]) / 2;
  const final = coordinateAscent(scorer, undefined, { weights: start, policy: fits[0].policy, rounds: 1 });
  const withCatalog = scorer.evaluate(final.weights, final.policy);
  const decision = `catalogue features adopted (${wins} more found, ${losses} fewer on held-out halves; z = ${z.toFixed(2)})`;
  if (options.previous === undefined) return result(true, decision, final.weights, final.policy, withCatalog, wins, losses);
  const theirs = scorer.evaluate(options.previous.weights, options.previous.policy);
  const paired = pairedTest(withCatalog.hits, theirs.hits);
  const kept = !(paired.z >= Z_ADOPT);
  const previous = { kept, hr: round(theirs.hr), ndcg: round(theirs.ndcg), wins: paired.wins, losses: paired.losses, z: round(paired.z) };
  const fit = kept
    ? result(true, `${decision}; the previous build's weights kept (the new fit finds ${paired.wins} more, ${paired.losses} fewer; z = ${paired.z.toFixed(2)} < ${Z_ADOPT})`, options.previous.weights, options.previous.policy, theirs, wins, losses)
    : result(true, decision, final.weights, final.policy, withCatalog, wins, losses);
  return { ...fit, previous };
}

/** Requests `mine` finds and `theirs` misses (wins), the reverse (losses), and McNemar's z of the difference. */
function pairedTest(mine: Uint8Array, theirs: Uint8Array): { wins: number; losses: number; z: number } {
  let wins = 0;
  let losses = 0;
  for (let r = 0; r < mine.length; r++) {
    if (mine[r] === theirs[r]) continue;
    if (mine[r] === 1) wins++;
    else losses++;
  }
  return { wins, losses, z: wins + losses > 0 ? (wins - losses) / Math.sqrt(wins + losses) : 0 };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Coordinate ascent from theta = 0 and no restraint (module doc). */
function coordinateAscent(
  scorer: FoldScorer,
  half: 0 | 1 | undefined,
  from: { weights: RankerWeights; policy: RankerPolicy; rounds: number } = { weights: zeroWeights(), policy: NO_POLICY, rounds: 2 },
): { weights: RankerWeights; policy: RankerPolicy; objective: number } {
  let weights = { ...from.weights };
  let policy: RankerPolicy = { ...from.policy };
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
    // A tighter limit per category where it costs nothing.
    let capObjective = best;
    let cap = policy.perCategory;
    for (const perCategory of CAP_GRID) {
      if (perCategory === policy.perCategory) continue;
      const objective = scorer.evaluate(weights, { ...policy, perCategory }, half).objective;
      const tighter = perCategory > 0 && (cap === 0 || perCategory < cap);
      if (objective > capObjective + 1e-9 || (tighter && objective >= capObjective - 1e-12)) {
        improved ||= objective > capObjective + 1e-9;
        cap = perCategory;
        capObjective = objective;
      }
    }
    policy = { ...policy, perCategory: cap };
    best = capObjective;
    // Missing essentials completed, from ever lower attach rates, where that costs nothing.
    let essentialObjective = best;
    let essentialAttach = policy.essentialAttach;
    for (const attach of ESSENTIAL_GRID) {
      if (attach === policy.essentialAttach) continue;
      const objective = scorer.evaluate(weights, { ...policy, essentialAttach: attach }, half).objective;
      const more = attach > 0 && (essentialAttach === 0 || attach < essentialAttach);
      if (objective > essentialObjective + 1e-9 || (more && objective >= essentialObjective - 1e-12)) {
        improved ||= objective > essentialObjective + 1e-9;
        essentialAttach = attach;
        essentialObjective = objective;
      }
    }
    policy = { ...policy, essentialAttach };
    best = essentialObjective;
    return improved;
  };
  for (let round = 0; round < from.rounds; round++) {
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
  policy = restrain(scorer, weights, policy, half);
  return { weights, policy, objective: scorer.evaluate(weights, policy, half).objective };
}

/**
 * Merchandising restraint where the validation cannot tell it costs hits: knob by knob, the most restrained value
 * whose hits are not significantly fewer than the unrestrained optimum's (McNemar: (l - w) / sqrt(w + l) < Z_ADOPT
 * over the requests one finds and the other misses). Cart categories left out from higher repeat rates, fewer
 * items per category in the slot, essentials completed from lower attach rates.
 */
function restrain(scorer: FoldScorer, weights: RankerWeights, policy: RankerPolicy, half: 0 | 1 | undefined): RankerPolicy {
  const reference = scorer.evaluate(weights, policy, half).hits;
  const affordable = (hits: Uint8Array) => {
    const { wins, losses } = pairedTest(hits, reference);
    return losses <= wins || (losses - wins) / Math.sqrt(wins + losses) < Z_ADOPT;
  };
  const knobs: Array<{ key: "repeatBound" | "perCategory" | "essentialAttach"; values: number[] }> = [
    { key: "repeatBound", values: RHO_GRID.filter((v) => v > policy.repeatBound).sort((a, b) => b - a) },
    { key: "perCategory", values: CAP_GRID.filter((v) => v > 0 && (policy.perCategory === 0 || v < policy.perCategory)).sort((a, b) => a - b) },
    { key: "essentialAttach", values: ESSENTIAL_GRID.filter((v) => v > 0 && (policy.essentialAttach === 0 || v < policy.essentialAttach)).sort((a, b) => a - b) },
  ];
  let restrained = policy;
  for (const { key, values } of knobs) {
    for (const value of values) {
      const candidate = { ...restrained, [key]: value };
      if (affordable(scorer.evaluate(weights, candidate, half).hits)) {
        restrained = candidate;
        break;
      }
    }
  }
  return restrained;
}
