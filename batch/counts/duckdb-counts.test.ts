import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasSharedData, sharedDataPath } from "../../test/node/shared-data";
import { CrossSellSources } from "../build/cross-sell-sources";
import { InputError } from "../io/input-error";
import { readOrders } from "../io/read-orders";
import { computeCooccurrenceMatrix } from "../mining/cooccurrence";
import { mineSequentialRules, sequentialRules } from "../mining/sequential-rules";
import { canonicalRows, countTables } from "./count-tables";
import { CountedOrders } from "./counted-orders";
import { countOrdersToFiles, countOrdersWithDuckDb, readCountFiles, withDuckDb } from "./duckdb-counts";

const work = mkdtempSync(path.join(tmpdir(), "edgerec-counts-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function inProcess(file: string, options = {}) {
  return canonicalRows(countTables((await readOrders(file, { onBadLine: "fail" })).baskets, options));
}

/** Orders with users, times, repeated items, an empty order, numeric ids and a basket over the pair limit. */
const SMALL_ORDERS = [
  { order_id: "o1", user_id: "u1", ts: "2026-01-01T10:00:00Z", items: ["a", "b", { id: "c", qty: 2 }, "a"] },
  { order_id: "o2", user_id: "u1", ts: "2026-01-05T10:00:00Z", items: ["d", "a"] },
  { order_id: "o3", user_id: "u1", ts: "2026-03-01T10:00:00Z", items: ["e"] },
  { order_id: "o4", user_id: 7, ts: 1767261600, items: ["a", "d"] },
  { order_id: "o5", user_id: 7, ts: 1767261600, items: ["b"] },
  { order_id: "o6", user_id: 7, ts: 1767348000, items: [{ id: "b", price: 3 }, 42] },
  { basket_id: 9, items: [] },
  { order_id: "o8", items: ["a", "b", "c", "d", "e"] },
  { order_id: "o9", user_id: "u2", items: ["a", "e"] },
];

describe("count tables: DuckDB and the in-process counter agree", () => {
  const small = path.join(work, "small.jsonl");
  writeFileSync(small, `${SMALL_ORDERS.map((o) => JSON.stringify(o)).join("\n")}\n\n`);

  it("on a small file with users, times, repeats, an empty order and numeric ids", async () => {
    const options = { windowDays: 10, maxBasketSize: 4, maxPairsPerUser: 3 };
    const expected = await inProcess(small, options);
    expect(expected.totals).toBe("9\t2\t10\t4\t3");
    expect(expected.items).toContain("a\t5\t2");
    // o8 has five items, over the pair limit of 4: its pairs count nowhere
    expect(expected.pairs).toContain("a\tb\t1");
    // u1: o1 -> o2 within 10 days, the cap of 3 pairs keeps a->d, b->d, b->a (a->a is no pair), not c->d, c->a;
    // user 7: o4 and o5 at the same second are no sequence, o4 -> o6 keeps a->b, a->42, d->b, not d->42
    expect(expected.sequential).toEqual(["a\t42\t1", "a\tb\t1", "a\td\t1", "b\ta\t1", "b\td\t1", "d\tb\t1"]);
    expect(await countOrdersWithDuckDb(small, options).then(canonicalRows)).toEqual(expected);
  });

  it("reads order lines from CSV and Parquet, and tables back from CSV, Parquet and folders of parts", async () => {
    const lines = SMALL_ORDERS.flatMap((o) =>
      o.items.map((item) => ({
        order_id: String(o.order_id ?? o.basket_id),
        user_id: o.user_id === undefined ? "" : String(o.user_id),
        ts: o.ts ?? "",
        item_id: typeof item === "object" ? item.id : String(item),
      })),
    );
    const csv = path.join(work, "lines.csv");
    writeFileSync(csv, `order_id,user_id,ts,item_id\n${lines.map((l) => `${l.order_id},${l.user_id},${l.ts},${l.item_id}`).join("\n")}\n`);
    const fromCsv = canonicalRows(await countOrdersWithDuckDb(csv));
    const fromJson = canonicalRows(await countOrdersWithDuckDb(small));
    // the order-line table has no row for the empty order: one basket fewer, the same pairs and sequences
    expect(fromCsv.totals).toBe("8\t2\t30\t1000\t5000");
    expect({ ...fromCsv, totals: "" }).toEqual({ ...fromJson, totals: "" });
    const parquet = path.join(work, "lines.parquet");
    await withDuckDb({}, (db) => db.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`));
    expect(canonicalRows(await countOrdersWithDuckDb(parquet))).toEqual(fromCsv);
    for (const format of ["parquet", "csv"] as const) {
      const dir = path.join(work, `tables-${format}`);
      await countOrdersToFiles(small, dir, { format });
      expect(canonicalRows(await readCountFiles(dir))).toEqual(fromJson);
    }
    // a distributed engine writes each table as a folder of part files
    const parts = path.join(work, "parts");
    await countOrdersToFiles(small, parts, { format: "csv" });
    mkdirSync(path.join(parts, "pairs"));
    renameSync(path.join(parts, "pairs.csv"), path.join(parts, "pairs", "part-00000.csv"));
    writeFileSync(path.join(parts, "pairs", "part-00001.csv"), "item_a,item_b,baskets\n");
    expect(canonicalRows(await readCountFiles(parts))).toEqual(fromJson);
    writeFileSync(path.join(parts, "pairs", "part-00001.csv"), "item_a,baskets\n");
    await expect(readCountFiles(parts)).rejects.toThrow(`${path.join(parts, "pairs")}: `);
    rmSync(path.join(parts, "pairs", "part-00000.csv"));
    await expect(readCountFiles(parts)).rejects.toThrow(`${path.join(parts, "pairs")}: the pairs table lacks column item_b`);
  });

  it("stops at a line it cannot read, naming the file, line and field", async () => {
    const bad = path.join(work, "bad.jsonl");
    writeFileSync(bad, `${JSON.stringify(SMALL_ORDERS[0])}\n${JSON.stringify({ order_id: "x", ts: "yesterday", items: ["a"] })}\n`);
    const error = await countOrdersWithDuckDb(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${bad}:2 field "ts": must be ISO-8601 or unix seconds between 1970 and 2100`);
    writeFileSync(bad, `{"order_id": "x", "items": [""]}\n`);
    await expect(countOrdersWithDuckDb(bad)).rejects.toThrow(`${bad}:1 field "items"`);
    writeFileSync(bad, `{"order_id": "x", "items": ["a"]\n`);
    await expect(countOrdersWithDuckDb(bad)).rejects.toThrow(`${bad}:1: not valid JSON`);
  });

  for (const file of ["baskets/groceries.jsonl", "baskets/groceries.tsv", "baskets/t10i4d100k.tsv", "baskets/completejourney.jsonl"]) {
    it.runIf(hasSharedData(file))(`on ${file}`, async () => {
      const expected = await inProcess(sharedDataPath(file));
      expect(expected.pairs.length).toBeGreaterThan(1000);
      if (file.includes("completejourney")) expect(expected.sequential.length).toBeGreaterThan(100_000);
      expect(canonicalRows(await countOrdersWithDuckDb(sharedDataPath(file)))).toEqual(expected);
    });
  }
});

describe("what mining reads from count tables equals what it computes from the orders", () => {
  for (const file of ["baskets/groceries.jsonl", "baskets/completejourney.jsonl"]) {
    it.runIf(hasSharedData(file))(`co-occurrence rows, sequential rules and FP-Growth pair rules on ${file}`, async () => {
      const { baskets } = await readOrders(sharedDataPath(file));
      const counted = new CountedOrders(await countOrdersWithDuckDb(sharedDataPath(file)), baskets.itemIndex, baskets.itemIds.length);
      for (const maxPerItem of [8, Number.POSITIVE_INFINITY]) expect(counted.cooccurrence(maxPerItem)).toEqual(computeCooccurrenceMatrix(baskets, { maxPerItem }));
      const rules = mineSequentialRules(baskets, { topN: 20 });
      if (file.includes("completejourney")) expect(rules.consequents.length).toBeGreaterThan(1000);
      expect(sequentialRules(counted.sequentialPairs(), { topN: 20 })).toEqual(rules);
      const options = { neighbours: 16, maxPerItem: 64, rowLength: 20, priorItems: 0, windowDays: 30 };
      const own = new CrossSellSources(baskets, options);
      const fromCounts = new CrossSellSources(baskets, options, counted);
      if (file.includes("groceries")) expect(own.rules().items.length).toBeGreaterThan(1000);
      expect(fromCounts.rules()).toEqual(own.rules());
      expect(fromCounts.sequential()).toEqual(own.sequential());
    });
  }
});
