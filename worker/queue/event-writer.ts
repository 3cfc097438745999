/**
 * @module
 * Writes queued events and exposures to D1 in one batch (one transaction) per consumer batch, as multi-row
 * Drizzle inserts that do nothing on conflict: an event id, an order id, an (order, product) line and an
 * (experiment, unit) exposure are stored once however often a message is delivered.
 */
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { type EventRow, type OrderLineRow, type OrderRow, purchaseOrder } from "../../db/event-rows";
import { chunkRows, MAX_BOUND_PARAMETERS } from "../../db/insert-chunks";
import { events, exposures, orderLines, orders } from "../../db/schema";
import type { ExposureRow, QueueMessage } from "./queue-message";

export interface WriteCounts {
  events: number;
  orders: number;
  lines: number;
  exposures: number;
}

/** The inserts of a consumer batch, each within D1's bound-parameter limit, and what they write. */
export function writeStatements(d1: D1Database, messages: readonly QueueMessage[]) {
  const eventRows: Array<typeof events.$inferInsert> = [];
  const orderRows: Array<typeof orders.$inferInsert> = [];
  const lineRows: Array<typeof orderLines.$inferInsert> = [];
  const firstExposures = new Map<string, ExposureRow>();
  for (const message of messages) {
    if (message.kind === "event") {
      eventRows.push(eventInsert(message.row));
      const purchase = purchaseOrder(message.row);
      if (purchase === null) continue;
      orderRows.push(orderInsert(purchase.order));
      for (const line of purchase.lines) lineRows.push(lineInsert(line));
    } else {
      const row = message.row;
      const key = `${row.experiment_id}\u0000${row.unit_id}`;
      const seen = firstExposures.get(key);
      if (seen === undefined || seen.first_seen > row.first_seen) firstExposures.set(key, row);
    }
  }
  const exposureRows = [...firstExposures.values()].map(exposureInsert);
  const db = drizzle(d1);
  const statements = [...inserts(db, events, eventRows), ...inserts(db, orders, orderRows), ...inserts(db, orderLines, lineRows), ...inserts(db, exposures, exposureRows)];
  const counts: WriteCounts = { events: eventRows.length, orders: orderRows.length, lines: lineRows.length, exposures: exposureRows.length };
  return { db, statements, counts };
}

export async function writeMessages(d1: D1Database, messages: readonly QueueMessage[]): Promise<WriteCounts> {
  const { db, statements, counts } = writeStatements(d1, messages);
  if (statements.length > 0) await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return counts;
}

/** The rows as the schema types them, every column named, but `received_at`, which D1 fills. */
function eventInsert(row: EventRow): Omit<Required<typeof events.$inferInsert>, "receivedAt"> {
  return {
    eventId: row.event_id,
    type: row.type,
    sessionId: row.session_id,
    userId: row.user_id,
    ts: row.ts,
    itemId: row.item_id,
    dwellMs: row.dwell_ms,
    query: row.query,
    orderValue: row.order_value,
    recId: row.rec_id,
    slot: row.slot,
    variant: row.variant,
    payload: row.payload,
  };
}

function orderInsert(order: OrderRow): Required<typeof orders.$inferInsert> {
  return { id: order.id, userId: order.user_id, sessionId: order.session_id, ts: order.ts, total: order.total, source: "event" };
}

function lineInsert(line: OrderLineRow): Required<typeof orderLines.$inferInsert> {
  return { orderId: line.order_id, productId: line.product_id, qty: line.qty, price: line.price, recId: line.rec_id, slot: line.slot };
}

function exposureInsert(row: ExposureRow): Required<typeof exposures.$inferInsert> {
  return { experimentId: row.experiment_id, unitId: row.unit_id, variant: row.variant, firstSeen: row.first_seen };
}

/** Inserts of the rows in as few statements as D1's bound-parameter limit allows. */
function inserts<T extends SQLiteTable>(db: DrizzleD1Database, table: T, rows: Array<T["$inferInsert"]>) {
  if (rows.length === 0) return [];
  const parametersPerRow = db.insert(table).values(rows[0]).toSQL().params.length;
  const chunks = chunkRows(rows, { rows: Math.floor(MAX_BOUND_PARAMETERS / Math.max(1, parametersPerRow)) });
  return chunks.map((chunk) => db.insert(table).values(chunk).onConflictDoNothing());
}
