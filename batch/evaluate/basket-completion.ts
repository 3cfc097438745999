/**
 * @module
 * Basket completion through the project's own pipeline, in process: for each seed, draw the split exactly as
 * `basket_completion.py` does, rebuild the training orders as `edgerec build` would read them (the orders without
 * their held-out item, ids / user / time only, then the catalogue's other ids), run the build, and answer every
 * held-out basket with the same `recommend()` the worker and `edgerec recommend` call (placement checkout, cart =
 * the remaining items). Each variant is the same build with other cross-sell options (one source alone, or no
 * lists at all: the popularity fallback).
 */
import { buildFromBaskets } from "../build/build";
import type { BlendParameters } from "../build/blend-parameters";
import type { TuningReport } from "../build/blend-tuning";
import type { CrossSellOptions } from "../build/cross-sell";
import { type Baskets, BasketsBuilder, basketCount } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import { ArtifactStore } from "../recommend/artifact-store";
import { recommendationRequestSchema } from "../../core/request-schema";
import { drawHoldOuts, type HoldOut } from "./holdout-split";
import { MetricsAccumulator, type RankingMetrics } from "./metrics";

export interface EvaluationVariant {
  name: string;
  crossSell: CrossSellOptions;
}

export interface VariantRun {
  variant: string;
  seed: number;
  metrics: RankingMetrics;
  buildMs: number;
  recommendMs: number;
  crossSell?: { parameters: BlendParameters; tuning?: TuningReport };
  /** The build's fitted parameters as its manifest records them (the catalogue ranker's among them). */
  parameters: Record<string, unknown>;
}

export interface BasketCompletionOptions {
  seeds: readonly number[];
  k?: number;
  catalog?: CatalogProduct[];
  variants: readonly EvaluationVariant[];
  /** Called after each (seed, variant). */
  onRun?: (run: VariantRun, done: number, total: number) => void;
}

export function evaluateBasketCompletion(orders: Baskets, options: BasketCompletionOptions): VariantRun[] {
  const k = options.k ?? 10;
  const runs: VariantRun[] = [];
  const total = options.seeds.length * options.variants.length;
  const catalogueItems = orders.itemIds.length;
  for (const seed of options.seeds) {
    const split = drawHoldOuts(orders, seed);
    const train = trainingOrders(orders, split.heldOut, options.catalog);
    for (const variant of options.variants) {
      const started = performance.now();
      const artifacts = buildFromBaskets(train, options.catalog, { buildId: `evaluate-${seed}`, now: new Date(0), crossSell: variant.crossSell });
      const crossSell = blendOf(artifacts.manifest.parameters);
      const built = performance.now();
      const store = new ArtifactStore(artifacts);
      const metrics = new MetricsAccumulator(k);
      for (let i = 0; i < split.holdOuts.length; i++) {
        const holdOut = split.holdOuts[i];
        metrics.add(answer(store, orders, holdOut, k, i), orders.itemIds[holdOut.item]);
      }
      const run: VariantRun = {
        variant: variant.name,
        seed,
        metrics: metrics.result(catalogueItems),
        buildMs: built - started,
        recommendMs: performance.now() - built,
        parameters: artifacts.manifest.parameters,
      };
      if (crossSell !== undefined) run.crossSell = { parameters: crossSell.parameters, tuning: crossSell.tuning };
      runs.push(run);
      options.onRun?.(run, runs.length, total);
    }
  }
  return runs;
}

/** The ids `recommend()` answers for a checkout with this cart, cross-sell slots first, cart items removed. */
function answer(store: ArtifactStore, orders: Baskets, holdOut: HoldOut, k: number, index: number): string[] {
  const cart = Array.from(holdOut.cart, (item) => orders.itemIds[item]);
  const parsed = recommendationRequestSchema.safeParse({ placement: "checkout", cart, k });
  if (!parsed.success) return [];
  const response = store.recommend({ ...parsed.data, k }, `evaluate-${index}`);
  const crossSell = response.slots.filter((slot) => slot.kind === "cross_sell");
  const slots = crossSell.length > 0 ? crossSell : response.slots;
  const inCart = new Set(cart);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const slot of slots) {
    for (const item of slot.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      if (!inCart.has(item.id)) ids.push(item.id);
    }
  }
  return ids.slice(0, k);
}

/** The training orders as `edgerec build --orders train.jsonl [--catalog]` reads the file the Python tool writes. */
function trainingOrders(orders: Baskets, heldOut: Int32Array, catalog: CatalogProduct[] | undefined): Baskets {
  const builder = new BasketsBuilder();
  const { offsets, items, itemIds, users, userIds, times, orderIds } = orders;
  for (let b = 0; b < basketCount(orders); b++) {
    const lines: Array<{ id: string }> = [];
    for (let x = offsets[b]; x < offsets[b + 1]; x++) if (items[x] !== heldOut[b]) lines.push({ id: itemIds[items[x]] });
    builder.add(orderIds[b], lines, users[b] >= 0 ? userIds[users[b]] : undefined, times[b]);
  }
  if (catalog !== undefined) for (const product of catalog) builder.intern(product.id);
  return builder.build();
}

/** The blend parameters (and tuning report) the build recorded in its manifest. */
function blendOf(parameters: Record<string, unknown>): VariantRun["crossSell"] {
  const blend = parameters.cross_sell as BlendParameters | undefined;
  if (blend === undefined) return undefined;
  const tuning = parameters.cross_sell_tuning as TuningReport | undefined;
  return tuning === undefined ? { parameters: blend } : { parameters: blend, tuning };
}
