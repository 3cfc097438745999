/**
 * @module
 * The validation folds the blend is tuned on: the basket-completion protocol replayed inside the training baskets
 * (hold one item out of a random fifth of the baskets with >= 2 items, rebuild the sources from the rest), more
 * folds with other seeds of the split while all folds together have fewer than `targetRequests` requests. Above
 * `maxBaskets` baskets, every stride-th user's baskets are kept and lambda is rescaled by the ratio.
 */
import { type Baskets, basketCount } from "../io/baskets";
import { drawHoldOuts, type HoldOut, trainingBaskets } from "../evaluate/holdout-split";
import type { CrossSellSource } from "./blend-parameters";
import { CrossSellSources, type SourceOptions } from "./cross-sell-sources";

export interface FoldOptions {
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
}

/** Popularity exponents of the co-purchase walk the tuning tries. */
const BETA_GRID = [0, -0.25, -0.5];

export interface Fold {
  sources: CrossSellSources;
  requests: HoldOut[];
  /** Items by popularity: frequency, and all frequencies sorted descending. */
  frequency: Float64Array;
  frequencyDesc: Float64Array;
  walkBetas: number[];
  useAssociation: boolean;
  useRules: boolean;
  hasSequential: boolean;
}

export interface Folds {
  folds: Fold[];
  /** The baskets the folds come from (all, or the subsample) and lambda's rescaling: all baskets / sampled. */
  sample: Baskets;
  scale: number;
  requests: number;
}

/** The folds, or undefined when the first has fewer than `minRequests` requests (too little data to tune on). */
export function drawFolds(baskets: Baskets, sourceOptions: SourceOptions, allowed: ReadonlySet<CrossSellSource>, options: FoldOptions = {}): Folds | undefined {
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
  return { folds, sample, scale, requests: requestTotal };
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
