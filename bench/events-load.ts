/**
 * @module
 * `npm run bench:events`: 10,000 storefront events from concurrent clients against real `wrangler dev` (its
 * Queues simulation and local D1, on a state folder of its own), a share of the batches sent twice. Prints what
 * the edge accepted, what D1 stored (must be every distinct event, once), the request rate and how long the
 * queue took to drain.
 *
 *   npm run bench:events -- [--events 10000] [--clients 32] [--batch 20] [--resend 0.1]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openSql } from "../batch/analytics/sql-clients";
import { freezeWorker } from "../tools/dev-server/frozen-worker";
import { startDevServer } from "../tools/dev-server/wrangler-dev";
import { wrangler } from "../batch/publish/wrangler-cli";
import { sendEventLoad } from "../tools/simulate/event-load";
import { waitForStored } from "../tools/simulate/simulation";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    clients: { type: "string", default: "32" },
    batch: { type: "string", default: "20" },
    resend: { type: "string", default: "0.1" },
  },
});
const events = Number(values.events);
const work = mkdtempSync(path.join(tmpdir(), "edgerec-bench-events-"));
const state = path.join(work, "state");
await wrangler(["d1", "migrations", "apply", "DB"], "local", { persistTo: state });
const server = await startDevServer({ persistTo: state, configPath: await freezeWorker(work) });
const db = await openSql("local", { persistTo: state });
try {
  const load = await sendEventLoad({ baseUrl: server.url, runId: "bench", events, clients: Number(values.clients), batchSize: Number(values.batch), resendShare: Number(values.resend) });
  const sentAt = performance.now();
  const stored = await waitForStored(db.sql, "bench", events, (line) => process.stderr.write(`${line}\n`));
  const drain = (performance.now() - sentAt) / 1000;
  const [{ n: orders }] = await db.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM orders");
  process.stdout.write(
    [
      `events load against wrangler dev (Queues simulation, local D1): ${values.clients} concurrent clients, batches of ${values.batch}`,
      `  distinct events        ${load.distinctEvents}`,
      `  requests               ${load.requests} (${load.resentBatches} batches sent twice, ${load.retries} retries)`,
      `  accepted (202)         ${load.accepted} (+ ${load.duplicatesInBatch} repeated ids dropped inside batches)`,
      `  stored in D1           ${stored} ${stored === load.distinctEvents ? "= every distinct event, once: none lost, none doubled" : "MISMATCH"}`,
      `  purchase orders        ${orders}`,
      `  send time              ${load.seconds.toFixed(2)} s (${(load.accepted / load.seconds).toFixed(0)} events/s, ${(load.requests / load.seconds).toFixed(0)} requests/s)`,
      `  queue drained          ${drain.toFixed(2)} s after the last 202`,
      "",
    ].join("\n"),
  );
  if (stored !== load.distinctEvents) process.exitCode = 1;
} finally {
  await db.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
