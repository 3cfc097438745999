/**
 * @module
 * What travels on the events queue: storefront events (as rows, validated and normalised by the route) and the
 * experiment exposures the recommendation route reports.
 */
import type { InferSelectModel } from "drizzle-orm";
import type { EventRow } from "../../db/event-rows";
import type { exposures } from "../../db/schema";

/** An `exposures` row by its D1 column names. */
export type ExposureRow = InferSelectModel<typeof exposures, { dbColumnNames: true }>;

export type QueueMessage = { kind: "event"; row: EventRow } | { kind: "exposure"; row: ExposureRow };

/** Queues take at most 100 messages and 256 KB per sendBatch call. */
const SEND_BATCH_MESSAGES = 100;
const SEND_BATCH_BYTES = 200 * 1024;

/** Sends messages in as few sendBatch calls as the queue limits allow. */
export async function sendMessages(queue: Queue, messages: readonly QueueMessage[]): Promise<void> {
  let batch: Array<{ body: QueueMessage; contentType: "json" }> = [];
  let bytes = 0;
  const sends: Promise<unknown>[] = [];
  for (const body of messages) {
    const size = JSON.stringify(body).length + 64;
    if (batch.length > 0 && (batch.length >= SEND_BATCH_MESSAGES || bytes + size > SEND_BATCH_BYTES)) {
      sends.push(queue.sendBatch(batch));
      batch = [];
      bytes = 0;
    }
    batch.push({ body, contentType: "json" });
    bytes += size;
  }
  if (batch.length > 0) sends.push(queue.sendBatch(batch));
  await Promise.all(sends);
}
