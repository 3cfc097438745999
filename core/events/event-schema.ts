/**
 * @module
 * The validated shape of a storefront event: one schema per event type, discriminated by `type`, so a click
 * without `rec_id` or a purchase without lines is refused naming the field. Unknown extra fields are dropped.
 * `POST /v1/events` takes `eventSchema`; the events JSONL files `edgerec build --events` reads (what
 * `edgerec export-events` writes) take `eventLineSchema`, the same events except that a purchase may leave out
 * its lines (the orders file has them).
 */
import { z } from "zod";
import { timestampSchema } from "../timestamp";
import { SLOT_KINDS } from "../types";

export const EVENT_TYPES = ["impression", "click", "add_to_cart", "remove_from_cart", "purchase", "view", "search"] as const;

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
} as const;

/** Ids are text a shop shows or logs: no control characters (they would also swell the queued JSON sixfold). */
const id = z
  .string()
  .min(1)
  .max(EVENT_LIMITS.idLength)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern names the control characters an id may not hold
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, "must not contain control characters");

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

const purchaseLineSchema = z.object({
  id,
  qty: z.number().int().min(1).max(10_000).optional(),
  price: money.optional(),
  rec_id: id.optional().meta({ description: "Set when the line was added from a recommendation" }),
  slot: slotKind.optional(),
});

const impression = z.object({
  ...common,
  type: z.literal("impression"),
  rec_id: id.meta({ description: "The rec_id of the answer shown" }),
  items: z.array(id).max(EVENT_LIMITS.shownItems).optional().meta({ description: "Item ids shown" }),
});
const click = z.object({ ...common, type: z.literal("click"), rec_id: id, item_id: id, position: z.number().int().min(0).max(1000).optional() });
const addToCart = z.object({ ...common, type: z.literal("add_to_cart"), item_id: id, qty: z.number().int().min(1).max(10_000).optional() });
const removeFromCart = z.object({ ...common, type: z.literal("remove_from_cart"), item_id: id, qty: z.number().int().min(1).max(10_000).optional() });
const purchase = z.object({
  ...common,
  type: z.literal("purchase"),
  order_id: id.optional().meta({ description: "Default: the event_id" }),
  order_value: money.optional().meta({ description: "Default: the sum of qty x price over the lines" }),
  lines: z.array(purchaseLineSchema).min(1).max(EVENT_LIMITS.lines),
});
const view = z.object({ ...common, type: z.literal("view"), item_id: id, dwell_ms: z.number().int().min(0).max(EVENT_LIMITS.maxDwellMs).optional() });
const search = z.object({ ...common, type: z.literal("search"), query: z.string().min(1).max(EVENT_LIMITS.queryLength) });

export const eventSchema = z.discriminatedUnion("type", [impression, click, addToCart, removeFromCart, purchase, view, search]);

/** A line of an events file: an event as `eventSchema` takes it, or a purchase without its lines. */
export const eventLineSchema = z.discriminatedUnion("type", [
  impression,
  click,
  addToCart,
  removeFromCart,
  purchase.extend({ lines: purchase.shape.lines.optional() }),
  view,
  search,
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
