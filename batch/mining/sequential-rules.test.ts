import { describe, expect, it } from "vitest";
import { mineSequentialRules, type SequentialRules } from "./sequential-rules";
import { testBaskets } from "../../test/fixtures/test-baskets";

function rule(rules: SequentialRules, ids: string[], from: string, to: string) {
  const a = ids.indexOf(from);
  const b = ids.indexOf(to);
  for (let p = rules.offsets[a]; p < rules.offsets[a + 1]; p++) {
    if (rules.consequents[p] === b) return { support: rules.support[p], confidence: rules.confidence[p], lift: rules.lift[p] };
  }
  return undefined;
}

describe("mineSequentialRules", () => {
  const ids = ["a", "b", "c", "d", "e"];
  const baskets = testBaskets(
    [
      { items: ["a", "d"], user: "u1", day: 0 },
      { items: ["b"], user: "u1", day: 10 },
      { items: ["c"], user: "u1", day: 40 },
      { items: ["a"], user: "u2", day: 0 },
      { items: ["b"], user: "u2", day: 5 },
      { items: ["a"], user: "u3", day: 3 },
      { items: ["e"], user: "u3", day: 3 },
      { items: ["a", "e"] },
    ],
    ids,
  );
  const rules = mineSequentialRules(baskets, { windowDays: 30, minSupport: 1 });

  it("counts A -> B once per user, B strictly later and within the window", () => {
    expect(rule(rules, ids, "a", "b")).toEqual({ support: 2, confidence: expect.closeTo(2 / 3, 6), lift: expect.closeTo(1, 6) });
    expect(rule(rules, ids, "d", "b")?.support).toBe(1);
    expect(rule(rules, ids, "b", "c")?.support).toBe(1);
    expect(rule(rules, ids, "a", "c")).toBeUndefined();
    expect(rule(rules, ids, "b", "a")).toBeUndefined();
  });

  it("never pairs items of the same order, nor orders at the same time", () => {
    expect(rule(rules, ids, "a", "d")).toBeUndefined();
    expect(rule(rules, ids, "a", "e")).toBeUndefined();
    expect(rule(rules, ids, "e", "a")).toBeUndefined();
  });

  it("counts users with dated orders and each item's buyers", () => {
    expect(rules.users).toBe(3);
    expect([...rules.buyers]).toEqual([3, 2, 1, 1, 1]);
  });

  it("widens with the window and honours the support threshold", () => {
    expect(rule(mineSequentialRules(baskets, { windowDays: 40, minSupport: 1 }), ids, "a", "c")?.support).toBe(1);
    const strict = mineSequentialRules(baskets, { windowDays: 30, minSupport: 2 });
    expect(rule(strict, ids, "a", "b")?.support).toBe(2);
    expect(rule(strict, ids, "b", "c")).toBeUndefined();
  });
});
