/**
 * @module
 * Tiny hand-checkable baskets for the mining tests.
 */
import { type Baskets, BasketsBuilder } from "../io/baskets";

export interface TestOrder {
  items: string[];
  user?: string;
  /** Days since an arbitrary origin. */
  day?: number;
}

export function testBaskets(orders: ReadonlyArray<string[] | TestOrder>, dictionary: string[] = []): Baskets {
  const builder = new BasketsBuilder();
  for (const id of dictionary) builder.intern(id);
  orders.forEach((order, b) => {
    const o = Array.isArray(order) ? { items: order } : order;
    builder.add(String(b), o.items.map((id) => ({ id })), o.user, o.day === undefined ? undefined : o.day * 86400);
  });
  return builder.build();
}
