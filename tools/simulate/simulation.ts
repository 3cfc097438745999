/**
 * @module
 * One simulated A/B test end to end against a running edge: define and start the experiment through the admin
 * API (started `days` ago, so the sessions spread over a window of simulated time), run the sessions, wait until
 * the queue consumer has stored every accepted event in D1, stop the experiment, and read the analysis back from
 * `GET /v1/metrics`.
 */
import type { PublishedExperiment } from "../../core/experiments/experiment-config";
import type { VariantConfig } from "../../core/experiments/experiment-config";
import type { MetricsReport } from "../../db/analytics/metrics-report";
import type { SqlClient } from "../../db/analytics/sql-client";
import { type RunResult, runSessions } from "./run-sessions";
import type { SimCatalog } from "./sim-catalog";
import type { ShopperParameters } from "./shopper-model";

const SIMULATION_VARIANTS: Array<{ name: string; weight: number; config: VariantConfig }> = [
  { name: "control", weight: 45, config: {} },
  { name: "treatment", weight: 45, config: { copy: { cross_sell: "Complete your setup", down_sell: "Same idea, smaller price" }, down_sell_after_dwell_ms: 30_000 } },
  { name: "holdout", weight: 10, config: { holdout: true } },
];

export interface SimulationOptions {
  baseUrl: string;
  adminToken: string;
  sql: SqlClient;
  catalog: SimCatalog;
  experimentId: string;
  sessions: number;
  seed: number;
  shopper: ShopperParameters;
  days?: number;
  concurrency?: number;
  /** Drop this share of the sessions bound for the treated variant (a deliberately broken split). */
  skew?: number;
  /** Fixes the assignment (default: the admin API draws a salt). */
  salt?: string;
  log?: (line: string) => void;
}

export interface SimulationResult {
  experiment: PublishedExperiment;
  run: RunResult;
  stored: number;
  drainSeconds: number;
  metrics: MetricsReport;
}

export async function simulateExperiment(options: SimulationOptions): Promise<SimulationResult> {
  const log = options.log ?? (() => {});
  const now = Math.floor(Date.now() / 1000);
  const days = options.days ?? 14;
  const admin = { authorization: `Bearer ${options.adminToken}`, "content-type": "application/json" };
  const created = await fetch(`${options.baseUrl}/v1/admin/experiments`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ id: options.experimentId, name: `Simulated ${options.experimentId}`, status: "running", starts_at: now - days * 86_400, variants: SIMULATION_VARIANTS, ...(options.salt ? { salt: options.salt } : {}) }),
  });
  if (created.status !== 201) throw new Error(`creating experiment ${options.experimentId}: ${created.status} ${await created.text()}`);
  const experiment = (await created.json()) as PublishedExperiment;
  log(`experiment ${experiment.id} running (salt ${experiment.salt}): ${SIMULATION_VARIANTS.map((v) => `${v.name} ${v.weight}`).join(", ")}`);

  const runId = `${options.experimentId}-s${options.seed}`;
  const run = await runSessions({
    baseUrl: options.baseUrl,
    catalog: options.catalog,
    sessions: options.sessions,
    seed: options.seed,
    runId,
    shopper: options.shopper,
    concurrency: options.concurrency,
    from: now - days * 86_400 + 60,
    to: now - 3600,
    skew: options.skew ? { experiment, share: options.skew } : undefined,
    onProgress: (done, total) => log(`sessions ${done}/${total}`),
  });
  log(`${run.sessions} sessions (${run.skipped} dropped by the skew) in ${run.seconds.toFixed(1)} s: ${run.client.recommendations} recommendation requests, ${run.client.accepted} events accepted, ${run.client.retries} retries`);

  const drainStarted = performance.now();
  const stored = await waitForStored(options.sql, runId, run.client.accepted, log);
  const drainSeconds = (performance.now() - drainStarted) / 1000;

  const stopped = await fetch(`${options.baseUrl}/v1/admin/experiments/${encodeURIComponent(experiment.id)}`, { method: "PATCH", headers: admin, body: JSON.stringify({ status: "stopped" }) });
  if (!stopped.ok) throw new Error(`stopping ${experiment.id}: ${stopped.status} ${await stopped.text()}`);
  const response = await fetch(`${options.baseUrl}/v1/metrics?experiment=${encodeURIComponent(experiment.id)}`, { headers: { authorization: admin.authorization } });
  if (!response.ok) throw new Error(`GET /v1/metrics: ${response.status} ${await response.text()}`);
  const metrics = (await response.json()) as MetricsReport;
  return { experiment, run, stored, drainSeconds, metrics };
}

/** Polls D1 until it holds `expected` events of the run (session ids start with the run id), or gives up after a minute without progress. */
export async function waitForStored(sql: SqlClient, runId: string, expected: number, log: (line: string) => void): Promise<number> {
  const count = async () => (await sql.all<{ n: number }>(`SELECT COUNT(*) AS n FROM events WHERE session_id >= ?1 AND session_id < ?2`, [`${runId}-`, `${runId}.`]))[0]?.n ?? 0;
  let stored = await count();
  let lastProgress = Date.now();
  while (stored < expected && Date.now() - lastProgress < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await count();
    if (now > stored) lastProgress = Date.now();
    stored = now;
  }
  log(`D1 holds ${stored} of ${expected} accepted events`);
  return stored;
}
