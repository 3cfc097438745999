/**
 * @module
 * The analysis of one experiment from per-variant sums (what D1 aggregates), for `GET /v1/metrics` and
 * `edgerec report`. Per variant, with 95% intervals:
 *
 *   ctr                  impressions clicked at least once / impressions              (Wilson)
 *   add_to_cart_rate     units with an add_to_cart / units                            (Wilson)
 *   conversion           units with a purchase / units                                (Wilson)
 *   attach_rate          device orders that carry an accessory / device orders         (Wilson)
 *   aov                  mean order value over orders                                 (t interval; lift by Welch)
 *   revenue_per_session  mean revenue over units, zeros included                      (t interval; lift by Welch)
 *
 * the lift of every other variant against the control (lift.ts), the sample-ratio-mismatch check against the
 * configured weights (srm.ts), guardrails and a verdict on the primary metric.
 */
import { DEFAULT_LEVEL, type Interval } from "./interval";
import { type Lift, meanLift, rateLift } from "./lift";
import type { Moments } from "./moments";
import { sampleRatioMismatch, type SrmCheck, SRM_THRESHOLD } from "./srm";
import { meanInterval } from "./welch";
import { wilsonInterval } from "./wilson";

export interface VariantAggregate {
  variant: string;
  /** Exposed units (sessions or users). */
  units: number;
  impressions: number;
  clickedImpressions: number;
  unitsWithAddToCart: number;
  unitsWithPurchase: number;
  deviceOrders: number;
  attachedDeviceOrders: number;
  /** Per order. */
  orderValue: Moments;
  /** Per unit; n is the number of units, zeros included. */
  revenue: Moments;
}

export const METRICS = ["ctr", "add_to_cart_rate", "conversion", "attach_rate", "aov", "revenue_per_session"] as const;
export type MetricName = (typeof METRICS)[number];

const RATES: Record<Exclude<MetricName, "aov" | "revenue_per_session">, (a: VariantAggregate) => [number, number]> = {
  ctr: (a) => [a.clickedImpressions, a.impressions],
  add_to_cart_rate: (a) => [a.unitsWithAddToCart, a.units],
  conversion: (a) => [a.unitsWithPurchase, a.units],
  attach_rate: (a) => [a.attachedDeviceOrders, a.deviceOrders],
};
const MEANS: Record<"aov" | "revenue_per_session", (a: VariantAggregate) => Moments> = {
  aov: (a) => a.orderValue,
  revenue_per_session: (a) => a.revenue,
};

interface MetricResult {
  value: Interval;
  /** Rates: successes and trials; means: n. */
  numerator?: number;
  denominator: number;
  /** Against the control; absent on the control itself. */
  lift?: Lift;
}

interface VariantReport {
  variant: string;
  weight: number;
  units: number;
  isControl: boolean;
  metrics: Record<MetricName, MetricResult>;
}

type GuardrailStatus = "ok" | "warn" | "fail";

interface Guardrail {
  name: string;
  variant?: string;
  status: GuardrailStatus;
  detail: string;
}

type Verdict = "ship" | "stop" | "keep_running" | "invalid";

interface Decision {
  variant: string;
  metric: MetricName;
  verdict: Verdict;
  reason: string;
}

export interface ExperimentAnalysis {
  control: string;
  level: number;
  primaryMetric: MetricName;
  variants: VariantReport[];
  srm: SrmCheck;
  guardrails: Guardrail[];
  decisions: Decision[];
}

export interface AnalysisOptions {
  level?: number;
  primaryMetric?: MetricName;
  /** Metrics that must not get significantly worse. */
  guardrailMetrics?: readonly MetricName[];
  /** Units per variant below which results are flagged as too early. */
  minUnits?: number;
  srmThreshold?: number;
}

export function analyseExperiment(
  aggregates: readonly VariantAggregate[],
  variants: ReadonlyArray<{ name: string; weight: number }>,
  control: string,
  options: AnalysisOptions = {},
): ExperimentAnalysis {
  const level = options.level ?? DEFAULT_LEVEL;
  const primaryMetric = options.primaryMetric ?? "conversion";
  const guardrailMetrics = options.guardrailMetrics ?? ["conversion", "revenue_per_session", "add_to_cart_rate"];
  const minUnits = options.minUnits ?? 200;
  const byName = new Map(aggregates.map((a) => [a.variant, a]));
  const ordered = variants.map((v) => byName.get(v.name) ?? emptyAggregate(v.name));
  const controlAggregate = ordered.find((a) => a.variant === control) ?? emptyAggregate(control);

  const reports: VariantReport[] = ordered.map((aggregate, i) => {
    const isControl = aggregate.variant === control;
    const metrics = {} as Record<MetricName, MetricResult>;
    for (const [name, read] of Object.entries(RATES) as Array<[MetricName, (a: VariantAggregate) => [number, number]]>) {
      const [x, n] = read(aggregate);
      const result: MetricResult = { value: wilsonInterval(x, n, level), numerator: x, denominator: n };
      if (!isControl) {
        const [xc, nc] = read(controlAggregate);
        result.lift = rateLift({ successes: xc, trials: nc }, { successes: x, trials: n }, level);
      }
      metrics[name] = result;
    }
    for (const [name, read] of Object.entries(MEANS) as Array<[MetricName, (a: VariantAggregate) => Moments]>) {
      const moments = read(aggregate);
      const result: MetricResult = { value: meanInterval(moments, level), denominator: moments.n };
      if (!isControl) result.lift = meanLift(read(controlAggregate), moments, level);
      metrics[name] = result;
    }
    return { variant: aggregate.variant, weight: variants[i].weight, units: aggregate.units, isControl, metrics };
  });

  const srm = sampleRatioMismatch(ordered.map((a) => a.units), variants.map((v) => v.weight), options.srmThreshold ?? SRM_THRESHOLD);
  const guardrails: Guardrail[] = [
    {
      name: "sample_ratio",
      status: srm.passed ? "ok" : "fail",
      detail: `chi-square ${srm.chiSquare.toFixed(2)} on ${srm.df} df, p = ${formatP(srm.p)} (fails below ${srm.threshold})`,
    },
  ];
  for (const report of reports) {
    if (report.units < minUnits) guardrails.push({ name: "sample_size", variant: report.variant, status: "warn", detail: `${report.units} units, fewer than ${minUnits}` });
  }
  const decisions: Decision[] = [];
  for (const report of reports) {
    if (report.isControl) continue;
    let harmed = false;
    for (const metric of guardrailMetrics) {
      const lift = report.metrics[metric].lift;
      if (lift === undefined || !Number.isFinite(lift.absolute.estimate)) continue;
      const status: GuardrailStatus = lift.absolute.upper < 0 ? "fail" : lift.absolute.estimate < 0 ? "warn" : "ok";
      if (status === "fail") harmed = true;
      guardrails.push({ name: metric, variant: report.variant, status, detail: `lift ${formatInterval(lift.relative, true)} (absolute ${formatInterval(lift.absolute, false)})` });
    }
    decisions.push(decide(report, primaryMetric, srm.passed, harmed));
  }
  return { control, level, primaryMetric, variants: reports, srm, guardrails, decisions };
}

function decide(report: VariantReport, metric: MetricName, srmPassed: boolean, harmed: boolean): Decision {
  const lift = report.metrics[metric].lift;
  const base = { variant: report.variant, metric };
  if (!srmPassed) return { ...base, verdict: "invalid", reason: "sample ratio mismatch: fix assignment or logging before reading any metric" };
  if (lift === undefined || !Number.isFinite(lift.absolute.lower)) return { ...base, verdict: "keep_running", reason: `not enough data for ${metric}` };
  if (harmed) return { ...base, verdict: "stop", reason: "a guardrail metric is significantly worse than control" };
  if (lift.absolute.upper < 0) return { ...base, verdict: "stop", reason: `${metric} is significantly lower than control` };
  if (lift.absolute.lower > 0) return { ...base, verdict: "ship", reason: `${metric} is significantly higher than control (lift ${formatInterval(lift.relative, true)})` };
  return { ...base, verdict: "keep_running", reason: `the interval of the ${metric} lift still contains 0 (${formatInterval(lift.relative, true)})` };
}

function emptyAggregate(variant: string): VariantAggregate {
  const zero = { n: 0, sum: 0, sumSquares: 0 };
  return { variant, units: 0, impressions: 0, clickedImpressions: 0, unitsWithAddToCart: 0, unitsWithPurchase: 0, deviceOrders: 0, attachedDeviceOrders: 0, orderValue: zero, revenue: zero };
}

export function formatP(p: number): string {
  if (!Number.isFinite(p)) return "n/a";
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

export function formatInterval(interval: Interval, percent: boolean): string {
  if (!Number.isFinite(interval.estimate)) return "n/a";
  const f = (x: number) => (Number.isFinite(x) ? (percent ? `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%` : x.toFixed(4)) : "?");
  return `${f(interval.estimate)} [${f(interval.lower)}, ${f(interval.upper)}]`;
}
