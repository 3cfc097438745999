import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { eventSchema } from "../../core/events/event-schema";
import { eventRow } from "../../db/event-rows";
import { writeMessages, writeStatements } from "./event-writer";
import type { QueueMessage } from "./queue-message";

const ts = 1_780_000_000;
const event = (value: unknown): QueueMessage => ({ kind: "event", row: eventRow(eventSchema.parse(value)) });

describe("writeMessages", () => {
  it("stores a batch bigger than one statement binds (100 parameters) once, however often it is delivered", async () => {
    const lines = Array.from({ length: 100 }, (_, i) => ({ id: `item-${i}`, qty: 1 + (i % 3), price: 10 }));
    const messages: QueueMessage[] = [
      ...Array.from({ length: 40 }, (_, i) => event({ event_id: `w-${i}`, type: "view", session_id: "s-w", ts: ts + i, item_id: `item-${i}`, dwell_ms: i })),
      event({ event_id: "w-p", type: "purchase", session_id: "s-w", user_id: "u-w", ts, order_id: "o-w", lines }),
      ...Array.from({ length: 30 }, (_, i) => ({ kind: "exposure" as const, row: { experiment_id: "exp-w", unit_id: `s:${i % 20}`, variant: "control", first_seen: ts + 30 - i } })),
    ];
    const { statements } = writeStatements(env.DB, messages);
    for (const statement of statements) expect(statement.params.length).toBeLessThanOrEqual(100);
    // events in 6 inserts; the order (1) and its 100 lines in 7 conditional inserts of 16; exposures in 1
    expect(statements.length).toBe(6 + 1 + 7 + 1);
    expect(await writeMessages(env.DB, messages)).toEqual({ events: 41, orders: 1, lines: 100, exposures: 20 });
    await writeMessages(env.DB, messages);
    const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;
    expect(await count("SELECT COUNT(*) AS n FROM events WHERE session_id = 's-w'")).toBe(41);
    expect(await count("SELECT COUNT(*) AS n FROM order_lines WHERE order_id = 'o-w'")).toBe(100);
    expect(await count("SELECT SUM(qty) AS n FROM order_lines WHERE order_id = 'o-w'")).toBe(199);
    expect(await env.DB.prepare("SELECT user_id, total, source FROM orders WHERE id = 'o-w'").first()).toEqual({ user_id: "u-w", total: 1990, source: "event" });
    expect(await env.DB.prepare("SELECT first_seen FROM exposures WHERE experiment_id = 'exp-w' AND unit_id = 's:0'").first()).toEqual({ first_seen: ts + 10 });
    expect(await env.DB.prepare("SELECT dwell_ms, payload, received_at > 0 AS received FROM events WHERE event_id = 'w-7'").first()).toEqual({ dwell_ms: 7, payload: null, received: 1 });
  });
});
