import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../../core/keys";
import worker from "../../worker/index";
import { publishStock } from "../../worker/overlays/publish-stock";
import { recommendationResponseSchema } from "../../worker/schemas/recommendation-response";
import { RULES_SHOP, rulesShopBuild } from "../fixtures/rules-shop";
import { insertProducts, publishBuild } from "./publish-build";
import { ADMIN_JSON, post } from "./requests";

const STOCK = "http://edge.test/v1/admin/stock";

async function servedIds(): Promise<string[]> {
  const response = await exports.default.fetch("http://edge.test/v1/recommendations", post({ placement: "checkout", cart: ["phone"], k: 10 }));
  const answer = recommendationResponseSchema.parse(await response.json());
  return answer.slots.flatMap((s) => s.items.map((i) => i.id));
}

async function setStock(items: Array<{ id: string; stock: number }>) {
  const response = await exports.default.fetch(STOCK, { method: "POST", headers: ADMIN_JSON, body: JSON.stringify({ items }) });
  return { status: response.status, body: (await response.json()) as { updated: number; unknown: string[]; out_of_stock: number; error?: { field?: string } } };
}

describe("stock reaches the edge without a rebuild", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, rulesShopBuild("stock-1"));
    await insertProducts(env.DB, RULES_SHOP, "stock-1");
  });

  it("an item set to zero leaves the next answer; restocked, it comes back", async () => {
    expect(await servedIds()).toContain("charger");
    const sold = await setStock([{ id: "charger", stock: 0 }, { id: "no-such-sku", stock: 3 }]);
    expect(sold.status).toBe(200);
    expect(sold.body).toEqual({ updated: 1, unknown: ["no-such-sku"], out_of_stock: 2 });
    expect(await env.DB.prepare("SELECT stock FROM products WHERE id = 'charger'").first("stock")).toBe(0);
    expect(await servedIds()).not.toContain("charger");
    await setStock([{ id: "charger", stock: 12 }]);
    expect(await servedIds()).toContain("charger");
  });

  it("brings back an item the build had as sold out once D1 has stock for it", async () => {
    const pin = await exports.default.fetch("http://edge.test/v1/admin/rules", { method: "POST", headers: ADMIN_JSON, body: JSON.stringify({ name: "stands", action: "pin", match: { ids: ["sold-out-stand"] } }) });
    expect(pin.status).toBe(201);
    expect(await servedIds()).not.toContain("sold-out-stand");
    await setStock([{ id: "sold-out-stand", stock: 4 }]);
    expect((await servedIds())[0]).toBe("sold-out-stand");
    await setStock([{ id: "sold-out-stand", stock: 0 }]);
    expect(await servedIds()).not.toContain("sold-out-stand");
  });

  it("the cron republishes the overlay from D1 (stock written by another system)", async () => {
    await env.DB.prepare("UPDATE products SET stock = 0 WHERE id = 'earbuds'").run();
    expect(await servedIds()).toContain("earbuds");
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(JSON.parse((await env.KV.get(CONFIG_KEYS.stock))!).out).toEqual(["earbuds", "sold-out-stand"]);
    expect(await servedIds()).not.toContain("earbuds");
    expect(JSON.parse((await env.KV.get(CONFIG_KEYS.rules))!).rules).toHaveLength(1);
  });

  it("past the full list's limit, the overlay lists only the changes against the stock the build saw", async () => {
    await env.DB.prepare("UPDATE products SET build_stock = CASE id WHEN 'sold-out-stand' THEN 0 ELSE 5 END, stock = CASE id WHEN 'charger' THEN 0 WHEN 'earbuds' THEN 0 ELSE 5 END").run();
    expect(await publishStock(env, 1_800_000_000, 1)).toBe(2);
    expect(JSON.parse((await env.KV.get(CONFIG_KEYS.stock))!)).toEqual({ version: 2, updated_at: 1_800_000_000, build: "stock-1", out: ["charger", "earbuds"], back: ["sold-out-stand"] });
    const served = await servedIds();
    expect(served).not.toContain("charger");
    expect(served).not.toContain("earbuds");
    expect(served[0]).toBe("sold-out-stand");
  });

  it("refuses bad batches with the field named", async () => {
    const negative = await setStock([{ id: "case", stock: -1 }]);
    expect([negative.status, negative.body.error?.field]).toEqual([400, "items[0].stock"]);
    const empty = await setStock([]);
    expect([empty.status, empty.body.error?.field]).toEqual([400, "items"]);
    const tooMany = await setStock(Array.from({ length: 1001 }, (_, i) => ({ id: `sku-${i}`, stock: 1 })));
    expect([tooMany.status, tooMany.body.error?.field]).toEqual([400, "items"]);
  });
});
