/**
 * @module
 * From a parsed `POST /v1/events` body to validated events: the body's shape (one event, an array, or
 * `{"events": [...]}`), the batch limit, every problem named by field and batch index, and duplicates of an
 * `event_id` inside the batch dropped (the first one wins).
 */
import { fieldProblems, type FieldProblem } from "../field-problems";
import { EVENT_LIMITS, type EventBody, eventSchema, type StorefrontEvent } from "./event-schema";

interface EventProblem extends FieldProblem {
  /** Position in the batch; absent for a single-event body. */
  index?: number;
}

export type EventBatchResult =
  | { ok: true; events: StorefrontEvent[]; duplicates: number }
  | { ok: false; status: 400 | 413; message: string; problems: EventProblem[] };

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
  return { ok: true, ...withoutRepeats(valid) };
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
  return { ok: true, ...withoutRepeats(list) };
}

/** The first event of each event_id, and how many repeats were dropped. */
function withoutRepeats(list: readonly StorefrontEvent[]): { events: StorefrontEvent[]; duplicates: number } {
  const seen = new Set<string>();
  const events: StorefrontEvent[] = [];
  for (const event of list) {
    if (seen.has(event.event_id)) continue;
    seen.add(event.event_id);
    events.push(event);
  }
  return { events, duplicates: list.length - events.length };
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
