/**
 * @module
 * The reports as text for a terminal, and as CSV tables (RFC 4180 quoting) for spreadsheets: one table per
 * section (metrics, attach, bundles, clearance).
 */
import { formatInterval, formatP, METRICS, type MetricName } from "../../core/stats/experiment-analysis";
import type { BusinessReports, MetricsReport } from "../../db/analytics/metrics-report";

export const SECTIONS = ["metrics", "attach", "bundles", "clearance"] as const;
export type Section = (typeof SECTIONS)[number];

export function csv(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return "";
    const text = Array.isArray(value) ? value.join(" + ") : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[columns.join(","), ...rows.map((row) => columns.map((c) => cell(row[c])).join(","))].join("\n")}\n`;
}

const round = (x: number, digits = 6) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

function metricRows(report: MetricsReport): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const variant of report.analysis.variants) {
    for (const name of METRICS) {
      const m = variant.metrics[name];
      rows.push({
        experiment: report.experiment.id,
        variant: variant.variant,
        is_control: variant.isControl,
        units: variant.units,
        metric: name,
        value: round(m.value.estimate),
        lower: round(m.value.lower),
        upper: round(m.value.upper),
        numerator: m.numerator,
        denominator: m.denominator,
        lift: m.lift ? round(m.lift.relative.estimate) : null,
        lift_lower: m.lift ? round(m.lift.relative.lower) : null,
        lift_upper: m.lift ? round(m.lift.relative.upper) : null,
        difference: m.lift ? round(m.lift.absolute.estimate) : null,
        difference_lower: m.lift ? round(m.lift.absolute.lower) : null,
        difference_upper: m.lift ? round(m.lift.absolute.upper) : null,
        p_value: m.lift ? round(m.lift.p, 8) : null,
      });
    }
  }
  return rows;
}

const METRIC_COLUMNS = ["experiment", "variant", "is_control", "units", "metric", "value", "lower", "upper", "numerator", "denominator", "lift", "lift_lower", "lift_upper", "difference", "difference_lower", "difference_upper", "p_value"];
const ATTACH_COLUMNS = ["anchor_category", "anchor_name", "accessory_category", "accessory_name", "device_orders", "orders_with", "attach_rate", "lower", "upper"];
const BUNDLE_COLUMNS = ["items", "titles", "categories", "orders_together", "support", "confidence", "lift", "lift_lower", "lift_shrunk", "combined_price"];
const CLEARANCE_COLUMNS = ["id", "title", "category", "price", "stock", "units_sold", "revenue", "units_via_down_sell", "units_via_recommendations", "sell_through"];

export function sectionCsv(section: Section, metrics: MetricsReport | null, business: BusinessReports | null): string {
  switch (section) {
    case "metrics":
      return csv(metrics === null ? [] : metricRows(metrics), METRIC_COLUMNS);
    case "attach":
      return csv((business?.attach_matrix ?? []) as unknown as Array<Record<string, unknown>>, ATTACH_COLUMNS);
    case "bundles":
      return csv((business?.candidate_bundles ?? []) as unknown as Array<Record<string, unknown>>, BUNDLE_COLUMNS);
    case "clearance":
      return csv((business?.clearance.products ?? []) as unknown as Array<Record<string, unknown>>, CLEARANCE_COLUMNS);
  }
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : "n/a");
const money = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "n/a");

function metricCell(name: MetricName, value: { estimate: number; lower: number; upper: number }): string {
  const f = name === "aov" || name === "revenue_per_session" ? money : pct;
  return `${f(value.estimate)} [${f(value.lower)}, ${f(value.upper)}]`;
}

export function metricsText(report: MetricsReport): string {
  const { experiment, analysis } = report;
  const out: string[] = [];
  const window = `${new Date(report.window.from * 1000).toISOString().slice(0, 16)} .. ${new Date(Math.min(report.window.to, Date.now() / 1000 + 1) * 1000).toISOString().slice(0, 16)}`;
  out.push(`experiment ${experiment.id} "${experiment.name}" (${experiment.status}, unit ${experiment.unit}, ${window})`);
  out.push(`control: ${analysis.control}; ${Math.round(analysis.level * 100)}% intervals (Wilson for rates, t/Welch for money); lift = variant / control - 1`);
  out.push("");
  const names = analysis.variants.map((v) => v.variant);
  const width = Math.max(20, ...names.map((n) => n.length + 2));
  out.push(`${"metric".padEnd(20)}${names.map((n) => n.padEnd(Math.max(width, 34))).join("")}`);
  out.push(`${"units".padEnd(20)}${analysis.variants.map((v) => `${v.units} (weight ${v.weight})`.padEnd(Math.max(width, 34))).join("")}`);
  for (const name of METRICS) {
    out.push(`${name.padEnd(20)}${analysis.variants.map((v) => metricCell(name, v.metrics[name].value).padEnd(Math.max(width, 34))).join("")}`);
    const lifts = analysis.variants.map((v) => (v.metrics[name].lift ? `lift ${formatInterval(v.metrics[name].lift!.relative, true)}` : "").padEnd(Math.max(width, 34)));
    if (lifts.some((l) => l.trim().length > 0)) out.push(`${"".padEnd(20)}${lifts.join("")}`);
  }
  out.push("");
  out.push(`sample ratio: observed ${analysis.srm.observed.join(" / ")}, expected ${analysis.srm.expected.map((e) => e.toFixed(0)).join(" / ")}, chi-square ${analysis.srm.chiSquare.toFixed(2)}, p = ${formatP(analysis.srm.p)} -> ${analysis.srm.passed ? "PASS" : "FAIL (sample ratio mismatch)"}`);
  for (const g of analysis.guardrails) out.push(`guardrail ${g.name}${g.variant ? ` (${g.variant})` : ""}: ${g.status.toUpperCase()} ${g.detail}`);
  for (const d of analysis.decisions) out.push(`verdict ${d.variant} on ${d.metric}: ${d.verdict.toUpperCase()} — ${d.reason}`);
  if (report.attribution.length > 0) {
    out.push("");
    out.push("purchase attribution (lines, revenue):");
    for (const a of report.attribution) out.push(`  ${(a.rule ?? "unattributed").padEnd(14)} ${(a.slot ?? "").padEnd(12)} ${(a.variant ?? "").padEnd(28)} ${String(a.lines).padStart(7)} ${money(a.revenue).padStart(12)}`);
  }
  return `${out.join("\n")}\n`;
}

export function businessText(reports: BusinessReports, top = 15): string {
  const out: string[] = [];
  out.push(`attach matrix (device orders: the top line costs at least the device threshold; share that also carry the category):`);
  for (const c of reports.attach_matrix.slice(0, top)) {
    out.push(`  ${c.anchor_name.padEnd(22)} -> ${c.accessory_name.padEnd(24)} ${pct(c.attach_rate).padStart(7)} [${pct(c.lower)}, ${pct(c.upper)}]  (${c.orders_with}/${c.device_orders})`);
  }
  out.push("");
  out.push(`candidate bundles (bought together far above chance, no bundle covers them yet):`);
  for (const b of reports.candidate_bundles.slice(0, top)) {
    out.push(`  ${b.titles.join(" + ").slice(0, 70).padEnd(70)} orders ${String(b.orders_together).padStart(5)}  lift ${b.lift_shrunk.toFixed(1)} by evidence (raw ${b.lift.toFixed(1)})`);
  }
  const t = reports.clearance.totals;
  out.push("");
  out.push(`clearance: ${t.products} products, ${t.units_sold} units sold (${money(t.revenue)}), ${t.units_via_down_sell} through down-sell (${t.down_sell_share === null ? "n/a" : pct(t.down_sell_share)}), ${t.units_via_recommendations} through any recommendation`);
  for (const p of reports.clearance.products.slice(0, top)) {
    out.push(`  ${p.title.slice(0, 50).padEnd(50)} sold ${String(p.units_sold).padStart(4)}  via down-sell ${String(p.units_via_down_sell).padStart(4)}  stock ${String(p.stock ?? "?").padStart(4)}  sell-through ${p.sell_through === null ? "n/a" : pct(p.sell_through)}`);
  }
  return `${out.join("\n")}\n`;
}
