/**
 * @module
 * The per-variant sums an experiment's analysis needs (core/stats/experiment-analysis.ts), aggregated in D1.
 * Units are the experiment's exposures; every event and order of an exposed unit inside the experiment's window
 * counts (intention to treat). Parameters: ?1 experiment, ?2 unit kind, ?3..?4 window [from, to), ?5 device
 * threshold.
 */
import type { VariantAggregate } from "../../core/stats/experiment-analysis";
import type { SqlClient } from "./sql-client";
import { orderFactsCtes, unitExpression } from "./unit-sql";

const UNITS = `units AS (SELECT unit_id, variant FROM exposures WHERE experiment_id = ?1)`;

const UNIT_OUTCOMES = `WITH ${UNITS},
per_unit AS (
  SELECT ${unitExpression("e")} AS unit_id,
    MAX(e.type = 'add_to_cart') AS carted,
    MAX(e.type = 'purchase') AS purchased,
    SUM(CASE WHEN e.type = 'purchase' THEN COALESCE(e.order_value, 0) ELSE 0 END) AS revenue
  FROM events e
  WHERE e.ts >= ?3 AND e.ts < ?4 AND e.type IN ('add_to_cart', 'purchase')
  GROUP BY 1
)
SELECT u.variant, COUNT(*) AS units,
  SUM(COALESCE(p.carted, 0)) AS carted,
  SUM(COALESCE(p.purchased, 0)) AS purchased,
  SUM(COALESCE(p.revenue, 0)) AS revenue,
  SUM(COALESCE(p.revenue, 0) * COALESCE(p.revenue, 0)) AS revenue_sq
FROM units u LEFT JOIN per_unit p ON p.unit_id = u.unit_id
GROUP BY u.variant`;

/** CTR per answer: distinct rec_ids with an impression, and how many of them got a click. */
const IMPRESSIONS = `WITH ${UNITS},
shown AS (
  SELECT e.rec_id, MIN(${unitExpression("e")}) AS unit_id
  FROM events e WHERE e.type = 'impression' AND e.ts >= ?3 AND e.ts < ?4
  GROUP BY e.rec_id
),
clicked AS (SELECT DISTINCT rec_id FROM events WHERE type = 'click' AND ts >= ?3 AND ts < ?4)
SELECT u.variant, COUNT(*) AS impressions, SUM(c.rec_id IS NOT NULL) AS clicked
FROM shown s JOIN units u ON u.unit_id = s.unit_id LEFT JOIN clicked c ON c.rec_id = s.rec_id
GROUP BY u.variant`;

const ORDERS = `WITH ${UNITS},
unit_orders AS (
  SELECT o.id, COALESCE(o.total, 0) AS total, u.variant
  FROM orders o JOIN units u ON u.unit_id = ${unitExpression("o")}
  WHERE o.source = 'event' AND o.ts >= ?3 AND o.ts < ?4
),
${orderFactsCtes("SELECT id FROM unit_orders")}
SELECT uo.variant, COUNT(*) AS orders, SUM(uo.total) AS value, SUM(uo.total * uo.total) AS value_sq,
  SUM(COALESCE(f.anchor_price >= ?5, 0)) AS device_orders,
  SUM(COALESCE(f.anchor_price >= ?5 AND f.attached, 0)) AS attached
FROM unit_orders uo LEFT JOIN order_anchor f ON f.order_id = uo.id
GROUP BY uo.variant`;

export interface AggregateQuery {
  experiment: string;
  unit: "session" | "user";
  from: number;
  to: number;
  deviceMinPrice: number;
}

export async function variantAggregates(sql: SqlClient, q: AggregateQuery): Promise<VariantAggregate[]> {
  const window = [q.experiment, q.unit, q.from, q.to];
  const [outcomes, impressions, orders] = await Promise.all([
    sql.all<{ variant: string; units: number; carted: number; purchased: number; revenue: number; revenue_sq: number }>(UNIT_OUTCOMES, window),
    sql.all<{ variant: string; impressions: number; clicked: number }>(IMPRESSIONS, window),
    sql.all<{ variant: string; orders: number; value: number; value_sq: number; device_orders: number; attached: number }>(ORDERS, [...window, q.deviceMinPrice]),
  ]);
  const byVariant = new Map<string, VariantAggregate>();
  for (const row of outcomes) {
    byVariant.set(row.variant, {
      variant: row.variant,
      units: row.units,
      impressions: 0,
      clickedImpressions: 0,
      unitsWithAddToCart: row.carted,
      unitsWithPurchase: row.purchased,
      deviceOrders: 0,
      attachedDeviceOrders: 0,
      orderValue: { n: 0, sum: 0, sumSquares: 0 },
      revenue: { n: row.units, sum: row.revenue, sumSquares: row.revenue_sq },
    });
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

const SERIES = `WITH ${UNITS},
ev AS (
  SELECT ${unitExpression("e")} AS unit_id, e.type, e.rec_id, e.order_value, (e.ts / ?5) * ?5 AS t
  FROM events e WHERE e.ts >= ?3 AND e.ts < ?4
)
SELECT ev.t AS t, u.variant,
  COUNT(DISTINCT ev.unit_id) AS active_units,
  COUNT(DISTINCT CASE WHEN ev.type = 'impression' THEN ev.rec_id END) AS impressions,
  COUNT(DISTINCT CASE WHEN ev.type = 'click' THEN ev.rec_id END) AS clicked,
  COUNT(DISTINCT CASE WHEN ev.type = 'purchase' THEN ev.unit_id END) AS purchasing_units,
  SUM(CASE WHEN ev.type = 'purchase' THEN COALESCE(ev.order_value, 0) ELSE 0 END) AS revenue
FROM ev JOIN units u ON u.unit_id = ev.unit_id
GROUP BY ev.t, u.variant
ORDER BY ev.t, u.variant`;

/** Activity per time bucket and variant, for charts over time. */
export async function variantSeries(sql: SqlClient, q: Omit<AggregateQuery, "deviceMinPrice">, bucketSeconds: number): Promise<SeriesPoint[]> {
  return sql.all<SeriesPoint>(SERIES, [q.experiment, q.unit, q.from, q.to, Math.max(60, Math.floor(bucketSeconds))]);
}
