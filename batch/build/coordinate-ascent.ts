/**
 * @module
 * The search over the blend's weights at one lambda: coordinate ascent over log grids (factor 10, then one pass of
 * factor-sqrt(10) steps around the best weights), per mode (without the intercept, and with it and its weight
 * alpha when the prior is served), each mode warm-started from its best at the previous lambda. Nothing is fitted
 * to a particular data set: the grids are the same for every shop.
 */
import { type BlendParameters, type CrossSellSource, DEFAULT_BLEND, hasAnySource } from "./blend-parameters";
import type { BlendScore, BlendScorer } from "./exact-ranking";
import type { Fold } from "./tuning-folds";

const WEIGHT_GRID = [0, 1e-4, 1e-3, 1e-2, 0.1, 1];
const PRIOR_GRID = [0.5, 0.7, 1, 1.4];

export class CoordinateAscent {
  /** The best blend per mode (with / without intercept) is kept to warm-start the next lambda. */
  private readonly warm = new Map<boolean, BlendParameters>();

  /** `fold` tells which walk exponents and whether sequential rules exist (the same for every fold). */
  constructor(
    private readonly scorer: BlendScorer,
    private readonly fold: Fold,
    private readonly servedPrior: boolean,
  ) {}

  /** The best blend at the scorer's current features: full ascent, or (not `full`) the warm weights with only alpha searched. */
  search(useEase: boolean, allowed: ReadonlySet<CrossSellSource>, full: boolean): BlendScore {
    const modes: Array<Pick<BlendParameters, "intercept" | "prior">> = [{ intercept: false, prior: 0 }];
    if (useEase && this.servedPrior) modes.push({ intercept: true, prior: 1 });
    let best: BlendScore | undefined;
    for (const mode of modes) {
      let start = this.warm.get(mode.intercept);
      if (start === undefined) {
        start = { ...DEFAULT_BLEND, ...mode, ease: useEase ? 1 : 0 };
        if (!useEase) {
          if (allowed.has("walk")) start.walk = 1;
          else if (allowed.has("association")) start.association = 1;
          else if (allowed.has("rules")) start.rules = 1;
          else if (allowed.has("sequential")) start.sequential = 1;
        }
      }
      const priors = mode.intercept ? PRIOR_GRID : [];
      const result = full ? this.ascend(start, allowed, priors) : this.hold(start, priors);
      this.warm.set(mode.intercept, result.parameters);
      if (best === undefined || result.objective > best.objective) best = result;
    }
    return best!;
  }

  /** The given weights, with only alpha searched. */
  private hold(start: BlendParameters, priors: number[]): BlendScore {
    let best = this.scorer.score(start);
    for (const prior of priors) {
      if (prior === start.prior) continue;
      const result = this.scorer.score({ ...start, prior });
      if (result.objective > best.objective + 1e-9) best = result;
    }
    return best;
  }

  /** Coordinate ascent on a factor-10 grid, then one pass of factor-sqrt(10) steps around the best weights. */
  private ascend(start: BlendParameters, allowed: ReadonlySet<CrossSellSource>, priors: number[]): BlendScore {
    let best = this.scorer.score(start);
    const weights: Array<"walk" | "association" | "rules" | "sequential"> = [];
    if (allowed.has("walk")) weights.push("walk");
    if (allowed.has("association")) weights.push("association");
    if (allowed.has("rules")) weights.push("rules");
    if (this.fold.hasSequential) weights.push("sequential");
    const tryAll = (candidates: BlendParameters[]) => {
      let improved = false;
      for (const candidate of candidates) {
        if (!hasAnySource(candidate)) continue;
        const result = this.scorer.score(candidate);
        if (result.objective > best.objective + 1e-9) {
          best = result;
          improved = true;
        }
      }
      return improved;
    };
    for (let round = 0; round < 2; round++) {
      let improved = false;
      if (priors.length > 0) improved = tryAll(priors.map((prior) => ({ ...best.parameters, prior }))) || improved;
      for (const weight of weights) {
        improved = tryAll(WEIGHT_GRID.map((w) => ({ ...best.parameters, [weight]: w }))) || improved;
        if (weight === "walk" && best.parameters.walk > 0) {
          improved = tryAll(this.fold.walkBetas.map((walkBeta) => ({ ...best.parameters, walkBeta }))) || improved;
        }
      }
      if (!improved) break;
    }
    for (const weight of weights) {
      const w = best.parameters[weight];
      if (w > 0) tryAll([w / Math.sqrt(10), w * Math.sqrt(10)].map((v) => ({ ...best.parameters, [weight]: v })));
    }
    return best;
  }
}
