import { describe, expect, it } from "vitest";
import { shopServingData } from "../../test/fixtures/shop-build";
import { ItemFlag } from "../blob/meta-blob";
import type { RecommendationRequest } from "../request-schema";
import type { RecommendationResponse } from "../recommendation-response";
import { type RecommendOptions, recommend } from "./recommend";
import { anchorIds, type ServingData } from "./serving-data";

function serve(request: RecommendationRequest, options: Partial<RecommendOptions> = {}, extra: Partial<ServingData> = {}): RecommendationResponse {
  const { build } = shopServingData([]);
  return recommend(request, shopServingData(anchorIds(request, build), extra), { recId: "t", ...options });
}

const ids = (answer: RecommendationResponse, kind: string) => answer.slots.find((s) => s.kind === kind)?.items.map((i) => i.id) ?? [];
const kinds = (answer: RecommendationResponse) => answer.slots.map((s) => s.kind);

describe("checkout: cross-sell for the whole cart, then a bundle", () => {
  it("suggests what fits the phone, one per category, never the cart item or a case for another phone", () => {
    const answer = serve({ placement: "checkout", cart: ["phone-flagship"] });
    expect(kinds(answer)).toEqual(["cross_sell", "bundle"]);
    expect(answer.slots[0].title).toBe("Complete your purchase");
    expect(ids(answer, "cross_sell").slice(0, 4)).toEqual(["case-flagship", "glass-flagship", "charger-fast", "buds-pro"]);
    expect(ids(answer, "cross_sell")).not.toContain("case-mid");
    expect(ids(answer, "cross_sell")).not.toContain("phone-flagship");
    // nothing of a category the cart already holds: the Pro's list ranks the Pixel A, the slot does not
    expect(ids(serve({ placement: "checkout", cart: ["phone-flagship"], k: 20 }), "cross_sell")).not.toContain("phone-mid");
    expect(answer.slots[0].items[0]).toMatchObject({ reason: "Fits Pixel Pro", reason_code: "compatible" });
  });

  it("serves the build's fitted policy: the cart's category is left out only where it is one per order", () => {
    const withPolicy = (exclusive: (category: string) => boolean) => {
      const data = shopServingData(["phone-flagship"]);
      const categories = data.build!.meta.categories;
      data.build!.meta.crossSellPolicy = { valueWeighting: false, cartPerCategory: 0, essentialAttach: 0, exclusive: Uint8Array.from(categories, (c) => (exclusive(c) ? 1 : 0)) };
      return ids(recommend({ placement: "checkout", cart: ["phone-flagship"], k: 20 }, data, { recId: "t" }), "cross_sell");
    };
    expect(withPolicy((c) => c.endsWith("Smartphones"))).not.toContain("phone-mid");
    expect(withPolicy(() => false)).toContain("phone-mid");
    // Without a limit per category, two items of one category may share the slot.
    const slot = withPolicy(() => false);
    const categoryOf = (id: string) => shopServingData([]).build!.meta.itemCategory[shopServingData([]).build!.index.get(id)!];
    expect(new Set(slot.map(categoryOf)).size).toBeLessThan(slot.length);
  });

  it("offers the bundle holding a cart item, with its discount, repeating cross-sell items", () => {
    const answer = serve({ placement: "checkout", cart: ["phone-flagship"] });
    const bundle = answer.slots.find((s) => s.kind === "bundle")!;
    expect(bundle.title).toBe("Pixel Pro essentials");
    expect(bundle.discount_pct).toBe(5);
    expect(bundle.items.map((i) => i.id)).toEqual(["case-flagship", "glass-flagship"]);
    expect(bundle.items[0].reason_code).toBe("bundle");
  });

  it("weights cart items by value: the camera's accessories lead a card-and-camera cart", () => {
    const answer = serve({ placement: "checkout", cart: ["camera-a6", "buds-pro"], k: 2 });
    expect(ids(answer, "cross_sell")).toEqual(["card-sd", "bag-cam"]);
  });

  it("weights cart items by how recently the session looked at them", () => {
    const cart = ["phone-mid", "monitor-g7"];
    const phoneLast = serve({ placement: "checkout", cart, k: 1, viewed: [{ id: "monitor-g7" }, { id: "phone-mid" }] });
    const monitorLast = serve({ placement: "checkout", cart, k: 1, viewed: [{ id: "phone-mid" }, { id: "monitor-g7" }] });
    expect(ids(phoneLast, "cross_sell")).toEqual(["case-mid"]);
    expect(ids(monitorLast, "cross_sell")).toEqual(["gpu-high"]);
  });

  it("completes missing essentials in place of a weaker non-essential category", () => {
    const answer = serve({ placement: "checkout", cart: ["phone-mid", "monitor-g7"], k: 4 });
    const slot = ids(answer, "cross_sell");
    expect(slot).toContain("charger-fast");
    expect(slot).not.toContain("board-z890");
    expect(slot.slice(0, 3).sort()).toEqual(["case-mid", "glass-mid", "gpu-high"]);
  });

  it("cart placement answers the same way under its own title", () => {
    const answer = serve({ placement: "cart", cart: ["camera-a7"] });
    expect(answer.slots[0]).toMatchObject({ kind: "cross_sell", title: "Frequently bought together" });
    expect(ids(answer, "cross_sell").slice(0, 2)).toEqual(["card-sd", "bag-cam"]);
    expect(answer.slots.find((s) => s.kind === "bundle")?.title).toBe("Camera starter kit");
  });
});

describe("product: accessories, a value pick, similar items", () => {
  it("answers all three slots, accessories first for a direct visit", () => {
    const answer = serve({ placement: "product", product_id: "phone-flagship" });
    expect(answer.intent).toBe("decisive");
    expect(kinds(answer)).toEqual(["cross_sell", "similar", "down_sell"]);
    expect(answer.slots[0].title).toBe("Accessories for Pixel Pro");
    expect(ids(answer, "cross_sell")).not.toContain("phone-mid");
    // value pick by the category rule: same category, 45-85 % of 1,200, best sellers first
    expect(ids(answer, "down_sell")).toEqual(["phone-mid", "phone-clearance"]);
    expect(answer.slots.find((s) => s.kind === "down_sell")!.items[0].reason).toBe("A lower-priced alternative to Pixel Pro");
    expect(ids(answer, "similar")).toEqual(["phone-new"]);
  });

  it("offers no price-band value pick for an item whose specs the build compared and found nothing close to", () => {
    const data = shopServingData(["phone-flagship"]);
    const flagship = data.build!.index.get("phone-flagship")!;
    data.build!.meta.flags[flagship] |= ItemFlag.SPEC_LADDER;
    const answer = recommend({ placement: "product", product_id: "phone-flagship" }, data, { recId: "t" });
    expect(ids(answer, "down_sell")).toEqual([]);
    expect(ids(answer, "cross_sell").length).toBeGreaterThan(0);
  });

  it("uses the build's down-sell list where the item has one", () => {
    const answer = serve({ placement: "product", product_id: "camera-a7" });
    expect(answer.slots.find((s) => s.kind === "down_sell")!.items[0]).toMatchObject({ id: "camera-a6", reason: "Costs less than Alpha 7 IV", reason_code: "down_sell" });
  });

  it("serves accessories by category rule for a new item without lists", () => {
    const answer = serve({ placement: "product", product_id: "phone-new" });
    const slot = answer.slots.find((s) => s.kind === "cross_sell")!;
    expect(slot.items.length).toBeGreaterThan(0);
    expect(slot.items[0].reason_code).toBe("category_complement");
    expect(answer.degraded).toBeUndefined();
  });
});

describe("listing: scenario cross-sell for the browsed category", () => {
  it("completes the setup around gaming monitors, never another monitor nor a device of another category, then the category's best sellers", () => {
    const answer = serve({ placement: "listing", category: "Gaming Monitors" });
    expect(kinds(answer)).toEqual(["scenario", "popular"]);
    // the monitors' lists also hold graphics cards: devices of their own, not accessories of a monitor
    expect(ids(answer, "scenario")).toEqual(["mouse-g", "board-z890"]);
    expect(answer.slots[1].title).toBe("Popular in Gaming Monitors");
    expect(ids(answer, "popular")).toEqual(["monitor-g5", "monitor-g7", "monitor-clear"]);
  });

  it("finds the category from a slug id or a search query", () => {
    const bySlug = serve({ placement: "listing", category: "computers/monitors/gaming-monitors" });
    const byQuery = serve({ placement: "listing", query: "gaming monitor 27" });
    expect(ids(bySlug, "scenario")).toEqual(["mouse-g", "board-z890"]);
    expect(ids(byQuery, "scenario")).toEqual(["mouse-g", "board-z890"]);
    expect(ids(byQuery, "popular")).toEqual(["monitor-g5", "monitor-g7"]);
  });
});

describe("home: a personal mix", () => {
  it("upgrades and accessories for what the user owns, deals on what they browsed; owned items never shown", () => {
    const answer = serve({ placement: "home", owned: ["phone-mid"], viewed: [{ id: "monitor-g7", dwell_ms: 5_000 }] });
    expect(kinds(answer)).toEqual(["cross_sell", "upgrade", "down_sell"]);
    expect(answer.slots[0].title).toBe("For your Pixel A");
    expect(ids(answer, "cross_sell")).toEqual(["case-mid", "glass-mid", "charger-fast", "buds-lite"]);
    expect(answer.slots[1].title).toBe("Upgrade your Pixel A");
    // one per brand: the new Pixel Ultra (new launches first) stands for Google
    expect(ids(answer, "upgrade")).toEqual(["phone-new"]);
    expect(answer.slots[1].items[0].reason_code).toBe("upgrade");
    const deals = answer.slots[2].items;
    expect(deals.map((i) => i.id)).toEqual(["monitor-clear", "monitor-g5"]);
    expect(deals[0].reason).toBe("On clearance, and cheaper than Odyssey G7 27");
    expect(answer.slots.flatMap((s) => s.items.map((i) => i.id))).not.toContain("phone-mid");
  });

  it("with nothing known, shows what is popular", () => {
    const answer = serve({ placement: "home" });
    expect(kinds(answer)).toEqual(["popular"]);
    expect(ids(answer, "popular")[0]).toBe("phone-budget");
  });
});
