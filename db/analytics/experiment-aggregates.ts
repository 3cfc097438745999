/**
 * @module
 * The per-variant sums an experiment's analysis needs (core/stats/experiment-analysis.ts), aggregated in D1.
 * Units are the experiment's exposures; every event and order of an exposed unit inside the experiment's window
 * counts (intention to treat). Parameters: ?1 experiment, ?2 unit kind, ?3..?4 window [from, to), ?5 device
 * threshold.
 */
import type { VariantAggregate } from "../../core/stats/experiment-analysis";
import type { SqlClient } from "./sql-client";
import { unitExpression } from "./unit-sql";
import { LIVE_PRODUCTS } from "./live-catalog";

/*
 * Every query reaches the experiment's units through the exposures primary key (experiment_id, unit_id), one
 * lookup per row of the smaller side. CROSS JOIN pins that join order: SQLite never reorders it, and D1's SQLite
 * (no ANALYZE statistics, no automatic indexes) would otherwise scan a materialised side once per unit.
 */
const UNIT_COUNTS = `SELECT variant, COUNT(*) AS units FROM exposures WHERE experiment_id = ?1 GROUP BY variant`;

/** Units that carted or bought; units without either add nothing to the sums. */
const UNIT_OUTCOMES = `WITH per_unit AS (
  SELECT ${unitExpression("e")} AS unit_id,
    MAX(e.type = 'add_to_cart') AS carted,
    MAX(e.type = 'purchase') AS purchased,
    SUM(CASE WHEN e.type = 'purchase' THEN COALESCE(e.order_value, 0) ELSE 0 END) AS revenue
  FROM events e
  WHERE e.type IN ('add_to_cart', 'purchase') AND e.ts >= ?3 AND e.ts < ?4
  GROUP BY 1
)
SELECT x.variant, SUM(p.carted) AS carted, SUM(p.purchased) AS purchased, SUM(p.revenue) AS revenue, SUM(p.revenue * p.revenue) AS revenue_sq
FROM per_unit p CROSS JOIN exposures x
WHERE x.experiment_id = ?1 AND x.unit_id = p.unit_id
GROUP BY x.variant`;

/** CTR per answer: distinct rec_ids with an impression, and how many of them got a click. */
const IMPRESSIONS = `WITH shown AS (
  SELECT e.rec_id, MIN(${unitExpression("e")}) AS unit_id
  FROM events e WHERE e.type = 'impression' AND e.ts >= ?3 AND e.ts < ?4
  GROUP BY e.rec_id
)
SELECT x.variant, COUNT(*) AS impressions,
  SUM(EXISTS (SELECT 1 FROM events c WHERE c.rec_id = s.rec_id AND c.type = 'click')) AS clicked
FROM shown s CROSS JOIN exposures x
WHERE x.experiment_id = ?1 AND x.unit_id = s.unit_id
GROUP BY x.variant`;

/**
 * Orders of exposed units with their order facts as correlated subqueries over order_lines' primary key: the
 * anchor (most expensive line) price, and whether the lines span more than one category (an accessory of another
 * category came along).
 */
const ORDERS = `WITH unit_orders AS (
  SELECT o.id, COALESCE(o.total, 0) AS total, x.variant
  FROM orders o CROSS JOIN exposures x
  WHERE o.source = 'event' AND o.ts >= ?3 AND o.ts < ?4 AND x.experiment_id = ?1 AND x.unit_id = ${unitExpression("o")}
),
facts AS (
  SELECT uo.variant, uo.total,
    (SELECT MAX(COALESCE(l.price, p.price, 0)) FROM order_lines l LEFT JOIN ${LIVE_PRODUCTS} p ON p.id = l.product_id WHERE l.order_id = uo.id) AS anchor_price,
    (SELECT COUNT(DISTINCT COALESCE(p.category_id, '')) FROM order_lines l LEFT JOIN ${LIVE_PRODUCTS} p ON p.id = l.product_id WHERE l.order_id = uo.id) > 1 AS attached
  FROM unit_orders uo
)
SELECT variant, COUNT(*) AS orders, SUM(total) AS value, SUM(total * total) AS value_sq,
  SUM(COALESCE(anchor_price >= ?5, 0)) AS device_orders,
  SUM(COALESCE(anchor_price >= ?5 AND attached, 0)) AS attached
FROM facts
GROUP BY variant`;

export interface AggregateQuery {
  experiment: string;
  unit: "session" | "user";
  from: number;
  to: number;
  deviceMinPrice: number;
}

export async function variantAggregates(sql: SqlClient, q: AggregateQuery): Promise<VariantAggregate[]> {
  const window = [q.experiment, q.unit, q.from, q.to];
  const [counts, outcomes, impressions, orders] = await Promise.all([
    sql.all<{ variant: string; units: number }>(UNIT_COUNTS, [q.experiment]),
    sql.all<{ variant: string; carted: number; purchased: number; revenue: number; revenue_sq: number }>(UNIT_OUTCOMES, window),
    sql.all<{ variant: string; impressions: number; clicked: number }>(IMPRESSIONS, window),
    sql.all<{ variant: string; orders: number; value: number; value_sq: number; device_orders: number; attached: number }>(ORDERS, [...window, q.deviceMinPrice]),
  ]);
  const byVariant = new Map<string, VariantAggregate>();
  for (const row of counts) {
    byVariant.set(row.variant, {
      variant: row.variant,
      units: row.units,
      impressions: 0,
      clickedImpressions: 0,
      unitsWithAddToCart: 0,
      unitsWithPurchase: 0,
      deviceOrders: 0,
      attachedDeviceOrders: 0,
      orderValue: { n: 0, sum: 0, sumSquares: 0 },
      revenue: { n: row.units, sum: 0, sumSquares: 0 },
    });
  }
  for (const row of outcomes) {
    const a = byVariant.get(row.variant);
    if (a === undefined) continue;
    a.unitsWithAddToCart = row.carted;
    a.unitsWithPurchase = row.purchased;
    a.revenue = { n: a.units, sum: row.revenue, sumSquares: row.revenue_sq };
  }
  for (const row of impressions) {
    const a = byVariant.get(row.variant);
    if (a === undefined) continue;
    a.impressions = row.impressions;
    a.clickedImpressions = row.clicked;
  }
  for (const row of orders) {
    const a = byVariant.get(row.variant);
    if (a === undefined) continue;
    a.orderValue = { n: row.orders, sum: row.value, sumSquares: row.value_sq };
    a.deviceOrders = row.device_orders;
    a.attachedDeviceOrders = row.attached;
  }
  return [...byVariant.values()];
}

export interface SeriesPoint {
  /** Bucket start, unix seconds. */
  t: number;
  variant: string;
  active_units: number;
  impressions: number;
  clicked: number;
  purchasing_units: number;
  revenue: number;
}

const SERIES = `WITH ev AS (
  SELECT ${unitExpression("e")} AS unit_id, e.type, e.rec_id, e.order_value, CAST(e.ts / ?5 AS INTEGER) * CAST(?5 AS INTEGER) AS t
  FROM events e WHERE e.ts >= ?3 AND e.ts < ?4
)
SELECT ev.t AS t, u.variant,
  COUNT(DISTINCT ev.unit_id) AS active_units,
  COUNT(DISTINCT CASE WHEN ev.type = 'impression' THEN ev.rec_id END) AS impressions,
  COUNT(DISTINCT CASE WHEN ev.type = 'click' THEN ev.rec_id END) AS clicked,
  COUNT(DISTINCT CASE WHEN ev.type = 'purchase' THEN ev.unit_id END) AS purchasing_units,
  SUM(CASE WHEN ev.type = 'purchase' THEN COALESCE(ev.order_value, 0) ELSE 0 END) AS revenue
FROM ev CROSS JOIN exposures u
WHERE u.experiment_id = ?1 AND u.unit_id = ev.unit_id
GROUP BY ev.t, u.variant
ORDER BY ev.t, u.variant`;

/** Activity per time bucket and variant, for charts over time. */
export async function variantSeries(sql: SqlClient, q: Omit<AggregateQuery, "deviceMinPrice">, bucketSeconds: number): Promise<SeriesPoint[]> {
  return sql.all<SeriesPoint>(SERIES, [q.experiment, q.unit, q.from, q.to, Math.max(60, Math.floor(bucketSeconds))]);
}
