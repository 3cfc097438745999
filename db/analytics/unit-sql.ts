/**
 * @module
 * SQL fragments shared by the analytics queries: which experiment unit a row belongs to, and the order-level
 * facts attach rates are made of.
 */
import { LIVE_PRODUCTS } from "./live-catalog";

/**
 * The unit id of an events or orders row for an experiment whose unit is ?2 ('user' or 'session'), the same
 * way the edge derives it: "u:<user_id>" when the experiment is per user and the row has a user, else
 * "s:<session_id>".
 */
export function unitExpression(alias: string): string {
  return `CASE WHEN ?2 = 'user' AND ${alias}.user_id IS NOT NULL THEN 'u:' || ${alias}.user_id ELSE 's:' || ${alias}.session_id END`;
}

/**
 * CTEs `order_lines_priced` (order_id, product_id, price, cat) and `order_anchor` (order_id, anchor_price,
 * anchor_cat, attached) for the orders selected by `ordersSql` (a SELECT of order ids). An order's anchor is its
 * most expensive line; it is a device order when that price is at least the device threshold, and it "attaches"
 * when another line is of a different category, i.e. when its lines span more than one category. (SQLite takes
 * the bare column `cat` from the row holding MAX(price).)
 */
export function orderFactsCtes(ordersSql: string): string {
  return `order_lines_priced AS (
    SELECT l.order_id, l.product_id, COALESCE(l.price, p.price, 0) AS price, COALESCE(p.category_id, '') AS cat
    FROM order_lines l LEFT JOIN ${LIVE_PRODUCTS} p ON p.id = l.product_id
    WHERE l.order_id IN (${ordersSql})
  ),
  order_anchor AS (
    SELECT order_id, MAX(price) AS anchor_price, cat AS anchor_cat, COUNT(DISTINCT cat) > 1 AS attached
    FROM order_lines_priced GROUP BY order_id
  )`;
}

/** Default device threshold: an order's anchor line costs at least this much (shop currency). */
export const DEVICE_MIN_PRICE = 150;
