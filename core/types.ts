/**
 * @module
 * Domain types shared by the worker and the batch jobs.
 */

export const PLACEMENTS = ["checkout", "cart", "product", "listing", "home"] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const SLOT_KINDS = ["cross_sell", "down_sell", "similar", "bundle", "scenario", "upgrade", "popular"] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export const LIFECYCLES = ["new", "active", "clearance", "eol"] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export interface ViewedItem {
  id: string;
  dwell_ms?: number;
}

/** The body of `POST /v1/recommendations`, and of a request line of `edgerec recommend` (plus its `id`). */
export interface RecommendationRequest {
  placement: Placement;
  session_id?: string;
  user_id?: string;
  cart?: string[];
  product_id?: string;
  viewed?: ViewedItem[];
  query?: string;
  category?: string;
  /** Items per slot. */
  k?: number;
  /** The shopper sorted or filtered by price: a price-sensitivity signal. */
  price_sort?: "asc" | "desc";
  price_max?: number;
  /** Items the user already bought, where the storefront knows them: never suggested; home suggests upgrades and accessories for them. */
  owned?: string[];
  /** The signed session token of the previous answer (viewed items and what was shown), so history need not be resent. */
  session_token?: string;
}

export interface RecommendedItem {
  id: string;
  score: number;
  reason: string;
  /** Which source put the item here (see `ReasonCode`), for merchandisers and attribution. */
  reason_code: ReasonCode;
}

export interface Slot {
  kind: SlotKind;
  title: string;
  items: RecommendedItem[];
  /** Bundle slots: the discount when every item of the bundle is bought together. */
  discount_pct?: number;
}

export interface RecommendationResponse {
  rec_id: string;
  variant?: string;
  build?: string;
  /** True when a blob was missing or unreadable and a fallback answered. */
  degraded?: boolean;
  intent?: Intent;
  slots: Slot[];
  /** Send it back as `session_token` with the next request of this session. */
  session_token?: string;
}

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

/**
 * What an experiment variant may change for the requests assigned to it. Every field is optional: an empty
 * config serves the default behaviour.
 */
export interface VariantConfig {
  /** Serve no recommendations at all (a holdout control). */
  holdout?: boolean;
  /** Items per slot (overrides the request's k). */
  slot_size?: number;
  /** Most slots per answer. */
  max_slots?: number;
  /** Show the down-sell slot only once the shopper has dwelt this long on the anchor item (ms). */
  down_sell_after_dwell_ms?: number;
  /** Slot titles by slot kind. */
  copy?: Partial<Record<SlotKind, string>>;
  /** Multipliers on candidate scores by source. */
  weights?: Partial<Record<ReasonCode, number>>;
}

export interface AssignedVariant {
  experiment: string;
  name: string;
  config: VariantConfig;
}
