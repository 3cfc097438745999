/**
 * @module
 * Cross-sell candidates per anchor item: a blend of neighbourhood EASE, a two-step co-purchase walk, conditional
 * probability, FP-Growth association rules and sequential rules, with an optional per-item prior (EASE's
 * intercept) that the merge adds once per candidate. The edge scores a cart as
 *
 *   score(j) = alpha b0_j + sum over cart items a of s(a, j),
 *   s(a, j)  = B(a, j) + w_walk W(a, j) + w_assoc P(j | a) + w_rules conf_FP(a -> j) + w_seq conf_W(a -> j),
 *
 * so every list holds s(a, .): its `topN` best entries (without a served prior, only those above a threshold
 * tau, so that weak evidence leaves its slot to the popular fallback), plus (with the prior) the negative EASE
 * weights on the `corrections` items with the highest prior, the ones a negative weight can still keep out of
 * the top k. lambda, alpha, tau and the w are chosen by replaying basket completion inside the training data
 * (`blend-tuning.ts`); each candidate carries the reason of its largest term.
 */
import { type CandidateList, type CandidateLists, CandidateListsBuilder } from "../../core/candidates";
import type { CountedOrders } from "../counts/counted-orders";
import { type Baskets, basketCount } from "../io/baskets";
import type { ItemRows } from "../mining/item-rows";
import { selectTop } from "../mining/top-k";
import { type BlendParameters, blendRows, CROSS_SELL_SOURCES, type CrossSellSource, DEFAULT_BLEND } from "./blend-parameters";
import { type TuningFolds, type TuningOptions, type TuningReport, tuneBlend } from "./blend-tuning";
import { CrossSellSources, PRIOR_LENGTH, RowBlender, topFlags } from "./cross-sell-sources";
import type { ReasonTable } from "./reason-table";

export { CROSS_SELL_SOURCES, type BlendParameters, type CrossSellSource } from "./blend-parameters";

export interface CrossSellOptions {
  /** Positive candidates kept per anchor, N (default 40). */
  topN?: number;
  /** Negative corrections kept per anchor on high-prior items (default 10; only with a served prior). */
  corrections?: number;
  /** Regressors per item in EASE, M (default 64, 32 above 20,000 items). */
  neighbours?: number;
  /** Co-occurrence neighbours stored per item (default 4 M). */
  maxPerItem?: number;
  /** Sources the blend may use (default all). */
  sources?: readonly CrossSellSource[];
  /**
   * Whether the serving merge adds `prior` to every candidate (default false). Without it the intercept cannot
   * be served, so the blend is tuned and built without it.
   */
  servedPrior?: boolean;
  /** Internal validation settings, or false to use `parameters` / defaults as they are. */
  tuning?: TuningOptions | false;
  /** Fixed parameters; with tuning, these replace the tuned values. */
  parameters?: Partial<BlendParameters>;
  /** Sequential rules window in days (default 30). */
  windowDays?: number;
  onPhase?: (phase: string, done: number, total: number) => void;
  /** Orders counted elsewhere (`edgerec build --counts`): co-occurrence and rules come from them. */
  counts?: CountedOrders;
}

/** The validation folds of the blend's tuning, for the catalogue ranker: the blend as built, at the folds' lambda. */
export interface CrossSellValidation extends TuningFolds {
  parameters: BlendParameters;
  topN: number;
  corrections: number;
  servedPrior: boolean;
}

export interface CrossSell extends CandidateLists {
  /**
   * The prior, as the merge takes it: the 200 items with the largest base score alpha b0_j (with intercept; else a
   * tiny popularity tie-break), best first. Also the popular fallback.
   */
  popular: CandidateList;
  parameters: BlendParameters;
  tuning?: TuningReport;
  /** With `tuning.keepFolds`: the folds, to tune what is ranked on top of the blend. */
  validation?: CrossSellValidation;
}

const SOURCE_INDEX: Record<CrossSellSource, number> = { ease: 0, walk: 1, association: 2, rules: 3, sequential: 4 };

export function crossSellCandidates(baskets: Baskets, reasons: ReasonTable, options: CrossSellOptions = {}): CrossSell {
  return buildCrossSell(baskets, reasons, options);
}

function buildCrossSell(baskets: Baskets, reasons: ReasonTable, options: CrossSellOptions): CrossSell {
  const topN = options.topN ?? 40;
  const servedPrior = options.servedPrior ?? false;
  const corrections = servedPrior ? (options.corrections ?? 10) : 0;
  const allowed = new Set(options.sources ?? CROSS_SELL_SOURCES);
  const neighbours = options.neighbours ?? (baskets.itemIds.length <= 20_000 ? 64 : 32);
  const sourceOptions = {
    neighbours,
    maxPerItem: options.maxPerItem ?? neighbours * 4,
    rowLength: topN,
    priorItems: corrections > 0 ? topN + corrections : 0,
    windowDays: options.windowDays ?? 30,
  };

  if (allowed.size === 0) return emptyCrossSell(baskets, reasons);
  let parameters: BlendParameters = { ...DEFAULT_BLEND, ease: allowed.has("ease") ? 1 : 0 };
  if (!allowed.has("ease")) parameters[firstOf(allowed)] = 1;
  let tuning: TuningReport | undefined;
  let folds: TuningFolds | undefined;
  if (options.tuning !== false) {
    options.onPhase?.("cross-sell tuning", 0, 1);
    const tuned = tuneBlend(baskets, sourceOptions, allowed, servedPrior, options.tuning ?? {});
    if (tuned !== undefined) {
      parameters = tuned.parameters;
      tuning = tuned.report;
      folds = tuned.validation;
    }
  }
  parameters = { ...parameters, ...options.parameters };
  if (!servedPrior) parameters = { ...parameters, intercept: false, prior: 0 };
  const validation = folds === undefined ? undefined : { ...folds, parameters: { ...parameters, lambda: folds.lambda }, topN, corrections, servedPrior };
  if (parameters.threshold === Number.POSITIVE_INFINITY) return { ...emptyCrossSell(baskets, reasons, parameters, tuning), ...(validation !== undefined ? { validation } : {}) };

  options.onPhase?.("cross-sell lists", 0, 1);
  const sources = new CrossSellSources(baskets, sourceOptions, options.counts);
  const { rows, weights } = blendRows(sources, parameters);

  const frequency = sources.cooccurrence.frequency;
  const base = priorScores(sources, parameters);
  const highPrior = corrections > 0 ? topFlags(base, topN + corrections) : undefined;

  const texts = new ReasonTexts(reasons, sourceOptions.windowDays);
  const lists = blendLists(sources, rows, weights, topN, parameters.threshold, corrections, highPrior, texts, options.onPhase);
  const popular = popularByPrior(base, frequency, texts.popular);
  return { ...lists, popular, parameters, tuning, ...(validation !== undefined ? { validation } : {}) };
}

/** No lists: every answer comes from the popular fallback (the popularity baseline). */
function emptyCrossSell(baskets: Baskets, reasons: ReasonTable, parameters: BlendParameters = { ...DEFAULT_BLEND, ease: 0 }, tuning?: TuningReport): CrossSell {
  const n = baskets.itemIds.length;
  const frequency = new Float64Array(n);
  for (let x = 0; x < baskets.items.length; x++) frequency[baskets.items[x]]++;
  const lists = new CandidateListsBuilder(n, 0).build();
  const popular = popularByPrior(tieBreak(frequency, basketCount(baskets)), frequency, reasons.intern("popular", "Popular right now"));
  return { ...lists, popular, parameters, tuning };
}

/** The base score every item starts from: alpha b0_j with a served intercept, else a tiny popularity tie-break. */
export function priorScores(sources: CrossSellSources, parameters: BlendParameters): Float32Array {
  const ease = parameters.intercept && parameters.ease > 0 ? sources.ease(parameters.lambda) : undefined;
  return ease !== undefined ? scaled(ease.intercept, parameters.prior) : tieBreak(sources.cooccurrence.frequency, basketCount(sources.baskets));
}

function scaled(values: Float32Array, factor: number): Float32Array {
  return Float32Array.from(values, (v) => v * factor);
}

/** Without an intercept the prior only orders the items no list supports: by popularity, far below any list score. */
function tieBreak(frequency: Float64Array, baskets: number): Float32Array {
  return Float32Array.from(frequency, (f) => (1e-6 * f) / Math.max(1, baskets));
}

function firstOf(allowed: ReadonlySet<CrossSellSource>): "walk" | "association" | "rules" | "sequential" {
  for (const source of ["walk", "association", "rules", "sequential"] as const) if (allowed.has(source)) return source;
  throw new RangeError("cross-sell needs at least one source");
}

function blendLists(
  sources: CrossSellSources,
  rows: Array<ItemRows | undefined>,
  weights: number[],
  topN: number,
  threshold: number,
  corrections: number,
  highPrior: Uint8Array | undefined,
  texts: ReasonTexts,
  onPhase: CrossSellOptions["onPhase"],
): CandidateLists {
  const n = sources.items;
  const matrix = sources.cooccurrence;
  const together = new Float64Array(n);
  const blender = new RowBlender(n);
  const outReasons = new Uint32Array(topN + corrections);
  const builder = new CandidateListsBuilder(n, topN);
  for (let a = 0; a < n; a++) {
    const count = blender.blend(rows, weights, a, topN, threshold, corrections, highPrior);
    if (count === 0) continue;
    for (let p = matrix.offsets[a]; p < matrix.offsets[a + 1]; p++) together[matrix.neighbours[p]] = matrix.counts[p];
    for (let i = 0; i < count; i++) {
      const j = blender.items[i];
      const s = blender.origin[j];
      const share = matrix.frequency[a] > 0 ? together[j] / matrix.frequency[a] : 0;
      outReasons[i] = texts.reason(s, s === SOURCE_INDEX.sequential ? blender.largest[j] / weights[s] : share);
    }
    for (let p = matrix.offsets[a]; p < matrix.offsets[a + 1]; p++) together[matrix.neighbours[p]] = 0;
    builder.set(a, blender.items, blender.scores, outReasons, count);
    if ((a & 4095) === 0) onPhase?.("cross-sell lists", a, n);
  }
  return builder.build();
}

/** Reason texts a merchandiser can read, interned once per distinct text (cached by source and percentage). */
class ReasonTexts {
  readonly popular: number;
  private readonly cache = new Map<number, number>();

  constructor(
    private readonly table: ReasonTable,
    private readonly windowDays: number,
  ) {
    this.popular = table.intern("popular", "Popular right now");
  }

  /** `share` is P(item | anchor) for co-purchase sources, the rule's confidence for the sequential one. */
  reason(source: number, share: number): number {
    const bucket = share <= 0 ? -1 : share < 0.01 ? 0 : Math.round(share * 100);
    const key = source * 1000 + bucket + 1;
    let index = this.cache.get(key);
    if (index === undefined) {
      index = this.intern(source, share);
      this.cache.set(key, index);
    }
    return index;
  }

  private intern(source: number, share: number): number {
    if (source === SOURCE_INDEX.walk) return this.table.intern("item_cf", "Goes with items often bought with {anchor}");
    if (source === SOURCE_INDEX.sequential) {
      return this.table.intern("sequential", `Bought within ${this.windowDays} days after {anchor} by ${percent(share)} of its buyers`);
    }
    const code = source === SOURCE_INDEX.association || source === SOURCE_INDEX.rules ? "association" : "item_cf";
    if (share <= 0) return this.table.intern(code, "Goes with {anchor}");
    return this.table.intern(code, `Bought together with {anchor} by ${percent(share)} of its buyers`);
  }
}

function percent(share: number): string {
  if (share < 0.01) return "under 1%";
  return `${Math.round(share * 100)}%`;
}

/** The prior as served: the PRIOR_LENGTH items with the largest base score among items bought at all, best first. */
export function popularByPrior(prior: Float32Array, frequency: Float64Array, reason: number): CandidateList {
  const n = prior.length;
  const items = new Uint32Array(n);
  const scores = new Float64Array(n);
  let length = 0;
  for (let j = 0; j < n; j++) {
    if (frequency[j] <= 0) continue;
    items[length] = j;
    scores[length++] = prior[j];
  }
  const kept = selectTop(items, scores, length, PRIOR_LENGTH);
  return {
    items: items.slice(0, kept),
    scores: Float32Array.from(scores.subarray(0, kept)),
    reasons: new Uint32Array(kept).fill(reason),
  };
}
