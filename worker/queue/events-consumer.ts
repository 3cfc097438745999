/**
 * @module
 * The queue handler: every delivered batch goes to D1 in one transaction. A failed write retries the whole
 * batch (the inserts are idempotent); a message that is not one of ours is acknowledged and logged, never retried.
 */
import type { QueueMessage } from "./queue-message";
import { writeMessages } from "./event-writer";

export async function consumeEvents(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const messages: QueueMessage[] = [];
  for (const message of batch.messages) {
    if (isQueueMessage(message.body)) messages.push(message.body);
    else console.error(JSON.stringify({ level: "error", queue: batch.queue, message: "dropping a message that is not an event or exposure", id: message.id }));
  }
  try {
    await writeMessages(env.DB, messages);
    batch.ackAll();
  } catch (error) {
    console.error(JSON.stringify({ level: "error", queue: batch.queue, message: `D1 write failed, retrying ${batch.messages.length} messages: ${String(error)}` }));
    batch.retryAll({ delaySeconds: 1 });
  }
}

function isQueueMessage(body: unknown): body is QueueMessage {
  if (typeof body !== "object" || body === null) return false;
  const { kind, row } = body as { kind?: unknown; row?: unknown };
  return (kind === "event" || kind === "exposure") && typeof row === "object" && row !== null;
}
