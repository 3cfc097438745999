import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../cli/main";

const ROOT = path.resolve(import.meta.dirname, "../..");

let dir: string;
let orders: string;
let baskets: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "edgerec-mine-"));
  orders = path.join(dir, "orders.jsonl");
  writeFileSync(
    orders,
    [
      '{"order_id": "o1", "items": ["phone", "case", "charger"]}',
      '{"order_id": "o2", "items": ["phone", "case"]}',
      '{"order_id": "o3", "items": ["phone", "charger"',
      '{"order_id": "o4", "items": [{"id": "phone", "qty": 2}, "charger"]}',
      '{"order_id": "o5", "items": ["case"]}',
      "",
    ].join("\n"),
  );
  baskets = path.join(dir, "baskets.tsv");
  writeFileSync(baskets, "phone\tcase\ncase\tphone\tcable\nphone\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}
afterEach(() => vi.restoreAllMocks());

const lines = (text: string) => text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);

describe("edgerec mine", () => {
  it("writes itemsets and rules to --out, reports the bad line by number and the counts on stderr", async () => {
    const out = path.join(dir, "mined.jsonl");
    const { code, stderr } = await run(["mine", "--input", orders, "--min-support", "2", "--min-confidence", "0.6", "--out", out]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${orders}:3`);
    expect(stderr).toMatch(/itemsets: 5 \(by size 1: 3, 2: 2\)/);
    expect(stderr).toMatch(/rules: 4 /);
    expect(stderr).toMatch(/peak_memory=/);
    const written = lines(readFileSync(out, "utf8"));
    const itemsets = written.filter((line) => "items" in line);
    const rules = written.filter((line) => "antecedent" in line);
    expect(itemsets.map((s) => `${(s.items as string[]).slice().sort().join("+")}:${s.count}`).sort()).toEqual(
      ["case:3", "case+phone:2", "charger:2", "charger+phone:2", "phone:3"].sort(),
    );
    expect(itemsets.find((s) => s.count === 3)?.support).toBe(0.75);
    const chargerToPhone = rules.find((r) => (r.antecedent as string[])[0] === "charger");
    expect(chargerToPhone).toEqual({
      antecedent: ["charger"],
      consequent: ["phone"],
      support: 0.5,
      confidence: 1,
      lift: 4 / 3,
      leverage: 0.5 - 0.5 * 0.75,
      conviction: null,
    });
    expect(rules).toHaveLength(4);
  });

  it("writes itemsets only to stdout unless rules are asked for, and honours --max-size", async () => {
    const { code, stdout, stderr } = await run(["mine", "--input", baskets, "--min-support", "0.5", "--max-size", "1", "--quiet"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(lines(stdout).map((s) => s.items)).toEqual(expect.arrayContaining([["phone"], ["case"]]));
    expect(lines(stdout)).toHaveLength(2);
    const withPairs = await run(["mine", "--input", baskets, "--min-support", "2", "--rules", "--quiet"]);
    expect(lines(withPairs.stdout).filter((line) => "antecedent" in line)).toHaveLength(2);
  });

  it("rejects bad flags with its usage and a missing file with its name", async () => {
    expect((await run(["mine", "--input", orders])).code).toBe(2);
    const fractional = await run(["mine", "--input", orders, "--min-support", "2.5"]);
    expect(fractional.code).toBe(2);
    expect(fractional.stderr).toContain("--min-support");
    expect((await run(["mine", "--input", orders, "--min-support", "2", "--bogus"])).code).toBe(2);
    expect((await run(["mine", "--input", orders, "--min-support", "2", "--min-confidence", "1.5"])).code).toBe(2);
    const missing = await run(["mine", "--input", path.join(dir, "absent.jsonl"), "--min-support", "2"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("absent.jsonl");
  });

  it("runs through the edgerec bin", () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "bin/edgerec.mjs"), "mine", "--input", baskets, "--min-support", "2"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toHaveLength(3);
    expect(result.stderr).toMatch(/itemsets: 3/);
  });
});
