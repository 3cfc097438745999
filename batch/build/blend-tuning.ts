/**
 * @module
 * Picks the blend's regularisation and weights on the training data itself: the basket-completion protocol is
 * replayed inside the training baskets (hold one item out of a random fifth of the baskets with >= 2 items,
 * rebuild the sources from the rest, rank for the remaining items; more folds with other seeds while there are
 * fewer than 5,000 such requests), and the parameters with the best HR@k + NDCG@k / 4 win. Nothing is fitted to
 * a particular data set: the blend weights are set by coordinate ascent over log grids at lambda = 100, lambda
 * then climbs a log grid (factor sqrt(10)) while it improves, the weights are searched again at the best lambda,
 * and last, without a served prior, the list threshold tau.
 *
 * Ranks are exact for the blend the edge serves: with a served prior, score(j) = alpha b0_j + sum over the
 * cart of the anchors' rows, and items in no row rank by alpha b0_j; without it, listed items rank by their
 * summed score and the rest follow in popularity order (the fallback fill).
 */
import { type Baskets, basketCount } from "../io/baskets";
import { drawHoldOuts, type HoldOut, trainingBaskets } from "../evaluate/holdout-split";
import type { ItemRows } from "../mining/item-rows";
import { sortByScore } from "../mining/top-k";
import { CrossSellSources, RowBlender, type SourceOptions } from "./cross-sell-sources";

export const CROSS_SELL_SOURCES = ["ease", "walk", "association", "rules", "sequential"] as const;
export type CrossSellSource = (typeof CROSS_SELL_SOURCES)[number];

export interface BlendParameters {
  /** EASE L2 weight, for the baskets the lists are built from. */
  lambda: number;
  /** EASE with intercept, served as the per-item prior alpha b0_j. */
  intercept: boolean;
  /** alpha. */
  prior: number;
  /** Weight of the EASE rows (1, or 0 when EASE is not a source). */
  ease: number;
  walk: number;
  walkBeta: number;
  association: number;
  rules: number;
  sequential: number;
  /** tau: list entries must score above it (without a served prior; Infinity = no lists, popularity only). */
  threshold: number;
}

export const DEFAULT_BLEND: BlendParameters = {
  lambda: 100,
  intercept: false,
  prior: 0,
  ease: 1,
  walk: 0,
  walkBeta: 0,
  association: 0,
  rules: 0,
  sequential: 0,
  threshold: 0,
};

export interface TuningOptions {
  /** Seed of the internal split (default 7). */
  seed?: number;
  /** Share of eligible baskets held out (default 0.2, the protocol's). */
  rate?: number;
  /** Validation requests used at most (default 4000). */
  maxRequests?: number;
  /** Fewer validation requests than this: no tuning, defaults (default 30). */
  minRequests?: number;
  /** Extra folds (other seeds of the split) while all folds together have fewer requests (default 5000); none once one fold fills maxRequests. */
  targetRequests?: number;
  /** Most folds (default 5). */
  maxFolds?: number;
  /** Baskets used at most; more are subsampled and lambda is rescaled by the ratio (default 200,000). */
  maxBaskets?: number;
  /** The k of HR@k (default 10). */
  k?: number;
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

const WEIGHT_GRID = [0, 1e-4, 1e-3, 1e-2, 0.1, 1];
const BETA_GRID = [0, -0.25, -0.5];
const PRIOR_GRID = [0.5, 0.7, 1, 1.4];
const LAMBDA_STEP = Math.sqrt(10);
const LAMBDA_START = 100;
const MAX_LAMBDA_STEPS = 6;

interface Fold {
  sources: CrossSellSources;
  requests: HoldOut[];
  /** Items by popularity: frequency, and all frequencies sorted descending. */
  frequency: Float64Array;
  frequencyDesc: Float64Array;
  walkBetas: number[];
  useAssociation: boolean;
  useRules: boolean;
  hasSequential: boolean;
  features?: Features;
}

/** Candidates of every request (cart items removed) with one column per source feature. */
interface Features {
  offsets: Uint32Array;
  items: Uint32Array;
  easeWith: Float32Array;
  easeWithout: Float32Array;
  walk: Float32Array[];
  association: Float32Array;
  rules: Float32Array;
  sequential: Float32Array;
  /** Position of the held-out item among the request's candidates, or -1. */
  held: Int32Array;
  intercept: Float32Array;
  /** b0 of each candidate; a request's candidates are sorted by it, descending. */
  candidateIntercepts: Float64Array;
  interceptDesc: Float64Array;
}

export function tuneBlend(
  baskets: Baskets,
  sourceOptions: SourceOptions,
  allowed: ReadonlySet<CrossSellSource>,
  servedPrior: boolean,
  options: TuningOptions = {},
): { parameters: BlendParameters; report: TuningReport } | undefined {
  const started = performance.now();
  const k = options.k ?? 10;
  const rate = options.rate ?? 0.2;
  const maxRequests = options.maxRequests ?? 4000;
  const { sample, scale } = subsample(baskets, options.maxBaskets ?? 200_000);
  const folds: Fold[] = [];
  let requestTotal = 0;
  for (let f = 0; f < (options.maxFolds ?? 5); f++) {
    const split = drawHoldOuts(sample, (options.seed ?? 7) + f, rate);
    const requests = thin(split.holdOuts, maxRequests);
    if (f === 0 && requests.length < (options.minRequests ?? 30)) return undefined;
    const train = trainingBaskets(sample, split.heldOut);
    const sources = new CrossSellSources(train, sourceOptions);
    const frequency = sources.cooccurrence.frequency;
    if (allowed.has("walk")) sources.prepareWalks(BETA_GRID);
    folds.push({
      sources,
      requests,
      frequency,
      frequencyDesc: Float64Array.from(frequency).sort().reverse(),
      walkBetas: allowed.has("walk") ? BETA_GRID : [],
      useAssociation: allowed.has("association"),
      useRules: allowed.has("rules"),
      hasSequential: allowed.has("sequential") && sources.sequential() !== null,
    });
    requestTotal += requests.length;
    if (requestTotal >= (options.targetRequests ?? 5000) || split.holdOuts.length >= maxRequests) break;
  }

  const evaluator = new BlendEvaluator(folds, k, servedPrior);
  const sortByPrior = servedPrior;
  const useEase = allowed.has("ease");
  const tried: TuningReport["lambdas"] = [];
  const at = (lambda: number, full: boolean) => {
    for (const fold of folds) fold.features = buildFeatures(fold, useEase ? lambda : undefined, sortByPrior);
    const result = evaluator.search(useEase, allowed, full);
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
  for (const fold of folds) fold.sources.forgetEase();
  return {
    parameters: { ...parameters, lambda: bestLambda * scale },
    report: {
      baskets: basketCount(sample),
      requests: requestTotal,
      folds: folds.length,
      evaluated: evaluator.evaluated,
      lambdas: tried.sort((a, b) => a.lambda - b.lambda),
      hr: best.hr,
      ndcg: best.ndcg,
      milliseconds: Math.round(performance.now() - started),
    },
  };
}

interface SearchResult {
  parameters: BlendParameters;
  objective: number;
  hr: number;
  ndcg: number;
}

class BlendEvaluator {
  evaluated = 0;

  constructor(
    private readonly folds: Fold[],
    private readonly k: number,
    private readonly servedPrior: boolean,
  ) {}

  /** The best blend per mode (with / without intercept) is kept to warm-start the next lambda. */
  private readonly warm = new Map<boolean, BlendParameters>();

  /** Coordinate ascent over the blend weights at the current features, from each mode's last best. */
  search(useEase: boolean, allowed: ReadonlySet<CrossSellSource>, full: boolean): SearchResult {
    const modes: Array<Pick<BlendParameters, "intercept" | "prior">> = [{ intercept: false, prior: 0 }];
    if (useEase && this.servedPrior) modes.push({ intercept: true, prior: 1 });
    let best: SearchResult | undefined;
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
  private hold(start: BlendParameters, priors: number[]): SearchResult {
    let best = this.score(start);
    for (const prior of priors) {
      if (prior === start.prior) continue;
      const result = this.score({ ...start, prior });
      if (result.objective > best.objective + 1e-9) best = result;
    }
    return best;
  }

  /** Coordinate ascent on a factor-10 grid, then one pass of factor-sqrt(10) steps around the best weights. */
  private ascend(start: BlendParameters, allowed: ReadonlySet<CrossSellSource>, priors: number[]): SearchResult {
    let best = this.score(start);
    const fold = this.folds[0];
    const weights: Array<"walk" | "association" | "rules" | "sequential"> = [];
    if (allowed.has("walk")) weights.push("walk");
    if (allowed.has("association")) weights.push("association");
    if (allowed.has("rules")) weights.push("rules");
    if (fold.hasSequential) weights.push("sequential");
    const tryAll = (candidates: BlendParameters[]) => {
      let improved = false;
      for (const candidate of candidates) {
        if (!hasAnySource(candidate)) continue;
        const result = this.score(candidate);
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
          improved = tryAll(fold.walkBetas.map((walkBeta) => ({ ...best.parameters, walkBeta }))) || improved;
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

  score(parameters: BlendParameters): SearchResult {
    this.evaluated++;
    let hits = 0;
    let dcg = 0;
    let requests = 0;
    for (const fold of this.folds) {
      const f = fold.features!;
      const blend = this.blended(fold, parameters);
      const withPrior = this.servedPrior && parameters.intercept;
      const alpha = parameters.prior;
      const { intercept, items, offsets, candidateIntercepts: bases } = f;
      const frequency = fold.frequency;
      for (let r = 0; r < fold.requests.length; r++) {
        requests++;
        const start = offsets[r];
        const end = offsets[r + 1];
        const held = f.held[r];
        const heldItem = fold.requests[r].item;
        const cart = fold.requests[r].cart;
        let rank = 0;
        if (withPrior) {
          // Items outside the lists score alpha b0_j: count those above the held-out item from the sorted
          // intercepts (minus the cart and the listed), then add the listed ones above it.
          const heldScore = alpha * intercept[heldItem] + (held >= 0 ? blend[held] : 0);
          const threshold = heldScore / alpha;
          rank = countAbove(f.interceptDesc, threshold) - countAbove(f.candidateIntercepts, threshold, start, end);
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
        if (rank < this.k) {
          hits++;
          dcg += 1 / Math.log2(rank + 2);
        }
      }
    }
    const hr = hits / Math.max(1, requests);
    const ndcg = dcg / Math.max(1, requests);
    return { parameters, objective: hr + ndcg / 4, hr, ndcg };
  }

  private scratch = new Float64Array(0);

  /** s(j) summed over the cart, for every candidate of every request of the fold. */
  private blended(fold: Fold, p: BlendParameters): Float64Array {
    const f = fold.features!;
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

function hasAnySource(p: BlendParameters): boolean {
  return p.ease > 0 || p.walk > 0 || p.association > 0 || p.rules > 0 || p.sequential > 0;
}

/** Number of entries of desc[from .. to) (sorted descending) strictly greater than t. */
function countAbove(desc: ArrayLike<number>, t: number, from = 0, to = desc.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (desc[mid] > t) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}

/** With `byPrior`, each request's candidates are sorted by intercept (the prior ranks need it). */
function buildFeatures(fold: Fold, lambda: number | undefined, byPrior: boolean): Features {
  const { sources, requests } = fold;
  const n = sources.items;
  const ease = lambda === undefined ? undefined : sources.ease(lambda);
  const columns: Array<ItemRows | undefined> = [
    ease?.withIntercept,
    ease?.withoutIntercept,
    ...fold.walkBetas.map((beta) => sources.walk(beta)),
    fold.useAssociation ? sources.association() : undefined,
    fold.useRules ? sources.rules() : undefined,
    fold.hasSequential ? (sources.sequential() ?? undefined) : undefined,
  ];
  const width = columns.length;
  const intercept = ease?.intercept ?? new Float32Array(n);
  const dense = columns.map(() => new Float64Array(n));
  const mark = new Uint8Array(n);
  const touched = new Uint32Array(n);
  const order = new Float64Array(n);
  const offsets = new Uint32Array(requests.length + 1);
  let capacity = 1 << 16;
  let items = new Uint32Array(capacity);
  let values = columns.map(() => new Float32Array(capacity));
  let length = 0;
  const held = new Int32Array(requests.length).fill(-1);
  for (let r = 0; r < requests.length; r++) {
    const { cart, item: heldItem } = requests[r];
    let count = 0;
    for (const a of cart) mark[a] = 2;
    for (let s = 0; s < width; s++) {
      const rows = columns[s];
      if (rows === undefined) continue;
      const column = dense[s];
      for (const a of cart) {
        for (let p = rows.offsets[a]; p < rows.offsets[a + 1]; p++) {
          const j = rows.items[p];
          if (mark[j] === 2) continue;
          if (mark[j] === 0) {
            mark[j] = 1;
            touched[count++] = j;
          }
          column[j] += rows.scores[p];
        }
      }
    }
    for (const a of cart) mark[a] = 0;
    const listed = count;
    if (byPrior) {
      for (let i = 0; i < count; i++) order[i] = intercept[touched[i]];
      sortByScore(touched, order, 0, listed);
    }
    if (length + listed > capacity) {
      capacity = Math.max(length + listed, capacity * 2);
      items = grownUint32(items, capacity);
      values = values.map((v) => grownFloat32(v, capacity));
    }
    for (let i = 0; i < listed; i++) {
      const j = touched[i];
      if (j === heldItem) held[r] = length;
      items[length] = j;
      for (let s = 0; s < width; s++) {
        values[s][length] = dense[s][j];
        dense[s][j] = 0;
      }
      mark[j] = 0;
      length++;
    }
    offsets[r + 1] = length;
  }
  const column = (s: number) => values[s].slice(0, length);
  const walkCount = fold.walkBetas.length;
  const kept = items.slice(0, length);
  return {
    offsets,
    items: kept,
    easeWith: column(0),
    easeWithout: column(1),
    walk: fold.walkBetas.map((_, w) => column(2 + w)),
    association: column(2 + walkCount),
    rules: column(3 + walkCount),
    sequential: column(4 + walkCount),
    held,
    intercept,
    candidateIntercepts: Float64Array.from(kept, (j) => intercept[j]),
    interceptDesc: Float64Array.from(intercept).sort().reverse(),
  };
}

function grownUint32(array: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(size);
  next.set(array);
  return next;
}

function grownFloat32(array: Float32Array, size: number): Float32Array<ArrayBuffer> {
  const next = new Float32Array(size);
  next.set(array);
  return next;
}

/** The source rows of a blend, in RowBlender's order (ease, walk, association, rules, sequential). */
export function blendRows(sources: CrossSellSources, p: BlendParameters): { rows: Array<ItemRows | undefined>; weights: number[] } {
  const ease = p.ease > 0 ? sources.ease(p.lambda) : undefined;
  return {
    rows: [
      ease === undefined ? undefined : p.intercept ? ease.withIntercept : ease.withoutIntercept,
      p.walk > 0 ? sources.walk(p.walkBeta) : undefined,
      p.association > 0 ? sources.association() : undefined,
      p.rules > 0 ? sources.rules() : undefined,
      p.sequential > 0 ? (sources.sequential() ?? undefined) : undefined,
    ],
    weights: [p.ease, p.walk, p.association, p.rules, p.sequential],
  };
}

/**
 * Without a served prior every listed item outranks the popular fallback, so weak evidence can push out a
 * popular item that was more likely. tau drops list entries at or below it; it is chosen among quantiles of the
 * entries' scores (and Infinity: popularity alone) by replaying the lists exactly as they are built.
 */
function chooseThreshold(folds: Fold[], p: BlendParameters, k: number, topN: number): { threshold: number; objective: number; hr: number; ndcg: number } {
  const perFold = folds.map((fold) => {
    const { rows, weights } = blendRows(fold.sources, p);
    const blender = new RowBlender(fold.sources.items);
    const offsets = new Uint32Array(fold.requests.length + 1);
    const items: number[] = [];
    const values: number[] = [];
    fold.requests.forEach(({ cart }, r) => {
      for (const a of cart) {
        const count = blender.blend(rows, weights, a, topN);
        for (let i = 0; i < count; i++) {
          if (cart.includes(blender.items[i])) continue;
          items.push(blender.items[i]);
          values.push(blender.scores[i]);
        }
      }
      offsets[r + 1] = items.length;
    });
    return { fold, offsets, items: Uint32Array.from(items), values: Float64Array.from(values) };
  });
  const all = Float64Array.from(perFold.flatMap((f) => Array.from(f.values))).sort();
  const quantile = (q: number) => (all.length === 0 ? 0 : all[Math.min(all.length - 1, Math.floor(q * all.length))]);
  const grid = [0, quantile(0.2), quantile(0.4), quantile(0.6), quantile(0.8), quantile(0.9), quantile(0.95), Number.POSITIVE_INFINITY];
  let best = { threshold: 0, objective: Number.NEGATIVE_INFINITY, hr: 0, ndcg: 0 };
  for (const threshold of grid) {
    let hits = 0;
    let dcg = 0;
    let requests = 0;
    for (const { fold, offsets, items, values } of perFold) {
      const merged = new Float64Array(fold.sources.items);
      const touched: number[] = [];
      for (let r = 0; r < fold.requests.length; r++) {
        requests++;
        for (let e = offsets[r]; e < offsets[r + 1]; e++) {
          if (!(values[e] > threshold)) continue;
          if (merged[items[e]] === 0) touched.push(items[e]);
          merged[items[e]] += values[e];
        }
        const { item: held, cart } = fold.requests[r];
        const heldScore = merged[held];
        let rank = 0;
        if (heldScore > 0) {
          for (const c of touched) if (merged[c] > heldScore) rank++;
        } else if (fold.frequency[held] <= 0) {
          rank = k;
        } else {
          const heldFrequency = fold.frequency[held];
          rank = countAbove(fold.frequencyDesc, heldFrequency);
          for (const item of cart) if (fold.frequency[item] > heldFrequency) rank--;
          for (const c of touched) if (!(fold.frequency[c] > heldFrequency)) rank++;
        }
        if (rank < k) {
          hits++;
          dcg += 1 / Math.log2(rank + 2);
        }
        for (const c of touched) merged[c] = 0;
        touched.length = 0;
      }
    }
    const hr = hits / Math.max(1, requests);
    const ndcg = dcg / Math.max(1, requests);
    const objective = hr + ndcg / 4;
    if (objective > best.objective + 1e-9) best = { threshold, objective, hr, ndcg };
  }
  return best;
}

/** At most `max` hold-outs, evenly spread. */
function thin(holdOuts: HoldOut[], max: number): HoldOut[] {
  if (holdOuts.length <= max) return holdOuts;
  const out: HoldOut[] = [];
  const step = holdOuts.length / max;
  for (let i = 0; i < max; i++) out.push(holdOuts[Math.floor(i * step)]);
  return out;
}

/** Every stride-th user's baskets (every stride-th basket without a user) when there are more than `max`. */
function subsample(baskets: Baskets, max: number): { sample: Baskets; scale: number } {
  const total = basketCount(baskets);
  if (total <= max) return { sample: baskets, scale: 1 };
  const stride = Math.ceil(total / max);
  const keep: number[] = [];
  for (let b = 0; b < total; b++) {
    const user = baskets.users[b];
    if ((user >= 0 ? user : b) % stride === 0) keep.push(b);
  }
  const offsets = new Uint32Array(keep.length + 1);
  let lines = 0;
  for (let i = 0; i < keep.length; i++) lines += baskets.offsets[keep[i] + 1] - baskets.offsets[keep[i]];
  const items = new Uint32Array(lines);
  const linePrices = new Float32Array(lines);
  const lineQuantities = new Uint16Array(lines);
  const users = new Int32Array(keep.length);
  const times = new Float64Array(keep.length);
  const orderIds: string[] = new Array(keep.length);
  let at = 0;
  for (let i = 0; i < keep.length; i++) {
    const b = keep[i];
    for (let x = baskets.offsets[b]; x < baskets.offsets[b + 1]; x++) {
      items[at] = baskets.items[x];
      linePrices[at] = baskets.linePrices[x];
      lineQuantities[at] = baskets.lineQuantities[x];
      at++;
    }
    offsets[i + 1] = at;
    users[i] = baskets.users[b];
    times[i] = baskets.times[b];
    orderIds[i] = baskets.orderIds[b];
  }
  return { sample: { ...baskets, offsets, items, linePrices, lineQuantities, users, times, orderIds }, scale: total / keep.length };
}
