/**
 * @module
 * Slot plans: which slots a placement answers with, in which order, how many items each, and the restraint that
 * applies. Defaults live here; a merchant's plans (D1 `slot_plans`, published to KV `cfg/slot-plans` by the admin
 * route) replace them placement by placement. Titles may say `{anchor}` (the slot's main item) and
 * `{category}` (the browsed category).
 */
import { z } from "zod";
import { parseStoredDocument } from "../stored-document";
import { PLACEMENTS, type Placement, SLOT_KINDS } from "../types";

/** Where a slot's candidates come from (see `slot-sources.ts`). */
const SLOT_SOURCES = [
  "cart_cross_sell",
  "accessories",
  "bundle",
  "down_sell",
  "similar",
  "scenario",
  "upgrade",
  "clearance",
  "popular",
  "next_item",
] as const;
export type SlotSource = (typeof SLOT_SOURCES)[number];

const slotSpecSchema = z.object({
  kind: z.enum(SLOT_KINDS),
  source: z.enum(SLOT_SOURCES),
  title: z.string().min(1).max(120),
  /** Items when the request does not say `k`. */
  size: z.number().int().min(1).max(50),
  /** Most items whatever the request asks. */
  max: z.number().int().min(1).max(50).default(20),
  /** Order among the plan's slots, before the intent multiplier (higher first). */
  priority: z.number().min(0).max(100).default(1),
  /** Restraint within the slot: no two items of one category (or brand). */
  distinct: z.enum(["category", "brand", "none"]).default("category"),
});

export const slotPlanSchema = z
  .object({
    slots: z.array(slotSpecSchema).min(1).max(8),
    max_slots: z.number().int().min(1).max(8).default(3),
    /** A suggestion already shown in this many answers of the session is held back (0 = no capping). */
    frequency_cap: z.number().int().min(0).max(100).default(3),
    /** Reorder the slots by the shopper's intent. */
    by_intent: z.boolean().default(true),
  })
  .meta({ description: "The slots of one placement" });

/** The document at KV `cfg/slot-plans`. */
const slotPlansConfigSchema = z.object({
  version: z.literal(1),
  plans: z.partialRecord(z.enum(PLACEMENTS), slotPlanSchema),
});

export type SlotSpec = z.output<typeof slotSpecSchema>;
export type SlotPlan = z.output<typeof slotPlanSchema>;
export type SlotPlans = Readonly<Record<Placement, SlotPlan>>;

/** A default plan says only what differs from the schema's defaults. */
const plan = (spec: z.input<typeof slotPlanSchema>): SlotPlan => slotPlanSchema.parse(spec);

const BUNDLE_SLOT = { kind: "bundle", source: "bundle", title: "{bundle}", size: 4, max: 6, priority: 0.9, distinct: "none" } as const;

export const DEFAULT_SLOT_PLANS: SlotPlans = {
  checkout: plan({
    slots: [{ kind: "cross_sell", source: "cart_cross_sell", title: "Complete your purchase", size: 10, priority: 1 }, BUNDLE_SLOT],
    max_slots: 2,
    frequency_cap: 4,
    by_intent: false,
  }),
  cart: plan({
    slots: [{ kind: "cross_sell", source: "cart_cross_sell", title: "Frequently bought together", size: 8, priority: 1 }, BUNDLE_SLOT],
    max_slots: 2,
    by_intent: false,
  }),
  product: plan({
    slots: [
      { kind: "cross_sell", source: "accessories", title: "Accessories for {anchor}", size: 6, priority: 1 },
      { kind: "down_sell", source: "down_sell", title: "Value pick", size: 2, max: 3, priority: 0.7, distinct: "none" },
      { kind: "similar", source: "similar", title: "Similar items", size: 6, priority: 0.6, distinct: "none" },
    ],
  }),
  listing: plan({
    slots: [
      { kind: "scenario", source: "scenario", title: "Complete the setup", size: 4, priority: 1 },
      { kind: "popular", source: "popular", title: "Popular in {category}", size: 8, priority: 0.8, distinct: "none" },
    ],
    max_slots: 2,
  }),
  home: plan({
    slots: [
      { kind: "cross_sell", source: "accessories", title: "For your {anchor}", size: 6, priority: 1 },
      { kind: "upgrade", source: "upgrade", title: "Upgrade your {anchor}", size: 4, priority: 0.9, distinct: "brand" },
      { kind: "down_sell", source: "clearance", title: "Deals on what you looked at", size: 4, priority: 0.8, distinct: "brand" },
      { kind: "popular", source: "popular", title: "Popular right now", size: 8, priority: 0.3 },
      { kind: "similar", source: "next_item", title: "Inspired by your browsing", size: 8, priority: 1, distinct: "none" },
    ],
  }),
};

/** The defaults with the configured placements replaced; `null` (nothing configured) gives the defaults. */
export function resolveSlotPlans(configured: Partial<Record<Placement, SlotPlan>> | null | undefined): SlotPlans {
  if (configured === null || configured === undefined) return DEFAULT_SLOT_PLANS;
  return { ...DEFAULT_SLOT_PLANS, ...configured };
}

/** Parses the KV document; anything unreadable counts as "nothing configured" (the defaults serve). */
export function parseSlotPlansConfig(text: string | null): Partial<Record<Placement, SlotPlan>> | null {
  return parseStoredDocument(slotPlansConfigSchema, text)?.plans ?? null;
}

/** Slot sources whose candidates may come from the category rule's price bands (`listThenBand`, clearance). */
const BAND_SOURCES: ReadonlySet<SlotSource> = new Set(["down_sell", "similar", "upgrade", "clearance"]);

/** Whether a plan may read price bands: else a request's build needs no anchor's `price_band` list. */
export function readsPriceBands(plan: SlotPlan): boolean {
  return plan.slots.some((slot) => BAND_SOURCES.has(slot.source));
}
