/**
 * @module
 * From a parsed `POST /v1/events` body to validated events: the body's shape (one event, an array, or
 * `{"events": [...]}`), the batch limit, every problem named by field and batch index, and duplicates of an
 * `event_id` inside the batch dropped (the first one wins).
 */
import { fieldProblems, type FieldProblem } from "../request-schema";
import { EVENT_LIMITS, eventSchema, type StorefrontEvent } from "./event-schema";

export interface EventProblem extends FieldProblem {
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
  const events: StorefrontEvent[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (let i = 0; i < raw.length; i++) {
    const parsed = eventSchema.safeParse(raw[i]);
    if (!parsed.success) {
      for (const problem of fieldProblems(parsed.error)) {
        if (problems.length >= MAX_PROBLEMS) break;
        const field = problem.field === "(body)" ? prefix(i) || "(body)" : joinField(prefix(i), problem.field);
        problems.push(single ? { field, message: problem.message } : { field, message: problem.message, index: i });
      }
      continue;
    }
    if (seen.has(parsed.data.event_id)) {
      duplicates++;
      continue;
    }
    seen.add(parsed.data.event_id);
    events.push(parsed.data);
  }
  if (problems.length > 0) return invalid(problems);
  return { ok: true, events, duplicates };
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
