import { describe, expect, it } from "vitest";
import { fieldProblems } from "../field-problems";
import { orderLineSchema } from "./order-line";

const field = (row: unknown) => {
  const parsed = orderLineSchema.safeParse(row);
  return parsed.success ? "accepted" : fieldProblems(parsed.error)[0].field;
};

describe("orderLineSchema", () => {
  it("accepts DESIGN's orders line, with the timestamp as unix seconds and unknown fields dropped", () => {
    expect(orderLineSchema.parse({ order_id: "o1", user_id: "u1", ts: "2026-05-01T10:00:00Z", items: ["a", { id: "b", qty: 2, price: 9.5 }], note: "x" })).toEqual({
      order_id: "o1",
      user_id: "u1",
      ts: Date.parse("2026-05-01T10:00:00Z") / 1000,
      items: ["a", { id: "b", qty: 2, price: 9.5 }],
    });
  });

  it("accepts the real data files' spelling: basket_id, numeric ids, nulls for missing fields, an empty basket", () => {
    expect(field({ basket_id: "31625220889", user_id: "2261", ts: "2017-01-28T19:06:53Z", store_id: "309", items: ["940996"] })).toBe("accepted");
    expect(field({ basket_id: 7, user_id: 12, ts: 1_780_000_000, items: [123, "x"] })).toBe("accepted");
    expect(field({ order_id: "o", user_id: null, ts: null, items: [{ id: "a", price: null }] })).toBe("accepted");
    expect(field({ order_id: "o", items: [] })).toBe("accepted");
  });

  it("names the field of every problem", () => {
    expect(field(["not an object"])).toBe("(body)");
    expect(field({ items: ["a"] })).toBe("order_id");
    expect(field({ order_id: {}, items: ["a"] })).toBe("order_id");
    expect(field({ order_id: "o", items: "a" })).toBe("items");
    expect(field({ order_id: "o" })).toBe("items");
    expect(field({ order_id: "o", items: [""] })).toBe("items[0]");
    expect(field({ order_id: "o", items: ["a", { id: "" }] })).toBe("items[1].id");
    expect(field({ order_id: "o", items: [{ id: "a", qty: 0 }] })).toBe("items[0].qty");
    expect(field({ order_id: "o", items: [{ id: "a", qty: 1.5 }] })).toBe("items[0].qty");
    expect(field({ order_id: "o", items: [{ id: "a", price: -1 }] })).toBe("items[0].price");
    expect(field({ order_id: "o", items: ["a"], ts: "yesterday" })).toBe("ts");
    expect(field({ order_id: "o", items: ["a"], ts: 1_780_000_000_000 })).toBe("ts");
    expect(field({ order_id: "o", items: ["a"], user_id: true })).toBe("user_id");
  });
});
