/**
 * @module
 * Writes queued events and exposures to D1 in one batch (one transaction) per consumer batch, as multi-row
 * Drizzle inserts that do nothing on conflict: an event id, an order id, an (order, product) line and an
 * (experiment, unit) exposure are stored once however often a message is delivered. A purchase's order and lines
 * are written only together with its event: the order only when the stored event of its id is this very purchase
 * (same fingerprint, so an id reused by another event writes no order), the lines only when the stored order is
 * this purchase's (so a second purchase naming the same order id adds no lines to it).
 */
import { and, eq, getTableColumns, type Query, sql } from "drizzle-orm";
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
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

/** The statements (SQL and parameters) of a consumer batch, each within D1's bound-parameter limit, and what they write. */
export function writeStatements(d1: D1Database, messages: readonly QueueMessage[]) {
  const eventRows: Array<typeof events.$inferInsert> = [];
  const purchases: Array<{ fingerprint: string; order: OrderRow; lines: OrderLineRow[] }> = [];
  const firstExposures = new Map<string, ExposureRow>();
  for (const message of messages) {
    if (message.kind === "event") {
      eventRows.push(eventInsert(message.row));
      const purchase = purchaseOrder(message.row);
      if (purchase !== null) purchases.push({ fingerprint: message.row.fingerprint ?? "", ...purchase });
    } else {
      const row = message.row;
      const key = `${row.experiment_id}\u0000${row.unit_id}`;
      const seen = firstExposures.get(key);
      if (seen === undefined || seen.first_seen > row.first_seen) firstExposures.set(key, row);
    }
  }
  const exposureRows = [...firstExposures.values()].map(exposureInsert);
  const db = drizzle(d1);
  const orderStatements = purchases.flatMap(({ fingerprint, order, lines }) => [orderIfEventIs(db, order, fingerprint), ...linesIfOrderIs(order, lines)]);
  const statements: Query[] = [...inserts(db, events, eventRows), ...orderStatements, ...inserts(db, exposures, exposureRows)];
  const counts: WriteCounts = { events: eventRows.length, orders: purchases.length, lines: purchases.reduce((sum, p) => sum + p.lines.length, 0), exposures: exposureRows.length };
  return { db, statements, counts };
}

export async function writeMessages(d1: D1Database, messages: readonly QueueMessage[]): Promise<WriteCounts> {
  const { statements, counts } = writeStatements(d1, messages);
  if (statements.length > 0) await d1.batch(statements.map(({ sql: text, params }) => d1.prepare(text).bind(...params)));
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
    fingerprint: row.fingerprint,
  };
}

/** The purchase's `orders` row, inserted only when the `events` row of its event id carries this fingerprint. */
function orderIfEventIs(db: DrizzleD1Database, order: OrderRow, fingerprint: string) {
  const value = <T>(v: T, name: string) => sql<T>`${v}`.as(name);
  return db
    .insert(orders)
    .select(
      db
        .select({
          id: value(order.id, "id"),
          userId: value(order.user_id, "user_id"),
          ts: value(order.ts, "ts"),
          total: value(order.total, "total"),
          source: sql<"event">`'event'`.as("source"),
          sessionId: value(order.session_id, "session_id"),
          eventId: events.eventId,
        })
        .from(events)
        .where(and(eq(events.eventId, order.event_id ?? ""), eq(events.fingerprint, fingerprint))),
    )
    .onConflictDoNothing()
    .toSQL();
}

const dialect = new SQLiteAsyncDialect();

const LINE_COLUMNS = ["orderId", "productId", "qty", "price", "recId", "slot"] as const satisfies ReadonlyArray<keyof typeof orderLines.$inferInsert>;

/** The purchase's lines, in statements within the parameter limit, each inserted only if the stored order is this purchase's. */
function linesIfOrderIs(order: OrderRow, lines: readonly OrderLineRow[]) {
  const columns = getTableColumns(orderLines);
  const names = sql.raw(LINE_COLUMNS.map((key) => `"${columns[key].name}"`).join(", "));
  const picked = sql.raw(LINE_COLUMNS.map((_, k) => `column${k + 1}`).join(", "));
  const rowsPerStatement = Math.floor((MAX_BOUND_PARAMETERS - 2) / LINE_COLUMNS.length);
  return chunkRows(lines, { rows: rowsPerStatement }).map((chunk) => {
    const values = sql.join(chunk.map((l) => sql`(${l.order_id}, ${l.product_id}, ${l.qty}, ${l.price}, ${l.rec_id}, ${l.slot})`), sql`, `);
    return dialect.sqlToQuery(
      sql`INSERT INTO ${orderLines} (${names}) SELECT ${picked} FROM (VALUES ${values}) WHERE EXISTS (SELECT 1 FROM ${orders} WHERE ${orders.id} = ${order.id} AND ${orders.eventId} = ${order.event_id}) ON CONFLICT DO NOTHING`,
    );
  });
}

function exposureInsert(row: ExposureRow): Required<typeof exposures.$inferInsert> {
  return { experimentId: row.experiment_id, unitId: row.unit_id, variant: row.variant, firstSeen: row.first_seen };
}

/** Inserts of the rows in as few statements as D1's bound-parameter limit allows. */
function inserts<T extends SQLiteTable>(db: DrizzleD1Database, table: T, rows: Array<T["$inferInsert"]>) {
  if (rows.length === 0) return [];
  const parametersPerRow = db.insert(table).values(rows[0]).toSQL().params.length;
  const chunks = chunkRows(rows, { rows: Math.floor(MAX_BOUND_PARAMETERS / Math.max(1, parametersPerRow)) });
  return chunks.map((chunk) => db.insert(table).values(chunk).onConflictDoNothing().toSQL());
}
