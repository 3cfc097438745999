/**
 * @module
 * Writes queued events and exposures to D1 in one transaction per consumer batch, as multi-row
 * `INSERT OR IGNORE` statements: an event id, an order id, an (order, product) line and an (experiment, unit)
 * exposure are stored once however often a message is delivered.
 */
import { type EventRow, purchaseOrder, type OrderLineRow, type OrderRow } from "../../core/events/event-rows";
import type { ExposureRow, QueueMessage } from "./queue-message";

/** D1 binds at most 100 parameters per statement. */
const MAX_PARAMETERS = 100;

const EVENT_COLUMNS = ["event_id", "type", "session_id", "user_id", "ts", "item_id", "dwell_ms", "query", "order_value", "rec_id", "slot", "variant", "payload"] as const;
const ORDER_COLUMNS = ["id", "user_id", "session_id", "ts", "total", "source"] as const;
const LINE_COLUMNS = ["order_id", "product_id", "qty", "price", "rec_id", "slot"] as const;
const EXPOSURE_COLUMNS = ["experiment_id", "unit_id", "variant", "first_seen"] as const;

export interface WriteCounts {
  events: number;
  orders: number;
  lines: number;
  exposures: number;
}

export function writeStatements(db: D1Database, messages: readonly QueueMessage[]): { statements: D1PreparedStatement[]; counts: WriteCounts } {
  const events: unknown[][] = [];
  const orders: unknown[][] = [];
  const lines: unknown[][] = [];
  const exposures = new Map<string, unknown[]>();
  for (const message of messages) {
    if (message.kind === "event") {
      const row = message.row;
      events.push(eventValues(row));
      const purchase = purchaseOrder(row);
      if (purchase !== null) {
        orders.push(orderValues(purchase.order));
        for (const line of purchase.lines) lines.push(lineValues(line));
      }
    } else {
      const row: ExposureRow = message.row;
      const key = `${row.experiment_id}\u0000${row.unit_id}`;
      const seen = exposures.get(key);
      if (seen === undefined || (seen[3] as number) > row.first_seen) exposures.set(key, [row.experiment_id, row.unit_id, row.variant, row.first_seen]);
    }
  }
  const statements = [
    ...insertIgnore(db, "events", EVENT_COLUMNS, events),
    ...insertIgnore(db, "orders", ORDER_COLUMNS, orders),
    ...insertIgnore(db, "order_lines", LINE_COLUMNS, lines),
    ...insertIgnore(db, "exposures", EXPOSURE_COLUMNS, [...exposures.values()]),
  ];
  return { statements, counts: { events: events.length, orders: orders.length, lines: lines.length, exposures: exposures.size } };
}

export async function writeMessages(db: D1Database, messages: readonly QueueMessage[]): Promise<WriteCounts> {
  const { statements, counts } = writeStatements(db, messages);
  if (statements.length > 0) await db.batch(statements);
  return counts;
}

function insertIgnore(db: D1Database, table: string, columns: readonly string[], rows: readonly unknown[][]): D1PreparedStatement[] {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const statements: D1PreparedStatement[] = [];
  const tuple = `(${columns.map(() => "?").join(",")})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const sql = `INSERT OR IGNORE INTO ${table} (${columns.join(",")}) VALUES ${chunk.map(() => tuple).join(",")}`;
    statements.push(db.prepare(sql).bind(...chunk.flat()));
  }
  return statements;
}

function eventValues(row: EventRow): unknown[] {
  return [row.event_id, row.type, row.session_id, row.user_id, row.ts, row.item_id, row.dwell_ms, row.query, row.order_value, row.rec_id, row.slot, row.variant, row.payload === null ? null : JSON.stringify(row.payload)];
}

function orderValues(order: OrderRow): unknown[] {
  return [order.id, order.user_id, order.session_id, order.ts, order.total, "event"];
}

function lineValues(line: OrderLineRow): unknown[] {
  return [line.order_id, line.product_id, line.qty, line.price, line.rec_id, line.slot];
}
