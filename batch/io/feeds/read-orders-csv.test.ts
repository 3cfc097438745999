import path from "node:path";
import { describe, expect, it } from "vitest";
import { BasketsBuilder, basketItems } from "../baskets";
import { readOrders } from "../read-orders";

const ORDERS = path.join(import.meta.dirname, "../../../test/fixtures/feeds/orders.csv");

describe("orders as a CSV export of order lines", () => {
  it("groups the lines of each order, carries the order's time and customer to its later lines, and maps variant SKUs to their product", async () => {
    const builder = new BasketsBuilder();
    builder.intern("pixel-9");
    builder.alias("PX9-128-BLK", "pixel-9");
    builder.alias("PX9-256-PNK", "pixel-9");
    const { baskets, report } = await readOrders(ORDERS, { builder });
    expect(baskets.orderIds.slice(0, 2)).toEqual(["#1001", "#1002"]);
    expect(baskets.orderIds).toHaveLength(90);
    const first = [...basketItems(baskets, 0)].map((i) => baskets.itemIds[i]);
    expect(first[0]).toBe("pixel-9");
    expect(first).toContain("CASE-PX9");
    expect(baskets.userIds[baskets.users[0]]).toBe("c0@mail.example");
    expect(baskets.times[0]).toBe(Date.parse("2026-02-01T10:00:00+01:00") / 1000);
    expect(baskets.linePrices[0]).toBeCloseTo(899, 2);
    expect(baskets.lineQuantities[0]).toBe(1);
    expect(baskets.itemIds).not.toContain("PX9-128-BLK");
    expect(report.problems.map((e) => [e.line, e.field])).toEqual([
      [216, "Lineitem quantity"],
      [217, "Created at"],
    ]);
  });
});
