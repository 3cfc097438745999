/**
 * @module
 * Storefront events for `POST /v1/events` (impression, click, add_to_cart, purchase, view, search), each with
 * the `rec_id` of the answer it is about. Queued, sent in small batches and flushed with `keepalive` when the
 * page goes away. Tracking never disturbs shopping: failures are dropped, an event the edge refuses (400, named
 * by its batch index) is dropped without taking the rest of its batch along, and a shop without the events route
 * (404) simply stops sending.
 */
import { randomId, sessionId } from "./session.js";

const FLUSH_DELAY_MS = 300;
const MAX_BATCH = 100;

let queue = [];
let timer = null;
let unavailable = false;

/**
 * Queues one event; `event_id`, `session_id` and `ts` are filled in.
 * @param {{ type: string, [field: string]: unknown }} event
 */
export function track(event) {
  if (unavailable) return;
  queue.push({ event_id: `ev-${randomId()}`, session_id: sessionId(), ts: new Date().toISOString(), ...withoutEmpty(event) });
  if (timer === null) timer = setTimeout(() => flush(false), FLUSH_DELAY_MS);
}

/** Sends everything queued now; `keepalive` lets the request outlive the page. */
export function flush(keepalive = true) {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  while (queue.length > 0 && !unavailable) send(queue.splice(0, MAX_BATCH), keepalive, true);
  if (unavailable) queue = [];
}

async function send(events, keepalive, mayResend) {
  try {
    const response = await fetch("/v1/events", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ events }), keepalive });
    if (response.status === 404) unavailable = true;
    if (response.status !== 400 || !mayResend) return;
    const refused = new Set(((await response.json())?.error?.problems ?? []).map((p) => p.index).filter(Number.isInteger));
    const rest = events.filter((_, index) => !refused.has(index));
    if (refused.size > 0 && rest.length > 0) await send(rest, keepalive, false);
  } catch {}
}

function withoutEmpty(event) {
  return Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined && value !== null));
}

window.addEventListener("pagehide", () => flush(true));
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") flush(true);
});
