/**
 * @module
 * `npm run simulate`: simulated shoppers against the real edge (wrangler dev on its own local state, real Queues
 * simulation, real D1). Publishes the demo store, runs an A/B test with a planted lift on one variant, then a
 * second test whose split is deliberately broken, and prints the analysis of both and the business reports.
 *
 *   npm run simulate -- [--sessions 20000] [--skewed-sessions 20000] [--skew 0.1] [--lift 0.2] [--seed 7]
 *                       [--concurrency 12] [--orders 20000] [--days 14] [--out summary.json] [--keep]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { businessText, metricsText } from "../batch/analytics/report-format";
import { openSql } from "../batch/analytics/sql-clients";
import { freezeWorker } from "../tools/dev-server/frozen-worker";
import { type DevServer, startDevServer } from "../tools/dev-server/wrangler-dev";
import { prepareDemoStore } from "../tools/simulate/prepare-store";
import { readOrders } from "../batch/io/read-orders";
import { learnCompanions, simCatalog } from "../tools/simulate/sim-catalog";
import { DEFAULT_SHOPPER } from "../tools/simulate/shopper-model";
import { type SimulationResult, simulateExperiment } from "../tools/simulate/simulation";
import type { BusinessReports } from "../db/analytics/metrics-report";

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "20000" },
    "skewed-sessions": { type: "string", default: "20000" },
    skew: { type: "string", default: "0.1" },
    lift: { type: "string", default: String(DEFAULT_SHOPPER.plantedLift) },
    seed: { type: "string", default: "7" },
    concurrency: { type: "string", default: "12" },
    orders: { type: "string", default: "20000" },
    days: { type: "string", default: "14" },
    out: { type: "string" },
    work: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});

const sessions = Number(values.sessions);
const skewedSessions = Number(values["skewed-sessions"]);
const skew = Number(values.skew);
const lift = Number(values.lift);
const seed = Number(values.seed);
const log = (line: string) => process.stderr.write(`[simulate ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const work = values.work ?? mkdtempSync(path.join(tmpdir(), "edgerec-simulate-"));
const adminToken = `sim-${Math.random().toString(36).slice(2)}`;
let server: DevServer | undefined;
let closeSql: (() => Promise<void>) | undefined;

function plantedCheck(result: SimulationResult, trueLift: number) {
  const treatment = result.metrics.analysis.variants.find((v) => v.variant === DEFAULT_SHOPPER.treatedVariant)!;
  const ctr = treatment.metrics.ctr.lift!.relative;
  return {
    metric: "ctr",
    true_lift: trueLift,
    estimate: ctr.estimate,
    lower: ctr.lower,
    upper: ctr.upper,
    covers_truth: ctr.lower <= trueLift && trueLift <= ctr.upper,
    right_sign_and_significant: Math.sign(ctr.estimate) === Math.sign(trueLift) && (trueLift > 0 ? ctr.lower > 0 : ctr.upper < 0),
    srm_p: result.metrics.analysis.srm.p,
    srm_passed: result.metrics.analysis.srm.passed,
    units: result.metrics.analysis.srm.observed,
    expected_units: result.metrics.analysis.srm.expected.map((e) => Math.round(e)),
  };
}

const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)}%`;

try {
  const shopper = { ...DEFAULT_SHOPPER, plantedLift: lift };
  const store = await prepareDemoStore({ work, seed, orders: Number(values.orders), log });
  // A fixed bundle of the worker: wrangler dev would reload on every source edit and drop in-flight queue batches.
  const configPath = await freezeWorker(work);
  server = await startDevServer({ persistTo: store.state, configPath, vars: { ADMIN_TOKEN: adminToken, SESSION_SECRET: `s-${adminToken}`, LIVE_POINTER_TTL_MS: "0", CONFIG_TTL_MS: "1000" } });
  log(`wrangler dev on ${server.url} (state ${store.state})`);
  const opened = await openSql("local", { persistTo: store.state });
  closeSql = opened.close;
  const catalog = simCatalog(store.catalog);
  learnCompanions(catalog, (await readOrders(store.orders)).baskets);
  const common = { baseUrl: server.url, adminToken, sql: opened.sql, catalog, seed, shopper, days: Number(values.days), concurrency: Number(values.concurrency), log };

  const main = await simulateExperiment({ ...common, experimentId: `sim-lift-${seed}`, sessions });
  process.stdout.write(`\n== A/B test with a planted CTR lift of ${pct(lift)} on "${shopper.treatedVariant}" (${main.run.sessions} sessions)\n\n`);
  process.stdout.write(metricsText(main.metrics));
  const mainCheck = plantedCheck(main, lift);
  process.stdout.write(
    `\nplanted lift: true ${pct(lift)}, estimated ${pct(mainCheck.estimate)} [${pct(mainCheck.lower)}, ${pct(mainCheck.upper)}] -> ${mainCheck.covers_truth ? "covers the truth" : "MISSES the truth"}, ${mainCheck.right_sign_and_significant ? "right sign, significant" : "NOT detected"}; SRM p = ${mainCheck.srm_p.toFixed(4)} -> ${mainCheck.srm_passed ? "PASS" : "FAIL"}\n`,
  );
  const tally = (variant: string) => `${main.run.clicksByVariant[`${main.experiment.id}/${variant}`] ?? 0}/${main.run.impressionsByVariant[`${main.experiment.id}/${variant}`] ?? 0}`;
  process.stdout.write(`answers clicked/shown as the shoppers drew them: control ${tally("control")}, ${shopper.treatedVariant} ${tally(shopper.treatedVariant)} (click probability ${shopper.clickProbability} vs ${(shopper.clickProbability * (1 + lift)).toFixed(4)})\n`);
  process.stdout.write(`ingestion: ${main.run.client.accepted} events accepted, ${main.stored} stored in D1 (${main.stored === main.run.client.accepted ? "none lost" : "MISMATCH"}), drained ${main.drainSeconds.toFixed(1)} s after the last session; ${(main.run.sessions / main.run.seconds).toFixed(0)} sessions/s, ${(main.run.client.recommendations / main.run.seconds).toFixed(0)} recommendations/s\n`);

  let skewed: SimulationResult | undefined;
  if (skewedSessions > 0) {
    skewed = await simulateExperiment({ ...common, experimentId: `sim-skew-${seed}`, sessions: skewedSessions, skew });
    const srm = skewed.metrics.analysis.srm;
    process.stdout.write(`\n== A/B test with a deliberately broken split: ${(skew * 100).toFixed(0)}% of the sessions bound for "${shopper.treatedVariant}" never arrive (${skewed.run.skipped} dropped)\n\n`);
    process.stdout.write(`units ${srm.observed.join(" / ")} against expected ${srm.expected.map((e) => e.toFixed(0)).join(" / ")}: chi-square ${srm.chiSquare.toFixed(1)}, p = ${srm.p.toExponential(2)} -> ${srm.passed ? "PASS (not detected!)" : "FAIL: sample ratio mismatch detected"}\n`);
    for (const d of skewed.metrics.analysis.decisions) process.stdout.write(`verdict ${d.variant}: ${d.verdict.toUpperCase()} — ${d.reason}\n`);
  }

  const reports = (await (await fetch(`${server.url}/v1/reports?days=${Number(values.days) + 1}`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as BusinessReports;
  process.stdout.write(`\n== business reports (${reports.attach_matrix.length} category pairs, ${reports.candidate_bundles.length} candidate bundles, ${reports.clearance.products.length} clearance products)\n\n`);
  process.stdout.write(businessText(reports, 10));

  const summary = {
    sessions: main.run.sessions,
    planted: mainCheck,
    ingestion: { accepted: main.run.client.accepted, stored: main.stored, drain_seconds: main.drainSeconds, run_seconds: main.run.seconds, recommendations: main.run.client.recommendations, retries: main.run.client.retries },
    skewed: skewed && { sessions: skewed.run.sessions, dropped: skewed.run.skipped, skew, srm: skewed.metrics.analysis.srm, accepted: skewed.run.client.accepted, stored: skewed.stored },
  };
  if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
  if (values.keep) {
    process.stdout.write(`\nthe edge keeps running on ${server.url} (dashboard: ${server.url}/dashboard.html, admin token ${adminToken}); Ctrl-C to stop\n`);
    await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  }
} finally {
  await closeSql?.();
  await server?.stop();
  if (values.work === undefined && !values.keep) rmSync(work, { recursive: true, force: true });
}
