import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../../core/keys";
import { recommendationResponseSchema } from "../../worker/schemas/recommendation-response";
import { rulesShopBuild } from "../fixtures/rules-shop";
import { publishBuild } from "./publish-build";
import { ADMIN_JSON, post } from "./requests";

const RULES = "http://edge.test/v1/admin/rules";

async function served(body: Record<string, unknown> = { placement: "checkout", cart: ["phone"], k: 10 }) {
  const response = await exports.default.fetch("http://edge.test/v1/recommendations", post(body));
  expect(response.status).toBe(200);
  const answer = recommendationResponseSchema.parse(await response.json());
  return answer.slots.find((s) => s.kind === "cross_sell")?.items ?? [];
}
const ids = async (body?: Record<string, unknown>) => (await served(body)).map((i) => i.id);

async function createRule(rule: Record<string, unknown>): Promise<number> {
  const response = await exports.default.fetch(RULES, { method: "POST", headers: ADMIN_JSON, body: JSON.stringify({ name: "test rule", ...rule }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { rule: { id: number } }).rule.id;
}

/** What the shop serves with no rules: the phone's list in score order, without the Lightning cable (it does not fit). */
const BASELINE = ["case", "charger", "earbuds", "power-bank", "speaker"];

describe("merchandising rules change what the worker serves, without a rebuild", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, rulesShopBuild("rules-1"));
  });

  afterEach(async () => {
    const listed = (await (await exports.default.fetch(RULES, { headers: ADMIN_JSON })).json()) as { rules: Array<{ id: number }> };
    for (const rule of listed.rules) await exports.default.fetch(`${RULES}/${rule.id}`, { method: "DELETE", headers: ADMIN_JSON });
  });

  it("serves the co-purchase list minus what does not fit when no rule is set", async () => {
    expect(await ids()).toEqual(BASELINE);
    expect(await ids({ placement: "checkout", cart: ["phone", "old-phone"], k: 10 })).toContain("lightning-cable");
  });

  it("exclude removes exactly the matched items", async () => {
    await createRule({ action: "exclude", match: { brand: "volt" } });
    expect(await ids()).toEqual(["case", "earbuds", "speaker"]);
  });

  it("filter keeps exactly the matched items", async () => {
    await createRule({ action: "filter", match: { price_max: 60 } });
    expect(await ids()).toEqual(["case", "charger", "power-bank"]);
  });

  it("boost multiplies the matched items' scores and re-ranks", async () => {
    await createRule({ action: "boost", weight: 10, match: { category: "Speakers" } });
    const items = await served();
    expect(items.map((i) => i.id)).toEqual(["speaker", "case", "charger", "earbuds", "power-bank"]);
    expect(items[0].score).toBeCloseTo(4, 3);
  });

  it("bury moves the matched items below all others", async () => {
    await createRule({ action: "bury", match: { ids: ["case", "charger"] } });
    expect(await ids()).toEqual(["earbuds", "power-bank", "speaker", "case", "charger"]);
  });

  it("pin puts an item at its position, inserting it when it is no candidate; never a sold-out one", async () => {
    await createRule({ action: "pin", weight: 2, match: { ids: ["stand", "sold-out-stand"] } });
    const items = await served();
    expect(items.map((i) => i.id)).toEqual(["case", "stand", "charger", "earbuds", "power-bank", "speaker"]);
    expect(items[1].reason_code).toBe("pinned");
  });

  it("applies only in its placement and time window, and only while enabled", async () => {
    await createRule({ action: "exclude", placement: "cart", match: { ids: ["case"] } });
    const now = Math.floor(Date.now() / 1000);
    await createRule({ action: "exclude", match: { ids: ["charger"] }, starts_at: now + 3600 });
    await createRule({ action: "exclude", match: { ids: ["earbuds"] }, enabled: false });
    expect(await ids()).toEqual(BASELINE);
    expect(await ids({ placement: "cart", cart: ["phone"], k: 10 })).not.toContain("case");
  });

  it("an update and a delete take effect on the next request", async () => {
    const id = await createRule({ action: "exclude", match: { ids: ["speaker"] } });
    expect(await ids()).not.toContain("speaker");
    const put = await exports.default.fetch(`${RULES}/${id}`, { method: "PUT", headers: ADMIN_JSON, body: JSON.stringify({ name: "now a boost", action: "boost", weight: 20, match: { ids: ["speaker"] } }) });
    expect(put.status).toBe(200);
    expect((await ids())[0]).toBe("speaker");
    const removed = await exports.default.fetch(`${RULES}/${id}`, { method: "DELETE", headers: ADMIN_JSON });
    expect(((await removed.json()) as { published: number }).published).toBe(0);
    expect(await ids()).toEqual(BASELINE);
  });

  it("lists rules and publishes only the enabled, unfinished ones to cfg/rules", async () => {
    await createRule({ action: "exclude", match: { ids: ["speaker"] } });
    await createRule({ action: "bury", match: { ids: ["case"] }, enabled: false });
    const listed = (await (await exports.default.fetch(RULES, { headers: ADMIN_JSON })).json()) as { rules: Array<{ action: string; enabled: boolean }> };
    expect(listed.rules.map((r) => [r.action, r.enabled])).toEqual([["exclude", true], ["bury", false]]);
    const overlay = JSON.parse((await env.KV.get(CONFIG_KEYS.rules))!) as { rules: Array<{ action: string }> };
    expect(overlay.rules.map((r) => r.action)).toEqual(["exclude"]);
  });
});
