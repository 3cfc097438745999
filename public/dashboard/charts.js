/**
 * @module
 * Small canvas charts for the metrics dashboard, no dependencies: lines over time, estimates with interval
 * whiskers, stacked bars and a heatmap. Every chart sizes its canvas to the element's CSS box at the device
 * pixel ratio, draws axes and labels, and writes a text summary into the canvas's aria-label.
 */

export const PALETTE = ["#2b59e6", "#e4572e", "#17a398", "#8e44ad", "#f3a712", "#5d6475"];
const INK = "#161a24";
const MUTED = "#5d6475";
const GRID = "#e3e6ed";
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function setup(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(200, canvas.clientWidth || canvas.width);
  const height = Math.max(120, canvas.clientHeight || canvas.height);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = FONT;
  ctx.textBaseline = "middle";
  return { ctx, width, height };
}

/** Round numbers for an axis from lo to hi (about `count` of them). */
export function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/** `text` shortened with an ellipsis to fit `maxWidth` pixels. */
function fit(ctx, text, maxWidth) {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function extent(values, includeZero) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.06;
  return [includeZero && lo === 0 ? 0 : lo - pad, hi + pad];
}

function empty(ctx, width, height, canvas, text) {
  ctx.fillStyle = MUTED;
  ctx.textAlign = "center";
  ctx.fillText(text, width / 2, height / 2);
  canvas.setAttribute("aria-label", text);
  canvas.dataset.drawn = "0";
}

function legend(ctx, items, x, y) {
  ctx.textAlign = "left";
  for (const item of items) {
    ctx.fillStyle = item.color;
    ctx.fillRect(x, y - 5, 10, 10);
    ctx.fillStyle = INK;
    ctx.fillText(item.name, x + 14, y);
    x += 24 + ctx.measureText(item.name).width;
  }
}

/**
 * Lines over time. series: [{ name, color, points: [[t, y], ...] }]; t in unix seconds.
 */
export function lineChart(canvas, { series, format = String, title = "" }) {
  const { ctx, width, height } = setup(canvas);
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return empty(ctx, width, height, canvas, `${title}: no data yet`);
  const left = 56;
  const right = width - 12;
  const top = 28;
  const bottom = height - 26;
  const [x0, x1] = extent(all.map((p) => p[0]), false);
  const [y0, y1] = extent(all.map((p) => p[1]), true);
  const x = (t) => left + ((t - x0) / (x1 - x0)) * (right - left);
  const y = (v) => bottom - ((v - y0) / (y1 - y0)) * (bottom - top);
  ctx.strokeStyle = GRID;
  ctx.fillStyle = MUTED;
  ctx.textAlign = "right";
  for (const v of ticks(y0, y1, 4)) {
    ctx.beginPath();
    ctx.moveTo(left, y(v));
    ctx.lineTo(right, y(v));
    ctx.stroke();
    ctx.fillText(format(v), left - 6, y(v));
  }
  ctx.textAlign = "center";
  const days = ticks(x0 / 86400, x1 / 86400, 6).map((d) => d * 86400);
  for (const t of days) ctx.fillText(new Date(t * 1000).toISOString().slice(5, 10), x(t), bottom + 14);
  ctx.lineWidth = 2;
  for (const s of series) {
    ctx.strokeStyle = s.color;
    ctx.beginPath();
    s.points.forEach(([t, v], i) => (i === 0 ? ctx.moveTo(x(t), y(v)) : ctx.lineTo(x(t), y(v))));
    ctx.stroke();
    ctx.fillStyle = s.color;
    for (const [t, v] of s.points) {
      ctx.beginPath();
      ctx.arc(x(t), y(v), 2.5, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  ctx.lineWidth = 1;
  legend(ctx, series, left, 12);
  const last = series.map((s) => `${s.name} ${format(s.points.at(-1)?.[1] ?? NaN)}`).join(", ");
  canvas.setAttribute("aria-label", `${title}: ${last}`);
  canvas.dataset.drawn = "1";
}

/**
 * Estimates with interval whiskers, one row each. rows: [{ label, estimate, lower, upper, color }].
 * `zero` draws the reference line (0 for lifts).
 */
export function intervalChart(canvas, { rows, format = String, title = "", zero = null, clip = null, labelWidth: maxLabel = 150 }) {
  const { ctx, width, height } = setup(canvas);
  const usable = rows.filter((r) => Number.isFinite(r.estimate));
  if (usable.length === 0) return empty(ctx, width, height, canvas, `${title}: no data yet`);
  const labelWidth = Math.min(maxLabel, Math.max(...usable.map((r) => ctx.measureText(r.label).width)) + 12);
  const left = labelWidth + 8;
  const right = width - 16;
  const top = 10;
  const bottom = height - 24;
  // Values beyond `clip` are drawn at its edge with an arrow, so one huge interval does not flatten the rest.
  const limit = (v) => (clip === null || !Number.isFinite(v) ? v : Math.min(clip[1], Math.max(clip[0], v)));
  const values = usable.flatMap((r) => [r.estimate, r.lower, r.upper].map(limit)).concat(zero === null ? [] : [zero]);
  const [v0, v1] = extent(values, zero === null);
  const x = (v) => left + ((limit(v) - v0) / (v1 - v0)) * (right - left);
  const rowHeight = (bottom - top) / usable.length;
  ctx.strokeStyle = GRID;
  ctx.fillStyle = MUTED;
  ctx.textAlign = "center";
  for (const v of ticks(v0, v1, 4)) {
    ctx.beginPath();
    ctx.moveTo(x(v), top);
    ctx.lineTo(x(v), bottom);
    ctx.stroke();
    ctx.fillText(format(v), x(v), bottom + 12);
  }
  if (zero !== null) {
    ctx.strokeStyle = INK;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(x(zero), top);
    ctx.lineTo(x(zero), bottom);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  usable.forEach((r, i) => {
    const cy = top + rowHeight * (i + 0.5);
    ctx.fillStyle = INK;
    ctx.textAlign = "right";
    ctx.fillText(fit(ctx, r.label, labelWidth - 4), left - 8, cy);
    const lo = Number.isFinite(r.lower) ? r.lower : r.estimate;
    const hi = Number.isFinite(r.upper) ? r.upper : r.estimate;
    ctx.strokeStyle = r.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x(lo), cy);
    ctx.lineTo(x(hi), cy);
    ctx.moveTo(x(lo), cy - 5);
    ctx.lineTo(x(lo), cy + 5);
    ctx.moveTo(x(hi), cy - 5);
    ctx.lineTo(x(hi), cy + 5);
    for (const [edge, direction] of [[lo, -1], [hi, 1]]) {
      if (limit(edge) === edge) continue;
      ctx.moveTo(x(edge) - 7 * direction, cy - 5);
      ctx.lineTo(x(edge), cy);
      ctx.lineTo(x(edge) - 7 * direction, cy + 5);
    }
    ctx.stroke();
    ctx.lineWidth = 1;
    ctx.fillStyle = r.color;
    ctx.beginPath();
    ctx.arc(x(r.estimate), cy, 4.5, 0, Math.PI * 2);
    ctx.fill();
  });
  canvas.setAttribute("aria-label", `${title}: ${usable.map((r) => `${r.label} ${format(r.estimate)} [${format(r.lower)}, ${format(r.upper)}]`).join("; ")}`);
  canvas.dataset.drawn = "1";
}

/**
 * Horizontal stacked bars. labels: row names; stacks: [{ name, color, values: [per row] }].
 */
export function stackedBars(canvas, { labels, stacks, format = String, title = "" }) {
  const { ctx, width, height } = setup(canvas);
  const totals = labels.map((_, i) => stacks.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  if (labels.length === 0 || Math.max(...totals) <= 0) return empty(ctx, width, height, canvas, `${title}: no data yet`);
  const labelWidth = Math.min(220, Math.max(...labels.map((l) => ctx.measureText(l).width)) + 12);
  const left = labelWidth + 8;
  const right = width - 40;
  const top = 26;
  const bottom = height - 8;
  const max = Math.max(...totals);
  const rowHeight = (bottom - top) / labels.length;
  labels.forEach((label, i) => {
    const cy = top + rowHeight * (i + 0.5);
    ctx.fillStyle = INK;
    ctx.textAlign = "right";
    ctx.fillText(fit(ctx, label, labelWidth - 4), left - 8, cy);
    let x = left;
    for (const s of stacks) {
      const w = ((s.values[i] ?? 0) / max) * (right - left);
      ctx.fillStyle = s.color;
      ctx.fillRect(x, cy - rowHeight * 0.32, w, rowHeight * 0.64);
      x += w;
    }
    ctx.fillStyle = MUTED;
    ctx.textAlign = "left";
    ctx.fillText(format(totals[i]), x + 6, cy);
  });
  legend(ctx, stacks, left, 12);
  canvas.setAttribute("aria-label", `${title}: ${labels.map((l, i) => `${l} ${format(totals[i])}`).join("; ")}`);
  canvas.dataset.drawn = "1";
}

/**
 * A heatmap of values in [0, 1] (shares). rows/cols: names; value(r, c) -> number | undefined.
 */
export function heatmap(canvas, { rows, cols, value, format = String, title = "" }) {
  const { ctx, width, height } = setup(canvas);
  if (rows.length === 0 || cols.length === 0) return empty(ctx, width, height, canvas, `${title}: no data yet`);
  const labelWidth = Math.min(170, Math.max(...rows.map((r) => ctx.measureText(r).width)) + 12);
  const left = labelWidth + 8;
  const top = 92;
  const cellW = (width - left - 8) / cols.length;
  const cellH = Math.max(14, (height - top - 8) / rows.length);
  let max = 0;
  for (const r of rows) for (const c of cols) max = Math.max(max, value(r, c) ?? 0);
  ctx.save();
  ctx.fillStyle = INK;
  ctx.textAlign = "left";
  cols.forEach((c, j) => {
    ctx.save();
    ctx.translate(left + cellW * (j + 0.5), top - 6);
    ctx.rotate(-Math.PI / 3.2);
    ctx.fillText(fit(ctx, c, 110), 0, 0);
    ctx.restore();
  });
  ctx.restore();
  rows.forEach((r, i) => {
    const cy = top + cellH * i;
    ctx.fillStyle = INK;
    ctx.textAlign = "right";
    ctx.fillText(fit(ctx, r, labelWidth - 4), left - 8, cy + cellH / 2);
    cols.forEach((c, j) => {
      const v = value(r, c);
      const share = v === undefined || max === 0 ? 0 : v / max;
      ctx.fillStyle = v === undefined ? "#f5f6f9" : `rgba(43, 89, 230, ${0.08 + 0.92 * share})`;
      ctx.fillRect(left + cellW * j + 1, cy + 1, cellW - 2, cellH - 2);
      if (v !== undefined && cellW > 34) {
        ctx.fillStyle = share > 0.55 ? "#fff" : INK;
        ctx.textAlign = "center";
        ctx.fillText(format(v), left + cellW * (j + 0.5), cy + cellH / 2);
      }
    });
  });
  canvas.setAttribute("aria-label", `${title}: ${rows.length} x ${cols.length}`);
  canvas.dataset.drawn = "1";
}
