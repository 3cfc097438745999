import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { basketItems } from "./baskets";
import { InputError } from "./input-error";
import { readOrders } from "./read-orders";

function file(name: string, text: string): string {
  const p = path.join(mkdtempSync(path.join(tmpdir(), "edgerec-orders-")), name);
  writeFileSync(p, text);
  return p;
}

describe("readOrders", () => {
  it("reads orders with every optional field, sums repeated lines and keeps first-seen order", async () => {
    const p = file(
      "o.jsonl",
      [
        '{"order_id":"a","user_id":"u1","ts":"2026-05-01T10:00:00Z","items":["x",{"id":"y","qty":2,"price":9.5},{"id":"x","qty":3}]}',
        '{"basket_id":7,"ts":1780000000,"items":["y"]}',
        "",
      ].join("\r\n"),
    );
    const { baskets, report } = await readOrders(p);
    expect(report).toMatchObject({ lines: 2, accepted: 2, skipped: 0 });
    expect(baskets.orderIds).toEqual(["a", "7"]);
    expect([...basketItems(baskets, 0)].map((i) => baskets.itemIds[i])).toEqual(["x", "y"]);
    expect([...baskets.lineQuantities.subarray(0, 2)]).toEqual([4, 2]);
    expect(baskets.linePrices[1]).toBe(9.5);
    expect(Number.isNaN(baskets.linePrices[0])).toBe(true);
    expect(baskets.userIds[baskets.users[0]]).toBe("u1");
    expect(baskets.users[1]).toBe(-1);
    expect(baskets.times[0]).toBe(Date.parse("2026-05-01T10:00:00Z") / 1000);
    expect(baskets.times[1]).toBe(1780000000);
  });

  it("skips bad lines and names line and field for each problem", async () => {
    const p = file(
      "bad.jsonl",
      [
        '{"order_id":"ok","items":["a"]}',
        "{broken",
        '["not an object"]',
        '{"items":["a"]}',
        '{"order_id":"1","items":"a"}',
        '{"order_id":"1","items":[{"id":""}]}',
        '{"order_id":"1","items":["a"],"ts":"yesterday"}',
        '{"order_id":"1","items":[{"id":"a","price":-1}]}',
      ].join("\n"),
    );
    const { report } = await readOrders(p);
    expect(report).toMatchObject({ lines: 8, accepted: 1, skipped: 7 });
    expect(report.problems.map((e) => [e.line, e.field])).toEqual([
      [2, undefined],
      [3, undefined],
      [4, "order_id"],
      [5, "items"],
      [6, "items[0].id"],
      [7, "ts"],
      [8, "items[0].price"],
    ]);
    expect(report.problems[0].message).toContain(`${p}:2`);
  });

  it("validates with core's orders line contract: numeric ids as text, nulls as missing, timestamps as whole seconds from 1970 to 2100", async () => {
    const p = file(
      "c.jsonl",
      [
        '{"basket_id":"b1","user_id":12,"ts":"1998-12-04T00:00:00.750Z","items":[940996,{"id":"x","price":null}],"ratings":[5]}',
        '{"order_id":"o2","user_id":null,"ts":null,"items":["x"]}',
        '{"order_id":"o3","ts":1780000000000,"items":["x"]}',
        '{"order_id":"o4","items":[{"id":"x","qty":1.5}]}',
      ].join("\n"),
    );
    const { baskets, report } = await readOrders(p);
    expect(report.problems.map((e) => [e.line, e.field])).toEqual([[3, "ts"], [4, "items[0].qty"]]);
    expect(baskets.orderIds).toEqual(["b1", "o2"]);
    expect(baskets.itemIds).toEqual(["940996", "x"]);
    expect(baskets.userIds[baskets.users[0]]).toBe("12");
    expect(baskets.users[1]).toBe(-1);
    expect(baskets.times[0]).toBe(912_729_600);
    expect(Number.isNaN(baskets.times[1])).toBe(true);
    expect(Number.isNaN(baskets.linePrices[1])).toBe(true);
  });

  it("stops at the first bad line when asked to", async () => {
    const p = file("strict.jsonl", '{"order_id":"1","items":["a"]}\n{"order_id":"2"}\n');
    await expect(readOrders(p, { onBadLine: "fail" })).rejects.toThrow(InputError);
  });

  it("reads TSV baskets, one per line, ignoring empty cells and repeated items", async () => {
    const p = file("b.tsv", "milk\tbread\t\tmilk\nbeer\n");
    const { baskets } = await readOrders(p);
    expect(baskets.orderIds).toEqual(["1", "2"]);
    expect([...basketItems(baskets, 0)].map((i) => baskets.itemIds[i])).toEqual(["milk", "bread"]);
    expect([...basketItems(baskets, 1)].map((i) => baskets.itemIds[i])).toEqual(["beer"]);
  });

  it("keeps line numbers right across read chunks", async () => {
    const big = Array.from({ length: 60_000 }, (_, i) => `{"order_id":"${i}","items":["item-${i % 97}","pad-${"x".repeat(10)}"]}`);
    big[45_000] = "{oops";
    const { report, baskets } = await readOrders(file("big.jsonl", big.join("\n")));
    expect(report.skipped).toBe(1);
    expect(report.problems[0].line).toBe(45_001);
    expect(baskets.orderIds.length).toBe(59_999);
  });
});
