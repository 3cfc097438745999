/**
 * @module
 * Reads the events table back as DESIGN's events lines (the input of `edgerec build --events`): one page at a
 * time in event_id order, so any number of events streams out in bounded memory.
 */
import type { EventRow } from "../event-rows";
import type { SqlClient } from "./sql-client";

/** An events row as SQL returns it: the stored row, with the payload still JSON text. */
type EventRecord = Omit<EventRow, "type" | "payload"> & { type: string; payload: string | null };

/** One events-file line: the contract's fields (ts as ISO-8601), then slot, variant and the payload's fields. */
function eventLine(row: EventRecord): Record<string, unknown> {
  const line: Record<string, unknown> = { event_id: row.event_id, type: row.type, session_id: row.session_id };
  if (row.user_id !== null) line.user_id = row.user_id;
  line.ts = new Date(row.ts * 1000).toISOString().replace(".000Z", "Z");
  for (const key of ["item_id", "dwell_ms", "query", "order_value", "rec_id", "slot", "variant"] as const) {
    if (row[key] !== null) line[key] = row[key];
  }
  if (row.payload !== null) Object.assign(line, JSON.parse(row.payload) as Record<string, unknown>);
  return line;
}

export async function* exportEvents(sql: SqlClient, options: { since?: number; pageSize?: number } = {}): AsyncGenerator<Record<string, unknown>> {
  const pageSize = options.pageSize ?? 5000;
  let after = "";
  for (;;) {
    const rows = await sql.all<EventRecord>(
      `SELECT event_id, type, session_id, user_id, ts, item_id, dwell_ms, query, order_value, rec_id, slot, variant, payload
       FROM events WHERE event_id > ?1 AND ts >= ?2 ORDER BY event_id LIMIT ?3`,
      [after, options.since ?? 0, pageSize],
    );
    for (const row of rows) yield eventLine(row);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].event_id;
  }
}
