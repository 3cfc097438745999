import { describe, expect, it } from "vitest";
import { parseEventBatch } from "../core/events/event-batch";
import { eventRow, purchaseOrder } from "./event-rows";

describe("event rows", () => {
  it("stores a purchase's lines, summing repeated products and computing the order value from prices", () => {
    const parsed = parseEventBatch({
      event_id: "p1",
      type: "purchase",
      session_id: "s1",
      user_id: "u1",
      ts: 1_780_000_000,
      lines: [
        { id: "phone-a", price: 900 },
        { id: "case-a", price: 30, rec_id: "r1", slot: "cross_sell" },
        { id: "case-a", qty: 2, price: 30 },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const row = eventRow(parsed.events[0]);
    expect(row.order_value).toBe(990);
    const order = purchaseOrder(row)!;
    expect(order.order).toEqual({ id: "p1", event_id: "p1", user_id: "u1", session_id: "s1", ts: 1_780_000_000, total: 990 });
    expect(order.lines).toEqual([
      { order_id: "p1", product_id: "phone-a", qty: 1, price: 900, rec_id: null, slot: null },
      { order_id: "p1", product_id: "case-a", qty: 3, price: 30, rec_id: "r1", slot: "cross_sell" },
    ]);
  });

  it("leaves the order value null when a line has no price, and keeps an explicit order id", () => {
    const parsed = parseEventBatch({ event_id: "p2", type: "purchase", session_id: "s", ts: 1_780_000_000, order_id: "o-9", lines: [{ id: "x" }] });
    if (!parsed.ok) throw new Error("expected a valid purchase");
    const row = eventRow(parsed.events[0]);
    expect(row.order_value).toBeNull();
    expect(purchaseOrder(row)!.order.id).toBe("o-9");
  });
});
