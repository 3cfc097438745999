/**
 * @module
 * What D1 already holds of a batch of events: an event stored with the same fingerprint is a duplicate; one stored
 * under the same id with another fingerprint, or an order stored for another event, is a conflict. Ids are
 * looked up in statements within D1's bound-parameter limit. Should D1 not answer, nothing is known and the
 * batch goes on to the queue: the consumer still writes an order only with its own event.
 */
import { inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { orderIdOf } from "../../core/events/event-batch";
import type { StorefrontEvent } from "../../core/events/event-schema";
import { chunkRows, MAX_BOUND_PARAMETERS } from "../../db/insert-chunks";
import { events, orders } from "../../db/schema";

export interface StoredConflicts {
  /** Positions of events D1 already holds, identical. */
  duplicates: Set<number>;
  conflict?: { field: string; message: string };
}

export async function storedEventConflicts(d1: D1Database, batch: readonly StorefrontEvent[], fingerprints: readonly string[]): Promise<StoredConflicts> {
  const duplicates = new Set<number>();
  const db = drizzle(d1);
  let storedEvents: Map<string, string | null>;
  let storedOrders: Map<string, string | null>;
  try {
    const ids = batch.map((e) => e.event_id);
    const orderIds = batch.flatMap((e) => orderIdOf(e) ?? []);
    const [eventRows, orderRows] = await Promise.all([
      Promise.all(chunkRows(ids, { rows: MAX_BOUND_PARAMETERS }).map((chunk) => db.select({ id: events.eventId, fingerprint: events.fingerprint }).from(events).where(inArray(events.eventId, chunk)))),
      Promise.all(chunkRows(orderIds, { rows: MAX_BOUND_PARAMETERS }).map((chunk) => db.select({ id: orders.id, eventId: orders.eventId }).from(orders).where(inArray(orders.id, chunk)))),
    ]);
    storedEvents = new Map(eventRows.flat().map((r) => [r.id, r.fingerprint]));
    storedOrders = new Map(orderRows.flat().map((r) => [r.id, r.eventId]));
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: `events: D1 lookup of stored ids failed, queueing unchecked: ${String(error)}` }));
    return { duplicates };
  }
  for (let i = 0; i < batch.length; i++) {
    const event = batch[i];
    if (storedEvents.has(event.event_id)) {
      const fingerprint = storedEvents.get(event.event_id);
      // Rows stored before fingerprints existed cannot be compared: a resend of their id counts as a duplicate.
      if (fingerprint === null || fingerprint === fingerprints[i]) {
        duplicates.add(i);
        continue;
      }
      return { duplicates, conflict: { field: "event_id", message: `event_id "${event.event_id}" is already stored for another event (batch index ${i})` } };
    }
    const orderId = orderIdOf(event);
    if (orderId !== undefined && storedOrders.has(orderId) && storedOrders.get(orderId) !== event.event_id) {
      return { duplicates, conflict: { field: "order_id", message: `order_id "${orderId}" is already stored for another purchase (batch index ${i})` } };
    }
  }
  return { duplicates };
}
