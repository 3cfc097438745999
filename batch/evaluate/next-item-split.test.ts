import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readOrderSequences, readViewSequences, type ItemSequence } from "../io/read-sequences";
import { writeTrainingFiles } from "./next-item";
import { drawNextItemHoldOuts, isNextItemEligible, trainingSequences } from "./next-item-split";

const seq = (id: string, items: string[], dwellMs?: number[]): ItemSequence => ({ id, items, time: Number.NaN, ...(dwellMs ? { dwellMs } : {}) });
const many = Array.from({ length: 200 }, (_, i) => seq(`s${i}`, i % 4 === 0 ? [`a${i}`] : i % 4 === 1 ? [`a${i}`, `b${i}`, `a${i}`] : [`a${i}`, `b${i}`, `c${i}`]));
const work = mkdtempSync(path.join(tmpdir(), "edgerec-next-item-split-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the next-item split", () => {
  it("holds out only a last item new to its sequence, of sequences with two items or more", () => {
    expect(isNextItemEligible(["a"])).toBe(false);
    expect(isNextItemEligible(["a", "b"])).toBe(true);
    expect(isNextItemEligible(["a", "b", "a"])).toBe(false);
    expect(isNextItemEligible(["a", "a", "b"])).toBe(true);
    const split = drawNextItemHoldOuts(many, 42, 1);
    expect(split.holdOuts.length).toBe(100);
    for (const h of split.holdOuts) expect(many[h.sequence].items.length).toBe(3);
  });

  it("gives the prefix in order with its dwell, and the last item as the answer", () => {
    const split = drawNextItemHoldOuts([seq("x", ["p", "q", "p", "r"], [100, 200, 300, 400])], 1, 1);
    expect(split.holdOuts).toEqual([{ sequence: 0, prefix: ["p", "q", "p"], dwellMs: [100, 200, 300], item: "r" }]);
  });

  it("is deterministic per seed and differs between seeds", () => {
    const a = drawNextItemHoldOuts(many, 42).holdOuts.map((h) => h.sequence);
    expect(drawNextItemHoldOuts(many, 42).holdOuts.map((h) => h.sequence)).toEqual(a);
    expect(drawNextItemHoldOuts(many, 1).holdOuts.map((h) => h.sequence)).not.toEqual(a);
    // about a fifth of the 100 eligible sequences
    expect(a.length).toBeGreaterThan(8);
    expect(a.length).toBeLessThan(35);
  });

  it("leaves every test session out of training, prefix included", () => {
    const split = drawNextItemHoldOuts(many, 42);
    const train = trainingSequences(many, split);
    expect(train.length).toBe(many.length - split.holdOuts.length);
    const trained = new Set(train.flatMap((s) => s.items));
    for (const h of split.holdOuts) {
      expect(trained.has(h.item)).toBe(false);
      for (const id of h.prefix) expect(trained.has(id)).toBe(false);
    }
  });

  it("writes training orders without the test lines", async () => {
    const orders = path.join(work, "orders.jsonl");
    writeFileSync(orders, ['{"order_id":"1","items":["a","b"],"sequence":["a","b"]}', '{"order_id":"2","items":["c"]}', "", '{"order_id":"3","items":["d","e"]}'].join("\n"));
    const { sequences } = await readOrderSequences(orders);
    expect(sequences.map((s) => [s.id, s.items, s.line])).toEqual([["1", ["a", "b"], 1], ["2", ["c"], 2], ["3", ["d", "e"], 4]]);
    const split = drawNextItemHoldOuts(sequences, 42, 1);
    expect(split.holdOuts.map((h) => h.item)).toEqual(["b", "e"]);
    const files = writeTrainingFiles({ orders }, sequences, split.test, path.join(work, "orders-only"));
    expect(readFileSync(files.orders, "utf8").split("\n").filter((l) => l.length > 0)).toEqual(['{"order_id":"2","items":["c"]}']);
  });

  it("with events, takes the test sessions' events and purchased orders out of training", async () => {
    const events = path.join(work, "events.jsonl");
    const orders = path.join(work, "shop-orders.jsonl");
    const view = (n: number, session: string, item: string, ts: number, dwell?: number) => JSON.stringify({ event_id: `e${n}`, type: "view", session_id: session, ts, item_id: item, ...(dwell !== undefined ? { dwell_ms: dwell } : {}) });
    writeFileSync(
      events,
      [
        view(1, "s1", "b", 1_800_000_020, 9000),
        view(2, "s1", "a", 1_800_000_010, 4000),
        JSON.stringify({ event_id: "e3", type: "purchase", session_id: "s1", ts: 1_800_000_030, order_id: "o1", lines: [{ id: "b" }] }),
        view(4, "s2", "c", 1_800_000_000),
      ].join("\n"),
    );
    writeFileSync(orders, ['{"order_id":"o1","items":["b"]}', '{"order_id":"o2","items":["c","d"]}'].join("\n"));
    const { sequences } = await readViewSequences(events);
    expect(sequences[0]).toMatchObject({ id: "s1", items: ["a", "b"], dwellMs: [4000, 9000], orderIds: ["o1"] });
    const split = drawNextItemHoldOuts(sequences, 42, 1);
    expect(split.holdOuts).toEqual([{ sequence: 0, prefix: ["a"], dwellMs: [4000], item: "b" }]);
    const files = writeTrainingFiles({ orders, events }, sequences, split.test, path.join(work, "with-events"));
    expect(readFileSync(files.events!, "utf8")).not.toContain('"s1"');
    expect(readFileSync(files.events!, "utf8")).toContain('"s2"');
    expect(readFileSync(files.orders, "utf8").trim()).toBe('{"order_id":"o2","items":["c","d"]}');
  });

  it("names the file and line of a bad sequence", async () => {
    const bad = path.join(work, "bad.jsonl");
    writeFileSync(bad, ['{"order_id":"1","items":["a"],"sequence":["a",""]}', '{"order_id":"2","items":["b","c"]}'].join("\n"));
    const read = await readOrderSequences(bad);
    expect(read.sequences.map((s) => s.id)).toEqual(["2"]);
    expect(read.report.problems[0].message).toBe(`${bad}:1 field "sequence[1]": Too small: expected string to have >=1 characters`);
    await expect(readOrderSequences(bad, { onBadLine: "fail" })).rejects.toThrow(`${bad}:1`);
  });
});
