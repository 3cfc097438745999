/**
 * @module
 * A load of storefront events from concurrent clients: `events` distinct events in batches of `batchSize`
 * spread over `clients` concurrent senders, with a share of the batches sent a second time (a retry after a
 * lost answer) and repeated event ids inside some batches. What the edge accepted must equal what D1 stores.
 */
import { StorefrontClient } from "./storefront-client";

export interface EventLoadOptions {
  baseUrl: string;
  events: number;
  clients: number;
  batchSize: number;
  /** Share of batches sent twice. */
  resendShare?: number;
  /** Run id: event and session ids start with it. */
  runId: string;
  ts?: number;
}

export interface EventLoadResult {
  requests: number;
  accepted: number;
  duplicatesInBatch: number;
  resentBatches: number;
  distinctEvents: number;
  seconds: number;
  retries: number;
}

const TYPES = ["view", "impression", "click", "add_to_cart", "search", "purchase"] as const;

function loadEvent(runId: string, i: number, ts: number): Record<string, unknown> {
  const type = TYPES[i % TYPES.length];
  const base = { event_id: `${runId}-e${i}`, type, session_id: `${runId}-s${i % 997}`, ts: ts + (i % 3600) };
  switch (type) {
    case "view":
      return { ...base, item_id: `item-${i % 50}`, dwell_ms: 1000 + (i % 60_000) };
    case "impression":
      return { ...base, rec_id: `${runId}-r${i}`, items: [`item-${i % 50}`, `item-${(i + 1) % 50}`] };
    case "click":
      return { ...base, rec_id: `${runId}-r${i - 1}`, item_id: `item-${i % 50}`, slot: "cross_sell", position: 0 };
    case "add_to_cart":
      return { ...base, item_id: `item-${i % 50}` };
    case "search":
      return { ...base, query: "usb-c charger" };
    case "purchase":
      return { ...base, order_id: `${runId}-o${i}`, lines: [{ id: `item-${i % 50}`, price: 19.99, qty: 1 + (i % 2) }, { id: `item-${(i + 7) % 50}`, price: 5 }] };
  }
}

export async function sendEventLoad(options: EventLoadOptions): Promise<EventLoadResult> {
  const ts = options.ts ?? Math.floor(Date.now() / 1000) - 86_400;
  const batches: Array<Array<Record<string, unknown>>> = [];
  for (let start = 0; start < options.events; start += options.batchSize) {
    const batch: Array<Record<string, unknown>> = [];
    for (let i = start; i < Math.min(options.events, start + options.batchSize); i++) batch.push(loadEvent(options.runId, i, ts));
    if (batches.length % 5 === 0) batch.push({ ...batch[0] });
    batches.push(batch);
  }
  const resendEvery = options.resendShare ? Math.max(1, Math.round(1 / options.resendShare)) : 0;
  const plan = batches.flatMap((batch, i) => (resendEvery > 0 && i % resendEvery === 0 ? [batch, batch] : [batch]));
  const client = new StorefrontClient(options.baseUrl);
  const started = performance.now();
  let next = 0;
  const sender = async () => {
    while (next < plan.length) await client.sendEvents(plan[next++]);
  };
  await Promise.all(Array.from({ length: options.clients }, sender));
  return {
    requests: client.stats.eventRequests,
    accepted: client.stats.accepted,
    duplicatesInBatch: client.stats.duplicates,
    resentBatches: plan.length - batches.length,
    distinctEvents: options.events,
    seconds: (performance.now() - started) / 1000,
    retries: client.stats.retries,
  };
}
