import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "./cli";
import { generateDemo } from "./generate";

const FILES = ["catalog.jsonl", "orders.jsonl", "events.jsonl", "planted.json", "README.md"];
const root = mkdtempSync(path.join(tmpdir(), "edgerec-demo-"));
const small = { orders: 3000, sessions: 1200 };
const digest = (dir: string, file: string) => createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex");

beforeAll(async () => {
  await generateDemo({ out: path.join(root, "a"), seed: 42, ...small });
  await generateDemo({ out: path.join(root, "b"), seed: 42, ...small });
  await generateDemo({ out: path.join(root, "c"), seed: 7, ...small });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("demo generator determinism", () => {
  it("writes byte-identical files for the same seed and flags", () => {
    for (const file of FILES) expect(digest(path.join(root, "a"), file), file).toBe(digest(path.join(root, "b"), file));
  });

  it("writes different files for a different seed", () => {
    for (const file of FILES.slice(0, 4)) expect(digest(path.join(root, "a"), file), file).not.toBe(digest(path.join(root, "c"), file));
  });

  it("honours --orders and --sessions exactly", () => {
    const orders = readFileSync(path.join(root, "a", "orders.jsonl"), "utf8").trimEnd().split("\n");
    expect(orders).toHaveLength(small.orders);
    const sessions = new Set(readFileSync(path.join(root, "a", "events.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l).session_id));
    expect(sessions.size).toBe(small.sessions);
  });
});

describe("demo generator command", () => {
  it("runs from the CLI and writes every file", async () => {
    const out = path.join(root, "cli");
    const code = await main(["--out", out, "--orders", "1500", "--sessions", "500", "--seed", "3", "--quiet"]);
    expect(code).toBe(0);
    for (const file of FILES) expect(readFileSync(path.join(out, file)).length, file).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(path.join(out, "planted.json"), "utf8")).generator).toMatchObject({ seed: 3, orders: 1500, sessions: 500 });
  });

  it("rejects a catalog below 2,000 products and a missing --out", async () => {
    expect(await main(["--out", path.join(root, "x"), "--products", "1500", "--quiet"])).toBe(2);
    expect(await main(["--quiet"])).toBe(2);
  });
});
