/**
 * @module
 * A validated event as it is queued and stored: one `events` row (the fields every analysis reads are columns,
 * the rest goes to `payload`), and for a purchase its `orders` row and `order_lines` rows. The rows are the
 * schema's (`schema.ts`), by column name.
 */
import type { InferSelectModel } from "drizzle-orm";
import { eventFingerprint } from "../core/events/event-fingerprint";
import type { PurchaseLine, StorefrontEvent } from "../core/events/event-schema";
import type { events, orderLines, orders } from "./schema";

/** An `events` row by its D1 column names, as queued and stored (`received_at` is D1's to fill). */
export type EventRow = Omit<InferSelectModel<typeof events, { dbColumnNames: true }>, "received_at">;
/** The `orders` row of a purchase event (its `source` is "event"). */
export type OrderRow = Omit<InferSelectModel<typeof orders, { dbColumnNames: true }>, "source">;
export type OrderLineRow = InferSelectModel<typeof orderLines, { dbColumnNames: true }>;

interface PurchasePayload {
  order_id: string;
  lines: PurchaseLine[];
}

export function eventRow(event: StorefrontEvent): EventRow {
  const row: EventRow = {
    event_id: event.event_id,
    type: event.type,
    session_id: event.session_id,
    user_id: event.user_id ?? null,
    ts: event.ts,
    item_id: null,
    dwell_ms: null,
    query: null,
    order_value: null,
    rec_id: event.rec_id ?? null,
    slot: event.slot ?? null,
    variant: event.variant ?? null,
    payload: null,
    fingerprint: eventFingerprint(event),
  };
  switch (event.type) {
    case "impression":
      if (event.items !== undefined) row.payload = { items: event.items };
      break;
    case "click":
      row.item_id = event.item_id;
      if (event.position !== undefined) row.payload = { position: event.position };
      break;
    case "add_to_cart":
    case "remove_from_cart":
      row.item_id = event.item_id;
      if (event.qty !== undefined) row.payload = { qty: event.qty };
      break;
    case "view":
      row.item_id = event.item_id;
      row.dwell_ms = event.dwell_ms ?? null;
      break;
    case "search":
      row.query = event.query;
      break;
    case "purchase": {
      row.order_value = event.order_value ?? linesValue(event.lines);
      const payload: PurchasePayload = { order_id: event.order_id ?? event.event_id, lines: event.lines };
      row.payload = payload as unknown as Record<string, unknown>;
      break;
    }
  }
  return row;
}

/** The sum of qty x price, or null when a line has no price. */
function linesValue(lines: PurchasePayload["lines"]): number | null {
  let total = 0;
  for (const line of lines) {
    if (line.price === undefined) return null;
    total += (line.qty ?? 1) * line.price;
  }
  return Math.round(total * 100) / 100;
}

/** The order a purchase row describes, with one line per product (repeated products are summed). */
export function purchaseOrder(row: EventRow): { order: OrderRow; lines: OrderLineRow[] } | null {
  if (row.type !== "purchase" || row.payload === null) return null;
  const payload = row.payload as unknown as PurchasePayload;
  const order: OrderRow = { id: payload.order_id, user_id: row.user_id, session_id: row.session_id, ts: row.ts, total: row.order_value, event_id: row.event_id };
  const byProduct = new Map<string, OrderLineRow>();
  for (const line of payload.lines) {
    const existing = byProduct.get(line.id);
    if (existing !== undefined) {
      existing.qty += line.qty ?? 1;
      existing.rec_id ??= line.rec_id ?? null;
      existing.slot ??= line.slot ?? null;
      continue;
    }
    byProduct.set(line.id, {
      order_id: payload.order_id,
      product_id: line.id,
      qty: line.qty ?? 1,
      price: line.price ?? null,
      rec_id: line.rec_id ?? null,
      slot: line.slot ?? null,
    });
  }
  return { order, lines: [...byProduct.values()] };
}
