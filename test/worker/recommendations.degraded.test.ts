import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { CONFIG_KEYS, itemKey, LIVE_POINTER_KEY, metaKey } from "../../core/keys";
import { servingStore } from "../../worker/storage/serving-store-instance";
import { tinyBuild } from "../fixtures/tiny-build";
import { shopBuild } from "../fixtures/shop-build";
import { publishBuild } from "./publish-build";
import { post } from "./requests";

interface Answer {
  build?: string;
  degraded?: boolean;
  slots: Array<{ kind: string; items: Array<{ id: string; reason_code: string }> }>;
}

async function ask(body: Record<string, unknown>): Promise<Answer> {
  const response = await exports.default.fetch("http://edge.test/v1/recommendations", post(body));
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}
const checkout = (cart: string[], k = 3) => ask({ placement: "checkout", cart, k });

describe("faults degrade the answer instead of failing it", () => {
  beforeEach(() => {
    servingStore(env).clear();
  });

  it("no live pointer and nothing served before: 200, degraded, no slots", async () => {
    await env.KV.delete(LIVE_POINTER_KEY);
    const answer = await checkout(["phone-a"]);
    expect(answer.degraded).toBe(true);
    expect(answer.slots).toEqual([]);
  });

  it("missing item blob: 200, degraded, popular items fill the slot", async () => {
    await publishBuild(env.KV, tinyBuild("missing-item"));
    await env.KV.delete(itemKey("missing-item", "phone-a"));
    const answer = await checkout(["phone-a"]);
    expect(answer.degraded).toBe(true);
    expect(answer.slots[0].items.map((i) => i.reason_code)).toEqual(["popular", "popular", "popular"]);
  });

  it("corrupt item blob: 200, degraded", async () => {
    await publishBuild(env.KV, tinyBuild("corrupt-item"));
    const good = (await env.KV.get(itemKey("corrupt-item", "phone-b")))!;
    await env.KV.put(itemKey("corrupt-item", "phone-b"), `${good.slice(0, 8)}AAAA${good.slice(12)}`);
    const answer = await checkout(["phone-b"]);
    expect(answer.degraded).toBe(true);
    expect(answer.slots[0].items.length).toBeGreaterThan(0);
  });

  it("missing meta blob with nothing served before: 200, degraded", async () => {
    await publishBuild(env.KV, tinyBuild("missing-meta"));
    await env.KV.delete(metaKey("missing-meta"));
    const answer = await checkout(["phone-a"]);
    expect(answer.degraded).toBe(true);
  });

  it("missing item blob on a catalogue build: the category rules answer first (fitting accessories of the complement categories)", async () => {
    await publishBuild(env.KV, shopBuild("shop-missing-item"));
    await env.KV.delete(itemKey("shop-missing-item", "phone-flagship"));
    const answer = await checkout(["phone-flagship"], 4);
    expect(answer.degraded).toBe(true);
    const slot = answer.slots[0];
    expect(slot.items.map((i) => i.reason_code)).toEqual(["category_complement", "category_complement", "category_complement", "category_complement"]);
    // Cases attach most to phones; of the shop's cases only the Pixel Pro's fits the cart.
    expect(slot.items[0].id).toBe("case-flagship");
  });

  it("pointer deleted after a build served: the last good build answers, marked degraded", async () => {
    await publishBuild(env.KV, shopBuild("shop-last-good"));
    const healthy = await checkout(["phone-flagship"]);
    expect(healthy.degraded).toBeUndefined();
    await env.KV.delete(LIVE_POINTER_KEY);
    const answer = await checkout(["phone-flagship"]);
    expect(answer).toMatchObject({ build: "shop-last-good", degraded: true });
    expect(answer.slots[0].items.map((i) => i.id)).toEqual(healthy.slots[0].items.map((i) => i.id));
  });

  it("pointer to a build whose meta blob is corrupt: the last good build answers, marked degraded", async () => {
    await publishBuild(env.KV, shopBuild("shop-good"));
    await checkout(["camera-a7"]);
    await publishBuild(env.KV, shopBuild("shop-broken"));
    await env.KV.put(metaKey("shop-broken"), "AAAA");
    const answer = await checkout(["camera-a7"]);
    expect(answer).toMatchObject({ build: "shop-good", degraded: true });
    expect(answer.slots[0].items[0].id).toBe("card-sd");
  });

  it("an unreadable slot-plans document: the default plans serve, not degraded", async () => {
    await publishBuild(env.KV, shopBuild("shop-bad-plans"));
    await env.KV.put(CONFIG_KEYS.slotPlans, "{ not json");
    const answer = await ask({ placement: "product", product_id: "phone-flagship" });
    expect(answer.degraded).toBeUndefined();
    expect(answer.slots.map((s) => s.kind)).toEqual(["cross_sell", "similar", "down_sell"]);
    await env.KV.delete(CONFIG_KEYS.slotPlans);
  });
});
