/**
 * Real `wrangler dev` with its Queues simulation and local D1: events from concurrent clients, some batches sent
 * twice and some ids repeated inside a batch. Every distinct event is stored exactly once, and the count in D1
 * matches what the edge accepted once retried batches are discounted. (bench/events-load.ts runs 10,000.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedSql, openSql } from "../../batch/analytics/sql-clients";
import { type DevServer, startDevServer } from "../../tools/dev-server/wrangler-dev";
import { wrangler } from "../../batch/publish/wrangler-cli";
import { sendEventLoad } from "../../tools/simulate/event-load";
import { waitForStored } from "../../tools/simulate/simulation";

const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-events-"));
const state = path.join(work, "state");
let server: DevServer;
let db: OpenedSql;

beforeAll(async () => {
  await wrangler(["d1", "migrations", "apply", "DB"], "local", { persistTo: state });
  server = await startDevServer({ persistTo: state });
  db = await openSql("local", { persistTo: state });
}, 120_000);

afterAll(async () => {
  await db?.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("POST /v1/events under concurrent load, through the queue into D1", () => {
  it("stores 2,000 events from 16 concurrent clients exactly once, resent batches and repeated ids included", async () => {
    const load = await sendEventLoad({ baseUrl: server.url, runId: "load", events: 2000, clients: 16, batchSize: 25, resendShare: 0.2 });
    expect(load.resentBatches).toBeGreaterThan(0);
    expect(load.duplicatesInBatch).toBeGreaterThan(0);
    // A resent batch is accepted again (the edge does not look into D1): idempotency is the store's job.
    expect(load.accepted).toBeGreaterThan(2000);
    const stored = await waitForStored(db.sql, "load", load.distinctEvents, () => {});
    expect(stored).toBe(2000);
    const [{ n: all }] = await db.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM events");
    expect(all).toBe(2000);
    const [{ n: orders }] = await db.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM orders WHERE id LIKE 'load-o%'");
    expect(orders).toBe(Math.floor(2000 / 6));
    const [{ n: lines }] = await db.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM order_lines WHERE order_id LIKE 'load-o%'");
    expect(lines).toBe(2 * orders);
  }, 120_000);

  it("accepted equals stored when nothing is resent", async () => {
    const load = await sendEventLoad({ baseUrl: server.url, runId: "once", events: 600, clients: 8, batchSize: 50 });
    expect(load.accepted).toBe(600);
    expect(await waitForStored(db.sql, "once", load.accepted, () => {})).toBe(load.accepted);
  }, 120_000);
});
