/**
 * @module
 * The scored item rows the cross-sell blend mixes, computed once per set of baskets and cached by parameter:
 *
 *   ease         neighbourhood EASE weights B(a, j) by anchor a (both variants: with and without intercept)
 *   walk         two-step co-purchase walk W(a, j), rows scaled to max 1, per popularity exponent beta
 *   association  conditional probability P(j | a) = C(a, j) / C(a, a)
 *   sequential   confidence of "bought j within W days after a" (other orders of the same user)
 *   rules        association rules a -> j from FP-Growth (pairs in at least max(2, 0.01% of the baskets),
 *                lift > 1), scored by confidence: the classic support / confidence / lift candidate list
 *
 * Anchor rows are cut to `rowLength` best entries; the EASE rows with intercept also keep the negative weights
 * on the `priorItems` items with the highest intercept, since with a served prior those decide whether a popular
 * item that does not go with the cart still makes the top k.
 */
import type { CountedOrders } from "../counts/counted-orders";
import type { Baskets } from "../io/baskets";
import { type CooccurrenceMatrix, computeCooccurrenceMatrix } from "../mining/cooccurrence";
import { coPurchaseWalk, coPurchaseWalks } from "../mining/co-purchase-walk";
import { bestOfEachRow, type ItemRows, ItemRowsBuilder, transposeRows } from "../mining/item-rows";
import { itemSimilarity } from "../mining/item-similarity";
import { fitNeighbourhoodEase } from "../mining/neighbourhood-ease";
import { associationRules } from "../mining/association-rules";
import { fpGrowth } from "../mining/fpgrowth";
import { countSequentialPairs, sequentialRules } from "../mining/sequential-rules";
import { selectTop } from "../mining/top-k";

export interface SourceOptions {
  /** Regressors per item in EASE, M. */
  neighbours: number;
  /** Co-occurrence neighbours stored per item (bounds memory on huge catalogues). */
  maxPerItem: number;
  /** Entries kept per anchor row and source. */
  rowLength: number;
  /** Items with the highest intercept whose negative EASE weights are kept. */
  priorItems: number;
  /** Sequential rules window, days. */
  windowDays: number;
}

/** Items the served prior holds (the rest count 0): it travels as the build's popular list. */
export const PRIOR_LENGTH = 200;

export interface EaseRows {
  lambda: number;
  withIntercept: ItemRows;
  withoutIntercept: ItemRows;
  /** b0_j of the variant with intercept on the PRIOR_LENGTH items with the largest, 0 elsewhere: what is served. */
  intercept: Float32Array;
  /** Items flagged 1 are among the `priorItems` highest intercepts. */
  highPrior: Uint8Array;
}

export class CrossSellSources {
  readonly cooccurrence: CooccurrenceMatrix;
  readonly items: number;
  private associationRows?: ItemRows;
  private ruleRows?: ItemRows;
  private sequentialRows?: ItemRows | null;
  private readonly walks = new Map<number, ItemRows>();
  private readonly eases = new Map<number, EaseRows>();

  /** With `counted`, co-occurrence and both kinds of rules come from count tables instead of the baskets. */
  constructor(
    readonly baskets: Baskets,
    readonly options: SourceOptions,
    private readonly counted?: CountedOrders,
  ) {
    this.items = baskets.itemIds.length;
    this.cooccurrence = counted?.cooccurrence(options.maxPerItem) ?? computeCooccurrenceMatrix(baskets, { maxPerItem: options.maxPerItem });
  }

  association(): ItemRows {
    this.associationRows ??= itemSimilarity(this.cooccurrence, "conditional_probability", { topN: this.options.rowLength });
    return this.associationRows;
  }

  rules(): ItemRows {
    this.ruleRows ??= this.counted?.pairRuleRows(this.options.rowLength) ?? ruleRows(this.baskets, this.options.rowLength);
    return this.ruleRows;
  }

  walk(beta: number): ItemRows {
    let rows = this.walks.get(beta);
    if (rows === undefined) {
      rows = coPurchaseWalk(this.cooccurrence, { beta, topN: this.options.rowLength });
      this.walks.set(beta, rows);
    }
    return rows;
  }

  /** Computes the walks for several betas in one pass (then served by `walk`). */
  prepareWalks(betas: readonly number[]): void {
    const missing = betas.filter((beta) => !this.walks.has(beta));
    if (missing.length === 0) return;
    const rows = coPurchaseWalks(this.cooccurrence, missing, { topN: this.options.rowLength });
    missing.forEach((beta, i) => this.walks.set(beta, rows[i]));
  }

  /** Null when no user has two dated orders within the window. */
  sequential(): ItemRows | null {
    if (this.sequentialRows === undefined) {
      const windowDays = this.options.windowDays;
      const counts = this.counted?.sequentialPairs() ?? countSequentialPairs(this.baskets, { windowDays });
      if (counts.windowDays !== windowDays) throw new Error(`the counts were made with a ${counts.windowDays}-day sequential window, the build asks for ${windowDays}`);
      const rules = sequentialRules(counts, { topN: this.options.rowLength });
      this.sequentialRows = rules.consequents.length === 0 ? null : { offsets: rules.offsets, items: rules.consequents, scores: rules.confidence };
    }
    return this.sequentialRows;
  }

  ease(lambda: number): EaseRows {
    let rows = this.eases.get(lambda);
    if (rows === undefined) {
      const fit = fitNeighbourhoodEase(this.cooccurrence, { lambda, neighbours: this.options.neighbours });
      const intercept = keepTop(fit.withIntercept.intercept, PRIOR_LENGTH);
      const highPrior = topFlags(intercept, this.options.priorItems);
      const n = this.items;
      const asRows = (weights: Float32Array) => transposeRows({ offsets: fit.withIntercept.offsets, items: fit.withIntercept.regressors, scores: weights }, n);
      rows = {
        lambda,
        withIntercept: cutRows(asRows(fit.withIntercept.weights), this.options.rowLength, highPrior),
        withoutIntercept: cutRows(asRows(fit.withoutIntercept.weights), this.options.rowLength, undefined),
        intercept,
        highPrior,
      };
      this.eases.set(lambda, rows);
    }
    return rows;
  }

  /** Drops cached EASE fits other than `keep` (they are the bulk of the memory). */
  forgetEase(keep?: number): void {
    for (const lambda of [...this.eases.keys()]) if (lambda !== keep) this.eases.delete(lambda);
  }
}

/** Rules a -> j with one item on each side, lift > 1, the best `length` by confidence per antecedent. */
function ruleRows(baskets: Baskets, length: number): ItemRows {
  const n = baskets.itemIds.length;
  const total = baskets.offsets.length - 1;
  const sets = fpGrowth(baskets, { minSupport: Math.max(2, Math.ceil(total * 1e-4)), maxSize: 2 });
  const rules = associationRules(sets, { minConfidence: 0, minLift: 1 + 1e-9, maxAntecedentSize: 1 });
  const byAntecedent: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  for (let r = 0; r < rules.counts.length; r++) {
    const a = rules.antecedentItems[rules.antecedentOffsets[r]];
    byAntecedent[a].push([rules.consequentItems[rules.consequentOffsets[r]], rules.counts[r] / rules.antecedentCounts[r]]);
  }
  return bestOfEachRow(byAntecedent, length);
}

/** 1 for the `count` items with the largest values (ties by index). */
export function topFlags(values: ArrayLike<number>, count: number): Uint8Array {
  const n = values.length;
  const items = new Uint32Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    items[i] = i;
    scores[i] = values[i];
  }
  const flags = new Uint8Array(n);
  const kept = selectTop(items, scores, n, count);
  for (let i = 0; i < kept; i++) flags[items[i]] = 1;
  return flags;
}

/** A copy of `values` with all but the `count` largest (positive) entries set to 0. */
function keepTop(values: Float32Array, count: number): Float32Array {
  const flags = topFlags(values, count);
  return Float32Array.from(values, (v, i) => (flags[i] === 1 && v > 0 ? v : 0));
}

/** Keeps each row's `length` largest positive entries, plus its negative entries on flagged items. */
function cutRows(rows: ItemRows, length: number, keepNegative: Uint8Array | undefined): ItemRows {
  const n = rows.offsets.length - 1;
  let longest = 0;
  for (let a = 0; a < n; a++) longest = Math.max(longest, rows.offsets[a + 1] - rows.offsets[a]);
  const items = new Uint32Array(longest);
  const scores = new Float64Array(longest);
  const builder = new ItemRowsBuilder(n, length);
  for (let a = 0; a < n; a++) {
    let positive = 0;
    for (let p = rows.offsets[a]; p < rows.offsets[a + 1]; p++) {
      if (rows.scores[p] > 0) {
        items[positive] = rows.items[p];
        scores[positive] = rows.scores[p];
        positive++;
      }
    }
    let kept = selectTop(items, scores, positive, length);
    if (keepNegative !== undefined) {
      for (let p = rows.offsets[a]; p < rows.offsets[a + 1]; p++) {
        if (rows.scores[p] < 0 && keepNegative[rows.items[p]] === 1) {
          items[kept] = rows.items[p];
          scores[kept] = rows.scores[p];
          kept++;
        }
      }
    }
    builder.set(a, items, scores, kept);
  }
  return builder.build();
}

/**
 * Blends one anchor's source rows, s(a, j) = sum over sources of w_s row_s(a, j), into its list: the `topN`
 * best entries above `threshold`, then up to `corrections` negative entries on `highPrior` items. Reused scratch;
 * after `blend`, items / scores hold the list and origin / largest each item's largest term and its source.
 */
export class RowBlender {
  readonly items: Uint32Array;
  readonly scores: Float64Array;
  /** Source index of each item's largest term (by item), and that term. */
  readonly origin: Int8Array;
  readonly largest: Float64Array;
  private readonly total: Float64Array;
  private readonly touched: Uint32Array;
  private readonly negItems: Uint32Array;
  private readonly negScores: Float64Array;
  /** Items touched by the last blend, reset by the next. */
  private length = 0;

  constructor(n: number) {
    this.items = new Uint32Array(n);
    this.scores = new Float64Array(n);
    this.origin = new Int8Array(n).fill(-1);
    this.largest = new Float64Array(n);
    this.total = new Float64Array(n);
    this.touched = new Uint32Array(n);
    this.negItems = new Uint32Array(n);
    this.negScores = new Float64Array(n);
  }

  blend(
    rows: ReadonlyArray<ItemRows | undefined>,
    weights: readonly number[],
    anchor: number,
    topN: number,
    threshold = 0,
    corrections = 0,
    highPrior?: Uint8Array,
  ): number {
    const { items, scores, origin, largest, total, touched } = this;
    for (let i = 0; i < this.length; i++) {
      const j = touched[i];
      total[j] = 0;
      origin[j] = -1;
    }
    let length = 0;
    for (let s = 0; s < rows.length; s++) {
      const source = rows[s];
      if (source === undefined) continue;
      const w = weights[s];
      for (let p = source.offsets[anchor]; p < source.offsets[anchor + 1]; p++) {
        const j = source.items[p];
        const term = w * source.scores[p];
        if (origin[j] === -1) {
          touched[length++] = j;
          origin[j] = s;
          largest[j] = term;
        } else if (term > largest[j]) {
          origin[j] = s;
          largest[j] = term;
        }
        total[j] += term;
      }
    }
    this.length = length;
    let positive = 0;
    let negative = 0;
    for (let i = 0; i < length; i++) {
      const j = touched[i];
      if (total[j] > threshold && total[j] > 0) {
        items[positive] = j;
        scores[positive++] = total[j];
      } else if (highPrior !== undefined && highPrior[j] === 1 && total[j] < 0) {
        this.negItems[negative] = j;
        this.negScores[negative++] = -total[j];
      }
    }
    const kept = selectTop(items, scores, positive, topN);
    const keptNegative = selectTop(this.negItems, this.negScores, negative, corrections);
    for (let i = 0; i < keptNegative; i++) {
      items[kept + i] = this.negItems[i];
      scores[kept + i] = -this.negScores[i];
    }
    return kept + keptNegative;
  }
}
