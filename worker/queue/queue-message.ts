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

/**
 * Cloudflare Queues limits, in bytes (1 KB = 1000 bytes): a message at most 128 KB including about 100 bytes of
 * metadata; a sendBatch call at most 100 messages and 256 KB in total. Sizes are the UTF-8 bytes of the JSON.
 */
const QUEUE_LIMITS = { messageBytes: 128_000, metadataBytes: 100, batchMessages: 100, batchBytes: 256_000 } as const;
/** Room kept below the limits for the framing a JSON message gets on the wire. */
const MARGIN_BYTES = 4_000;

/** A message the queue cannot take: the `index`-th of those given. */
export class MessageTooLargeError extends Error {
  override name = "MessageTooLargeError";
  constructor(
    readonly index: number,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`queue message ${index} is ${bytes} bytes, over ${limit}`);
  }
}

const encoder = new TextEncoder();

/**
 * Sends messages in as few sendBatch calls as the queue limits allow, sized in bytes. A message over the message
 * limit throws `MessageTooLargeError` before anything is sent.
 */
export async function sendMessages(queue: Queue, messages: readonly QueueMessage[]): Promise<void> {
  const maxMessage = QUEUE_LIMITS.messageBytes - QUEUE_LIMITS.metadataBytes - MARGIN_BYTES;
  const sizes = messages.map((body) => encoder.encode(JSON.stringify(body)).length + QUEUE_LIMITS.metadataBytes);
  const over = sizes.findIndex((size) => size - QUEUE_LIMITS.metadataBytes > maxMessage);
  if (over >= 0) throw new MessageTooLargeError(over, sizes[over], maxMessage);
  let batch: Array<{ body: QueueMessage; contentType: "json" }> = [];
  let bytes = 0;
  const sends: Promise<unknown>[] = [];
  for (let m = 0; m < messages.length; m++) {
    const body = messages[m];
    const size = sizes[m];
    if (batch.length > 0 && (batch.length >= QUEUE_LIMITS.batchMessages || bytes + size > QUEUE_LIMITS.batchBytes - MARGIN_BYTES)) {
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
