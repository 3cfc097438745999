import { describe, expect, it } from "vitest";
import { hasSharedData, sharedDataPath } from "../../test/node/shared-data";
import { type Baskets, BasketsBuilder, basketItems } from "../io/baskets";
import { readOrders } from "../io/read-orders";
import { drawHoldOuts, trainingBaskets } from "./holdout-split";

// 40 small baskets; the expected picks were printed by basket_completion.py's split() on the same lists.
const ORDERS: string[][] = Array.from({ length: 40 }, (_, b) => [
  ...new Set(Array.from({ length: 1 + ((b * 5) % 4) }, (_, k) => `i${(b * 7 + k * 3) % 11}`)),
]);

function build(orders: string[][]): Baskets {
  const builder = new BasketsBuilder();
  orders.forEach((items, b) => builder.add(String(b), items.map((id) => ({ id }))));
  return builder.build();
}

function picks(baskets: Baskets, seed: number): Array<[number, string]> {
  return drawHoldOuts(baskets, seed).holdOuts.map((h) => [h.basket, baskets.itemIds[h.item]]);
}

describe("drawHoldOuts", () => {
  const baskets = build(ORDERS);

  it("holds out the same items as Python's random.Random(seed)", () => {
    expect(picks(baskets, 42)).toEqual([[2, "i6"], [5, "i2"], [9, "i0"], [10, "i4"], [14, "i10"], [25, "i2"], [27, "i8"], [29, "i8"], [30, "i4"]]);
    expect(picks(baskets, 3)).toEqual([[7, "i5"], [13, "i6"], [21, "i7"], [25, "i10"], [27, "i8"]]);
  });

  it("leaves the rest of each picked basket as its cart, and removes only the held-out item from training", () => {
    const split = drawHoldOuts(baskets, 42);
    const train = trainingBaskets(baskets, split.heldOut);
    for (const { basket, item, cart } of split.holdOuts) {
      const original = [...basketItems(baskets, basket)];
      expect([...cart]).toEqual(original.filter((x) => x !== item));
      expect([...basketItems(train, basket)]).toEqual([...cart]);
    }
    expect(train.items.length).toBe(baskets.items.length - split.holdOuts.length);
  });

  it.runIf(hasSharedData("baskets/groceries.jsonl"))("reproduces the Python split of groceries", async () => {
    const { baskets: groceries } = await readOrders(sharedDataPath("baskets/groceries.jsonl"));
    const split = drawHoldOuts(groceries, 42);
    const named = split.holdOuts.map((h) => [groceries.orderIds[h.basket], groceries.itemIds[h.item]]);
    expect(named.length).toBe(1606);
    expect(named.slice(0, 4)).toEqual([["2", "yogurt"], ["5", "other vegetables"], ["10", "cereals"], ["11", "tropical fruit"]]);
    expect(named.slice(-2)).toEqual([["9834", "semi-finished bread"], ["9835", "shopping bags"]]);
    const seed1 = drawHoldOuts(groceries, 1).holdOuts;
    expect(seed1.length).toBe(1593);
    expect(groceries.itemIds[seed1[2].item]).toBe("canned beer");
  });
});
