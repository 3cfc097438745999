/**
 * Retiring a build deletes every one of its KV keys, however many: a local `wrangler kv key list` returns the
 * first 1,000 keys only, so a build of more blobs than that must be listed and deleted page after page.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { wrangler } from "../../batch/publish/wrangler-cli";
import { buildPrefix } from "../../core/keys";
import { buildShop, edgerec, queryLocalD1 } from "./local-edge";

const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-paging-"));
const state = path.join(work, "state");

async function keysUnder(prefix: string): Promise<number> {
  return (JSON.parse(await wrangler(["kv", "key", "list", "--binding", "KV", "--prefix", prefix], "local", { persistTo: state })) as unknown[]).length;
}

describe("retiring a build of more than 1,000 blobs", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("leaves none of its keys in KV", async () => {
    const orders = path.join(work, "orders.jsonl");
    // 1,300 items, each bought with its neighbours: every item gets a cross-sell list, so a blob.
    const lines = Array.from({ length: 1300 }, (_, i) => JSON.stringify({ order_id: `o-${i}`, items: [`sku-${i}`, `sku-${(i + 1) % 1300}`] }));
    writeFileSync(orders, `${lines.join("\n")}\n`);
    await buildShop({ orders }, path.join(work, "big"), "--build-id", "paged-big");
    await buildShop({ orders }, path.join(work, "next"), "--build-id", "paged-next");
    await edgerec("publish", "--artifacts", path.join(work, "big"), "--local", "--persist-to", state, "--quiet");
    expect(await keysUnder(buildPrefix("paged-big"))).toBe(1000);
    await edgerec("publish", "--artifacts", path.join(work, "next"), "--local", "--persist-to", state, "--quiet", "--keep", "1");
    expect(await keysUnder(buildPrefix("paged-big"))).toBe(0);
    expect(await keysUnder(buildPrefix("paged-next"))).toBe(1000);
    const [[record]] = await queryLocalD1(state, "SELECT status FROM builds WHERE id = 'paged-big'");
    expect(record).toEqual({ status: "retired" });
  }, 300_000);
});
