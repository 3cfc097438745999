import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../../core/keys";
import { DEFAULT_SLOT_PLANS } from "../../core/recommend/slot-plans";
import { shopBuild } from "../fixtures/shop-build";
import { publishBuild } from "./publish-build";
import { ADMIN_JSON, post } from "./requests";

const BASE = "http://edge.test/v1/admin/slot-plans";
const put = (placement: string, body: unknown) => exports.default.fetch(`${BASE}/${placement}`, { method: "PUT", headers: ADMIN_JSON, body: JSON.stringify(body) });

const comparePlan = {
  slots: [
    { kind: "similar", source: "similar", title: "Compare with", size: 3 },
    { kind: "cross_sell", source: "accessories", title: "Goes with {anchor}", size: 2, priority: 0.5 },
  ],
  max_slots: 2,
};

describe("slot plans: D1, published to KV, read by the edge", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, shopBuild("shop-plans"));
  });

  it("lists the default plan of every placement before anything is configured", async () => {
    const body = (await (await exports.default.fetch(BASE, { headers: ADMIN_JSON })).json()) as { plans: Record<string, unknown>; configured: string[] };
    expect(body.configured).toEqual([]);
    expect(body.plans).toEqual(JSON.parse(JSON.stringify(DEFAULT_SLOT_PLANS)));
  });

  it("400 naming the field for an invalid plan, and for an unknown placement", async () => {
    const bad = await put("product", { slots: [{ kind: "similar", source: "mind-reading", title: "x", size: 3 }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("slots[0].source");
    const unknown = await put("sidebar", comparePlan);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe("placement");
  });

  it("a stored plan goes to D1 and KV, and the next product answer follows it; DELETE restores the default", async () => {
    const stored = await put("product", comparePlan);
    expect(stored.status).toBe(200);
    const row = await env.DB.prepare("SELECT plan FROM slot_plans WHERE placement = 'product'").first<{ plan: string }>();
    expect(JSON.parse(row!.plan).slots[0].title).toBe("Compare with");
    const published = JSON.parse((await env.KV.get(CONFIG_KEYS.slotPlans))!);
    expect(published).toMatchObject({ version: 1, plans: { product: { max_slots: 2 } } });

    const answer = (await (await exports.default.fetch("http://edge.test/v1/recommendations", post({ placement: "product", product_id: "phone-flagship" }))).json()) as { slots: Array<{ kind: string; title: string }> };
    expect(answer.slots.map((s) => [s.kind, s.title])).toEqual([["similar", "Compare with"], ["cross_sell", "Goes with Pixel Pro"]]);

    const removed = await exports.default.fetch(`${BASE}/product`, { method: "DELETE", headers: ADMIN_JSON });
    expect(removed.status).toBe(200);
    expect(JSON.parse((await env.KV.get(CONFIG_KEYS.slotPlans))!).plans).toEqual({});
    const after = (await (await exports.default.fetch("http://edge.test/v1/recommendations", post({ placement: "product", product_id: "phone-flagship" }))).json()) as { slots: Array<{ kind: string }> };
    expect(after.slots.map((s) => s.kind)).toEqual(["cross_sell", "similar", "down_sell"]);
  });
});
