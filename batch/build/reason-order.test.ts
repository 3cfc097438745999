import { describe, expect, it } from "vitest";
import type { Reason } from "../../core/blob/meta-blob";
import { reasonsByUse } from "./reason-order";

const list = (reasons: number[]) => ({ items: Uint32Array.from(reasons, (_, i) => i), scores: new Float32Array(reasons.length), reasons: Uint32Array.from(reasons) });

describe("reasonsByUse", () => {
  it("puts the most used reasons first and remaps every list to the same texts", () => {
    const reasons: Reason[] = [
      { code: "popular", text: "rare" },
      { code: "association", text: "common" },
      { code: "compatible", text: "middling" },
    ];
    const lists = [list([1, 1, 2]), list([1, 2, 0])];
    const order = reasonsByUse(reasons, lists);
    expect(order.reasons.map((r) => r.text)).toEqual(["common", "middling", "rare"]);
    for (const original of lists) {
      const remapped = order.list(original);
      expect([...remapped.reasons].map((r) => order.reasons[r].text)).toEqual([...original.reasons].map((r) => reasons[r].text));
      expect(remapped.items).toBe(original.items);
    }
    expect(order.lists({ cross_sell: lists[0] }).cross_sell!.reasons[0]).toBe(0);
  });
});
