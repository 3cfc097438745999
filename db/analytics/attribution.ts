/**
 * @module
 * Purchase attribution. A purchase line belongs to the recommendation answer (rec_id) the storefront echoed on
 * it; a line without one falls back to the last click on the same item in the same session at most
 * `ATTRIBUTION_WINDOW_SECONDS` before the purchase (last click wins). Its slot is the line's own, else the
 * click's; its variant is the one echoed on the click, else on any event of that answer.
 */
import type { SqlClient } from "./sql-client";

export const ATTRIBUTION_WINDOW_SECONDS = 86_400;

/**
 * CTE `resolved_lines` (order_id, product_id, qty, price, session_id, ts, rule, rec_id, slot, variant) over the
 * event orders with ts in [?1, ?2) (and `extraWhere` on orders `o`), every line, attributed or not (rule, rec_id,
 * slot null when not). ?3 is the attribution window in seconds.
 */
export function resolvedLinesCte(extraWhere = ""): string {
  return `lines AS (
    SELECT l.order_id, l.product_id, l.qty, COALESCE(l.price, 0) AS price, o.session_id, o.ts, l.rec_id AS line_rec, l.slot AS line_slot,
      (SELECT c.event_id FROM events c
        WHERE c.type = 'click' AND c.session_id = o.session_id AND c.item_id = l.product_id
          AND c.ts <= o.ts AND c.ts >= o.ts - ?3 AND (l.rec_id IS NULL OR c.rec_id = l.rec_id)
        ORDER BY c.ts DESC LIMIT 1) AS click_id
    FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE o.source = 'event' AND o.ts >= ?1 AND o.ts < ?2 ${extraWhere}
  ),
  resolved_lines AS (
    SELECT lines.order_id, lines.product_id, lines.qty, lines.price, lines.session_id, lines.ts,
      CASE WHEN lines.line_rec IS NOT NULL THEN 'explicit' WHEN lines.click_id IS NOT NULL THEN 'session_click' END AS rule,
      COALESCE(lines.line_rec, c.rec_id) AS rec_id,
      COALESCE(lines.line_slot, c.slot) AS slot,
      COALESCE(c.variant, (SELECT e.variant FROM events e WHERE e.rec_id = COALESCE(lines.line_rec, c.rec_id) AND e.variant IS NOT NULL LIMIT 1)) AS variant
    FROM lines LEFT JOIN events c ON c.event_id = lines.click_id
  )`;
}

export interface AttributionRow {
  rule: "explicit" | "session_click" | null;
  slot: string | null;
  variant: string | null;
  lines: number;
  units: number;
  revenue: number;
}

/**
 * Purchase lines and revenue by attribution rule, slot and variant; the unattributed rest in one row with rule
 * null. With an experiment, only the orders of its exposed units count.
 */
export async function attributionSummary(
  sql: SqlClient,
  from: number,
  to: number,
  options: { experiment?: string; unit?: "session" | "user"; windowSeconds?: number } = {},
): Promise<AttributionRow[]> {
  const params: unknown[] = [from, to, options.windowSeconds ?? ATTRIBUTION_WINDOW_SECONDS];
  let units = "";
  if (options.experiment !== undefined) {
    units = `AND (CASE WHEN ?5 = 'user' AND o.user_id IS NOT NULL THEN 'u:' || o.user_id ELSE 's:' || o.session_id END) IN (SELECT unit_id FROM exposures WHERE experiment_id = ?4)`;
    params.push(options.experiment, options.unit ?? "session");
  }
  return sql.all<AttributionRow>(
    `WITH ${resolvedLinesCte(units)}
    SELECT rule, CASE WHEN rule IS NULL THEN NULL ELSE slot END AS slot, CASE WHEN rule IS NULL THEN NULL ELSE variant END AS variant,
      COUNT(*) AS lines, SUM(qty) AS units, ROUND(SUM(qty * price), 2) AS revenue
    FROM resolved_lines GROUP BY 1, 2, 3 ORDER BY revenue DESC`,
    params,
  );
}
