import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readTable } from "./read-table";

const dir = mkdtempSync(path.join(tmpdir(), "edgerec-demo-table-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const row = z.strictObject({ brand: z.string(), price: z.number(), colors: z.array(z.string()).optional() });
const table = (name: string, lines: string[]) => {
  writeFileSync(path.join(dir, `${name}.jsonl`), `${lines.join("\n")}\n`);
  return () => readTable(name, row, dir);
};

describe("readTable", () => {
  it("reads one model a line, in file order, skipping blank lines", () => {
    const read = table("good", ['{"brand": "Anker", "price": 19.99}', "", '{"brand": "Belkin", "price": 29.99, "colors": ["Black"]}']);
    expect(read()).toEqual([{ brand: "Anker", price: 19.99 }, { brand: "Belkin", price: 29.99, colors: ["Black"] }]);
  });

  it("names the file, line and field of a bad row", () => {
    const file = path.join(dir, "bad.jsonl");
    expect(table("bad", ['{"brand": "Anker", "price": 19.99}', '{"brand": "Belkin", "price": "cheap"}'])).toThrow(`${file}:2 field "price"`);
    expect(table("bad", ['{"brand": "Anker", "price": 19.99, "colour": "Black"}'])).toThrow(`${file}:1`);
    expect(table("bad", ['{"brand": "Anker",'])).toThrow(`${file}:1: not valid JSON`);
  });
});
