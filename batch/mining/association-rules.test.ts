import { beforeAll, describe, expect, it } from "vitest";
import { hasSharedData, sharedDataPath } from "../../test/node/shared-data";
import { type Baskets, BasketsBuilder } from "../io/baskets";
import { readOrders } from "../io/read-orders";
import { type AssociationRules, associationRules, eachRule, type Rule, ruleKey } from "./association-rules";
import { fpGrowth } from "./fpgrowth";

function basketsOf(rows: string[][]): Baskets {
  const builder = new BasketsBuilder();
  rows.forEach((row, b) => builder.add(String(b), row.map((id) => ({ id }))));
  return builder.build();
}

/** N = 5; n(a) = n(b) = n(c) = 4, n(d) = 1, n(ab) = n(ac) = n(bc) = 3, n(abc) = 2, n(ad) = n(bd) = n(cd) = 1. */
const tiny = basketsOf([["a", "b", "c"], ["a", "b"], ["a", "c"], ["b", "c"], ["a", "b", "c", "d"]]);

function named(rules: AssociationRules, itemIds: string[]): Map<string, Rule> {
  const byKey = new Map<string, Rule>();
  for (const r of eachRule(rules)) {
    const side = (items: number[]) => items.map((x) => itemIds[x]).sort().join(",");
    byKey.set(`${side(r.antecedent)}=>${side(r.consequent)}`, r);
  }
  return byKey;
}

describe("associationRules: measures on a hand-computed example", () => {
  const sets = fpGrowth(tiny, { minSupport: 1 });

  it("computes support, confidence, lift, leverage and conviction", () => {
    const rules = named(associationRules(sets, { minConfidence: 0 }), tiny.itemIds);
    const ab = rules.get("a=>b");
    expect(ab?.count).toBe(3);
    expect(ab?.support).toBeCloseTo(0.6, 12);
    expect(ab?.confidence).toBeCloseTo(0.75, 12);
    expect(ab?.lift).toBeCloseTo(0.9375, 12);
    expect(ab?.leverage).toBeCloseTo(0.6 - 0.8 * 0.8, 12);
    expect(ab?.conviction).toBeCloseTo((1 - 0.8) / (1 - 0.75), 12);

    const abc = rules.get("a,b=>c");
    expect(abc?.support).toBeCloseTo(0.4, 12);
    expect(abc?.confidence).toBeCloseTo(2 / 3, 12);
    expect(abc?.lift).toBeCloseTo(2 / 3 / 0.8, 12);
    expect(abc?.leverage).toBeCloseTo(0.4 - 0.6 * 0.8, 12);
    expect(abc?.conviction).toBeCloseTo(0.2 / (1 / 3), 12);

    const da = rules.get("d=>a");
    expect(da?.confidence).toBe(1);
    expect(da?.lift).toBeCloseTo(1.25, 12);
    expect(da?.leverage).toBeCloseTo(0.2 - 0.2 * 0.8, 12);
    expect(da?.conviction).toBe(Number.POSITIVE_INFINITY);
  });

  it("puts one item on the right by default and more when asked", () => {
    const frequent = fpGrowth(tiny, { minSupport: 2 });
    const single = named(associationRules(frequent, { minConfidence: 0 }), tiny.itemIds);
    expect([...single.keys()].sort()).toEqual(
      ["a=>b", "b=>a", "a=>c", "c=>a", "b=>c", "c=>b", "a,b=>c", "a,c=>b", "b,c=>a"].sort(),
    );
    const pairs = named(associationRules(frequent, { minConfidence: 0, maxConsequentSize: 2 }), tiny.itemIds);
    expect(pairs.size).toBe(12);
    const aToBc = pairs.get("a=>b,c");
    expect(aToBc?.confidence).toBeCloseTo(0.5, 12);
    expect(aToBc?.lift).toBeCloseTo(0.5 / 0.6, 12);
    expect(aToBc?.leverage).toBeCloseTo(0.4 - 0.8 * 0.6, 12);
    expect(aToBc?.conviction).toBeCloseTo((1 - 0.6) / 0.5, 12);
    const short = named(associationRules(frequent, { minConfidence: 0, maxAntecedentSize: 1 }), tiny.itemIds);
    expect(short.size).toBe(6);
  });

  it("applies the confidence and lift floors inclusively", () => {
    const frequent = fpGrowth(tiny, { minSupport: 2 });
    expect(associationRules(frequent, { minConfidence: 0.75 }).counts.length).toBe(6);
    expect(associationRules(frequent, { minConfidence: 0.76 }).counts.length).toBe(0);
    expect(associationRules(frequent, { minConfidence: 2 / 3 }).counts.length).toBe(9);
    expect(associationRules(sets, { minConfidence: 0, minLift: 1.25 }).counts.length).toBeGreaterThan(0);
    for (const r of eachRule(associationRules(sets, { minConfidence: 0, minLift: 1.25 }))) expect(r.lift).toBeGreaterThanOrEqual(1.25);
    expect(associationRules(frequent, { minConfidence: 0, minLift: 1 }).counts.length).toBe(0);
  });

  it("names rules by their item ids", () => {
    const rules = associationRules(fpGrowth(tiny, { minSupport: 3 }), { minConfidence: 0 });
    const keys = Array.from({ length: rules.counts.length }, (_, r) => ruleKey(rules, r, tiny.itemIds));
    expect(keys.sort()).toEqual(["a=>b", "a=>c", "b=>a", "b=>c", "c=>a", "c=>b"]);
  });
});

describe.runIf(hasSharedData("baskets/groceries.tsv"))("associationRules on groceries (reference figures)", () => {
  let groceries: Baskets;
  beforeAll(async () => {
    groceries = (await readOrders(sharedDataPath("baskets/groceries.tsv"))).baskets;
  });

  it("finds 15 rules at support 0.01 and confidence 0.5, with the published measures", () => {
    const rules = associationRules(fpGrowth(groceries, { minSupport: 0.01 }), { minConfidence: 0.5 });
    expect(rules.counts.length).toBe(15);
    const byKey = named(rules, groceries.itemIds);
    const rule = byKey.get("citrus fruit,root vegetables=>other vegetables");
    expect(rule?.support).toBeCloseTo(0.01037112, 8);
    expect(rule?.confidence).toBeCloseTo(0.5862069, 7);
    expect(rule?.lift).toBeCloseTo(3.029608, 6);
    expect(byKey.get("root vegetables,yogurt=>other vegetables")?.confidence).toBe(0.5);
  });

  it("finds 5,668 rules at support 0.001 and 42,278 at 0.0005", () => {
    expect(associationRules(fpGrowth(groceries, { minSupport: 0.001 }), { minConfidence: 0.5 }).counts.length).toBe(5668);
    expect(associationRules(fpGrowth(groceries, { minSupport: 0.0005 }), { minConfidence: 0.5 }).counts.length).toBe(42_278);
  });
});
