import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { recommendationResponseSchema } from "../../worker/schemas/recommendation-response";
import { shopBuild } from "../fixtures/shop-build";
import { publishBuild } from "./publish-build";
import { post } from "./requests";

const URL = "http://edge.test/v1/recommendations";

async function recommend(body: unknown) {
  const response = await exports.default.fetch(URL, post(body));
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return recommendationResponseSchema.parse(await response.json());
}
const slotIds = (answer: { slots: Array<{ kind: string; items: Array<{ id: string }> }> }, kind: string) =>
  answer.slots.find((s) => s.kind === kind)?.items.map((i) => i.id) ?? [];

describe("every placement on the demo-like shop, through the worker", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, shopBuild("shop-placements"));
  });

  it("checkout: fitting accessories for the cart, then the bundle holding it", async () => {
    const answer = await recommend({ placement: "checkout", cart: ["phone-flagship"] });
    expect(answer.build).toBe("shop-placements");
    expect(answer.slots.map((s) => s.kind)).toEqual(["cross_sell", "bundle"]);
    expect(slotIds(answer, "cross_sell").slice(0, 3)).toEqual(["case-flagship", "glass-flagship", "charger-fast"]);
    expect(answer.slots[1]).toMatchObject({ title: "Pixel Pro essentials", discount_pct: 5 });
  });

  it("cart: the same strong cross-sell under its own title", async () => {
    const answer = await recommend({ placement: "cart", cart: ["camera-a7", "buds-pro"] });
    expect(answer.slots[0]).toMatchObject({ kind: "cross_sell", title: "Frequently bought together" });
    expect(slotIds(answer, "cross_sell").slice(0, 2)).toEqual(["card-sd", "bag-cam"]);
  });

  it("product: accessories, similar, value pick; a hesitation flips the value pick to the front", async () => {
    const decisive = await recommend({ placement: "product", product_id: "phone-flagship" });
    expect(decisive.intent).toBe("decisive");
    expect(decisive.slots.map((s) => s.kind)).toEqual(["cross_sell", "similar", "down_sell"]);
    const hesitating = await recommend({ placement: "product", product_id: "phone-flagship", viewed: [{ id: "phone-flagship", dwell_ms: 95_000 }] });
    expect(hesitating.intent).toBe("price_sensitive");
    expect(hesitating.slots[0].kind).toBe("down_sell");
    expect(slotIds(hesitating, "down_sell")[0]).toBe("phone-mid");
  });

  it("listing: the setup around the browsed category, then its best sellers", async () => {
    const answer = await recommend({ placement: "listing", category: "Gaming Monitors" });
    expect(answer.slots.map((s) => s.kind)).toEqual(["scenario", "popular"]);
    expect(slotIds(answer, "scenario")).toEqual(["mouse-g", "board-z890"]);
  });

  it("home: for what the user owns, upgrades, deals on what they browsed", async () => {
    const answer = await recommend({ placement: "home", user_id: "u1", owned: ["phone-mid"], viewed: [{ id: "monitor-g7", dwell_ms: 3_000 }] });
    expect(answer.slots.map((s) => s.kind)).toEqual(["cross_sell", "upgrade", "down_sell"]);
    expect(slotIds(answer, "upgrade")[0]).toBe("phone-new");
    expect(slotIds(answer, "down_sell")[0]).toBe("monitor-clear");
  });
});

describe("the session token", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, shopBuild("shop-session"));
  });

  it("comes back with every answer, carries the views, and caps a suggestion after three pages", async () => {
    const first = await recommend({ placement: "product", product_id: "phone-flagship", viewed: [{ id: "phone-flagship", dwell_ms: 4_000 }] });
    expect(first.session_token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(slotIds(first, "cross_sell")[0]).toBe("case-flagship");
    // The next page sends only the token: the remembered view of the Pixel Pro makes "phone-mid" a comparison.
    let token = first.session_token!;
    const second = await recommend({ placement: "product", product_id: "phone-mid", session_token: token });
    expect(second.intent).toBe("exploring");
    token = second.session_token!;
    for (let page = 3; page <= 4; page++) {
      const again = await recommend({ placement: "product", product_id: "phone-flagship", session_token: token });
      expect(slotIds(again, "cross_sell")).toContain("case-flagship");
      token = again.session_token!;
    }
    // Shown on pages 1, 3 and 4: held back on page 5, and the slot still fills.
    const fifth = await recommend({ placement: "product", product_id: "phone-flagship", session_token: token });
    expect(slotIds(fifth, "cross_sell")).not.toContain("case-flagship");
    expect(slotIds(fifth, "cross_sell").length).toBeGreaterThan(0);
  });

  it("remembers a long dwell across pages: the home page then leads with deals", async () => {
    const product = await recommend({ placement: "product", product_id: "monitor-g7", viewed: [{ id: "monitor-g7", dwell_ms: 80_000 }] });
    const home = await recommend({ placement: "home", session_token: product.session_token });
    expect(home.intent).toBe("price_sensitive");
    expect(home.slots[0].kind).toBe("down_sell");
  });

  it("a forged or foreign token starts a new session instead of failing; a malformed one is a 400 naming the field", async () => {
    const first = await recommend({ placement: "product", product_id: "monitor-g7", viewed: [{ id: "monitor-g7", dwell_ms: 80_000 }] });
    const [payload, tag] = first.session_token!.split(".");
    const forged = `${payload}.${tag.startsWith("A") ? "B" : "A"}${tag.slice(1)}`;
    const home = await recommend({ placement: "home", session_token: forged });
    expect(home.intent).toBe("decisive");
    expect(home.session_token).not.toBe(forged);
    const bad = await exports.default.fetch(URL, post({ placement: "home", session_token: "not a token" }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("session_token");
  });
});
