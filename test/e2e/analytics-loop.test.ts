/**
 * The analytics loop on real `wrangler dev` (Queues simulation, local D1) and real Chromium: a small shop is
 * built and published, simulated shoppers run an A/B test through the edge, and then
 *   - the analysis reads back what was planted (exposures once per session, SRM passing, the lift's sign),
 *   - `edgerec report` reads the same D1 and agrees with `GET /v1/metrics`,
 *   - `edgerec export-events` feeds `edgerec build --events` (the closed loop),
 *   - the dashboard draws its charts (canvas pixels read back) after the admin token is typed in.
 * Small N: the 20,000-session figures come from `npm run simulate`. EDGEREC_SCREENSHOTS=DIR keeps the screenshot.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedSql, openSql } from "../../batch/analytics/sql-clients";
import { type DevServer, startDevServer } from "../../tools/dev-server/wrangler-dev";
import { readCatalog } from "../../batch/io/read-catalog";
import { readOrders } from "../../batch/io/read-orders";
import { learnCompanions, simCatalog } from "../../tools/simulate/sim-catalog";
import { DEFAULT_SHOPPER } from "../../tools/simulate/shopper-model";
import { type SimulationResult, simulateExperiment } from "../../tools/simulate/simulation";
import type { MetricsReport } from "../../db/analytics/metrics-report";
import { buildShop, CHROMIUM, CHROMIUM_FLAGS, edgerec, publishLocal, writeTinyShop } from "./local-edge";

const ADMIN = "loop-admin-token";
const PLANTED = 1.0;
const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-analytics-"));
const state = path.join(work, "state");
let files: ReturnType<typeof writeTinyShop>;
let server: DevServer;
let db: OpenedSql;
let browser: Browser;
let sim: SimulationResult;

beforeAll(async () => {
  files = writeTinyShop(work);
  const browserStarting = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  await buildShop(files, path.join(work, "a"));
  await publishLocal(path.join(work, "a"), state);
  server = await startDevServer({ persistTo: state, vars: { ADMIN_TOKEN: ADMIN, LIVE_POINTER_TTL_MS: "0" } });
  db = await openSql("local", { persistTo: state });
  const catalog = simCatalog((await readCatalog(files.catalog)).products);
  learnCompanions(catalog, (await readOrders(files.orders)).baskets);
  sim = await simulateExperiment({
    baseUrl: server.url,
    adminToken: ADMIN,
    sql: db.sql,
    catalog,
    experimentId: "loop",
    salt: "loop-fixed-salt",
    sessions: 400,
    seed: 3,
    shopper: { ...DEFAULT_SHOPPER, plantedLift: PLANTED },
    concurrency: 8,
  });
  browser = await browserStarting;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await db?.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("a simulated A/B test, analysed", () => {
  it("stores every accepted event and exposes every session exactly once", async () => {
    expect(sim.stored).toBe(sim.run.client.accepted);
    const [{ n }] = await db.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM exposures WHERE experiment_id = 'loop'");
    expect(n).toBe(sim.run.sessions);
    expect(sim.metrics.analysis.variants.reduce((sum, v) => sum + v.units, 0)).toBe(sim.run.sessions);
  });

  it("counts exactly the answers shown and clicked that the shoppers saw, passes SRM, and finds the planted lift's sign", () => {
    const { analysis } = sim.metrics;
    expect(analysis.srm.passed).toBe(true);
    for (const name of ["control", "treatment"]) {
      const ctr = analysis.variants.find((v) => v.variant === name)!.metrics.ctr;
      expect([ctr.numerator, ctr.denominator]).toEqual([sim.run.clicksByVariant[`loop/${name}`], sim.run.impressionsByVariant[`loop/${name}`]]);
    }
    // Coverage of the true value is a property of many runs; at this N a single run only shows the sign.
    const lift = analysis.variants.find((v) => v.variant === "treatment")!.metrics.ctr.lift!.relative;
    expect(lift.lower).toBeGreaterThan(0);
    const holdout = analysis.variants.find((v) => v.variant === "holdout")!;
    expect(holdout.metrics.ctr.denominator).toBe(0);
    expect(sim.run.impressionsByVariant["loop/holdout"]).toBeUndefined();
  });

  it("edgerec report reads the same D1 and agrees with GET /v1/metrics", async () => {
    const out = path.join(work, "report");
    await edgerec("report", "--persist-to", state, "--experiment", "loop", "--format", "json", "--out", out);
    const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as { metrics: MetricsReport; attach_matrix: unknown[] };
    const pick = (m: MetricsReport) => m.analysis.variants.map((v) => [v.variant, v.units, v.metrics.ctr.numerator, v.metrics.conversion.numerator, v.metrics.revenue_per_session.value.estimate]);
    expect(pick(report.metrics)).toEqual(pick(sim.metrics));
    expect(report.metrics.analysis.srm.p).toBeCloseTo(sim.metrics.analysis.srm.p, 12);
    await edgerec("report", "--persist-to", state, "--experiment", "loop", "--format", "csv", "--out", out);
    const csv = readFileSync(path.join(out, "metrics.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("experiment,variant,is_control,units,metric,value,lower,upper,numerator,denominator,lift,lift_lower,lift_upper,difference,difference_lower,difference_upper,p_value");
    expect(csv.length).toBe(1 + 3 * 6);
    expect(readFileSync(path.join(out, "attach.csv"), "utf8").split("\n")[0]).toContain("anchor_category");
  });

  it("exports the events for the next build, which learns co-views and the new purchases from them", async () => {
    const eventsFile = path.join(work, "events.jsonl");
    await edgerec("export-events", "--persist-to", state, "--out", eventsFile);
    const lines = readFileSync(eventsFile, "utf8").trim().split("\n");
    const [{ n }] = await db.sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM events");
    expect(lines.length).toBe(n);
    const [{ orders }] = await db.sql.all<{ orders: number }>("SELECT COUNT(*) AS orders FROM orders WHERE source = 'event'");
    await buildShop(files, path.join(work, "b"), "--events", eventsFile);
    const manifest = JSON.parse(readFileSync(path.join(work, "b", "manifest.json"), "utf8")) as { inputs: Record<string, { lines: number; skipped: number }>; counts: { orders: number } };
    expect(manifest.inputs.events).toMatchObject({ lines: n, skipped: 0 });
    expect(manifest.counts.orders).toBe(400 + orders);
  }, 60_000);
});

describe("the dashboard in headless Chromium", () => {
  it("asks for the admin token, then draws non-empty charts of the experiment and the reports", async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/dashboard.html?experiment=loop`);
    await page.waitForSelector("[data-login]:not([hidden])");
    await page.fill("[data-token]", "wrong");
    await page.click("[data-login] button");
    await page.waitForFunction(() => document.querySelector("[data-status]")?.getAttribute("data-kind") === "error");
    await page.fill("[data-token]", ADMIN);
    await page.click("[data-login] button");
    await page.waitForSelector("body[data-ready='1']", { timeout: 30_000 });

    const shots = process.env.EDGEREC_SCREENSHOTS ?? path.join(work, "screenshots");
    mkdirSync(shots, { recursive: true });
    const shot = path.join(shots, "dashboard.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(50_000);

    // For each chart: how many pixels are painted, and how many carry the control's and the treatment's colours.
    const canvases = await page.$$eval("canvas", (nodes) =>
      nodes.map((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        let blue = 0;
        let orange = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] === 0) continue;
          painted++;
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          if (Math.abs(r - 0x2b) < 12 && Math.abs(g - 0x59) < 12 && Math.abs(b - 0xe6) < 12) blue++;
          if (Math.abs(r - 0xe4) < 12 && Math.abs(g - 0x57) < 12 && Math.abs(b - 0x2e) < 12) orange++;
        }
        return { id: c.id, drawn: c.dataset.drawn, painted, blue, orange, label: c.getAttribute("aria-label") ?? "" };
      }),
    );
    const byId = new Map(canvases.map((c) => [c.id, c]));
    for (const id of ["chart-conversion-time", "chart-ctr-time", "chart-revenue-time", "chart-metric-conversion", "chart-metric-ctr", "chart-metric-revenue_per_session"]) {
      const chart = byId.get(id)!;
      expect(chart.drawn, id).toBe("1");
      expect(chart.blue, `${id}: control's colour`).toBeGreaterThan(40);
      expect(chart.orange, `${id}: treatment's colour`).toBeGreaterThan(40);
      expect(chart.label).toContain("control");
    }
    expect(byId.get("chart-lifts")).toMatchObject({ drawn: "1" });
    expect(byId.get("chart-lifts")!.orange).toBeGreaterThan(40);
    expect(byId.get("chart-attach")!.drawn).toBe("1");
    expect(byId.get("chart-attach")!.blue).toBeGreaterThan(40);
    expect(await page.textContent("[data-srm-result]")).toBe("Sample ratio OK");
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
