/**
 * @module
 * From a parsed `POST /v1/events` body to validated events: the body's shape (one event, an array, or
 * `{"events": [...]}`), the batch limit, every problem named by field and batch index, and repeats of an
 * `event_id` inside the batch: the same event again is a duplicate (dropped), another event under the same id (or
 * another purchase under the same `order_id`) is a conflict (409 naming the id).
 */
import { fieldProblems, type FieldProblem } from "../field-problems";
import { eventFingerprint } from "./event-fingerprint";
import { EVENT_LIMITS, type EventBody, eventSchema, type StorefrontEvent } from "./event-schema";

interface EventProblem extends FieldProblem {
  /** Position in the batch; absent for a single-event body. */
  index?: number;
}

export type EventBatchResult =
  /** `fingerprints[i]` is the fingerprint of `events[i]` (`event-fingerprint.ts`). */
  | { ok: true; events: StorefrontEvent[]; fingerprints: string[]; duplicates: number }
  | { ok: false; status: 400 | 409 | 413; message: string; problems: EventProblem[] };

const MAX_PROBLEMS = 20;

export function parseEventBatch(body: unknown, limits: { batch?: number } = {}): EventBatchResult {
  const max = limits.batch ?? EVENT_LIMITS.batch;
  let raw: unknown[];
  let prefix: (index: number) => string;
  if (Array.isArray(body)) {
    raw = body;
    prefix = (i) => `[${i}]`;
  } else if (typeof body === "object" && body !== null && "events" in body) {
    const events = (body as { events: unknown }).events;
    if (!Array.isArray(events)) return invalid([{ field: "events", message: "must be an array of events" }]);
    raw = events;
    prefix = (i) => `events[${i}]`;
  } else if (typeof body === "object" && body !== null) {
    raw = [body];
    prefix = () => "";
  } else {
    return invalid([{ field: "(body)", message: "expected an event object, an array of events or {\"events\": [...]}" }]);
  }
  const listField = Array.isArray(body) ? "(body)" : "events";
  if (raw.length === 0) return invalid([{ field: listField, message: "the batch is empty" }]);
  if (raw.length > max) {
    return { ok: false, status: 413, message: `a batch holds at most ${max} events, got ${raw.length}`, problems: [{ field: listField, message: `at most ${max} events` }] };
  }

  const single = raw.length === 1 && !Array.isArray(body) && !("events" in (body as object));
  const problems: EventProblem[] = [];
  const valid: StorefrontEvent[] = [];
  for (let i = 0; i < raw.length; i++) {
    const parsed = eventSchema.safeParse(raw[i]);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    for (const problem of fieldProblems(parsed.error)) {
      if (problems.length >= MAX_PROBLEMS) break;
      const field = problem.field === "(body)" ? prefix(i) || "(body)" : joinField(prefix(i), problem.field);
      problems.push(single ? { field, message: problem.message } : { field, message: problem.message, index: i });
    }
  }
  if (problems.length > 0) return invalid(problems);
  return withoutRepeats(valid, prefix);
}

/**
 * The events of a body `eventBodySchema` already validated, repeats of an event_id dropped; or the 413 for a
 * batch over the limit.
 */
export function acceptValidBody(body: EventBody, limits: { batch?: number } = {}): EventBatchResult {
  const max = limits.batch ?? EVENT_LIMITS.batch;
  const list = Array.isArray(body) ? body : "events" in body ? body.events : [body];
  if (list.length > max) {
    return { ok: false, status: 413, message: `a batch holds at most ${max} events, got ${list.length}`, problems: [{ field: Array.isArray(body) ? "(body)" : "events", message: `at most ${max} events` }] };
  }
  return withoutRepeats(list, Array.isArray(body) ? (i) => `[${i}]` : "events" in body ? (i) => `events[${i}]` : () => "");
}

/** The purchase's order id (its event id when it names none); undefined for other events. */
export function orderIdOf(event: StorefrontEvent): string | undefined {
  return event.type === "purchase" ? (event.order_id ?? event.event_id) : undefined;
}

/** The first event of each event_id and how many identical repeats were dropped; a differing repeat is a 409. */
function withoutRepeats(list: readonly StorefrontEvent[], prefix: (index: number) => string): EventBatchResult {
  const seen = new Map<string, string>();
  const orders = new Map<string, string>();
  const events: StorefrontEvent[] = [];
  const fingerprints: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const event = list[i];
    const fingerprint = eventFingerprint(event);
    const earlier = seen.get(event.event_id);
    if (earlier !== undefined) {
      if (earlier === fingerprint) continue;
      return conflict(joinField(prefix(i), "event_id"), `event_id "${event.event_id}" is used by another event earlier in the batch`);
    }
    const orderId = orderIdOf(event);
    if (orderId !== undefined) {
      const owner = orders.get(orderId);
      if (owner !== undefined) return conflict(joinField(prefix(i), "order_id"), `order_id "${orderId}" is reported by another purchase (event "${owner}") earlier in the batch`);
      orders.set(orderId, event.event_id);
    }
    seen.set(event.event_id, fingerprint);
    events.push(event);
    fingerprints.push(fingerprint);
  }
  return { ok: true, events, fingerprints, duplicates: list.length - events.length };
}

/** A 409 naming the field and the id. */
export function conflict(field: string, message: string): Extract<EventBatchResult, { ok: false }> {
  return { ok: false, status: 409, message, problems: [{ field, message }] };
}

function joinField(prefix: string, field: string): string {
  if (prefix === "") return field;
  return field.startsWith("[") ? `${prefix}${field}` : `${prefix}.${field}`;
}

function invalid(problems: EventProblem[]): EventBatchResult {
  const first = problems[0];
  const where = first.index !== undefined ? ` (event ${first.index} of the batch)` : "";
  return { ok: false, status: 400, message: `invalid field "${first.field}"${where}: ${first.message}`, problems };
}
