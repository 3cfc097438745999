import { describe, expect, it } from "vitest";
import { BasketsBuilder } from "../io/baskets";
import { associationRules, ruleKey } from "./association-rules";
import { fpGrowth } from "./fpgrowth";
import { bestRulesByItem, type BestRulesOptions, rulesOfItem } from "./rules-by-item";

/** N = 11; n(A) = n(B) = 8, n(C) = 5, n(D) = 2, n(AB) = 6, n(AC) = 4, n(BC) = 3, n(ABC) = 3, pairs with D = 1. */
const rows = [
  ...Array(3).fill(["A", "B", "C"]),
  ...Array(3).fill(["A", "B"]),
  ["A", "C"],
  ["A", "D"],
  ["B"],
  ["B"],
  ["C", "D"],
] as string[][];
const builder = new BasketsBuilder();
rows.forEach((row, b) => builder.add(String(b), row.map((id) => ({ id }))));
const baskets = builder.build();
const rules = associationRules(fpGrowth(baskets, { minSupport: 2 }), { minConfidence: 0.3 });

function best(item: string, options?: BestRulesOptions): string[] {
  const byItem = bestRulesByItem(rules, baskets.itemIds.length, options);
  const ids = rulesOfItem(byItem, baskets.itemIndex.get(item) ?? -1);
  return Array.from(ids, (r) => ruleKey(rules, r, baskets.itemIds));
}

describe("bestRulesByItem", () => {
  it("ranks an item's rules by confidence, then lift, then support count, one per consequent", () => {
    expect(best("A")).toEqual(["A=>B", "A=>C"]);
    expect(best("C")).toEqual(["B+C=>A", "A+C=>B"]);
    expect(best("D")).toEqual([]);
  });

  it("keeps every rule when consequents need not be distinct", () => {
    expect(best("A", { distinctConsequents: false })).toEqual(["A=>B", "A+C=>B", "A=>C", "A+B=>C"]);
  });

  it("ranks by lift when asked", () => {
    expect(best("A", { rankBy: "lift" })).toEqual(["A=>C", "A=>B"]);
  });

  it("limits the rules per item and the antecedent size", () => {
    expect(best("A", { perItem: 1 })).toEqual(["A=>B"]);
    expect(best("C", { maxAntecedentSize: 1 })).toEqual(["C=>A", "C=>B"]);
  });
});
