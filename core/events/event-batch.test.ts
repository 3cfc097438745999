import { describe, expect, it } from "vitest";
import { acceptValidBody, parseEventBatch } from "./event-batch";
import { eventBodySchema } from "./event-schema";

const view = (id: string, extra: Record<string, unknown> = {}) => ({ event_id: id, type: "view", session_id: "s1", ts: 1_780_000_000, item_id: "phone-a", dwell_ms: 1200, ...extra });

describe("parseEventBatch", () => {
  it("accepts one event, an array and {events}, normalising ISO time to unix seconds", () => {
    const single = parseEventBatch(view("e1", { ts: "2026-05-01T10:00:00Z" }));
    expect(single.ok && single.events[0].ts).toBe(Date.UTC(2026, 4, 1, 10) / 1000);
    const array = parseEventBatch([view("e1"), view("e2")]);
    expect(array.ok && array.events.map((e) => e.event_id)).toEqual(["e1", "e2"]);
    const wrapped = parseEventBatch({ events: [view("e1")] });
    expect(wrapped.ok && wrapped.events.length).toBe(1);
  });

  it("drops an event repeated identically inside a batch and counts it", () => {
    const result = parseEventBatch({ events: [view("e1"), view("e2"), view("e1"), view("e2")] });
    expect(result).toMatchObject({ ok: true, duplicates: 2 });
    expect(result.ok && result.events.map((e) => [e.event_id, (e as { dwell_ms?: number }).dwell_ms])).toEqual([["e1", 1200], ["e2", 1200]]);
    expect(result.ok && new Set(result.fingerprints).size).toBe(2);
  });

  it("refuses an event id reused by another event, and an order id reported by two purchases, with a 409", () => {
    const reused = parseEventBatch({ events: [view("e1"), view("e2"), view("e1", { dwell_ms: 99 })] });
    expect(reused).toMatchObject({ ok: false, status: 409, problems: [{ field: "events[2].event_id" }] });
    expect(!reused.ok && reused.message).toContain('"e1"');
    const purchase = (id: string, price: number) => ({ event_id: id, type: "purchase", session_id: "s", ts: 1_780_000_000, order_id: "o-1", lines: [{ id: "x", price }] });
    const twice = parseEventBatch([purchase("p1", 100), purchase("p2", 130)]);
    expect(twice).toMatchObject({ ok: false, status: 409, problems: [{ field: "[1].order_id" }] });
  });

  it("names the field and the batch index of every bad event", () => {
    const result = parseEventBatch({ events: [view("e1"), { event_id: "e2", type: "click", session_id: "s", ts: 1_780_000_000, item_id: "x" }, view("e3", { dwell_ms: -1 })] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(400);
    expect(result.problems.map((p) => [p.field, p.index])).toEqual([["events[1].rec_id", 1], ["events[2].dwell_ms", 2]]);
    expect(result.message).toContain("event 1 of the batch");
  });

  it("names the field of an array body and of a single event without an index", () => {
    const array = parseEventBatch([view("e1"), { ...view("e2"), ts: "yesterday" }]);
    expect(!array.ok && array.problems[0]).toMatchObject({ field: "[1].ts", index: 1 });
    const single = parseEventBatch({ event_id: "e1", type: "purchase", session_id: "s", ts: 1_780_000_000, lines: [] });
    expect(!single.ok && single.problems[0]).toEqual({ field: "lines", message: expect.any(String) });
  });

  it("refuses an unknown type naming the type field", () => {
    const result = parseEventBatch(view("e1", { type: "hover" }));
    expect(!result.ok && result.problems[0].field).toBe("type");
  });

  it("413 past the batch limit, 400 for an empty batch or a non-object body", () => {
    const big = parseEventBatch({ events: [view("a"), view("b"), view("c")] }, { batch: 2 });
    expect(!big.ok && big.status).toBe(413);
    expect(!big.ok && big.problems[0].field).toBe("events");
    const empty = parseEventBatch({ events: [] });
    expect(!empty.ok && [empty.status, empty.problems[0].field]).toEqual([400, "events"]);
    expect(parseEventBatch("hello")).toMatchObject({ ok: false, status: 400 });
    expect(parseEventBatch({ events: "nope" })).toMatchObject({ ok: false, problems: [{ field: "events" }] });
  });
});

describe("acceptValidBody", () => {
  it("takes the events of a validated body of any shape, drops repeats, refuses a batch over the limit with 413", () => {
    const body = eventBodySchema.parse({ events: [view("a"), view("b"), view("a")] });
    expect(acceptValidBody(body)).toMatchObject({ ok: true, duplicates: 1, events: [{ event_id: "a" }, { event_id: "b" }] });
    expect(acceptValidBody(eventBodySchema.parse(view("x")))).toMatchObject({ ok: true, duplicates: 0, events: [{ event_id: "x" }] });
    expect(acceptValidBody(eventBodySchema.parse([view("a"), view("b"), view("c")]), { batch: 2 })).toMatchObject({ ok: false, status: 413, problems: [{ field: "(body)" }] });
  });
});
