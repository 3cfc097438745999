/**
 * @module
 * What one request needs from storage, gathered by the caller (worker or offline replay) before the pure
 * `recommend()` runs: the live build and the lists of the request's anchor items.
 */
import type { ItemLists } from "../blob/item-blob";
import type { RecommendationRequest } from "../types";
import type { LoadedBuild } from "./loaded-build";

export interface ServingData {
  /** Null when no build is live or its meta blob is missing or unreadable. */
  build: LoadedBuild | null;
  /** Lists per anchor id; null where the blob was missing or unreadable. Ids the build never saw are absent. */
  lists: ReadonlyMap<string, ItemLists | null>;
  /** Set by the loader when something it read was missing or corrupt. */
  degraded: boolean;
}

/** The most anchors a request may bring: a bulk KV read takes at most 100 keys. */
export const MAX_ANCHORS = 40;

/** Item ids whose lists the request needs, most important first, without duplicates. */
export function anchorIds(request: RecommendationRequest): string[] {
  const ids = new Set<string>();
  if (request.product_id !== undefined) ids.add(request.product_id);
  for (const id of request.cart ?? []) ids.add(id);
  for (const viewed of request.viewed ?? []) ids.add(viewed.id);
  return [...ids].slice(0, MAX_ANCHORS);
}
