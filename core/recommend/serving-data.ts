/**
 * @module
 * What one request needs from storage, gathered by the caller (worker or offline replay) before the pure
 * `recommend()` runs: the live build, the lists of the request's anchor items and the slot plans in force.
 */
import type { ItemLists } from "../blob/item-blob";
import type { StockOverlay } from "../catalog/stock-overlay";
import type { RulesOverlay } from "../rules/rules-overlay";
import type { Placement } from "../types";
import type { RecommendationRequest } from "../request-schema";
import { listingDevices } from "./listing-devices";
import type { LoadedBuild } from "./loaded-build";
import type { SlotPlan } from "./slot-plans";

export interface ServingData {
  /** Null when no build is live or its meta blob is missing or unreadable. */
  build: LoadedBuild | null;
  /** Lists per anchor id; null where the blob was missing or unreadable. Ids the build never saw are absent. */
  lists: ReadonlyMap<string, ItemLists | null>;
  /** Set by the loader when something it read was missing or corrupt (or an older build answers). */
  degraded: boolean;
  /** Configured slot plans (KV `cfg/slot-plans`); absent placements use the defaults. */
  slotPlans?: Partial<Record<Placement, SlotPlan>> | null;
  /** Stock overlay (KV `cfg/stock`): with one, exactly the listed catalogue items are out of stock. */
  stock?: StockOverlay | null;
  /** Merchandising rules in force (KV `cfg/rules`). */
  rules?: RulesOverlay | null;
}

/** Anchors read per request, by role. The total (66 + the meta blob) stays under a bulk KV read's 100 keys. */
export const ANCHOR_CAPS = { cart: 40, owned: 8, viewed: 12, listing: 5 } as const;

/**
 * Item ids whose lists the request needs, most important first, without duplicates: the product, the cart, the
 * most recent owned and viewed items, and (for a listing, once the build is known) the devices its setup serves.
 */
export function anchorIds(request: RecommendationRequest, build?: LoadedBuild | null): string[] {
  const ids = new Set<string>();
  if (request.product_id !== undefined) ids.add(request.product_id);
  for (const id of (request.cart ?? []).slice(0, ANCHOR_CAPS.cart)) ids.add(id);
  for (const id of (request.owned ?? []).slice(-ANCHOR_CAPS.owned)) ids.add(id);
  for (const view of (request.viewed ?? []).slice(-ANCHOR_CAPS.viewed)) ids.add(view.id);
  if (request.placement === "listing" && build !== undefined && build !== null) {
    for (const item of listingDevices(build, request, ANCHOR_CAPS.listing).devices) ids.add(build.meta.items[item]);
  }
  return [...ids];
}
