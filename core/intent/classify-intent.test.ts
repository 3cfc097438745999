import { describe, expect, it } from "vitest";
import { shopServingData } from "../../test/fixtures/shop-build";
import { recommend } from "../recommend/recommend";
import { anchorIds } from "../recommend/serving-data";
import type { RecommendationRequest } from "../request-schema";
import { classifyIntent, INTENT_RULE } from "./classify-intent";

const { build } = shopServingData([]);
const read = (request: Omit<RecommendationRequest, "placement">, placement: RecommendationRequest["placement"] = "product") => classifyIntent({ placement, ...request }, build!);
const slotOrder = (request: RecommendationRequest) =>
  recommend(request, shopServingData(anchorIds(request, build)), { recId: "t" }).slots.map((s) => s.kind);

describe("the intent rule, in order", () => {
  it("1. hesitation: 30 s or more on an item at or above its category's median price, not carted -> price_sensitive", () => {
    const reading = read({ product_id: "phone-flagship", viewed: [{ id: "phone-flagship", dwell_ms: 45_000 }] });
    expect(reading).toMatchObject({ intent: "price_sensitive", rule: "hesitation", hesitation: { id: "phone-flagship", dwellMs: 45_000 } });
  });

  it("is not hesitation when the dwell is short, the item cheap for its category, or already in the cart", () => {
    expect(read({ viewed: [{ id: "phone-flagship", dwell_ms: INTENT_RULE.hesitationDwellMs - 1 }] }).rule).not.toBe("hesitation");
    expect(read({ viewed: [{ id: "phone-budget", dwell_ms: 90_000 }] }).rule).not.toBe("hesitation");
    expect(read({ cart: ["phone-flagship"], viewed: [{ id: "phone-flagship", dwell_ms: 90_000 }] }, "cart").rule).toBe("cart");
  });

  it("picks the longest qualifying dwell, and honours a variant's dwell threshold", () => {
    const viewed = [{ id: "phone-flagship", dwell_ms: 40_000 }, { id: "camera-a7", dwell_ms: 70_000 }];
    expect(read({ viewed }).hesitation?.id).toBe("camera-a7");
    expect(classifyIntent({ placement: "product", viewed }, build!, { hesitationDwellMs: 80_000 }).rule).not.toBe("hesitation");
  });

  it("2. price signals: ascending price sort, a price cap, or a price word in the query -> price_sensitive", () => {
    expect(read({ price_sort: "asc" }).rule).toBe("price_signal");
    expect(read({ price_max: 500 }).rule).toBe("price_signal");
    expect(read({ query: "cheap gaming monitor" }, "listing").rule).toBe("price_signal");
    expect(read({ price_sort: "desc" }).intent).toBe("decisive");
  });

  it("3. something in the cart -> decisive", () => {
    expect(read({ cart: ["case-flagship"], viewed: [{ id: "a" }, { id: "b" }, { id: "c" }] }, "cart")).toMatchObject({ intent: "decisive", rule: "cart" });
  });

  it("4. comparing: a query, three items viewed, or two of one category -> exploring", () => {
    expect(read({ query: "earbuds" }, "listing").intent).toBe("exploring");
    expect(read({ viewed: [{ id: "buds-pro" }, { id: "mouse-g" }, { id: "card-sd" }] }).intent).toBe("exploring");
    expect(read({ product_id: "phone-mid", viewed: [{ id: "phone-budget" }] }).intent).toBe("exploring");
  });

  it("5. otherwise a direct visit -> decisive", () => {
    expect(read({ product_id: "phone-mid" })).toMatchObject({ intent: "decisive", rule: "direct" });
  });
});

describe("intent moves slots", () => {
  it("a hesitation session gets the down-sell slot first", () => {
    expect(slotOrder({ placement: "product", product_id: "phone-flagship", viewed: [{ id: "phone-flagship", dwell_ms: 95_000 }] })[0]).toBe("down_sell");
  });

  it("a decisive session gets accessories first and the down-sell last", () => {
    const order = slotOrder({ placement: "product", product_id: "phone-flagship" });
    expect(order[0]).toBe("cross_sell");
    expect(order.at(-1)).toBe("down_sell");
  });

  it("a comparing session gets similar items first", () => {
    expect(slotOrder({ placement: "product", product_id: "phone-flagship", viewed: [{ id: "phone-mid", dwell_ms: 4_000 }] })[0]).toBe("similar");
  });

  it("on home, hesitation over a browsed item brings the deals forward", () => {
    const hesitating = slotOrder({ placement: "home", owned: ["phone-mid"], viewed: [{ id: "monitor-g7", dwell_ms: 60_000 }] });
    const decisive = slotOrder({ placement: "home", owned: ["phone-mid"], viewed: [{ id: "monitor-g7", dwell_ms: 2_000 }] });
    expect(hesitating[0]).toBe("down_sell");
    expect(decisive[0]).toBe("cross_sell");
  });
});
