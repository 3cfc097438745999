/**
 * @module
 * The demo's A/B test, run to the end against the edge `npm run demo` serves, so the dashboard has real data:
 * simulated shoppers (`tools/simulate`) browse the demo store through the live edge for a window of simulated
 * days, their impressions, clicks, carts and purchases go through `POST /v1/events` and the queue into D1, and
 * the experiment is stopped once every accepted event is stored.
 *
 *   tsx tools/demo/demo-experiment.ts --url http://127.0.0.1:8787 --data demo-data [--admin-token T]
 *       [--sessions 3000] [--days 14] [--seed 7] [--persist-to DIR]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { openSql } from "../../batch/analytics/sql-clients";
import { readCatalog } from "../../batch/io/read-catalog";
import { readOrders } from "../../batch/io/read-orders";
import { learnCompanions, simCatalog } from "../simulate/sim-catalog";
import { DEFAULT_SHOPPER } from "../simulate/shopper-model";
import { simulateExperiment } from "../simulate/simulation";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:8787" },
    data: { type: "string", default: "demo-data" },
    "admin-token": { type: "string", default: "local-admin-token" },
    sessions: { type: "string", default: "3000" },
    days: { type: "string", default: "14" },
    seed: { type: "string", default: "7" },
    "persist-to": { type: "string" },
  },
});

const log = (line: string) => process.stderr.write(`  ${line}\n`);
const started = performance.now();
const catalog = simCatalog((await readCatalog(path.join(values.data, "catalog.jsonl"))).products);
learnCompanions(catalog, (await readOrders(path.join(values.data, "orders.jsonl"))).baskets);
const opened = await openSql("local", { persistTo: values["persist-to"] });
try {
  const result = await simulateExperiment({
    baseUrl: values.url,
    adminToken: values["admin-token"],
    sql: opened.sql,
    catalog,
    experimentId: `demo-copy-${Math.floor(Date.now() / 1000).toString(36)}`,
    sessions: Number(values.sessions),
    seed: Number(values.seed),
    shopper: DEFAULT_SHOPPER,
    days: Number(values.days),
    log,
  });
  const decisions = result.metrics.analysis.decisions.map((d) => `${d.variant}: ${d.verdict}`).join(", ");
  process.stdout.write(
    `experiment ${result.experiment.id} finished: ${result.run.sessions} sessions, ${result.stored} events in D1, verdicts ${decisions} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
} finally {
  await opened.close();
}
