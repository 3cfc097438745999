/**
 * @module
 * The domain's vocabularies, shared by the worker and the batch jobs. The wire contracts built on them are zod
 * schemas: `request-schema.ts`, `recommendation-response.ts`, `events/event-schema.ts`, `input/`.
 */

export const PLACEMENTS = ["checkout", "cart", "product", "listing", "home"] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const SLOT_KINDS = ["cross_sell", "down_sell", "similar", "bundle", "scenario", "upgrade", "popular"] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export const LIFECYCLES = ["new", "active", "clearance", "eol"] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const INTENTS = ["decisive", "exploring", "price_sensitive"] as const;
export type Intent = (typeof INTENTS)[number];

/**
 * Machine-readable origin of a recommendation. The human text is rendered from a template in the build's
 * reason table; the code says which source produced the candidate.
 */
export const REASON_CODES = [
  "association",
  "sequential",
  "co_view",
  "item_cf",
  "compatible",
  "category_complement",
  "scenario",
  "down_sell",
  "similar",
  "bundle",
  "popular",
  "popular_in_category",
  "pinned",
  "cold_start",
  "upgrade",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
