import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { readArtifacts } from "../../batch/build/artifacts";
import { main } from "../../batch/cli/main";
import { TINY_CATALOG, tinyShopFiles } from "../fixtures/tiny-shop";

/** Runs `edgerec` in-process: its exit code and what it wrote to stderr. */
async function edgerec(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  try {
    return { code: await main(argv), stderr };
  } finally {
    spy.mockRestore();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "edgerec-cli-inputs-"));
const file = (name: string, content: string | Uint8Array) => {
  const where = path.join(dir, name);
  writeFileSync(where, content);
  return where;
};
const order = (id: number, items: string[]) => JSON.stringify({ order_id: String(id), items });
const goodOrders = (n: number) => Array.from({ length: n }, (_, i) => order(i, ["phone-1", "case-1", i % 2 ? "charger-1" : "earbuds-1"]));
const manifestOf = (out: string) => JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));

describe("edgerec build with a catalogue that lacks ordered items", () => {
  it("builds, serves the uncatalogued items from their orders, and counts them in the manifest", async () => {
    const shop = tinyShopFiles();
    const orders = file("partial-orders.jsonl", `${shop.orders}${order(9001, ["phone-1", "brand-new-sku"])}\n${order(9002, ["brand-new-sku", "phone-1", "gone-sku"])}\n`);
    const catalog = file("partial-catalog.jsonl", `${TINY_CATALOG.filter((p) => !p.id.startsWith("mouse")).map((p) => JSON.stringify(p)).join("\n")}\n`);
    const out = path.join(dir, "partial");
    expect((await edgerec("build", "--orders", orders, "--catalog", catalog, "--out", out, "--quiet")).code).toBe(0);
    const manifest = manifestOf(out);
    expect(manifest.counts.uncatalogued_items).toBe(2 + 2);
    const requests = file("partial-requests.jsonl", `${JSON.stringify({ id: "a", placement: "product", product_id: "brand-new-sku" })}\n`);
    const answers = file("partial-answers.jsonl", "");
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      writeFileSync(answers, typeof chunk === "string" ? chunk : Buffer.from(chunk), { flag: "a" });
      return true;
    });
    try {
      expect((await edgerec("recommend", "--artifacts", out, "--requests", requests, "--quiet")).code).toBe(0);
    } finally {
      stdout.mockRestore();
    }
    const answer = JSON.parse(readFileSync(answers, "utf8").trim());
    expect(answer.slots[0].items.map((i: { id: string }) => i.id)).toContain("phone-1");
  });
});

describe("edgerec build refuses input it cannot use, in one line", () => {
  it("an empty file, binary bytes and a 10 MB garbage line: exit 1, no artifacts", async () => {
    const cases: Array<[string, string | Uint8Array, RegExp]> = [
      ["empty.jsonl", "", /no valid order in .*empty\.jsonl: it is empty/],
      ["binary.jsonl", Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256), /no valid order in .*binary\.jsonl: .*not valid UTF-8/],
      ["garbage.jsonl", `${"z".repeat(10 * 1024 * 1024)}\n`, /no valid order in .*garbage\.jsonl: its only line is bad/],
    ];
    for (const [name, content, message] of cases) {
      const out = path.join(dir, `out-${name}`);
      const result = await edgerec("build", "--orders", file(name, content), "--out", out, "--quiet");
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toMatch(message);
      expect(result.stderr.trim().split("\n"), name).toHaveLength(1);
      expect(() => readArtifacts(out), name).toThrow(/not an artifacts folder/);
    }
  });

  it("more bad lines than --max-bad-share allows (default 10%) fails; the limit is a flag", async () => {
    const lines = [...goodOrders(17), "not json", '{"order_id":"x","items":"phone"}', '{"items":[]}'];
    const orders = file("mixed.jsonl", `${lines.join("\n")}\n`);
    const refused = await edgerec("build", "--orders", orders, "--out", path.join(dir, "mixed"), "--quiet");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/3 of 20 lines of .*mixed\.jsonl are bad \(15\.0%\), more than the 10% --max-bad-share allows; first: .*mixed\.jsonl:18: not valid JSON/);
    const allowed = await edgerec("build", "--orders", orders, "--out", path.join(dir, "mixed"), "--max-bad-share", "0.2");
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain("skipped 3 bad line(s) of 20");
    expect(allowed.stderr).toMatch(/mixed\.jsonl:19 field "items": /);
  });

  it("reads past a UTF-8 byte-order mark; reports a line that is not UTF-8 instead of reading U+FFFD", async () => {
    const bom = file("bom.jsonl", `\ufeff${goodOrders(3).join("\n")}\n`);
    expect((await edgerec("build", "--orders", bom, "--out", path.join(dir, "bom"), "--quiet")).code).toBe(0);
    expect(manifestOf(path.join(dir, "bom")).inputs.orders).toMatchObject({ lines: 3, accepted: 3, skipped: 0 });
    const latin1 = Buffer.concat([Buffer.from(`${goodOrders(12).join("\n")}\n`), Buffer.from('{"order_id":"caf'), Buffer.from([0xe9]), Buffer.from('","items":["a","b"]}\n')]);
    const result = await edgerec("build", "--orders", file("latin1.jsonl", latin1), "--out", path.join(dir, "latin1"));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/latin1\.jsonl:13: not valid UTF-8 text/);
    expect(manifestOf(path.join(dir, "latin1")).inputs.orders).toMatchObject({ lines: 13, accepted: 12, skipped: 1 });
  });

  it("a folder as input, or a file as --out: one line, exit 1", async () => {
    const folder = path.join(dir, "a-folder");
    mkdirSync(folder, { recursive: true });
    const asInput = await edgerec("build", "--orders", folder, "--out", path.join(dir, "x"), "--quiet");
    expect([asInput.code, asInput.stderr.trim()]).toEqual([1, `edgerec build: ${folder} is a folder, not a file`]);
    const orders = file("ok.jsonl", `${goodOrders(3).join("\n")}\n`);
    const asOut = await edgerec("build", "--orders", orders, "--out", file("a-file", "x"), "--quiet");
    expect(asOut.code).toBe(1);
    expect(asOut.stderr.trim()).toMatch(/^edgerec build: --out .*a-file is a file, not a folder$/);
  });

  it("--previous naming a folder that holds no build: one line naming it, exit 1, no artifacts", async () => {
    const orders = file("ok-previous.jsonl", `${goodOrders(3).join("\n")}\n`);
    const nowhere = path.join(dir, "no-previous-build");
    const out = path.join(dir, "after-nowhere");
    const result = await edgerec("build", "--orders", orders, "--out", out, "--previous", nowhere, "--quiet");
    expect([result.code, result.stderr.trim()]).toEqual([1, `edgerec build: ${nowhere} is not an artifacts folder: manifest.json is missing (run edgerec build --out ${nowhere})`]);
    expect(existsSync(out)).toBe(false);
  });

  it("--previous naming a build whose edge.bin is damaged: a warning, and a build that writes every blob afresh", async () => {
    const orders = file("ok-damaged.jsonl", `${goodOrders(3).join("\n")}\n`);
    const first = path.join(dir, "damaged-first");
    expect((await edgerec("build", "--orders", orders, "--out", first, "--quiet")).code).toBe(0);
    const edge = path.join(first, "edge.bin");
    writeFileSync(edge, readFileSync(edge).subarray(0, 40));
    const second = path.join(dir, "after-damaged");
    const result = await edgerec("build", "--orders", orders, "--out", second, "--previous", first, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: --previous ${first}: its edge.bin is unreadable`);
    expect(result.stderr).toContain("every blob written afresh");
    expect(manifestOf(second).kv?.kept_keys).toBeUndefined();
  });

  it("mine on an empty or a binary file says so and exits non-zero", async () => {
    const empty = await edgerec("mine", "--input", file("mine-empty.jsonl", ""), "--min-support", "0.1", "--quiet");
    expect([empty.code, empty.stderr]).toEqual([1, expect.stringMatching(/no valid basket in .*mine-empty\.jsonl: it is empty/)]);
    const binary = await edgerec("mine", "--input", file("mine-binary.tsv", Uint8Array.from({ length: 5000 }, (_, i) => 128 + (i % 120))), "--min-support", "0.1", "--quiet");
    expect(binary.code).toBe(1);
    expect(binary.stderr).toMatch(/no valid basket in .*mine-binary\.tsv/);
  });
});

describe("an artifacts folder is whole or refused", () => {
  it("refuses parts of two builds: another build's meta.bin, or a part that is not the manifest's", async () => {
    const orders = file("parts.jsonl", `${goodOrders(6).join("\n")}\n`);
    const a = path.join(dir, "parts-a");
    const b = path.join(dir, "parts-b");
    await edgerec("build", "--orders", orders, "--out", a, "--build-id", "parts-a", "--quiet");
    await edgerec("build", "--orders", orders, "--out", b, "--build-id", "parts-b", "--quiet");
    expect(readArtifacts(a).manifest.build_id).toBe("parts-a");
    copyFileSync(path.join(b, "meta.bin"), path.join(a, "meta.bin"));
    expect(() => readArtifacts(a)).toThrow(/meta\.bin does not match the manifest of build parts-a/);
    const publish = await edgerec("publish", "--artifacts", a, "--local", "--persist-to", path.join(dir, "state"), "--quiet");
    expect(publish.code).toBe(1);
    expect(publish.stderr).toMatch(/meta\.bin does not match the manifest/);
    copyFileSync(path.join(b, "manifest.json"), path.join(a, "manifest.json"));
    writeFileSync(path.join(a, "items.bin"), Buffer.from([0x45, 0x52, 0x50, 1, 0]));
    expect(() => readArtifacts(a)).toThrow(/items\.bin does not match the manifest of build parts-b/);
  });

  it("publish streams edge.bin and stops at an altered one before anything goes live", async () => {
    const orders = file("edge-parts.jsonl", `${goodOrders(6).join("\n")}\n`);
    const a = path.join(dir, "edge-a");
    await edgerec("build", "--orders", orders, "--out", a, "--build-id", "edge-a", "--quiet");
    const { manifest } = readArtifacts(a);
    expect(manifest.parts?.["edge.bin"]?.bytes).toBe(readFileSync(path.join(a, "edge.bin")).length);
    expect(manifest.kv?.keys).toBeGreaterThan(2);
    expect(manifest.timings_ms.edge_format).toBeGreaterThanOrEqual(0);
    const edge = readFileSync(path.join(a, "edge.bin"));
    edge[edge.length - 8] ^= 0xff;
    writeFileSync(path.join(a, "edge.bin"), edge);
    const state = path.join(dir, "edge-state");
    const altered = await edgerec("publish", "--artifacts", a, "--local", "--persist-to", state, "--quiet");
    expect(altered.code).toBe(1);
    expect(altered.stderr).toMatch(/edge\.bin: does not match the manifest's checksum/);
    const rollback = await edgerec("rollback", "--local", "--persist-to", state);
    expect(rollback.stderr).toMatch(/live: none; builds: edge-a writing \(not written completely\)/);
    writeFileSync(path.join(a, "edge.bin"), edge.subarray(0, edge.length - 1));
    expect(() => readArtifacts(a)).toThrow(/edge\.bin does not match the manifest of build edge-a/);
  });

  it("replaces a previous build in --out whole: no part of the old one is left", async () => {
    const shop = tinyShopFiles();
    const out = path.join(dir, "replace");
    const catalog = file("replace-catalog.jsonl", shop.catalog);
    const orders = file("replace-orders.jsonl", shop.orders);
    await edgerec("build", "--orders", orders, "--catalog", catalog, "--out", out, "--build-id", "with-catalog", "--quiet");
    expect(readArtifacts(out).catalog).toBeDefined();
    await edgerec("build", "--orders", orders, "--out", out, "--build-id", "orders-only", "--quiet");
    const artifacts = readArtifacts(out);
    expect(artifacts.manifest.build_id).toBe("orders-only");
    expect(artifacts.catalog).toBeUndefined();
  });
});
