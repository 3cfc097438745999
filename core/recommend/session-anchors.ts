/**
 * @module
 * The session's recent views as anchors of the next-item merge, with a linear recency decay (the weighting of
 * V-SKNN, Ludewig & Jannach 2018):
 *
 *   views     the request's last ANCHOR_CAPS.viewed views (the ones whose blobs the worker reads), items the
 *             build does not know left out
 *   anchors   their distinct items, most recent first (a re-viewed item counts at its latest view)
 *   w_r       = (L - r) / L for the anchor at recency rank r = 0 .. L-1 (L anchors): the last view weighs 1,
 *             the oldest 1 / L
 *
 * The build's tuning of the next-item lists scores its validation sessions with this same function.
 */
import { ANCHOR_CAPS } from "./serving-data";

export interface SessionAnchors {
  anchors: number[];
  weights: Float64Array;
}

/** `viewed` oldest first: item indices, -1 (or undefined) for items the build does not know. */
export function sessionAnchors(viewed: ReadonlyArray<number | undefined>): SessionAnchors {
  const anchors: number[] = [];
  for (let v = viewed.length - 1; v >= Math.max(0, viewed.length - ANCHOR_CAPS.viewed); v--) {
    const item = viewed[v];
    if (item !== undefined && item >= 0 && !anchors.includes(item)) anchors.push(item);
  }
  const L = anchors.length;
  const weights = new Float64Array(L);
  for (let r = 0; r < L; r++) weights[r] = (L - r) / L;
  return { anchors, weights };
}
