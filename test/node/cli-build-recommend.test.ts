import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasSharedData, sharedDataPath } from "./shared-data";

const ROOT = path.resolve(import.meta.dirname, "../..");

function edgerec(args: string[]): { stdout: string; stderr: string; status: number } {
  try {
    const stdout = execFileSync(path.join(ROOT, "bin/edgerec.mjs"), args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { stdout, stderr: "", status: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; status: number };
    return { stdout: e.stdout, stderr: e.stderr, status: e.status };
  }
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "edgerec-cli-"));
}

describe("edgerec build + recommend (no catalogue)", () => {
  it("builds from orders, skips a bad line naming it, and answers one line per request", () => {
    const dir = tempDir();
    const orders = path.join(dir, "orders.jsonl");
    writeFileSync(
      orders,
      [
        '{"order_id":"1","items":["phone","case"]}',
        '{"order_id":"2","items":["phone","case","charger"]}',
        '{"order_id":"3","items":"phone"}',
        '{"order_id":"4","items":[{"id":"phone","qty":1,"price":700},{"id":"charger"}]}',
        "",
      ].join("\n"),
    );
    const build = edgerec(["build", "--orders", orders, "--out", path.join(dir, "out"), "--quiet", "--max-bad-share", "0.5"]);
    expect(build.status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, "out/manifest.json"), "utf8"));
    expect(manifest.inputs.orders).toMatchObject({ lines: 4, accepted: 3, skipped: 1 });

    const requests = path.join(dir, "requests.jsonl");
    writeFileSync(requests, ['{"id":"a","placement":"checkout","cart":["phone"]}', '{"id":"b","placement":"checkout","cart":["nothing-known"]}', '{"id":"c","placement":"kiosk"}'].join("\n"));
    const answer = edgerec(["recommend", "--artifacts", path.join(dir, "out"), "--requests", requests, "--quiet"]);
    expect(answer.status).toBe(0);
    const lines = answer.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["a", "b", "c"]);
    expect(lines[0].slots[0].items.map((i: { id: string }) => i.id).slice(0, 2).sort()).toEqual(["case", "charger"]);
    expect(lines[1].slots[0].items.length).toBeGreaterThan(0);
    expect(lines[2].error).toMatchObject({ code: "invalid_request", field: "placement" });
  });

  it("stops at the first bad line with --strict, naming file, line and field", () => {
    const dir = tempDir();
    const orders = path.join(dir, "orders.jsonl");
    writeFileSync(orders, '{"order_id":"1","items":["a","b"]}\n{"order_id":"2","items":[{"id":"a","qty":0}]}\n');
    const build = edgerec(["build", "--orders", orders, "--out", path.join(dir, "out"), "--strict", "--quiet"]);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`${orders}:2 field "items[0].qty"`);
  });

  it("explains a missing flag with the usage", () => {
    const result = edgerec(["build", "--orders", "x.jsonl"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing required flag --out");
  });

  it.runIf(hasSharedData("baskets/groceries.jsonl"))("works on the real groceries baskets, one answer per request line", () => {
    const dir = tempDir();
    const build = edgerec(["build", "--orders", sharedDataPath("baskets/groceries.jsonl"), "--out", path.join(dir, "g"), "--quiet"]);
    expect(build.status).toBe(0);
    const requests = path.join(dir, "R.jsonl");
    const carts = [["whole milk"], ["yogurt", "tropical fruit"], ["beer", "bottled beer"], []];
    writeFileSync(requests, `${carts.map((cart, i) => JSON.stringify({ id: `r${i}`, placement: "checkout", cart })).join("\n")}\n`);
    const answer = edgerec(["recommend", "--artifacts", path.join(dir, "g"), "--requests", requests, "--k", "5", "--quiet"]);
    const lines = answer.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(carts.length);
    lines.forEach((line, i) => {
      const ids = line.slots[0].items.map((item: { id: string }) => item.id);
      expect(ids).toHaveLength(5);
      for (const id of carts[i]) expect(ids).not.toContain(id);
    });
  });
});
