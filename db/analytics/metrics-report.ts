/**
 * @module
 * The whole picture for `GET /v1/metrics`, `GET /v1/reports` and `edgerec report`, from any SqlClient: an
 * experiment's analysis (core/stats) with its series over time and attribution, and the business reports.
 */
import { controlVariant } from "../../core/experiments/experiment-config";
import { analyseExperiment, type ExperimentAnalysis, type MetricName } from "../../core/stats/experiment-analysis";
import { type AttributionRow, attributionSummary } from "./attribution";
import { attachMatrix, type AttachCell, candidateBundles, type CandidateBundle, clearanceByVariant, type ClearanceByVariant, clearanceReport, type ClearanceReport } from "./business-reports";
import { type SeriesPoint, variantAggregates, variantSeries } from "./experiment-aggregates";
import { type ExperimentRecord, loadExperiment } from "./experiment-record";
import type { SqlClient } from "./sql-client";
import { DEVICE_MIN_PRICE } from "./unit-sql";

export interface MetricsOptions {
  experiment?: string;
  /** Time bucket of the series, seconds (default one day). */
  bucketSeconds?: number;
  primaryMetric?: MetricName;
  deviceMinPrice?: number;
  now?: number;
}

export interface MetricsReport {
  experiment: ExperimentRecord;
  window: { from: number; to: number };
  analysis: ExperimentAnalysis;
  series: { bucket_seconds: number; points: SeriesPoint[] };
  attribution: AttributionRow[];
  clearance_by_variant: ClearanceByVariant[];
}

export async function metricsReport(sql: SqlClient, options: MetricsOptions = {}): Promise<MetricsReport | null> {
  const experiment = await loadExperiment(sql, options.experiment);
  if (experiment === null) return null;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const window = { from: experiment.starts_at ?? experiment.created_at, to: experiment.ends_at ?? now + 1 };
  const bucketSeconds = options.bucketSeconds ?? 86_400;
  const query = { experiment: experiment.id, unit: experiment.unit, from: window.from, to: window.to };
  const [aggregates, points, attribution, clearance] = await Promise.all([
    variantAggregates(sql, { ...query, deviceMinPrice: options.deviceMinPrice ?? DEVICE_MIN_PRICE }),
    variantSeries(sql, query, bucketSeconds),
    attributionSummary(sql, window.from, window.to, { experiment: experiment.id, unit: experiment.unit }),
    clearanceByVariant(sql, window, experiment.id, experiment.unit),
  ]);
  const analysis = analyseExperiment(aggregates, experiment.variants, controlVariant(experiment.variants), { primaryMetric: options.primaryMetric });
  return { experiment, window, analysis, series: { bucket_seconds: bucketSeconds, points }, attribution, clearance_by_variant: clearance };
}

export interface BusinessReports {
  window: { from: number; to: number };
  attach_matrix: AttachCell[];
  candidate_bundles: CandidateBundle[];
  clearance: ClearanceReport;
}

export interface ReportOptions {
  from?: number;
  to?: number;
  /** Default window: this many days back from now. */
  days?: number;
  deviceMinPrice?: number;
  minDeviceOrders?: number;
  minPairOrders?: number;
  minLift?: number;
  limit?: number;
  now?: number;
}

export async function businessReports(sql: SqlClient, options: ReportOptions = {}): Promise<BusinessReports> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const window = { from: options.from ?? now - (options.days ?? 90) * 86_400, to: options.to ?? now + 1 };
  const [attach, bundles, clearance] = await Promise.all([
    attachMatrix(sql, window, { deviceMinPrice: options.deviceMinPrice, minDeviceOrders: options.minDeviceOrders }),
    candidateBundles(sql, window, { minOrders: options.minPairOrders, minLift: options.minLift, limit: options.limit }),
    clearanceReport(sql, window),
  ]);
  return { window, attach_matrix: attach, candidate_bundles: bundles, clearance };
}
