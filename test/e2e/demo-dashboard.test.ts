/**
 * `npm run demo` as a new user runs it (scripts/demo.sh, on its own port and state folder): once it says it is
 * ready, the dashboard in Chromium shows the demo's finished A/B test with every chart drawn from D1's data, and
 * the storefront it serves has scrollable rails and bundles that say what they cost and save.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_FLAGS } from "./local-edge";

const ROOT = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-demo-"));
let demo: ChildProcess | undefined;
let output = "";
let url = "";
let token = "";
let browser: Browser | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Pixels of a canvas that are not its background (transparent or white). */
function inkedPixels(page: Page, id: string): Promise<number> {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId) as HTMLCanvasElement | null;
    if (canvas === null || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && !(data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245)) inked++;
    return inked;
  }, id);
}

async function post<T>(route: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe("npm run demo, then the dashboard and the storefront", () => {
  beforeAll(async () => {
    const port = await freePort();
    demo = spawn("bash", ["scripts/demo.sh"], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DEMO_PORT: String(port), DEMO_PERSIST_TO: path.join(work, "state"), DEMO_DATA: path.join(work, "data"), DEMO_ARTIFACTS: path.join(work, "artifacts"), DEMO_BUILD_FLAGS: "--no-sequence-model" },
    });
    demo.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<never>((_, reject) => demo!.once("exit", (code) => reject(new Error(`npm run demo exited ${code} before it was ready:\n${output}`))));
    const ready = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (!/demo ready in \d+ s/.test(output)) return;
        clearInterval(timer);
        resolve();
      }, 250);
    });
    await Promise.race([ready, exited]);
    exited.catch(() => {});
    process.stdout.write(`${output.split("\n").filter((line) => /^(== | {3}\(\d+ s\)|demo ready)/.test(line)).join("\n")}\n`);
    url = /storefront\s+(http:\/\/\S+?)\/?\s/.exec(output)![1];
    token = /admin token: (\S+?),/.exec(output)![1];
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    if (demo?.pid !== undefined && demo.exitCode === null) {
      const gone = new Promise((resolve) => demo!.once("exit", resolve));
      process.kill(-demo.pid, "SIGTERM");
      await gone;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it("states its run time, the storefront, and the dashboard with the admin token", () => {
    expect(output).toMatch(/== 5\/5 one A\/B test run to the end/);
    // DEMO_BUILD_FLAGS reach the build: this run trains no sequence model (the model has its own tests).
    expect(output).toMatch(/sequence model: skipped \(turned off\)/);
    expect(output).toMatch(/experiment demo-copy-\S+ finished: \d+ sessions, \d+ events in D1/);
    expect(token).toBe("local-admin-token");
  });

  it("the dashboard draws every chart from the demo's finished experiment", async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${url}/dashboard.html#token=${token}`);
    const title = page.locator("[data-experiment-title]");
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toMatch(/\(demo-copy-\S+, stopped\)/);
    const charts = await page.locator("canvas.chart").evaluateAll((canvases) => canvases.map((c) => c.id));
    expect(charts).toEqual(expect.arrayContaining(["chart-conversion-time", "chart-ctr-time", "chart-revenue-time", "chart-lifts", "chart-attach", "chart-clearance"]));
    for (const id of charts) await expect.poll(() => inkedPixels(page, id), { message: `chart ${id} is drawn` }).toBeGreaterThan(500);
    expect(await page.getByText(/no data yet/i).count()).toBe(0);
    await page.screenshot({ path: path.join(work, "dashboard.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("rails scroll to their last card, and a bundle shows its price and discount", async () => {
    const page = await browser!.newPage({ viewport: { width: 1024, height: 900 } });
    const popular = await post<{ slots: Array<{ kind: string; items: Array<{ id: string }> }> }>("/v1/recommendations", { placement: "home", k: 20 });
    let bundleAnchor: string | undefined;
    let bundle: { items: Array<{ id: string }>; discount_pct?: number } | undefined;
    for (const id of popular.slots.flatMap((s) => s.items.map((i) => i.id))) {
      const answer = await post<{ slots: Array<{ kind: string; items: Array<{ id: string }>; discount_pct?: number }> }>("/v1/recommendations", { placement: "checkout", cart: [id] });
      const found = answer.slots.find((s) => s.kind === "bundle" && (s.discount_pct ?? 0) > 0);
      if (found) {
        [bundleAnchor, bundle] = [id, found];
        break;
      }
    }
    expect(bundle, "a popular item with a discounted bundle").toBeDefined();

    let railAnchor: string | undefined;
    for (const id of popular.slots.flatMap((s) => s.items.map((i) => i.id))) {
      const answer = await post<{ slots: Array<{ items: unknown[] }> }>("/v1/recommendations", { placement: "product", product_id: id });
      if (answer.slots.some((s) => s.items.length >= 6)) {
        railAnchor = id;
        break;
      }
    }
    expect(railAnchor, "a product page with a rail of six cards").toBeDefined();
    await page.goto(`${url}/product.html?id=${encodeURIComponent(railAnchor!)}`);
    const slot = page.locator('[data-placement="product"] section.slot').filter({ has: page.locator(".rail-buttons:not([hidden])") }).first();
    await slot.waitFor();
    const rail = slot.locator(".rail");
    const next = slot.locator("[data-rail-next]");
    const lastCardInside = () =>
      rail.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const card = element.querySelector(".card:last-child")!.getBoundingClientRect();
        return card.right <= box.right + 1 && card.left >= box.left - 1;
      });
    expect(await lastCardInside()).toBe(false);
    expect(await slot.locator("[data-rail-previous]").isDisabled()).toBe(true);
    for (let click = 0; click < 10 && !(await next.isDisabled()); click++) {
      await next.click();
      await page.waitForTimeout(600);
    }
    expect(await next.isDisabled()).toBe(true);
    expect(await lastCardInside()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

    await page.goto(`${url}/product.html?id=${encodeURIComponent(bundleAnchor!)}`);
    await page.locator("[data-add-to-cart]").click();
    await page.goto(`${url}/cart.html`);
    const footer = page.locator('[data-placement="checkout"] .slot-bundle .bundle-footer');
    await footer.waitFor();
    const shown = await page.locator('[data-placement="checkout"] .slot-bundle .card').count();
    const button = await footer.locator("button").innerText();
    if (shown === 1) expect(button).toMatch(/^Add it to cart · /);
    else expect(button).toMatch(new RegExp(`^Add all ${shown} to cart · `));
    expect(await footer.locator(".bundle-offer").innerText()).toContain(`save ${bundle!.discount_pct}%`);
    await page.close();
  });
});
