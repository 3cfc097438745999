import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { recommendationResponseSchema } from "../../worker/schemas/recommendation-response";
import { tinyBuild } from "../fixtures/tiny-build";
import { publishBuild } from "./publish-build";
import { post } from "./requests";

const URL = "http://edge.test/v1/recommendations";

async function recommend(body: unknown) {
  const response = await exports.default.fetch(URL, post(body));
  expect(response.status).toBe(200);
  return recommendationResponseSchema.parse(await response.json());
}

describe("POST /v1/recommendations on a published build", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, tinyBuild("happy-1"));
  });

  it("answers a checkout cross_sell slot for the cart from the item's list, with reasons", async () => {
    const answer = await recommend({ placement: "checkout", cart: ["phone-a"], k: 3 });
    expect(answer.build).toBe("happy-1");
    expect(answer.degraded).toBeUndefined();
    const slot = answer.slots.find((s) => s.kind === "cross_sell");
    expect(slot?.items[0]).toMatchObject({ id: "case-a", reason: "Fits Phone A", reason_code: "compatible" });
    expect(slot?.items.map((i) => i.id)).toEqual(["case-a", "charger", "cable"]);
  });

  it("never shows out-of-stock items or items already in the cart", async () => {
    const answer = await recommend({ placement: "checkout", cart: ["phone-a", "charger"], k: 10 });
    const ids = answer.slots.flatMap((s) => s.items.map((i) => i.id));
    expect(ids).not.toContain("sold-out");
    expect(ids).not.toContain("charger");
    expect(ids).not.toContain("phone-a");
  });

  it("merges the lists of every cart item, one item per category", async () => {
    const answer = await recommend({ placement: "cart", cart: ["phone-a", "phone-b"], k: 4 });
    const ids = answer.slots[0].items.map((i) => i.id);
    // case-a (phone-a's list) outranks case-b (phone-b's): the dearer phone weighs sqrt(900 / 671) = 1.16 against 0.86
    expect(ids).toEqual(["case-a", "charger", "cable"]);
    expect(answer.slots[0].items.find((i) => i.id === "cable")?.reason).toBe("Bought with Phone B");
  });

  it("gives every answer its own rec_id", async () => {
    const a = await recommend({ placement: "checkout", cart: ["phone-a"] });
    const b = await recommend({ placement: "checkout", cart: ["phone-a"] });
    expect(a.rec_id).not.toBe(b.rec_id);
  });

  it("reports the live build at /healthz", async () => {
    const response = await exports.default.fetch("http://edge.test/healthz");
    expect(await response.json()).toEqual({ status: "ok", build: "happy-1" });
  });

  it("serves an OpenAPI document that describes the route", async () => {
    const response = await exports.default.fetch("http://edge.test/openapi.json");
    const doc = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/recommendations", "/healthz"]));
  });
});
