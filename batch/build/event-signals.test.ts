import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { candidatesOf } from "../../core/candidates";
import { decodeItemBlob } from "../../core/blob/item-blob";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { BasketsBuilder } from "../io/baskets";
import { buildFromFiles } from "./build";
import { coViewCandidates, readEventSignals } from "./event-signals";
import { ReasonTable } from "./reason-table";

const work = mkdtempSync(path.join(tmpdir(), "edgerec-event-signals-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const view = (id: string, session: string, item: string) => JSON.stringify({ event_id: id, type: "view", session_id: session, ts: "2026-05-01T10:00:00Z", item_id: item, dwell_ms: 4000 });
const EVENTS = [
  view("e1", "s1", "a"), view("e2", "s1", "b"), view("e3", "s1", "c"),
  view("e4", "s2", "a"), view("e5", "s2", "b"),
  view("e6", "s3", "a"), view("e7", "s3", "c"), view("e7b", "s3", "a"),
  view("e8", "s4", "b"), view("e9", "s4", "never-sold"),
  JSON.stringify({ event_id: "p1", type: "purchase", session_id: "s5", ts: 1_780_000_000, order_id: "o-new", lines: [{ id: "a", price: 900 }, { id: "d", price: 20, rec_id: "r1" }] }),
  JSON.stringify({ event_id: "p2", type: "purchase", session_id: "s6", ts: 1_780_000_000, order_id: "o1", lines: [{ id: "a" }, { id: "b" }] }),
  JSON.stringify({ event_id: "p3", type: "purchase", session_id: "s7", ts: 1_780_000_000, order_id: "o-demo", order_value: 10 }),
  JSON.stringify({ event_id: "bad1", type: "view", ts: 1_780_000_000, item_id: "a" }),
  JSON.stringify({ event_id: "bad2", type: "click", session_id: "s8", ts: 1_780_000_000, rec_id: "r" }),
  "{not json",
];
const eventsFile = path.join(work, "events.jsonl");
writeFileSync(eventsFile, `${EVENTS.join("\n")}\n`);
const ordersFile = path.join(work, "orders.jsonl");
writeFileSync(ordersFile, ['{"order_id":"o1","items":["a","b"]}', '{"order_id":"o2","items":["a","c"]}', '{"order_id":"o3","items":["b","c"]}', '{"order_id":"o4","items":["c","never-viewed"]}'].join("\n"));

describe("event signals for the next build", () => {
  it("adds purchases only the events know, skips known orders, and names every bad line", async () => {
    const builder = new BasketsBuilder();
    builder.add("o1", [{ id: "a" }, { id: "b" }]);
    const signals = await readEventSignals(eventsFile, builder, new Set(["o1"]));
    expect(signals.purchasesAdded).toBe(1);
    const baskets = builder.build();
    expect(baskets.orderIds).toEqual(["o1", "o-new"]);
    expect(signals.report).toMatchObject({ lines: 16, accepted: 13, skipped: 3 });
    expect(signals.report.problems.map((p) => [p.line, p.field])).toEqual([[14, "session_id"], [15, "item_id"], [16, undefined]]);
    expect(signals.viewSessions.map((s) => s.sort().join(""))).toEqual(["abc", "ab", "ac", "bnever-sold"]);
  });

  it("refuses every line POST /v1/events refuses, naming file, line and field; a purchase may leave out its lines", async () => {
    const file = path.join(work, "strict-events.jsonl");
    const lines = [
      JSON.stringify({ event_id: "c1", type: "click", session_id: "s", ts: 1_780_000_000, item_id: "a" }),
      JSON.stringify({ event_id: "v1", type: "view", session_id: "s", ts: 1_780_000_000_000, item_id: "a" }),
      JSON.stringify({ event_id: "v2", type: "view", session_id: "s", ts: 1_780_000_000, item_id: "a", dwell_ms: -5 }),
      JSON.stringify({ event_id: "q1", type: "search", session_id: "s", ts: 1_780_000_000 }),
      JSON.stringify({ event_id: "p1", type: "purchase", session_id: "s", ts: 1_780_000_000, lines: [{ id: "a", qty: 0 }] }),
      JSON.stringify({ event_id: "p2", type: "purchase", session_id: "s", ts: "1998-12-04T00:00:00Z", order_id: "o-old", lines: [{ id: "a" }] }),
      JSON.stringify({ event_id: "p3", type: "purchase", session_id: "s", ts: 1_780_000_000, order_value: 10 }),
    ];
    writeFileSync(file, `${lines.join("\n")}\n`);
    const builder = new BasketsBuilder();
    const signals = await readEventSignals(file, builder, new Set());
    expect(signals.report).toMatchObject({ lines: 7, accepted: 2, skipped: 5 });
    expect(signals.report.problems.map((p) => [p.line, p.field])).toEqual([[1, "rec_id"], [2, "ts"], [3, "dwell_ms"], [4, "query"], [5, "lines[0].qty"]]);
    expect(signals.report.problems[1].message).toContain(`${file}:2 field "ts"`);
    expect(builder.build().times[0]).toBe(912_729_600);
    await expect(readEventSignals(file, new BasketsBuilder(), new Set(), { onBadLine: "fail" })).rejects.toThrow(`${file}:1 field "rec_id"`);
  });

  it("keeps what sessions looked at, longest look first, with what they then bought", async () => {
    const file = path.join(work, "looked-then-bought.jsonl");
    const look = (id: string, item: string, dwell: number) => JSON.stringify({ event_id: id, type: "view", session_id: "h", ts: 1_780_000_000, item_id: item, dwell_ms: dwell });
    writeFileSync(file, [look("l1", "cheap", 3000), look("l2", "pricey", 90_000), look("l3", "other", 500), JSON.stringify({ event_id: "l4", type: "purchase", session_id: "h", ts: 1_780_000_100, order_id: "o9" }), look("l5", "lonely", 100)].join("\n"));
    const signals = await readEventSignals(file, new BasketsBuilder(), new Set(["o9"]));
    expect(signals.purchaseSessions).toEqual([{ viewed: ["pricey", "cheap", "other", "lonely"], orders: ["o9"], bought: [] }]);
  });

  it("scores co-views by cosine over sessions, s(a,b) / sqrt(s(a) s(b)), at least two sessions together", () => {
    const itemIds = ["a", "b", "c", "never-sold"];
    const reasons = new ReasonTable();
    const lists = coViewCandidates([["a", "b", "c"], ["a", "b"], ["a", "c"], ["b", "never-sold"]], { itemIds, itemIndex: new Map(itemIds.map((id, i) => [id, i])) }, reasons);
    const a = candidatesOf(lists, 0);
    expect([...a.items].map((i) => itemIds[i])).toEqual(["c", "b"]);
    expect(a.scores[0]).toBeCloseTo(2 / Math.sqrt(3 * 2), 6);
    expect(a.scores[1]).toBeCloseTo(2 / Math.sqrt(3 * 3), 6);
    expect([...candidatesOf(lists, 1).items].map((i) => itemIds[i])).toEqual(["a"]);
    expect(candidatesOf(lists, 3).items.length).toBe(0);
    expect(reasons.toArray()[a.reasons[0]]).toEqual({ code: "co_view", text: "Shoppers who viewed {anchor} also viewed this" });
  });

  it("edgerec build --events: the events' purchases join the orders and co-views become similar lists", async () => {
    const artifacts = await buildFromFiles({ orders: ordersFile, events: eventsFile }, { buildId: "closed-loop" });
    expect(artifacts.manifest.counts.orders).toBe(5);
    expect(artifacts.manifest.inputs.events).toMatchObject({ lines: 16, accepted: 13, skipped: 3 });
    const meta = decodeMetaBlob(artifacts.meta);
    const index = (id: string) => meta.items.indexOf(id);
    expect(index("d")).toBeGreaterThanOrEqual(0);
    const a = decodeItemBlob(artifacts.itemBlobs[index("a")]!);
    expect([...a.similar!.items].map((i) => meta.items[i])).toEqual(["c", "b"]);
    expect(meta.reasons[a.similar!.reasons[0]].code).toBe("co_view");
    const without = await buildFromFiles({ orders: ordersFile }, { buildId: "open-loop" });
    const metaWithout = decodeMetaBlob(without.meta);
    expect(metaWithout.items.indexOf("d")).toBe(-1);
    const aWithout = decodeItemBlob(without.itemBlobs[metaWithout.items.indexOf("a")]!);
    expect(aWithout.similar).toBeUndefined();
  });
});
