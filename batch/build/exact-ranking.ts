/**
 * @module
 * Where the held-out item of each validation request ranks under a blend, exactly as the edge would serve it,
 * without sorting: with a served prior, score(j) = alpha b0_j + sum over the cart of the anchors' rows, and items
 * in no row rank by alpha b0_j; without it, listed items rank by their summed score and the rest follow in
 * popularity order (the fallback fill). A blend is judged by HR@k + NDCG@k / 4 over all folds' requests.
 */
import { RankTally } from "../evaluate/metrics";
import type { BlendParameters } from "./blend-parameters";
import type { Features } from "./blend-features";
import type { Fold } from "./tuning-folds";

export interface BlendScore {
  parameters: BlendParameters;
  objective: number;
  hr: number;
  ndcg: number;
}

/** What the tuning maximises: HR@k + NDCG@k / 4. */
export function tuningObjective(ranks: RankTally): number {
  return ranks.hr + ranks.ndcg / 4;
}

/** Number of entries of desc[from .. to) (sorted descending) strictly greater than t. */
export function countAbove(desc: ArrayLike<number>, t: number, from = 0, to = desc.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (desc[mid] > t) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}

/** Scores blends on the folds; `features[f]` holds fold f's candidates at the lambda being searched. */
export class BlendScorer {
  /** Blends scored. */
  evaluated = 0;
  readonly features: Features[];
  private scratch = new Float64Array(0);

  constructor(
    private readonly folds: readonly Fold[],
    private readonly k: number,
    private readonly servedPrior: boolean,
  ) {
    this.features = new Array(folds.length);
  }

  score(parameters: BlendParameters): BlendScore {
    this.evaluated++;
    const ranks = new RankTally(this.k);
    for (let f = 0; f < this.folds.length; f++) {
      const fold = this.folds[f];
      const features = this.features[f];
      const blend = this.blended(fold, features, parameters);
      const withPrior = this.servedPrior && parameters.intercept;
      const alpha = parameters.prior;
      const { intercept, items, offsets, candidateIntercepts: bases } = features;
      const frequency = fold.frequency;
      for (let r = 0; r < fold.requests.length; r++) {
        const start = offsets[r];
        const end = offsets[r + 1];
        const held = features.held[r];
        const heldItem = fold.requests[r].item;
        const cart = fold.requests[r].cart;
        let rank = 0;
        if (withPrior) {
          // Items outside the lists score alpha b0_j: count those above the held-out item from the sorted
          // intercepts (minus the cart and the listed), then add the listed ones above it.
          const heldScore = alpha * intercept[heldItem] + (held >= 0 ? blend[held] : 0);
          const threshold = heldScore / alpha;
          rank = countAbove(features.interceptDesc, threshold) - countAbove(features.candidateIntercepts, threshold, start, end);
          for (const item of cart) if (intercept[item] > threshold) rank--;
          for (let c = start; c < end && rank < this.k; c++) if (alpha * bases[c] + blend[c] > heldScore) rank++;
        } else if (held >= 0 && blend[held] > 0) {
          const heldScore = blend[held];
          for (let c = start; c < end && rank < this.k; c++) if (blend[c] > heldScore) rank++;
        } else if (frequency[heldItem] <= 0) {
          rank = this.k;
        } else {
          // Every listed item, then the popularity fill: unlisted items more frequent than the held-out one.
          const heldFrequency = frequency[heldItem];
          rank = countAbove(fold.frequencyDesc, heldFrequency);
          for (const item of cart) if (frequency[item] > heldFrequency) rank--;
          for (let c = start; c < end && rank < this.k; c++) if (blend[c] > 0 && !(frequency[items[c]] > heldFrequency)) rank++;
        }
        ranks.add(rank);
      }
    }
    return { parameters, objective: tuningObjective(ranks), hr: ranks.hr, ndcg: ranks.ndcg };
  }

  /** s(j) summed over the cart, for every candidate of every request of the fold. */
  private blended(fold: Fold, f: Features, p: BlendParameters): Float64Array {
    const size = f.items.length;
    if (this.scratch.length < size) this.scratch = new Float64Array(size);
    const out = this.scratch;
    const ease = p.intercept ? f.easeWith : f.easeWithout;
    const walk = p.walk > 0 ? f.walk[Math.max(0, fold.walkBetas.indexOf(p.walkBeta))] : undefined;
    for (let c = 0; c < size; c++) out[c] = p.ease * ease[c] + p.association * f.association[c] + p.rules * f.rules[c] + p.sequential * f.sequential[c];
    if (walk !== undefined) for (let c = 0; c < size; c++) out[c] += p.walk * walk[c];
    return out;
  }
}
