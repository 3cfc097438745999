/**
 * @module
 * The metrics dashboard: reads `GET /v1/admin/experiments`, `GET /v1/metrics` and `GET /v1/reports` with the
 * admin token (typed in, kept for the tab in sessionStorage, or passed as #token=...) and draws the experiment
 * over time and per variant, the lifts against control, the sample-ratio check, the attach matrix, candidate
 * bundles and clearance movement.
 */
import { money } from "../js/format.js";
import { heatmap, intervalChart, lineChart, PALETTE, stackedBars } from "./charts.js";

const TOKEN_KEY = "edgerec-admin-token";
const $ = (selector) => document.querySelector(selector);
const percent = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "n/a");
const signedPercent = (x) => (Number.isFinite(x) ? `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%` : "n/a");
const amount = (x) => money(x, null) || "n/a";
const METRICS = [
  ["conversion", "Conversion", percent],
  ["ctr", "CTR (answers clicked)", percent],
  ["add_to_cart_rate", "Add-to-cart rate", percent],
  ["attach_rate", "Attach rate", percent],
  ["aov", "Average order value", amount],
  ["revenue_per_session", "Revenue per session", amount],
];

function token() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? "";
}

async function api(path) {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token()}` } });
  if (response.status === 401) throw Object.assign(new Error("the admin token was refused"), { unauthorized: true });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `${path} answered ${response.status}`);
  return body;
}

function status(text, kind = "") {
  const el = $("[data-status]");
  el.textContent = text;
  el.dataset.kind = kind;
}

function variantColor(report, name) {
  const index = report.analysis.variants.findIndex((v) => v.variant === name);
  return PALETTE[index % PALETTE.length];
}

/** Cumulative rate per variant over the series buckets: Σ numerator / Σ denominator up to each bucket. */
function cumulativeSeries(report, numerator, denominator) {
  const byVariant = new Map();
  for (const point of report.series.points) {
    let s = byVariant.get(point.variant);
    if (!s) byVariant.set(point.variant, (s = { num: 0, den: 0, points: [] }));
    s.num += numerator(point);
    s.den += denominator(point);
    if (s.den > 0) s.points.push([point.t, s.num / s.den]);
  }
  return report.analysis.variants
    .filter((v) => byVariant.get(v.variant)?.points.length)
    .map((v) => ({ name: v.variant, color: variantColor(report, v.variant), points: byVariant.get(v.variant).points }));
}

function renderExperiment(report) {
  const { analysis, experiment } = report;
  $("[data-experiment-title]").textContent = `${experiment.name} (${experiment.id}, ${experiment.status})`;
  const decisions = analysis.decisions.map((d) => `<li data-verdict="${d.verdict}"><strong>${d.variant}</strong>: ${d.verdict.replace("_", " ")} — ${escapeHtml(d.reason)}</li>`).join("");
  $("[data-decisions]").innerHTML = decisions || "<li>Only a control: nothing to compare.</li>";
  const srm = analysis.srm;
  $("[data-srm]").innerHTML = `<span data-srm-result="${srm.passed ? "pass" : "fail"}">${srm.passed ? "Sample ratio OK" : "Sample ratio mismatch"}</span>
    — units ${srm.observed.join(" / ")} vs expected ${srm.expected.map((e) => e.toFixed(0)).join(" / ")}, χ² ${srm.chiSquare.toFixed(2)}, p = ${srm.p < 1e-4 ? srm.p.toExponential(1) : srm.p.toFixed(4)}`;
  $("[data-guardrails]").innerHTML = analysis.guardrails
    .map((g) => `<li data-status="${g.status}"><strong>${g.name}${g.variant ? ` (${g.variant})` : ""}</strong> ${g.status} — ${escapeHtml(g.detail)}</li>`)
    .join("");

  lineChart($("#chart-conversion-time"), { title: "Conversion, cumulative", format: percent, series: cumulativeSeries(report, (p) => p.purchasing_units, (p) => p.active_units) });
  lineChart($("#chart-ctr-time"), { title: "CTR, cumulative", format: percent, series: cumulativeSeries(report, (p) => p.clicked, (p) => p.impressions) });
  lineChart($("#chart-revenue-time"), { title: "Revenue per active session, cumulative", format: amount, series: cumulativeSeries(report, (p) => p.revenue, (p) => p.active_units) });

  const grid = $("[data-metric-grid]");
  if (grid.children.length !== METRICS.length) {
    grid.innerHTML = METRICS.map(([key, label]) => `<figure class="panel"><figcaption>${label}</figcaption><canvas id="chart-metric-${key}" class="chart chart-small" role="img"></canvas></figure>`).join("");
  }
  for (const [key, label, format] of METRICS) {
    intervalChart($(`#chart-metric-${key}`), {
      title: label,
      format,
      rows: analysis.variants.map((v) => ({ label: `${v.variant} (${v.units})`, color: variantColor(report, v.variant), ...v.metrics[key].value })),
    });
  }
  const lifts = [];
  for (const v of analysis.variants) {
    if (v.isControl) continue;
    for (const [key, label] of METRICS) {
      const lift = v.metrics[key].lift;
      if (lift && Number.isFinite(lift.relative.estimate)) lifts.push({ label: `${label} · ${v.variant}`, color: variantColor(report, v.variant), ...lift.relative });
    }
  }
  $("#chart-lifts").style.height = `${Math.max(140, 34 * lifts.length + 40)}px`;
  intervalChart($("#chart-lifts"), { title: `Lift against ${analysis.control}`, format: signedPercent, rows: lifts, zero: 0, clip: [-1, 2], labelWidth: 240 });

  const attribution = report.attribution;
  $("[data-attribution]").innerHTML = attribution.length
    ? attribution.map((a) => `<tr><td>${a.rule ?? "not attributed"}</td><td>${a.slot ?? ""}</td><td>${a.variant ?? ""}</td><td class="num">${a.lines}</td><td class="num">${amount(a.revenue)}</td></tr>`).join("")
    : `<tr><td colspan="5">No purchases yet.</td></tr>`;
}

function renderReports(reports) {
  const cells = reports.attach_matrix;
  const anchorTotals = new Map();
  const accessoryTotals = new Map();
  for (const c of cells) {
    anchorTotals.set(c.anchor_name, Math.max(anchorTotals.get(c.anchor_name) ?? 0, c.device_orders));
    accessoryTotals.set(c.accessory_name, (accessoryTotals.get(c.accessory_name) ?? 0) + c.orders_with);
  }
  const rows = [...anchorTotals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name]) => name);
  const cols = [...accessoryTotals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name]) => name);
  const lookup = new Map(cells.map((c) => [`${c.anchor_name}\u0000${c.accessory_name}`, c.attach_rate]));
  $("#chart-attach").style.height = `${100 + 26 * Math.max(1, rows.length)}px`;
  heatmap($("#chart-attach"), { title: "Attach rate by category pair", rows, cols, format: percent, value: (r, c) => lookup.get(`${r}\u0000${c}`) });

  $("[data-bundles]").innerHTML = reports.candidate_bundles.length
    ? reports.candidate_bundles
        .slice(0, 15)
        .map((b) => `<tr><td>${escapeHtml(b.titles[0])}</td><td>${escapeHtml(b.titles[1])}</td><td class="num">${b.orders_together}</td><td class="num">${b.lift.toFixed(1)}</td><td class="num">${b.lift_lower.toFixed(1)}</td><td class="num">${b.combined_price === null ? "" : amount(b.combined_price)}</td></tr>`)
        .join("")
    : `<tr><td colspan="6">No pair is bought together often enough yet.</td></tr>`;

  const clearance = reports.clearance;
  const top = clearance.products.filter((p) => p.units_sold > 0).slice(0, 12);
  $("[data-clearance-totals]").textContent = `${clearance.totals.units_sold} clearance units sold, ${clearance.totals.units_via_down_sell} through down-sell (${percent(clearance.totals.down_sell_share ?? NaN)}), ${clearance.totals.units_via_recommendations} through any recommendation.`;
  $("#chart-clearance").style.height = `${60 + 26 * Math.max(1, top.length)}px`;
  stackedBars($("#chart-clearance"), {
    title: "Clearance units sold",
    labels: top.map((p) => p.title),
    stacks: [
      { name: "through down-sell", color: PALETTE[1], values: top.map((p) => p.units_via_down_sell) },
      { name: "other recommendations", color: PALETTE[0], values: top.map((p) => p.units_via_recommendations - p.units_via_down_sell) },
      { name: "without a recommendation", color: "#c9cdd6", values: top.map((p) => p.units_sold - p.units_via_recommendations) },
    ],
  });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** What the page shows, kept to redraw the charts when the window changes size. */
let shown = null;

function render() {
  if (shown === null) return;
  $("[data-experiment]").hidden = shown.metrics === null;
  if (shown.metrics !== null) renderExperiment(shown.metrics);
  renderReports(shown.reports);
}

async function load() {
  const select = $("[data-experiment-select]");
  try {
    status("Loading…");
    const { experiments } = await api("/v1/admin/experiments");
    const started = experiments.filter((e) => e.status !== "draft").sort((a, b) => (b.starts_at ?? 0) - (a.starts_at ?? 0));
    const wanted = new URLSearchParams(location.search).get("experiment") ?? select.value;
    select.innerHTML = started.map((e) => `<option value="${escapeHtml(e.id)}">${escapeHtml(e.name)} (${e.status})</option>`).join("");
    if (started.some((e) => e.id === wanted)) select.value = wanted;
    $("[data-login]").hidden = true;
    $("[data-content]").hidden = false;
    const days = Number($("[data-days]").value) || 90;
    const [metrics, reports] = await Promise.all([
      select.value ? api(`/v1/metrics?experiment=${encodeURIComponent(select.value)}&bucket=day`) : Promise.resolve(null),
      api(`/v1/reports?days=${days}`),
    ]);
    shown = { metrics, reports };
    render();
    status(`Updated ${new Date().toLocaleTimeString()}`, "ok");
    document.body.dataset.ready = "1";
  } catch (error) {
    if (error.unauthorized) {
      $("[data-login]").hidden = false;
      $("[data-content]").hidden = true;
    }
    status(error.message, "error");
  }
}

$("[data-login]").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $("[data-token]").value.trim());
  load();
});
$("[data-experiment-select]").addEventListener("change", load);
$("[data-refresh]").addEventListener("click", load);
let resizeTimer = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(render, 150);
});

if (token()) load();
else {
  $("[data-login]").hidden = false;
  status("Enter the admin token to read the metrics.");
}
