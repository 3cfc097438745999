import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { itemKey, LIVE_POINTER_KEY, metaKey } from "../../core/keys";
import { post, publishTinyBuild } from "./tiny-build";

async function checkout(cart: string[]) {
  const response = await exports.default.fetch("http://edge.test/v1/recommendations", post({ placement: "checkout", cart, k: 3 }));
  expect(response.status).toBe(200);
  return (await response.json()) as { degraded?: boolean; slots: Array<{ items: Array<{ id: string; reason_code: string }> }> };
}

describe("faults degrade the answer instead of failing it", () => {
  it("no live pointer: 200, degraded, no slots", async () => {
    await env.KV.delete(LIVE_POINTER_KEY);
    const answer = await checkout(["phone-a"]);
    expect(answer.degraded).toBe(true);
    expect(answer.slots).toEqual([]);
  });

  it("missing item blob: 200, degraded, popular items fill the slot", async () => {
    await publishTinyBuild(env.KV, "missing-item");
    await env.KV.delete(itemKey("missing-item", "phone-a"));
    const answer = await checkout(["phone-a"]);
    expect(answer.degraded).toBe(true);
    expect(answer.slots[0].items.map((i) => i.reason_code)).toEqual(["popular", "popular", "popular"]);
  });

  it("corrupt item blob: 200, degraded", async () => {
    await publishTinyBuild(env.KV, "corrupt-item");
    const good = (await env.KV.get(itemKey("corrupt-item", "phone-b")))!;
    await env.KV.put(itemKey("corrupt-item", "phone-b"), `${good.slice(0, 8)}AAAA${good.slice(12)}`);
    const answer = await checkout(["phone-b"]);
    expect(answer.degraded).toBe(true);
    expect(answer.slots[0].items.length).toBeGreaterThan(0);
  });

  it("missing meta blob: 200, degraded", async () => {
    await publishTinyBuild(env.KV, "missing-meta");
    await env.KV.delete(metaKey("missing-meta"));
    const answer = await checkout(["phone-a"]);
    expect(answer.degraded).toBe(true);
  });
});
