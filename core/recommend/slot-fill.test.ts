import { describe, expect, it } from "vitest";
import { shopServingData } from "../../test/fixtures/shop-build";
import type { MerchRule } from "../rules/merch-rule";
import { newSessionState, recordAnswer } from "../session/session-state";
import type { RecommendationRequest } from "../request-schema";
import type { RecommendationResponse } from "../recommendation-response";
import { type RecommendOptions, recommend } from "./recommend";
import { anchorIds, type ServingData } from "./serving-data";
import { DEFAULT_SLOT_PLANS, parseSlotPlansConfig, slotPlanSchema } from "./slot-plans";

const NOW = 1_790_000_000;

function serve(request: RecommendationRequest, options: Partial<RecommendOptions> = {}, extra: Partial<ServingData> = {}): RecommendationResponse {
  const { build } = shopServingData([]);
  return recommend(request, shopServingData(anchorIds(request, build), extra), { recId: "t", now: NOW, ...options });
}
const slot = (answer: RecommendationResponse, kind: string) => answer.slots.find((s) => s.kind === kind);
const ids = (answer: RecommendationResponse, kind: string) => slot(answer, kind)?.items.map((i) => i.id) ?? [];
const everything = (answer: RecommendationResponse) => answer.slots.flatMap((s) => s.items.map((i) => i.id));

function rule(partial: Partial<MerchRule> & Pick<MerchRule, "action" | "match">): MerchRule {
  return { id: 1, name: "r", placement: null, weight: null, starts_at: null, ends_at: null, enabled: true, ...partial } as MerchRule;
}

describe("restraint", () => {
  it("caps each slot at its plan's maximum whatever k asks", () => {
    const answer = serve({ placement: "product", product_id: "camera-a7", k: 50 });
    expect(slot(answer, "down_sell")!.items.length).toBeLessThanOrEqual(DEFAULT_SLOT_PLANS.product.slots[1].max);
    expect(answer.slots.length).toBeLessThanOrEqual(DEFAULT_SLOT_PLANS.product.max_slots);
  });

  it("never shows two items of one category in a cross-sell slot, even when the lists rank them high", () => {
    const answer = serve({ placement: "checkout", cart: ["phone-flagship", "phone-mid"], k: 10 });
    const items = ids(answer, "cross_sell");
    const { build } = shopServingData([]);
    const categories = items.map((id) => build!.meta.itemCategory[build!.index.get(id)!]);
    expect(new Set(categories).size).toBe(categories.length);
  });

  it("holds back a suggestion shown on three earlier pages of the session, not one shown twice", () => {
    const request: RecommendationRequest = { placement: "product", product_id: "phone-flagship" };
    let session = newSessionState(NOW);
    const first = serve(request, { session });
    expect(ids(first, "cross_sell")[0]).toBe("case-flagship");
    for (let page = 0; page < 2; page++) session = recordAnswer(session, request, serve(request, { session }));
    expect(ids(serve(request, { session }), "cross_sell")).toContain("case-flagship");
    session = recordAnswer(session, request, serve(request, { session }));
    const capped = serve(request, { session });
    expect(everything(capped)).not.toContain("case-flagship");
    expect(ids(capped, "cross_sell").length).toBeGreaterThan(0);
  });

  it("never suggests what the user owns", () => {
    const answer = serve({ placement: "checkout", cart: ["phone-flagship"], owned: ["case-flagship", "buds-pro"] });
    expect(everything(answer)).not.toContain("case-flagship");
    expect(everything(answer)).not.toContain("buds-pro");
    expect(ids(answer, "cross_sell")[0]).toBe("glass-flagship");
  });

  it("drops accessories that fit none of the shopper's devices, keeps those that fit one", () => {
    // The Pixel Pro's list ranks the Pixel A case; with the Pro's own case owned, only compatibility keeps it out.
    const pro = everything(serve({ placement: "checkout", cart: ["phone-flagship"], owned: ["case-flagship"], k: 10 }));
    expect(pro).not.toContain("case-mid");
    expect(pro).not.toContain("case-moto");
    expect(pro).toContain("glass-flagship");
    const both = everything(serve({ placement: "checkout", cart: ["phone-flagship", "phone-mid"], owned: ["case-flagship"], k: 10 }));
    expect(both).toContain("case-mid");
  });

  it("follows the stock overlay: listed items are out, restocked items come back", () => {
    const plain = serve({ placement: "checkout", cart: ["phone-flagship"], k: 10 });
    expect(everything(plain)).toContain("charger-fast");
    const overlay = { version: 1 as const, updated_at: NOW, out: ["charger-fast"] };
    const sold = serve({ placement: "checkout", cart: ["phone-flagship"], k: 10 }, {}, { stock: overlay });
    expect(everything(sold)).not.toContain("charger-fast");
    expect(everything(sold)).toContain("charger-sold-out");
  });

  it("applies merchandising rules per slot: exclude a brand, pin an item first", () => {
    const rules = {
      version: 1 as const,
      updated_at: NOW,
      rules: [rule({ id: 1, action: "exclude", match: { brand: "Belkin" } }), rule({ id: 2, action: "pin", match: { ids: ["buds-pro"] }, weight: 1 })],
    };
    const answer = serve({ placement: "checkout", cart: ["phone-flagship"] }, {}, { rules });
    expect(everything(answer)).not.toContain("glass-flagship");
    expect(ids(answer, "cross_sell")[0]).toBe("buds-pro");
    const expired = { ...rules, rules: rules.rules.map((r) => ({ ...r, ends_at: NOW - 1 })) };
    expect(ids(serve({ placement: "checkout", cart: ["phone-flagship"] }, {}, { rules: expired }), "cross_sell")[0]).toBe("case-flagship");
  });
});

describe("a variant's config", () => {
  const request: RecommendationRequest = { placement: "product", product_id: "phone-flagship", k: 4 };

  it("holdout: no slots, the variant echoed", () => {
    const answer = serve(request, { variant: "exp/holdout", config: { holdout: true } });
    expect(answer).toMatchObject({ variant: "exp/holdout", slots: [] });
  });

  it("slot_size, max_slots and copy", () => {
    const answer = serve(request, { config: { slot_size: 2, max_slots: 1, copy: { cross_sell: "Complete the look" } } });
    expect(answer.slots).toHaveLength(1);
    expect(answer.slots[0]).toMatchObject({ kind: "cross_sell", title: "Complete the look" });
    expect(answer.slots[0].items).toHaveLength(2);
  });

  it("down_sell_after_dwell_ms: the value pick waits for that much dwell on the product", () => {
    const config = { down_sell_after_dwell_ms: 20_000 };
    expect(slot(serve({ ...request, viewed: [{ id: "phone-flagship", dwell_ms: 5_000 }] }, { config }), "down_sell")).toBeUndefined();
    const answer = serve({ ...request, viewed: [{ id: "phone-flagship", dwell_ms: 25_000 }] }, { config });
    expect(answer.slots[0].kind).toBe("down_sell");
  });

  it("weights by reason code reorder candidates", () => {
    const plain = ids(serve({ placement: "checkout", cart: ["phone-flagship"] }), "cross_sell");
    const weighted = ids(serve({ placement: "checkout", cart: ["phone-flagship"] }, { config: { weights: { association: 3 } } }), "cross_sell");
    expect(plain[0]).toBe("case-flagship");
    expect(weighted[0]).toBe("charger-fast");
  });
});

describe("slot plans", () => {
  it("a configured plan replaces the default for its placement only", () => {
    const configured = parseSlotPlansConfig(
      JSON.stringify({ version: 1, plans: { product: { slots: [{ kind: "similar", source: "similar", title: "Compare", size: 3 }], max_slots: 1 } } }),
    );
    const product = serve({ placement: "product", product_id: "phone-flagship" }, {}, { slotPlans: configured });
    expect(product.slots.map((s) => [s.kind, s.title])).toEqual([["similar", "Compare"]]);
    const checkout = serve({ placement: "checkout", cart: ["phone-flagship"] }, {}, { slotPlans: configured });
    expect(checkout.slots[0].title).toBe("Complete your purchase");
  });

  it("an unreadable plan document counts as none, and the schema names what is wrong", () => {
    expect(parseSlotPlansConfig("{not json")).toBeNull();
    expect(parseSlotPlansConfig(JSON.stringify({ version: 2, plans: {} }))).toBeNull();
    const bad = slotPlanSchema.safeParse({ slots: [{ kind: "cross_sell", source: "telepathy", title: "x", size: 3 }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(["slots", 0, "source"]);
  });

  it("every default plan is valid under the schema an admin's plan must pass", () => {
    for (const plan of Object.values(DEFAULT_SLOT_PLANS)) expect(slotPlanSchema.safeParse(plan).success).toBe(true);
  });
});
