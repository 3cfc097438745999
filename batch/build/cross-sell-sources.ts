/**
 * @module
 * The scored item rows the cross-sell blend mixes, computed once per set of baskets and cached by parameter:
 *
 *   ease         neighbourhood EASE weights B(a, j) by anchor a (both variants: with and without intercept)
 *   walk         two-step co-purchase walk W(a, j), rows scaled to max 1, per popularity exponent beta
 *   association  conditional probability P(j | a) = C(a, j) / C(a, a)
 *   sequential   confidence of "bought j within W days after a" (other orders of the same user)
 *
 * Anchor rows are cut to `rowLength` best entries; the EASE rows with intercept also keep the negative weights
 * on the `priorItems` items with the highest intercept, since with a served prior those decide whether a popular
 * item that does not go with the cart still makes the top k.
 */
import type { Baskets } from "../io/baskets";
import { type CooccurrenceMatrix, computeCooccurrenceMatrix } from "../mining/cooccurrence";
import { coPurchaseWalk, coPurchaseWalks } from "../mining/co-purchase-walk";
import { type ItemRows, ItemRowsBuilder, transposeRows } from "../mining/item-rows";
import { itemSimilarity } from "../mining/item-similarity";
import { fitNeighbourhoodEase } from "../mining/neighbourhood-ease";
import { mineSequentialRules } from "../mining/sequential-rules";
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
  private sequentialRows?: ItemRows | null;
  private readonly walks = new Map<number, ItemRows>();
  private readonly eases = new Map<number, EaseRows>();

  constructor(
    readonly baskets: Baskets,
    readonly options: SourceOptions,
  ) {
    this.items = baskets.itemIds.length;
    this.cooccurrence = computeCooccurrenceMatrix(baskets, { maxPerItem: options.maxPerItem });
  }

  association(): ItemRows {
    this.associationRows ??= itemSimilarity(this.cooccurrence, "conditional_probability", { topN: this.options.rowLength });
    return this.associationRows;
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
      const rules = mineSequentialRules(this.baskets, { windowDays: this.options.windowDays, topN: this.options.rowLength });
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
export function keepTop(values: Float32Array, count: number): Float32Array {
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
