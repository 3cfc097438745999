import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { count, waitFor } from "./wait-for";
import { post } from "./requests";

const URL = "http://edge.test/v1/events";
const ts = 1_780_000_000;

async function send(body: unknown) {
  const response = await exports.default.fetch(URL, post(body));
  return { status: response.status, body: (await response.json()) as { accepted: number; duplicates: number } };
}

const events = (prefix: string, n: number, session = "s-1") =>
  Array.from({ length: n }, (_, i) => ({ event_id: `${prefix}-${i}`, type: "view", session_id: session, ts: ts + i, item_id: `item-${i % 7}`, dwell_ms: 1000 + i }));

describe("POST /v1/events -> queue -> D1", () => {
  it("202 with accepted and in-batch duplicates, then every event lands in D1 once", async () => {
    const batch = [...events("a", 30), ...events("a", 5)];
    const { status, body } = await send({ events: batch });
    expect(status).toBe(202);
    expect(body).toEqual({ accepted: 30, duplicates: 5 });
    const stored = await waitFor(() => count(env.DB, "SELECT COUNT(*) AS n FROM events WHERE event_id LIKE 'a-%'"), (n) => n >= 30);
    expect(stored).toBe(30);
    const row = await env.DB.prepare("SELECT type, session_id, ts, item_id, dwell_ms FROM events WHERE event_id = 'a-3'").first();
    expect(row).toEqual({ type: "view", session_id: "s-1", ts: ts + 3, item_id: "item-3", dwell_ms: 1003 });
  });

  it("sending the same events again stores them once", async () => {
    const batch = events("b", 40, "s-2");
    expect((await send(batch)).body.accepted).toBe(40);
    await waitFor(() => count(env.DB, "SELECT COUNT(*) AS n FROM events WHERE event_id LIKE 'b-%'"), (n) => n >= 40);
    expect((await send(batch)).status).toBe(202);
    expect((await send(batch.slice(0, 10))).status).toBe(202);
    const marker = { event_id: "b-marker", type: "search", session_id: "s-2", ts, query: "usb-c charger" };
    await send(marker);
    await waitFor(() => count(env.DB, "SELECT COUNT(*) AS n FROM events WHERE event_id = 'b-marker'"), (n) => n === 1);
    expect(await count(env.DB, "SELECT COUNT(*) AS n FROM events WHERE event_id LIKE 'b-%'")).toBe(41);
  });

  it("a purchase fills orders and order_lines with the rec_id and slot each line came from", async () => {
    const purchase = {
      event_id: "p-1",
      type: "purchase",
      session_id: "s-3",
      user_id: "u-3",
      ts: "2026-05-01T12:00:00Z",
      order_id: "o-1",
      lines: [
        { id: "phone-a", price: 900 },
        { id: "case-a", price: 30, qty: 2, rec_id: "rec-9", slot: "cross_sell" },
      ],
    };
    const click = { event_id: "c-1", type: "click", session_id: "s-3", ts: "2026-05-01T11:59:00Z", rec_id: "rec-9", slot: "cross_sell", item_id: "case-a", variant: "exp/treatment", position: 0 };
    expect((await send([click, purchase])).body.accepted).toBe(2);
    await waitFor(() => count(env.DB, "SELECT COUNT(*) AS n FROM order_lines WHERE order_id = 'o-1'"), (n) => n === 2);
    expect(await env.DB.prepare("SELECT id, user_id, session_id, total, source FROM orders WHERE id = 'o-1'").first()).toEqual({ id: "o-1", user_id: "u-3", session_id: "s-3", total: 960, source: "event" });
    const { results } = await env.DB.prepare("SELECT product_id, qty, price, rec_id, slot FROM order_lines WHERE order_id = 'o-1' ORDER BY product_id").all();
    expect(results).toEqual([
      { product_id: "case-a", qty: 2, price: 30, rec_id: "rec-9", slot: "cross_sell" },
      { product_id: "phone-a", qty: 1, price: 900, rec_id: null, slot: null },
    ]);
    expect(await env.DB.prepare("SELECT rec_id, slot, variant, payload FROM events WHERE event_id = 'c-1'").first()).toEqual({ rec_id: "rec-9", slot: "cross_sell", variant: "exp/treatment", payload: '{"position":0}' });
  });
});

describe("the queue consumer", () => {
  it("acknowledges the batch after writing it, and drops messages that are not ours without retrying", async () => {
    const batch = createMessageBatch("edgerec-events", [
      { id: "m1", timestamp: new Date(), attempts: 1, body: { kind: "exposure", row: { experiment_id: "e", unit_id: "s:1", variant: "control", first_seen: ts + 5 } } },
      { id: "m2", timestamp: new Date(), attempts: 1, body: { kind: "exposure", row: { experiment_id: "e", unit_id: "s:1", variant: "control", first_seen: ts } } },
      { id: "m3", timestamp: new Date(), attempts: 1, body: "garbage" },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.ackAll).toBe(true);
    expect(result.retryBatch.retry).toBe(false);
    expect(await env.DB.prepare("SELECT variant, first_seen FROM exposures WHERE experiment_id = 'e' AND unit_id = 's:1'").first()).toEqual({ variant: "control", first_seen: ts });
  });
});
