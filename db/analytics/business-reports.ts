/**
 * @module
 * Reports for merchandising and product planning, from the orders D1 holds:
 *
 * - attach matrix: for device orders (anchor = the most expensive line, at least the device threshold), the
 *   share that also carry a line of each other category, P(B in order | anchor category A), Wilson interval;
 * - candidate bundles: product pairs bought together often and far more than chance, lift = n_xy N / (n_x n_y),
 *   ranked by evidence: the lift shrunk by its count, (n_xy + k) / (E + k) with E = n_x n_y / N and k fitted to the
 *   window's pairs (`core/stats/shrunk-lift.ts`), so five orders of two rare items do not top the list; that no
 *   proposed or active bundle covers yet (with the Wilson lower bound of P(y | x) over P(y) beside it);
 * - clearance: every clearance product's units sold, how many through a down-sell (or any) recommendation
 *   (attribution.ts), and its sell-through sold / (sold + stock).
 */
import { fitLiftPrior, shrunkLift } from "../../core/stats/shrunk-lift";
import { wilsonInterval } from "../../core/stats/wilson";
import { ATTRIBUTION_WINDOW_SECONDS, resolvedLinesCte } from "./attribution";
import type { SqlClient } from "./sql-client";
import { DEVICE_MIN_PRICE, orderFactsCtes } from "./unit-sql";
import { LIVE_CATEGORIES, LIVE_PRODUCTS } from "./live-catalog";

export interface ReportWindow {
  from: number;
  to: number;
}

export interface AttachCell {
  anchor_category: string;
  anchor_name: string;
  accessory_category: string;
  accessory_name: string;
  device_orders: number;
  orders_with: number;
  attach_rate: number;
  lower: number;
  upper: number;
}

export async function attachMatrix(sql: SqlClient, window: ReportWindow, options: { deviceMinPrice?: number; minDeviceOrders?: number } = {}): Promise<AttachCell[]> {
  const rows = await sql.all<{ anchor_cat: string; with_cat: string; device_orders: number; orders_with: number; anchor_name: string | null; with_name: string | null }>(
    `WITH ${orderFactsCtes("SELECT id FROM orders WHERE ts >= ?1 AND ts < ?2")},
    devices AS (SELECT order_id, anchor_cat FROM order_anchor WHERE anchor_price >= ?3),
    totals AS (SELECT anchor_cat, COUNT(*) AS device_orders FROM devices GROUP BY anchor_cat HAVING COUNT(*) >= ?4),
    pairs AS (
      SELECT d.anchor_cat, COALESCE(p.category_id, '') AS with_cat, COUNT(DISTINCT d.order_id) AS orders_with
      FROM devices d CROSS JOIN order_lines l LEFT JOIN ${LIVE_PRODUCTS} p ON p.id = l.product_id
      WHERE l.order_id = d.order_id AND COALESCE(p.category_id, '') <> d.anchor_cat
      GROUP BY 1, 2
    )
    SELECT p.anchor_cat, p.with_cat, t.device_orders, p.orders_with, ca.name AS anchor_name, cw.name AS with_name
    FROM pairs p JOIN totals t ON t.anchor_cat = p.anchor_cat
    LEFT JOIN ${LIVE_CATEGORIES} ca ON ca.id = p.anchor_cat LEFT JOIN ${LIVE_CATEGORIES} cw ON cw.id = p.with_cat
    ORDER BY t.device_orders DESC, p.anchor_cat, p.orders_with DESC`,
    [window.from, window.to, options.deviceMinPrice ?? DEVICE_MIN_PRICE, options.minDeviceOrders ?? 1],
  );
  return rows.map((r) => {
    const ci = wilsonInterval(r.orders_with, r.device_orders);
    return {
      anchor_category: r.anchor_cat,
      anchor_name: r.anchor_name ?? (r.anchor_cat || "(unknown)"),
      accessory_category: r.with_cat,
      accessory_name: r.with_name ?? (r.with_cat || "(unknown)"),
      device_orders: r.device_orders,
      orders_with: r.orders_with,
      attach_rate: ci.estimate,
      lower: ci.lower,
      upper: ci.upper,
    };
  });
}

export interface CandidateBundle {
  items: [string, string];
  titles: [string, string];
  categories: [string | null, string | null];
  orders_together: number;
  support: number;
  confidence: number;
  lift: number;
  lift_lower: number;
  /** The lift shrunk by its count: what the list is ranked by. */
  lift_shrunk: number;
  combined_price: number | null;
}

export async function candidateBundles(sql: SqlClient, window: ReportWindow, options: { minOrders?: number; minLift?: number; limit?: number } = {}): Promise<CandidateBundle[]> {
  const minOrders = options.minOrders ?? 5;
  const minLift = options.minLift ?? 1.5;
  const rows = await sql.all<{ x: string; y: string; nxy: number; nx: number; ny: number; total: number; tx: string | null; ty: string | null; cx: string | null; cy: string | null; px: number | null; py: number | null }>(
    `WITH l AS (SELECT DISTINCT ol.order_id, ol.product_id FROM order_lines ol JOIN orders o ON o.id = ol.order_id WHERE o.ts >= ?1 AND o.ts < ?2),
    n AS (SELECT COUNT(DISTINCT order_id) AS total FROM l),
    item AS (SELECT product_id, COUNT(*) AS c FROM l GROUP BY product_id HAVING COUNT(*) >= ?3),
    pairs AS (
      SELECT a.product_id AS x, b.product_id AS y, COUNT(*) AS nxy
      FROM l a JOIN l b ON a.order_id = b.order_id AND a.product_id < b.product_id
      WHERE a.product_id IN (SELECT product_id FROM item) AND b.product_id IN (SELECT product_id FROM item)
      GROUP BY a.product_id, b.product_id HAVING COUNT(*) >= ?3
    )
    SELECT p.x, p.y, p.nxy, ix.c AS nx, iy.c AS ny, n.total,
      px.title AS tx, py.title AS ty, px.category_id AS cx, py.category_id AS cy, px.price AS px, py.price AS py
    FROM pairs p JOIN item ix ON ix.product_id = p.x JOIN item iy ON iy.product_id = p.y CROSS JOIN n
    LEFT JOIN ${LIVE_PRODUCTS} px ON px.id = p.x LEFT JOIN ${LIVE_PRODUCTS} py ON py.id = p.y
    ORDER BY p.nxy DESC LIMIT 5000`,
    [window.from, window.to, minOrders],
  );
  const covered = await coveredPairs(sql);
  const k = fitLiftPrior(rows.map((r) => ({ observed: r.nxy, expected: (r.nx * r.ny) / r.total })), minOrders);
  const out: CandidateBundle[] = [];
  for (const r of rows) {
    if (covered.has(pairKey(r.x, r.y))) continue;
    const lift = (r.nxy * r.total) / (r.nx * r.ny);
    if (lift < minLift) continue;
    // Conservative in both directions: the smaller Wilson lower bound of P(y | x) / P(y) and P(x | y) / P(x).
    const lower = Math.min(wilsonInterval(r.nxy, r.nx).lower / (r.ny / r.total), wilsonInterval(r.nxy, r.ny).lower / (r.nx / r.total));
    out.push({
      items: [r.x, r.y],
      titles: [r.tx ?? r.x, r.ty ?? r.y],
      categories: [r.cx, r.cy],
      orders_together: r.nxy,
      support: r.nxy / r.total,
      confidence: r.nxy / Math.min(r.nx, r.ny),
      lift,
      lift_lower: lower,
      lift_shrunk: shrunkLift(r.nxy, (r.nx * r.ny) / r.total, k),
      combined_price: r.px !== null && r.py !== null ? Math.round((r.px + r.py) * 100) / 100 : null,
    });
  }
  out.sort((a, b) => b.lift_shrunk - a.lift_shrunk || b.orders_together - a.orders_together);
  return out.slice(0, options.limit ?? 50);
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

async function coveredPairs(sql: SqlClient): Promise<Set<string>> {
  const bundles = await sql.all<{ items: string }>(`SELECT items FROM bundles WHERE status IN ('proposed', 'active')`);
  const covered = new Set<string>();
  for (const bundle of bundles) {
    let items: unknown;
    try {
      items = JSON.parse(bundle.items);
    } catch {
      continue;
    }
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) covered.add(pairKey(String(items[i]), String(items[j])));
  }
  return covered;
}

interface ClearanceRow {
  id: string;
  title: string;
  category: string | null;
  price: number | null;
  stock: number | null;
  units_sold: number;
  revenue: number;
  units_via_down_sell: number;
  units_via_recommendations: number;
  sell_through: number | null;
}

export interface ClearanceReport {
  products: ClearanceRow[];
  totals: { products: number; units_sold: number; units_via_down_sell: number; units_via_recommendations: number; revenue: number; down_sell_share: number | null };
}

export async function clearanceReport(sql: SqlClient, window: ReportWindow): Promise<ClearanceReport> {
  const products = await sql.all<ClearanceRow>(
    `WITH ${resolvedLinesCte()},
    sold AS (
      SELECT product_id, SUM(qty) AS units, SUM(qty * price) AS revenue,
        SUM(CASE WHEN slot = 'down_sell' THEN qty ELSE 0 END) AS via_down_sell,
        SUM(CASE WHEN rec_id IS NOT NULL THEN qty ELSE 0 END) AS via_recs
      FROM resolved_lines WHERE product_id IN (SELECT id FROM ${LIVE_PRODUCTS} WHERE lifecycle = 'clearance')
      GROUP BY product_id
    )
    SELECT p.id, p.title, p.category_id AS category, p.price, p.stock,
      COALESCE(s.units, 0) AS units_sold, ROUND(COALESCE(s.revenue, 0), 2) AS revenue,
      COALESCE(s.via_down_sell, 0) AS units_via_down_sell, COALESCE(s.via_recs, 0) AS units_via_recommendations,
      CASE WHEN COALESCE(s.units, 0) + COALESCE(p.stock, 0) > 0 THEN 1.0 * COALESCE(s.units, 0) / (COALESCE(s.units, 0) + COALESCE(p.stock, 0)) END AS sell_through
    FROM ${LIVE_PRODUCTS} p LEFT JOIN sold s ON s.product_id = p.id
    WHERE p.lifecycle = 'clearance'
    ORDER BY units_sold DESC, p.id`,
    [window.from, window.to, ATTRIBUTION_WINDOW_SECONDS],
  );
  const totals = { products: products.length, units_sold: 0, units_via_down_sell: 0, units_via_recommendations: 0, revenue: 0, down_sell_share: null as number | null };
  for (const p of products) {
    totals.units_sold += p.units_sold;
    totals.units_via_down_sell += p.units_via_down_sell;
    totals.units_via_recommendations += p.units_via_recommendations;
    totals.revenue += p.revenue;
  }
  totals.revenue = Math.round(totals.revenue * 100) / 100;
  totals.down_sell_share = totals.units_sold > 0 ? totals.units_via_down_sell / totals.units_sold : null;
  return { products, totals };
}

export interface ClearanceByVariant {
  variant: string;
  units: number;
  clearance_units: number;
  clearance_units_via_down_sell: number;
  per_1000_units: number;
}

/** Clearance units bought by each variant's exposed units (?4 experiment, ?5 unit kind), per 1000 units. */
export async function clearanceByVariant(sql: SqlClient, window: ReportWindow, experiment: string, unit: "session" | "user"): Promise<ClearanceByVariant[]> {
  const [units, bought] = await Promise.all([
    sql.all<{ variant: string; units: number }>(`SELECT variant, COUNT(*) AS units FROM exposures WHERE experiment_id = ?1 GROUP BY variant ORDER BY variant`, [experiment]),
    sql.all<{ variant: string; clearance_units: number; via_down_sell: number }>(
      `WITH ${resolvedLinesCte(`AND o.id IN (SELECT l.order_id FROM order_lines l JOIN ${LIVE_PRODUCTS} p ON p.id = l.product_id WHERE p.lifecycle = 'clearance')`)}
      SELECT x.variant, SUM(r.qty) AS clearance_units, SUM(CASE WHEN r.slot = 'down_sell' THEN r.qty ELSE 0 END) AS via_down_sell
      FROM resolved_lines r CROSS JOIN orders o CROSS JOIN exposures x
      WHERE o.id = r.order_id AND x.experiment_id = ?4 AND x.unit_id = (CASE WHEN ?5 = 'user' AND o.user_id IS NOT NULL THEN 'u:' || o.user_id ELSE 's:' || o.session_id END)
        AND r.product_id IN (SELECT id FROM ${LIVE_PRODUCTS} WHERE lifecycle = 'clearance')
      GROUP BY x.variant`,
      [window.from, window.to, ATTRIBUTION_WINDOW_SECONDS, experiment, unit],
    ),
  ]);
  const byVariant = new Map(bought.map((b) => [b.variant, b]));
  return units.map((u) => {
    const b = byVariant.get(u.variant);
    const clearance = b?.clearance_units ?? 0;
    return { variant: u.variant, units: u.units, clearance_units: clearance, clearance_units_via_down_sell: b?.via_down_sell ?? 0, per_1000_units: u.units > 0 ? (1000 * clearance) / u.units : 0 };
  });
}
