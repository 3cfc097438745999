import { describe, expect, it } from "vitest";
import { BasketsBuilder } from "../io/baskets";
import { categoryComplements } from "./category-complements";

function baskets(rows: string[][]) {
  const builder = new BasketsBuilder();
  rows.forEach((items, i) => builder.addIds(String(i), items));
  return builder.build();
}

describe("categoryComplements", () => {
  it("ranks complements by attach rate P(B | A), counting an order once per category", () => {
    // categories: phone 0, case 1, charger 2
    const b = baskets([
      ["phone-1", "case-1", "case-2"],
      ["phone-1", "case-1", "charger-1"],
      ["phone-2", "case-3"],
      ["phone-2"],
      ["charger-1", "case-1"],
    ]);
    const category = (id: string) => (id.startsWith("phone") ? 0 : id.startsWith("case") ? 1 : 2);
    const itemCategory = Int32Array.from(b.itemIds, category);
    const complements = categoryComplements(b, itemCategory, 3, { minOrders: 1 });
    const phone = complements.get(0)!;
    expect([...phone.categories]).toEqual([1, 2]);
    expect(phone.attach[0]).toBeCloseTo(3 / 4);
    expect(phone.attach[1]).toBeCloseTo(1 / 4);
    const charger = complements.get(2)!;
    expect([...charger.categories]).toEqual([1, 0]);
    expect(charger.attach[0]).toBeCloseTo(1);
  });

  it("drops pairs seen in fewer than minOrders orders and items without a category", () => {
    const b = baskets([["a", "b"], ["a", "c"], ["a", "c"]]);
    const itemCategory = Int32Array.from(b.itemIds, (id) => (id === "a" ? 0 : id === "b" ? 1 : id === "c" ? 2 : -1));
    const complements = categoryComplements(b, itemCategory, 3, { minOrders: 2 });
    expect([...complements.get(0)!.categories]).toEqual([2]);
    expect(categoryComplements(b, new Int32Array(b.itemIds.length).fill(-1), 0).size).toBe(0);
  });
});
