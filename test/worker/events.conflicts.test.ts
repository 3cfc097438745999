import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { eventSchema } from "../../core/events/event-schema";
import { eventRow } from "../../db/event-rows";
import { writeMessages } from "../../worker/queue/event-writer";
import { post } from "./requests";
import { count, waitFor } from "./wait-for";

const URL = "http://edge.test/v1/events";
const ts = 1_780_000_000;

async function send(body: unknown) {
  const response = await exports.default.fetch(URL, post(body));
  return { status: response.status, body: (await response.json()) as { accepted?: number; duplicates?: number; error?: { code: string; field?: string; message: string } } };
}

const view = (id: string, dwell = 1000) => ({ event_id: id, type: "view", session_id: "s-c", ts, item_id: "phone", dwell_ms: dwell });
const purchase = (id: string, order: string, lines: Array<{ id: string; price: number; qty?: number }>) => ({ event_id: id, type: "purchase", session_id: "s-c", ts, order_id: order, lines });
const stored = (sql: string) => waitFor(() => count(env.DB, sql), (n) => n > 0);

describe("POST /v1/events: batches sized in bytes, ids capped", () => {
  it("queues events well under the body limit whose JSON is large in bytes (long non-ASCII ids)", async () => {
    const longId = (i: number, k: number) => `${"€".repeat(190)}-${i}-${k}`;
    const impressions = Array.from({ length: 5 }, (_, i) => ({ event_id: `imp-${i}`, type: "impression", session_id: "s-u", ts, rec_id: "r", items: Array.from({ length: 100 }, (_, k) => longId(i, k)) }));
    const bytes = new TextEncoder().encode(JSON.stringify(impressions)).length;
    expect(bytes).toBeGreaterThan(256_000);
    expect(bytes).toBeLessThan(512 * 1024);
    const answer = await send(impressions);
    expect([answer.status, answer.body.accepted]).toEqual([202, 5]);
    expect(await waitFor(() => count(env.DB, "SELECT COUNT(*) AS n FROM events WHERE event_id LIKE 'imp-%'"), (n) => n === 5)).toBe(5);
  });

  it("refuses ids with control characters, naming the field", async () => {
    const answer = await send(purchase("ctl", "o-ctl", [{ id: "a\u0001b", price: 1 }]));
    expect([answer.status, answer.body.error?.field]).toEqual([400, "lines[0].id"]);
  });

  it("refuses, naming it, an event too large for one queue message", async () => {
    // Every id at its 200-character cap, each character 3 bytes of UTF-8: about 127 KB as queued.
    const long = (k: number) => `${"€".repeat(197)}${String(k).padStart(3, "0")}`;
    const lines = Array.from({ length: 100 }, (_, k) => ({ id: long(k), price: 1, rec_id: long(k + 100), slot: "cross_sell" }));
    const answer = await send({ ...purchase("huge", long(900), lines), session_id: long(901), user_id: long(902), variant: long(903) });
    expect([answer.status, answer.body.error?.code]).toEqual([413, "payload_too_large"]);
    expect(answer.body.error?.message).toContain('"huge"');
  });
});

describe("POST /v1/events: event_id is an idempotency key", () => {
  it("the same event again is a duplicate, in the batch or once stored", async () => {
    expect((await send([view("d-1"), view("d-1")])).body).toEqual({ accepted: 1, duplicates: 1 });
    await stored("SELECT COUNT(*) AS n FROM events WHERE event_id = 'd-1'");
    expect((await send([view("d-1"), view("d-2")])).body).toEqual({ accepted: 1, duplicates: 1 });
  });

  it("another event under a used id is a 409 naming the id, in the batch or once stored", async () => {
    const inBatch = await send([view("x-1"), view("x-1", 5000)]);
    expect([inBatch.status, inBatch.body.error?.code]).toEqual([409, "conflict"]);
    expect(inBatch.body.error?.message).toContain('"x-1"');
    await send(view("x-2"));
    await stored("SELECT COUNT(*) AS n FROM events WHERE event_id = 'x-2'");
    const reused = await send(purchase("x-2", "o-x2", [{ id: "phone", price: 9999 }]));
    expect([reused.status, reused.body.error?.field]).toEqual([409, "event_id"]);
    expect(reused.body.error?.message).toContain('"x-2"');
    expect(await count(env.DB, "SELECT COUNT(*) AS n FROM orders WHERE id = 'o-x2'")).toBe(0);
  });

  it("a second purchase under a used order_id is a 409 naming the order", async () => {
    const twice = await send([purchase("p-a", "o-same", [{ id: "a", price: 100 }]), purchase("p-b", "o-same", [{ id: "b", price: 130 }])]);
    expect([twice.status, twice.body.error?.field]).toEqual([409, "[1].order_id"]);
    await send(purchase("p-c", "o-once", [{ id: "a", price: 100 }]));
    await stored("SELECT COUNT(*) AS n FROM order_lines WHERE order_id = 'o-once'");
    const later = await send(purchase("p-d", "o-once", [{ id: "b", price: 30 }]));
    expect([later.status, later.body.error?.field]).toEqual([409, "order_id"]);
    expect(later.body.error?.message).toContain('"o-once"');
  });
});

describe("the queue consumer writes a purchase's order with its event or not at all", () => {
  const row = (value: unknown) => ({ kind: "event" as const, row: eventRow(eventSchema.parse(value)) });

  it("a purchase reusing another event's id (the route raced) writes no order and no lines", async () => {
    await writeMessages(env.DB, [row(view("w-1"))]);
    await writeMessages(env.DB, [row(purchase("w-1", "o-w1", [{ id: "phone", price: 9999 }]))]);
    expect(await count(env.DB, "SELECT COUNT(*) AS n FROM orders WHERE id = 'o-w1'")).toBe(0);
    expect(await count(env.DB, "SELECT COUNT(*) AS n FROM order_lines WHERE order_id = 'o-w1'")).toBe(0);
    expect(await env.DB.prepare("SELECT type FROM events WHERE event_id = 'w-1'").first("type")).toBe("view");
  });

  it("two purchases naming one order id: the order keeps the first purchase's total and lines, delivered twice", async () => {
    const first = row(purchase("w-a", "o-w", [{ id: "a", price: 100 }]));
    const second = row(purchase("w-b", "o-w", [{ id: "a", price: 100 }, { id: "b", price: 30 }]));
    await writeMessages(env.DB, [first, second]);
    await writeMessages(env.DB, [second, first]);
    expect(await env.DB.prepare("SELECT total, event_id FROM orders WHERE id = 'o-w'").first()).toEqual({ total: 100, event_id: "w-a" });
    expect(await count(env.DB, "SELECT SUM(qty * price) AS n FROM order_lines WHERE order_id = 'o-w'")).toBe(100);
    expect(await count(env.DB, "SELECT COUNT(*) AS n FROM events WHERE event_id IN ('w-a', 'w-b')")).toBe(2);
  });
});
