/**
 * @module
 * One JSON line per record, in DESIGN's contracts (catalog, orders, events) with the demo's extra fields.
 * Key order is fixed, so the same data always gives the same bytes.
 */
import type { DraftOrder } from "./baskets";
import { isoSeconds } from "./calendar";
import { Customers } from "./customers";
import type { Product } from "./product";
import type { DemoEvent, SessionDraft } from "./sessions";

export function catalogLine(p: Product): string {
  return JSON.stringify({
    id: p.id,
    title: p.title,
    brand: p.brand,
    category: p.category,
    price: p.price,
    currency: "EUR",
    attrs: p.attrs,
    stock: p.stock,
    lifecycle: p.lifecycle,
    launched_at: p.launchedAt,
    ...(p.listPrice !== undefined ? { list_price: p.listPrice } : {}),
    cost: p.cost,
    margin: p.margin,
  });
}

export function orderLine(order: DraftOrder): string {
  let items = "";
  for (const line of order.lines) {
    items += `${items === "" ? "" : ","}{"id":"${line.product.id}","qty":${line.qty},"price":${line.price}}`;
  }
  return `{"order_id":"${order.id}","user_id":"${Customers.id(order.customer)}","ts":"${isoSeconds(order.ts)}","items":[${items}]}`;
}

export function eventLine(id: string, session: SessionDraft, e: DemoEvent): string {
  return JSON.stringify({
    event_id: id,
    type: e.type,
    session_id: session.id,
    ...(session.customer >= 0 ? { user_id: Customers.id(session.customer) } : {}),
    ts: isoSeconds(e.ts),
    ...(e.item ? { item_id: e.item.id } : {}),
    ...(e.dwellMs !== undefined ? { dwell_ms: e.dwellMs } : {}),
    ...(e.query !== undefined ? { query: e.query } : {}),
    ...(e.order ? { order_value: orderValue(e.order), order_id: e.order.id } : {}),
  });
}

function orderValue(order: DraftOrder): number {
  return Math.round(order.lines.reduce((sum, l) => sum + l.qty * l.price * 100, 0)) / 100;
}
