/**
 * @module
 * `POST /v1/events`: one storefront event or a batch, validated once by the body schema (a refused body is parsed
 * again event by event, to name every problem by field and batch index),
 * deduplicated by `event_id` inside the batch, and queued; the queue consumer's inserts do nothing on a conflict,
 * so an event sent twice is stored once. Answers 202 once the queue holds the events: recommendations never wait
 * for analytics.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { acceptValidBody, parseEventBatch } from "../../core/events/event-batch";
import { EVENT_LIMITS, eventBodySchema } from "../../core/events/event-schema";
import { eventRow } from "../../db/event-rows";
import type { AppEnv } from "../app-env";
import { errorBody } from "../errors";
import { limitBody, requireJsonBody } from "../middleware/json-body";
import { sendMessages } from "../queue/queue-message";
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
    413: { description: `Body over ${EVENT_LIMITS.bodyBytes} bytes or more than ${EVENT_LIMITS.batch} events`, content: { "application/json": { schema: errorSchema } } },
    415: { description: "Not JSON", content: { "application/json": { schema: errorSchema } } },
  },
});

export const eventsRoute = new OpenAPIHono<AppEnv>().openapi(
  route,
  async (c) => {
    const parsed = acceptValidBody(c.req.valid("json"));
    if (!parsed.ok) return c.json(errorBody(parsed.status === 413 ? "payload_too_large" : "invalid_request", parsed.message, parsed.problems), parsed.status);
    await sendMessages(c.env.EVENTS_QUEUE, parsed.events.map((event) => ({ kind: "event" as const, row: eventRow(event) })));
    return c.json({ accepted: parsed.events.length, duplicates: parsed.duplicates }, 202);
  },
  (result, c) => {
    if (result.success) return;
    return c.req.json().then((body: unknown) => {
      const parsed = parseEventBatch(body);
      if (parsed.ok) return c.json(errorBody("invalid_request", "invalid event batch"), 400);
      return c.json(errorBody(parsed.status === 413 ? "payload_too_large" : "invalid_request", parsed.message, parsed.problems), parsed.status);
    });
  },
);
