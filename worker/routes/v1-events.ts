/**
 * @module
 * `POST /v1/events`: one storefront event or a batch, validated once by the body schema (a refused body is parsed
 * again event by event, to name every problem by field and batch index), and queued. `event_id` is an idempotency
 * key: an event sent again (in the batch, or already stored in D1) is a duplicate, counted and not queued again;
 * another event under a used id, or a purchase under an order id another purchase reported, is a 409 naming it.
 * The queue consumer's inserts do nothing on a conflict, so a retried request is stored once. Answers 202 once the
 * queue holds the events: recommendations never wait for analytics.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { conflict, type EventBatchResult, acceptValidBody, parseEventBatch } from "../../core/events/event-batch";
import { EVENT_LIMITS, eventBodySchema } from "../../core/events/event-schema";
import { eventRow } from "../../db/event-rows";
import type { AppEnv } from "../app-env";
import { errorBody } from "../errors";
import { limitBody, requireJsonBody } from "../middleware/json-body";
import { storedEventConflicts } from "../queue/stored-events";
import { MessageTooLargeError, sendMessages } from "../queue/queue-message";
import { errorSchema } from "../schemas/recommendation-response";

const acceptedSchema = z
  .object({
    accepted: z.number().int().meta({ description: "Events queued (distinct event ids in the batch)" }),
    duplicates: z.number().int().meta({ description: "Repeated event ids inside the batch, dropped" }),
  })
  .openapi("EventsAccepted");

const route = createRoute({
  method: "post",
  path: "/v1/events",
  summary: "Record storefront events (one, an array, or {events: [...]}); idempotent by event_id",
  middleware: [requireJsonBody(), limitBody(EVENT_LIMITS.bodyBytes)] as const,
  request: { body: { required: true, content: { "application/json": { schema: eventBodySchema } } } },
  responses: {
    202: { description: "Queued", content: { "application/json": { schema: acceptedSchema } } },
    400: { description: "Malformed JSON or an invalid field (named with its batch index)", content: { "application/json": { schema: errorSchema } } },
    409: { description: "An event_id already used by another event, or an order_id another purchase reported", content: { "application/json": { schema: errorSchema } } },
    413: { description: `Body over ${EVENT_LIMITS.bodyBytes} bytes or more than ${EVENT_LIMITS.batch} events`, content: { "application/json": { schema: errorSchema } } },
    415: { description: "Not JSON", content: { "application/json": { schema: errorSchema } } },
  },
});

export const eventsRoute = new OpenAPIHono<AppEnv>().openapi(
  route,
  async (c) => {
    const parsed = acceptValidBody(c.req.valid("json"));
    if (!parsed.ok) return refused(c, parsed);
    const stored = await storedEventConflicts(c.env.DB, parsed.events, parsed.fingerprints);
    if (stored.conflict !== undefined) return refused(c, conflict(stored.conflict.field, stored.conflict.message));
    const fresh = parsed.events.filter((_, i) => !stored.duplicates.has(i));
    try {
      await sendMessages(c.env.EVENTS_QUEUE, fresh.map((event) => ({ kind: "event" as const, row: eventRow(event) })));
    } catch (error) {
      if (!(error instanceof MessageTooLargeError)) throw error;
      const event = fresh[error.index];
      return refused(c, { ok: false, status: 413, message: `event "${event.event_id}" is ${error.bytes} bytes as queued, over the ${error.limit} a queue message holds`, problems: [{ field: "event_id", message: "event too large" }] });
    }
    return c.json({ accepted: fresh.length, duplicates: parsed.duplicates + stored.duplicates.size }, 202);
  },
  (result, c) => {
    if (result.success) return;
    return c.req.json().then((body: unknown) => {
      const parsed = parseEventBatch(body);
      if (parsed.ok) return c.json(errorBody("invalid_request", "invalid event batch"), 400);
      return refused(c, parsed);
    });
  },
);

function refused(c: Context, result: Extract<EventBatchResult, { ok: false }>) {
  const code = result.status === 413 ? "payload_too_large" : result.status === 409 ? "conflict" : "invalid_request";
  return c.json(errorBody(code, result.message, result.problems), result.status);
}
