/**
 * @module
 * The counting stage as SQL over two input tables, in the common subset of DuckDB, Spark SQL and BigQuery
 * (docs/counting-job.md runs the same text on a distributed engine):
 *
 *   orders(basket, user_id, ts)            one row per order: basket = its position in the input (orders that
 *                                          come earlier have smaller numbers), user_id and ts (unix seconds)
 *                                          NULL when unknown
 *   order_lines(basket, item_id, position) one row per line: position = the line's place in its order
 *
 * and out come the four tables of `count-tables.ts`. Items of an order count once, at their first position;
 * `dated` ranks each user's dated orders by time, then input position, as the in-process counter does, so the
 * per-user cap on sequential pairs keeps the very same pairs; whole steps (an order and a later one) past the cap
 * are dropped by a running sum of their pair counts before any pair is spelled out.
 */
import type { CountTotals } from "./count-tables";

export type CountSettings = Pick<CountTotals, "windowDays" | "maxBasketSize" | "maxPairsPerUser">;

/** Statements that make the working tables, in order (each a CREATE TABLE ... AS SELECT). */
export function countingSteps(settings: CountSettings): Array<{ table: string; select: string }> {
  return [
    { table: "basket_items", select: "SELECT basket, item_id, MIN(position) AS position FROM order_lines GROUP BY basket, item_id" },
    { table: "basket_sizes", select: "SELECT basket, COUNT(*) AS size FROM basket_items GROUP BY basket" },
    {
      table: "dated",
      select: `SELECT basket, user_id, FLOOR(ts) AS ts, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY FLOOR(ts), basket) AS order_rank
FROM orders WHERE user_id IS NOT NULL AND ts IS NOT NULL`,
    },
    {
      table: "totals",
      select: `SELECT (SELECT COUNT(*) FROM orders) AS baskets, (SELECT COUNT(DISTINCT user_id) FROM dated) AS users,
  ${int(settings.windowDays)} AS window_days, ${int(settings.maxBasketSize)} AS max_basket_size, ${int(settings.maxPairsPerUser)} AS max_pairs_per_user`,
    },
    {
      table: "items",
      select: `SELECT bi.item_id, COUNT(*) AS baskets, COUNT(DISTINCT d.user_id) AS buyers
FROM basket_items bi LEFT JOIN dated d ON d.basket = bi.basket
GROUP BY bi.item_id`,
    },
    {
      table: "pairs",
      select: `SELECT x.item_id AS item_a, y.item_id AS item_b, COUNT(*) AS baskets
FROM basket_items x
JOIN basket_items y ON y.basket = x.basket AND x.item_id < y.item_id
JOIN basket_sizes s ON s.basket = x.basket
WHERE s.size BETWEEN 2 AND ${int(settings.maxBasketSize)}
GROUP BY x.item_id, y.item_id`,
    },
    {
      table: "sequential_pairs",
      select: `WITH steps AS (
  SELECT a.user_id, a.basket AS first_basket, b.basket AS later_basket, a.order_rank AS first_rank, b.order_rank AS later_rank
  FROM dated a JOIN dated b ON b.user_id = a.user_id AND b.order_rank > a.order_rank
  WHERE b.ts - a.ts > 0 AND b.ts - a.ts <= ${int(settings.windowDays)} * 86400
), shared AS (
  SELECT s.first_basket, s.later_basket, COUNT(*) AS common
  FROM steps s
  JOIN basket_items x ON x.basket = s.first_basket
  JOIN basket_items y ON y.basket = s.later_basket AND y.item_id = x.item_id
  GROUP BY s.first_basket, s.later_basket
), sized AS (
  SELECT s.*, fs.size * ls.size - COALESCE(c.common, 0) AS pairs
  FROM steps s
  JOIN basket_sizes fs ON fs.basket = s.first_basket
  JOIN basket_sizes ls ON ls.basket = s.later_basket
  LEFT JOIN shared c ON c.first_basket = s.first_basket AND c.later_basket = s.later_basket
), capped AS (
  SELECT * FROM (
    SELECT sized.*, SUM(pairs) OVER (PARTITION BY user_id ORDER BY first_rank, later_rank ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - pairs AS pairs_before
    FROM sized
  ) AS running WHERE pairs_before < ${int(settings.maxPairsPerUser)}
), enumerated AS (
  SELECT s.user_id, x.item_id AS antecedent, y.item_id AS consequent,
    s.pairs_before + ROW_NUMBER() OVER (PARTITION BY s.first_basket, s.later_basket ORDER BY x.position, y.position) AS pair_number
  FROM capped s
  JOIN basket_items x ON x.basket = s.first_basket
  JOIN basket_items y ON y.basket = s.later_basket
  WHERE x.item_id <> y.item_id
)
SELECT antecedent, consequent, COUNT(DISTINCT user_id) AS users
FROM enumerated WHERE pair_number <= ${int(settings.maxPairsPerUser)}
GROUP BY antecedent, consequent`,
    },
  ];
}

/** The statements as one SQL script with the given settings (docs/counting-job.md shows it for the defaults). */
export function countingScript(settings: CountSettings): string {
  return countingSteps(settings)
    .map((step) => `CREATE TABLE ${step.table} AS\n${step.select};\n`)
    .join("\n");
}

/** The tables a counting job leaves behind, with their columns: what `edgerec build --counts DIR` reads. */
export const OUTPUT_TABLES = {
  totals: ["baskets", "users", "window_days", "max_basket_size", "max_pairs_per_user"],
  items: ["item_id", "baskets", "buyers"],
  pairs: ["item_a", "item_b", "baskets"],
  sequential_pairs: ["antecedent", "consequent", "users"],
} as const;

function int(value: number): string {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`count settings must be whole numbers >= 0, got ${value}`);
  return String(value);
}
