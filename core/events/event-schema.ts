/**
 * @module
 * The validated shape of a storefront event (`POST /v1/events`, and the events JSONL files `edgerec build
 * --events` reads): one schema per event type, discriminated by `type`, so a click without `rec_id` or a purchase
 * without lines is refused naming the field. Unknown extra fields are dropped.
 */
import { z } from "zod";
import { SLOT_KINDS } from "../types";

export const EVENT_TYPES = ["impression", "click", "add_to_cart", "remove_from_cart", "purchase", "view", "search"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_LIMITS = {
  idLength: 200,
  queryLength: 200,
  lines: 100,
  shownItems: 100,
  /** Events per request; a longer batch is refused with 413. */
  batch: 500,
  /** Request bodies larger than this are refused with 413. */
  bodyBytes: 512 * 1024,
  maxDwellMs: 86_400_000,
  /** Plausible unix seconds: 2000-01-01 .. 2100-01-01. */
  minTs: 946_684_800,
  maxTs: 4_102_444_800,
} as const;

const id = z.string().min(1).max(EVENT_LIMITS.idLength);

/** ISO-8601 text or unix seconds; normalised to whole unix seconds. */
export const timestampSchema = z
  .union([z.number(), z.string().min(1).max(40)])
  .transform((value, ctx) => {
    const seconds = typeof value === "number" ? value : Date.parse(value) / 1000;
    if (!Number.isFinite(seconds) || seconds < EVENT_LIMITS.minTs || seconds > EVENT_LIMITS.maxTs) {
      ctx.addIssue({ code: "custom", message: "must be ISO-8601 or unix seconds between 2000 and 2100" });
      return z.NEVER;
    }
    return Math.floor(seconds);
  })
  .meta({ description: "ISO-8601 or unix seconds" });

const money = z.number().min(0).max(1e9);
const slotKind = z.enum(SLOT_KINDS);

const common = {
  event_id: id.meta({ description: "Unique per event: a retry with the same id is stored once" }),
  session_id: id,
  user_id: id.optional(),
  ts: timestampSchema,
  /** The recommendation answer this event is about (its `rec_id`), for attribution. */
  rec_id: id.optional(),
  /** The slot kind of that answer the item was shown in. */
  slot: slotKind.optional(),
  /** The `variant` of that answer, echoed. */
  variant: z.string().min(1).max(EVENT_LIMITS.idLength).optional(),
};

export const purchaseLineSchema = z.object({
  id,
  qty: z.number().int().min(1).max(10_000).optional(),
  price: money.optional(),
  rec_id: id.optional().meta({ description: "Set when the line was added from a recommendation" }),
  slot: slotKind.optional(),
});

export const eventSchema = z.discriminatedUnion("type", [
  z.object({
    ...common,
    type: z.literal("impression"),
    rec_id: id.meta({ description: "The rec_id of the answer shown" }),
    items: z.array(id).max(EVENT_LIMITS.shownItems).optional().meta({ description: "Item ids shown" }),
  }),
  z.object({ ...common, type: z.literal("click"), rec_id: id, item_id: id, position: z.number().int().min(0).max(1000).optional() }),
  z.object({ ...common, type: z.literal("add_to_cart"), item_id: id, qty: z.number().int().min(1).max(10_000).optional() }),
  z.object({ ...common, type: z.literal("remove_from_cart"), item_id: id, qty: z.number().int().min(1).max(10_000).optional() }),
  z.object({
    ...common,
    type: z.literal("purchase"),
    order_id: id.optional().meta({ description: "Default: the event_id" }),
    order_value: money.optional().meta({ description: "Default: the sum of qty x price over the lines" }),
    lines: z.array(purchaseLineSchema).min(1).max(EVENT_LIMITS.lines),
  }),
  z.object({ ...common, type: z.literal("view"), item_id: id, dwell_ms: z.number().int().min(0).max(EVENT_LIMITS.maxDwellMs).optional() }),
  z.object({ ...common, type: z.literal("search"), query: z.string().min(1).max(EVENT_LIMITS.queryLength) }),
]);

export type StorefrontEvent = z.infer<typeof eventSchema>;
export type PurchaseLine = z.infer<typeof purchaseLineSchema>;

/** The body of `POST /v1/events`: one event, an array of events, or `{"events": [...]}`. */
export const eventBodySchema = z.union([
  z.object({ events: z.array(eventSchema).min(1) }),
  z.array(eventSchema).min(1),
  eventSchema,
]);
export type EventBody = z.infer<typeof eventBodySchema>;
