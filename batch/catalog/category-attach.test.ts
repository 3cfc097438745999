import { describe, expect, it } from "vitest";
import { BasketsBuilder } from "../io/baskets";
import { categoryAttach } from "./category-attach";

const DAY = 86_400;

describe("categoryAttach", () => {
  it("counts a category bought by the same customer within the window as attached, and nothing later or from others", () => {
    const b = new BasketsBuilder();
    const laptop = b.intern("laptop");
    const mouse = b.intern("mouse");
    const tv = b.intern("tv");
    b.add("1", [{ id: "laptop" }], "u1", 0);
    b.add("2", [{ id: "mouse" }], "u1", 10 * DAY);
    b.add("3", [{ id: "laptop" }], "u2", 0);
    b.add("4", [{ id: "mouse" }], "u2", 20 * DAY);
    b.add("5", [{ id: "laptop" }, { id: "tv" }], "u3", 0);
    b.add("6", [{ id: "mouse" }], "u4", 1 * DAY);
    b.add("7", [{ id: "laptop" }], undefined, undefined);
    const baskets = b.build();
    const category = new Int32Array(3);
    category[laptop] = 0;
    category[mouse] = 1;
    category[tv] = 2;
    const stats = categoryAttach(baskets, category, 3, 14);
    expect(stats.ordersWith[0]).toBe(4);
    expect(stats.pairs[0 * 3 + 1]).toBe(1);
    expect(stats.pairs[0 * 3 + 2]).toBe(1);
    expect(stats.pairs[1 * 3 + 0]).toBe(0);
    expect(stats.reaching[1]).toBe(4);
    expect(stats.reaching[0]).toBe(4);
  });

  it("is plain co-purchase when orders carry no customer or time", () => {
    const b = new BasketsBuilder();
    b.add("1", [{ id: "a" }, { id: "b" }]);
    b.add("2", [{ id: "a" }]);
    b.add("3", [{ id: "b" }]);
    const stats = categoryAttach(b.build(), Int32Array.of(0, 1), 2);
    expect([...stats.ordersWith]).toEqual([2, 2]);
    expect(stats.pairs[1]).toBe(1);
    expect([...stats.reaching]).toEqual([2, 2]);
  });
});
