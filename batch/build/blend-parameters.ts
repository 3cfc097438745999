/**
 * @module
 * The cross-sell blend's parameters (lambda, the served prior alpha, the source weights w, the list threshold
 * tau) and the source rows a blend mixes, in RowBlender's order (ease, walk, association, rules, sequential).
 */
import type { ItemRows } from "../mining/item-rows";
import type { CrossSellSources } from "./cross-sell-sources";

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

export function hasAnySource(p: BlendParameters): boolean {
  return p.ease > 0 || p.walk > 0 || p.association > 0 || p.rules > 0 || p.sequential > 0;
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
