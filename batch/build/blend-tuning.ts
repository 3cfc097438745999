/**
 * @module
 * Picks the blend's regularisation and weights on the training data itself: the basket-completion protocol is
 * replayed inside the training baskets (`tuning-folds.ts`), every blend is scored by the exact rank of each
 * held-out item (`exact-ranking.ts`) and the parameters with the best HR@k + NDCG@k / 4 win. Nothing is fitted to
 * a particular data set: the blend weights are set by coordinate ascent over log grids at lambda = 100
 * (`coordinate-ascent.ts`), lambda then climbs a log grid (factor sqrt(10)) while it improves, the weights are
 * searched again at the best lambda, and last, without a served prior, the list threshold tau
 * (`list-threshold.ts`).
 *
 * Given the parameters of the build this one follows (`previous-build.ts`), those are scored on the same folds and
 * kept unless the new search beats them by more than one standard error of HR@k: a little more data then leaves
 * the blend, and so the lists, as they were.
 */
import { basketCount, type Baskets } from "../io/baskets";
import { buildFeatures } from "./blend-features";
import { type BlendParameters, type CrossSellSource, hasAnySource } from "./blend-parameters";
import { CoordinateAscent } from "./coordinate-ascent";
import type { SourceOptions } from "./cross-sell-sources";
import { BlendScorer } from "./exact-ranking";
import { chooseThreshold, scoreThreshold } from "./list-threshold";
import { drawFolds, type Fold, type FoldOptions } from "./tuning-folds";

export interface TuningOptions extends FoldOptions {
  /** The k of HR@k (default 10). */
  k?: number;
  /** Keep the folds (with their sources at the chosen lambda) for the catalogue ranker's tuning. */
  keepFolds?: boolean;
  /** The previous build's blend, kept unless beaten by more than noise. */
  previous?: BlendParameters;
}

/** The folds the blend was tuned on, at the lambda chosen for them (before the subsample's rescaling). */
export interface TuningFolds {
  folds: Fold[];
  lambda: number;
}

export interface TuningReport {
  baskets: number;
  requests: number;
  folds: number;
  /** Blends scored. */
  evaluated: number;
  /** Objective per lambda tried (the best blend at that lambda). */
  lambdas: Array<{ lambda: number; hr: number; ndcg: number }>;
  hr: number;
  ndcg: number;
  /** The previous build's blend on the same folds, and whether it was kept; or why it could not be scored. */
  previous?: { kept: boolean; hr: number; ndcg: number; margin: number } | { kept: false; unusable: string };
  milliseconds: number;
}

const LAMBDA_STEP = Math.sqrt(10);
const LAMBDA_START = 100;
const MAX_LAMBDA_STEPS = 6;

export function tuneBlend(
  baskets: Baskets,
  sourceOptions: SourceOptions,
  allowed: ReadonlySet<CrossSellSource>,
  servedPrior: boolean,
  options: TuningOptions = {},
): { parameters: BlendParameters; report: TuningReport; validation?: TuningFolds } | undefined {
  const started = performance.now();
  const k = options.k ?? 10;
  const drawn = drawFolds(baskets, sourceOptions, allowed, options);
  if (drawn === undefined) return undefined;
  const { folds, sample, scale } = drawn;

  const scorer = new BlendScorer(folds, k, servedPrior);
  const ascent = new CoordinateAscent(scorer, folds[0], servedPrior);
  const useEase = allowed.has("ease");
  const tried: TuningReport["lambdas"] = [];
  const at = (lambda: number, full: boolean) => {
    for (let f = 0; f < folds.length; f++) scorer.features[f] = buildFeatures(folds[f], useEase ? lambda : undefined, servedPrior);
    const result = ascent.search(useEase, allowed, full);
    const entry = tried.find((t) => t.lambda === lambda * scale);
    if (entry === undefined) tried.push({ lambda: lambda * scale, hr: result.hr, ndcg: result.ndcg });
    else Object.assign(entry, { hr: result.hr, ndcg: result.ndcg });
    return result;
  };

  // Full weight search at the start, lambda moves with the weights held, a last full search at the best lambda.
  let best = at(LAMBDA_START, true);
  let bestLambda = LAMBDA_START;
  if (useEase) {
    for (const direction of [LAMBDA_STEP, 1 / LAMBDA_STEP]) {
      let lambda = bestLambda;
      for (let step = 0; step < MAX_LAMBDA_STEPS; step++) {
        lambda *= direction;
        const result = at(lambda, false);
        if (result.objective <= best.objective) break;
        best = result;
        bestLambda = lambda;
      }
      if (bestLambda !== LAMBDA_START) break;
    }
    if (bestLambda !== LAMBDA_START) {
      const refined = at(bestLambda, true);
      if (refined.objective > best.objective) best = refined;
    }
  }
  let parameters = best.parameters;
  if (!(servedPrior && parameters.intercept)) {
    const chosen = chooseThreshold(folds, { ...parameters, lambda: bestLambda }, k, sourceOptions.rowLength);
    parameters = { ...parameters, threshold: chosen.threshold };
    if (chosen.objective > best.objective) best = { ...best, ...chosen, parameters };
  }
  let served: BlendParameters = { ...parameters, lambda: bestLambda * scale };
  let previous: TuningReport["previous"];
  if (options.previous !== undefined) {
    const unusable = previousProblem(options.previous, allowed, servedPrior, folds[0]);
    if (unusable !== undefined) previous = { kept: false, unusable };
    else {
      // Scored as it would be served (with its own tau unless the prior is served), at its lambda on the subsample.
      const lambda = options.previous.lambda / scale;
      for (let f = 0; f < folds.length; f++) scorer.features[f] = buildFeatures(folds[f], useEase ? lambda : undefined, servedPrior);
      const atLambda = { ...options.previous, lambda };
      const theirs = servedPrior && atLambda.intercept ? scorer.score(atLambda) : scoreThreshold(folds, atLambda, k, sourceOptions.rowLength);
      const margin = Math.sqrt((best.hr * (1 - best.hr)) / Math.max(1, drawn.requests));
      const kept = theirs.objective >= best.objective - margin;
      previous = { kept, hr: theirs.hr, ndcg: theirs.ndcg, margin };
      if (kept) {
        served = options.previous;
        bestLambda = lambda;
        best = { ...best, parameters: atLambda, objective: theirs.objective, hr: theirs.hr, ndcg: theirs.ndcg };
      }
    }
  }
  for (const fold of folds) fold.sources.forgetEase(options.keepFolds === true ? bestLambda : undefined);
  return {
    ...(options.keepFolds === true ? { validation: { folds, lambda: bestLambda } } : {}),
    parameters: served,
    report: {
      baskets: basketCount(sample),
      requests: drawn.requests,
      folds: folds.length,
      evaluated: scorer.evaluated,
      lambdas: tried.sort((a, b) => a.lambda - b.lambda),
      hr: best.hr,
      ndcg: best.ndcg,
      ...(previous !== undefined ? { previous } : {}),
      milliseconds: Math.round(performance.now() - started),
    },
  };
}

/** Why the previous build's blend cannot be served from these folds' sources, if it cannot. */
function previousProblem(p: BlendParameters, allowed: ReadonlySet<CrossSellSource>, servedPrior: boolean, fold: Fold): string | undefined {
  if (p.intercept && !servedPrior) return "it serves a prior, this build does not";
  if (!hasAnySource(p)) return "it weighs no source";
  for (const source of ["ease", "walk", "association", "rules", "sequential"] as const) {
    if (p[source] > 0 && !allowed.has(source)) return `it weighs ${source}, which this build does not use`;
    if (p[source] < 0) return `its ${source} weight is negative`;
  }
  if (p.sequential > 0 && !fold.hasSequential) return "it weighs sequential rules, which these orders lack";
  if (p.walk > 0 && !fold.walkBetas.includes(p.walkBeta)) return `its walk exponent ${p.walkBeta} is not one this build computes`;
  return undefined;
}
