/**
 * @module
 * Down-sell and similar bands checked against behaviour, where the shop's events show it. A down-sell pair is a
 * session that bought item b after looking longest, of b's category, at a pricier item v; a similar pair, two items
 * of one category viewed in the same session. With at least MIN_PAIRS pairs of a kind, its bounds come from them,
 * within bounds that keep a value pick a product of the same class (never under 40% of the price, never farther
 * than the relaxed default distance):
 *
 *   down-sell   minPriceRatio = clamp(q02(p_b / p_v), 0.4, 0.9)     maxPriceRatio = clamp(q98(p_b / p_v), min + 0.05, 0.98)
 *               maxDistance   = clamp(q95(D(v, b)), 0.1, R)         relaxedMaxDistance = clamp(max D, maxDistance, R)
 *   similar     similarMaxDistance = clamp(q95(D(a, b)), 0.1, R)    R = LADDER_DEFAULTS.relaxedMaxDistance
 *
 * (D the spec distance, `spec-distance.ts`); with fewer, the defaults stand (`LADDER_DEFAULTS`). The fitted
 * down-sell band is kept only if its ladders cover at least as many of the sessions' pairs (b on v's ladder) as the
 * defaults' do; the build reports both shares.
 */
import type { Baskets } from "../io/baskets";
import { buildLadders, LADDER_DEFAULTS, type LadderItem, type LadderOptions } from "./down-sell";
import { specDistance } from "./spec-distance";

export const MIN_PAIRS = 30;
const MAX_COVIEW_PAIRS = 50_000;

/** What sessions did, by item id. */
export interface Behaviour {
  /** Sessions that viewed items and bought (order ids resolve through the orders, lines are ids). */
  purchaseSessions: ReadonlyArray<{ viewed: readonly string[]; orders: readonly string[]; bought: readonly string[] }>;
  viewSessions: readonly string[][];
}

export interface LadderFit {
  source: "behaviour" | "defaults";
  down_sell_pairs: number;
  similar_pairs: number;
  options: Required<Pick<LadderOptions, "minPriceRatio" | "maxPriceRatio" | "maxDistance" | "relaxedMaxDistance" | "similarMaxDistance">>;
  /** Share of down-sell pairs whose purchase is on the viewed item's ladder: with the defaults, and as built. */
  covered_with_defaults?: number;
  covered?: number;
}

export function fitLadderBands(items: readonly LadderItem[], baskets: Pick<Baskets, "itemIndex" | "orderIds" | "offsets" | "items">, behaviour: Behaviour | undefined): LadderFit {
  const defaults: LadderFit["options"] = {
    minPriceRatio: LADDER_DEFAULTS.minPriceRatio,
    maxPriceRatio: LADDER_DEFAULTS.maxPriceRatio,
    maxDistance: LADDER_DEFAULTS.maxDistance,
    relaxedMaxDistance: LADDER_DEFAULTS.relaxedMaxDistance,
    similarMaxDistance: LADDER_DEFAULTS.similarMaxDistance,
  };
  if (behaviour === undefined) return { source: "defaults", down_sell_pairs: 0, similar_pairs: 0, options: defaults };
  const index = (id: string) => baskets.itemIndex.get(id);
  const comparable = (a: number, b: number) => a !== b && items[a]?.category !== undefined && items[a].category === items[b]?.category && items[a].price > 0 && items[b].price > 0;

  const orderOf = new Map<string, number>();
  baskets.orderIds.forEach((id, b) => orderOf.set(id, b));
  const downSell: Array<[number, number]> = [];
  for (const session of behaviour.purchaseSessions) {
    const bought = new Set<number>();
    for (const id of session.bought) {
      const i = index(id);
      if (i !== undefined) bought.add(i);
    }
    for (const id of session.orders) {
      const b = orderOf.get(id);
      if (b !== undefined) for (let x = baskets.offsets[b]; x < baskets.offsets[b + 1]; x++) bought.add(baskets.items[x]);
    }
    // Per bought item, the item of its category looked at longest (`viewed` is longest look first).
    for (const b of bought) {
      for (const id of session.viewed) {
        const v = index(id);
        if (v === undefined || v === b || bought.has(v) || !comparable(v, b)) continue;
        if (items[b].price < items[v].price) downSell.push([v, b]);
        break;
      }
    }
  }
  const similar: Array<[number, number]> = [];
  for (const session of behaviour.viewSessions) {
    const viewed = session.map(index).filter((i): i is number => i !== undefined);
    for (let x = 0; x < viewed.length && similar.length < MAX_COVIEW_PAIRS; x++) for (let y = x + 1; y < viewed.length; y++) if (comparable(viewed[x], viewed[y])) similar.push([viewed[x], viewed[y]]);
  }

  const options: LadderFit["options"] = { ...defaults };
  const distances = (pairs: Array<[number, number]>) => pairs.map(([a, b]) => specDistance(items[a].specs, items[b].specs)).filter((d) => Number.isFinite(d));
  const downDistances = distances(downSell);
  if (downSell.length >= MIN_PAIRS && downDistances.length >= MIN_PAIRS) {
    const ratios = downSell.map(([v, b]) => items[b].price / items[v].price);
    const far = LADDER_DEFAULTS.relaxedMaxDistance;
    options.minPriceRatio = clamp(quantile(ratios, 0.02), 0.4, 0.9);
    options.maxPriceRatio = clamp(quantile(ratios, 0.98), options.minPriceRatio + 0.05, 0.98);
    options.maxDistance = clamp(quantile(downDistances, 0.95), 0.1, far);
    options.relaxedMaxDistance = clamp(quantile(downDistances, 1), options.maxDistance, far);
  }
  const similarDistances = distances(similar);
  if (similarDistances.length >= MIN_PAIRS) options.similarMaxDistance = clamp(quantile(similarDistances, 0.95), 0.1, LADDER_DEFAULTS.relaxedMaxDistance);
  const fit: LadderFit = { source: "defaults", down_sell_pairs: downSell.length, similar_pairs: similar.length, options: { ...defaults } };
  const withDefaults = downSell.length > 0 ? coverage(items, downSell, defaults) : undefined;
  const fitted = downSell.length > 0 ? coverage(items, downSell, options) : undefined;
  const downSellFitted = downSell.length >= MIN_PAIRS && fitted! >= withDefaults!;
  if (downSellFitted || similarDistances.length >= MIN_PAIRS) {
    fit.source = "behaviour";
    fit.options = downSellFitted ? options : { ...defaults, similarMaxDistance: options.similarMaxDistance };
  }
  if (withDefaults !== undefined) {
    fit.covered_with_defaults = withDefaults;
    fit.covered = downSellFitted ? fitted : withDefaults;
  }
  return fit;
}

function coverage(items: readonly LadderItem[], pairs: ReadonlyArray<[number, number]>, options: LadderOptions): number {
  const { downSell } = buildLadders(items, { ...options, perItem: 5 });
  let covered = 0;
  for (const [v, b] of pairs) if (downSell[v].some((e) => e.item === b)) covered++;
  return Math.round((covered / pairs.length) * 1e4) / 1e4;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))];
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
