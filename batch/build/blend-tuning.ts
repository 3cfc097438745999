/**
 * @module
 * Picks the blend's regularisation and weights on the training data itself: the basket-completion protocol is
 * replayed inside the training baskets (`tuning-folds.ts`), every blend is scored by the exact rank of each
 * held-out item (`exact-ranking.ts`) and the parameters with the best HR@k + NDCG@k / 4 win. Nothing is fitted to
 * a particular data set: the blend weights are set by coordinate ascent over log grids at lambda = 100
 * (`coordinate-ascent.ts`), lambda then climbs a log grid (factor sqrt(10)) while it improves, the weights are
 * searched again at the best lambda, and last, without a served prior, the list threshold tau
 * (`list-threshold.ts`).
 */
import { basketCount, type Baskets } from "../io/baskets";
import { buildFeatures } from "./blend-features";
import type { BlendParameters, CrossSellSource } from "./blend-parameters";
import { CoordinateAscent } from "./coordinate-ascent";
import type { SourceOptions } from "./cross-sell-sources";
import { BlendScorer } from "./exact-ranking";
import { chooseThreshold } from "./list-threshold";
import { drawFolds, type Fold, type FoldOptions } from "./tuning-folds";

export interface TuningOptions extends FoldOptions {
  /** The k of HR@k (default 10). */
  k?: number;
  /** Keep the folds (with their sources at the chosen lambda) for the catalogue ranker's tuning. */
  keepFolds?: boolean;
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
  for (const fold of folds) fold.sources.forgetEase(options.keepFolds === true ? bestLambda : undefined);
  return {
    ...(options.keepFolds === true ? { validation: { folds, lambda: bestLambda } } : {}),
    parameters: { ...parameters, lambda: bestLambda * scale },
    report: {
      baskets: basketCount(sample),
      requests: drawn.requests,
      folds: folds.length,
      evaluated: scorer.evaluated,
      lambdas: tried.sort((a, b) => a.lambda - b.lambda),
      hr: best.hr,
      ndcg: best.ndcg,
      milliseconds: Math.round(performance.now() - started),
    },
  };
}
