import { describe, expect, it } from "vitest";
import { ItemFlag } from "../blob/meta-blob";
import { compileRules } from "./apply-rules";
import { type MerchRule, ruleInputSchema } from "./merch-rule";
import { activeRules, parseRulesOverlay, rulesOverlay } from "./rules-overlay";

const ids = ["phone", "case-a", "case-b", "charger", "cable", "earbuds", "clear-case"];
const index = new Map(ids.map((id, i) => [id, i]));
const meta = {
  categories: ["Phones > Smartphones", "Phones > Accessories > Cases", "Phones > Accessories > Chargers", "Audio > Earbuds"],
  itemCategory: Int32Array.of(0, 1, 1, 2, 2, 3, 1),
  brands: ["Samsung", "Spigen", "Anker"],
  itemBrand: Int32Array.of(0, 1, 0, 2, 2, 0, 1),
  prices: Float32Array.of(899, 20, 35, 40, 15, 150, 12),
  flags: Uint8Array.of(0, 0, 0, 0, 0, ItemFlag.NEW, ItemFlag.CLEARANCE),
};
const units = [10, 100, 5, 50, 0, 7, 300];
const stock = (item: number) => units[item];

let nextId = 1;
function rule(fields: Record<string, unknown>): MerchRule {
  const input = ruleInputSchema.parse({ name: "r", ...fields });
  return { id: nextId++, ...input };
}

const ranked = () => [
  { item: 1, score: 0.9 },
  { item: 3, score: 0.8 },
  { item: 2, score: 0.5 },
  { item: 5, score: 0.3 },
  { item: 6, score: 0.1 },
];
const order = (list: Array<{ item: number }>) => list.map((e) => ids[e.item]);

describe("merchandising rules on a slot", () => {
  const now = 1_800_000_000;

  it("exclude removes exactly the matched items", () => {
    const slot = compileRules([rule({ action: "exclude", match: { brand: "spigen" } })], meta, index).forSlot("product", "cross_sell", now);
    expect(ranked().filter((e) => slot.allows(e.item, stock)).map((e) => ids[e.item])).toEqual(["charger", "case-b", "earbuds"]);
  });

  it("filter keeps exactly the matched items (category prefix, price range)", () => {
    const slot = compileRules([rule({ action: "filter", match: { category: "Phones > Accessories", price_max: 30 } })], meta, index).forSlot("checkout", "cross_sell", now);
    expect(ranked().filter((e) => slot.allows(e.item, stock)).map((e) => ids[e.item])).toEqual(["case-a", "clear-case"]);
  });

  it("boost multiplies the matched scores and re-ranks", () => {
    const slot = compileRules([rule({ action: "boost", weight: 4, match: { category: "Earbuds" } })], meta, index).forSlot("product", "cross_sell", now);
    const out = slot.rerank(ranked(), stock);
    expect(order(out)).toEqual(["earbuds", "case-a", "charger", "case-b", "clear-case"]);
    expect(out[0].score).toBeCloseTo(1.2, 6);
  });

  it("bury moves the matched items below all others, keeping both orders", () => {
    const slot = compileRules([rule({ action: "bury", match: { category: "Cases" } })], meta, index).forSlot("product", "cross_sell", now);
    expect(order(slot.rerank(ranked(), stock))).toEqual(["charger", "earbuds", "case-a", "case-b", "clear-case"]);
  });

  it("pin moves candidates and inserts missing ids at the position, in id order", () => {
    const slot = compileRules([rule({ action: "pin", weight: 2, match: { ids: ["cable", "case-b"] } })], meta, index).forSlot("product", "cross_sell", now);
    const out = slot.rerank(ranked(), stock, (item) => ({ item, score: 0 }));
    expect(order(out)).toEqual(["case-a", "cable", "case-b", "charger", "earbuds", "clear-case"]);
    const refused = slot.rerank(ranked(), stock, () => undefined);
    expect(order(refused)).toEqual(["case-a", "case-b", "charger", "earbuds", "clear-case"]);
  });

  it("matches stock, lifecycle and brand together", () => {
    const rules = compileRules([rule({ action: "exclude", match: { stock_min: 100, lifecycle: ["clearance", "active"] } })], meta, index);
    const slot = rules.forSlot("home", "popular", now);
    expect(ranked().filter((e) => slot.allows(e.item, stock)).map((e) => ids[e.item])).toEqual(["charger", "case-b", "earbuds"]);
    expect(slot.allows(4, () => -1)).toBe(true);
  });

  it("applies only in its placement, slot kinds and time window", () => {
    const rules = compileRules(
      [
        rule({ action: "exclude", placement: "checkout", match: { ids: ["case-a"] } }),
        rule({ action: "exclude", match: { ids: ["charger"], slots: ["down_sell"] } }),
        rule({ action: "exclude", match: { ids: ["earbuds"] }, starts_at: now + 10, ends_at: now + 20 }),
        rule({ action: "exclude", match: { ids: ["case-b"] }, enabled: false }),
      ],
      meta,
      index,
    );
    expect(rules.forSlot("product", "cross_sell", now).isEmpty).toBe(true);
    expect(rules.forSlot("checkout", "cross_sell", now).allows(1)).toBe(false);
    expect(rules.forSlot("product", "down_sell", now).allows(3)).toBe(false);
    expect(rules.forSlot("product", "cross_sell", now + 10).allows(5)).toBe(false);
    expect(rules.forSlot("product", "cross_sell", now + 20).allows(5)).toBe(true);
    expect(rules.forSlot("product", "cross_sell", now + 15).allows(2)).toBe(true);
  });

  it("validates rule input: bad ranges, a boost below 1 and a fractional pin position are refused", () => {
    expect(ruleInputSchema.safeParse({ name: "x", action: "boost", weight: 0.5, match: {} }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ name: "x", action: "pin", weight: 1.5, match: { ids: ["a"] } }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ name: "x", action: "filter", match: { price_min: 10, price_max: 5 } }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ name: "x", action: "filter", match: { colour: "red" } }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ name: "x", action: "exclude", match: {}, starts_at: 5, ends_at: 5 }).success).toBe(false);
  });

  it("publishes enabled, unfinished rules and reads them back; unreadable overlays mean no rules", () => {
    const rules = [rule({ action: "exclude", match: { ids: ["cable"] } }), rule({ action: "boost", match: { brand: "Anker" }, ends_at: now - 1 }), rule({ action: "bury", match: { brand: "Anker" }, enabled: false })];
    const overlay = parseRulesOverlay(JSON.stringify(rulesOverlay(rules, now)));
    expect(overlay?.rules.map((r) => r.action)).toEqual(["exclude"]);
    expect(activeRules(overlay, now)).toHaveLength(1);
    expect(parseRulesOverlay("{not json")).toBeNull();
    expect(parseRulesOverlay(JSON.stringify({ version: 2, rules: [] }))).toBeNull();
  });
});
