/**
 * The README's CLI examples, run as written on the files the repository ships (no ../shared needed): the
 * no-catalogue build on `examples/orders.jsonl`, and a build from a Google Merchant Center feed with an orders CSV.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../batch/cli/main";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function recommendOffline(artifacts: string, request: unknown, dir: string) {
  const requests = path.join(dir, "R.jsonl");
  writeFileSync(requests, `${JSON.stringify(request)}\n`);
  const out = path.join(dir, "answers.jsonl");
  const write = process.stdout.write.bind(process.stdout);
  const lines: string[] = [];
  process.stdout.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stdout.write;
  try {
    expect(await main(["recommend", "--artifacts", artifacts, "--requests", requests, "--quiet"])).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  writeFileSync(out, lines.join(""));
  return JSON.parse(readFileSync(out, "utf8").trim().split("\n")[0]) as { slots: Array<{ kind: string; items: Array<{ id: string; link?: string; image_link?: string }> }> };
}

describe("the README's examples on the shipped files", () => {
  it("builds from examples/orders.jsonl with no catalogue and answers a checkout", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "edgerec-readme-"));
    expect(await main(["build", "--orders", path.join(ROOT, "examples/orders.jsonl"), "--out", path.join(dir, "g"), "--quiet"])).toBe(0);
    const answer = await recommendOffline(path.join(dir, "g"), { id: "1", placement: "checkout", cart: ["pixel-9"] }, dir);
    expect(answer.slots[0].items.map((i) => i.id).slice(0, 4)).toEqual(expect.arrayContaining(["case-pixel-9", "glass-pixel-9"]));
  });

  it("builds from a GMC feed and an orders CSV; answers carry links and images", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "edgerec-readme-"));
    const feeds = path.join(ROOT, "test/fixtures/feeds");
    expect(await main(["build", "--orders", path.join(feeds, "orders.csv"), "--catalog", path.join(feeds, "gmc-rss.xml"), "--out", path.join(dir, "shop"), "--quiet"])).toBe(0);
    const answer = await recommendOffline(path.join(dir, "shop"), { id: "1", placement: "checkout", cart: ["pixel-9"] }, dir);
    const items = answer.slots.flatMap((s) => s.items);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect([item.link, item.image_link]).toEqual([expect.stringMatching(/^https:\/\//), expect.stringMatching(/^https:\/\//)]);
  });
});
