/**
 * A shop's own feeds end to end: a build from a Google Merchant Center feed and an orders CSV
 * (`test/fixtures/feeds`), published to a local KV/D1 and served by real `wrangler dev`. Its answers carry each
 * product's link and image; the drop-in widget (`/widget.js`) on a plain HTML page of another origin renders them
 * in Chromium, takes the page's theme, and its clicks reach `POST /v1/events` (read back from D1) with the rec_id.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../../tools/dev-server/wrangler-dev";
import { CHROMIUM, CHROMIUM_FLAGS, edgerec, publishLocal, queryLocalD1 } from "./local-edge";

const FEEDS = path.join(import.meta.dirname, "../fixtures/feeds");
const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-feed-"));
const state = path.join(work, "state");
let server: DevServer | undefined;
let shop: Server | undefined;
let shopOrigin = "";
let browser: Browser | undefined;

interface Item {
  id: string;
  reason: string;
  title?: string;
  price?: number;
  currency?: string;
  link?: string;
  image_link?: string;
}
interface Answer {
  rec_id: string;
  slots: Array<{ kind: string; title: string; items: Item[] }>;
}

/** The shop's own page, from another origin than the edge: nothing but the widget and a theme. */
function shopPage(edge: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Volt · Pixel 9</title>
<script type="module" src="${edge}/widget.js"></script>
<style>
  edgerec-recommendations { --edgerec-accent: rgb(200, 0, 0); --edgerec-card-width: 9rem; }
  edgerec-recommendations::part(card) { border-color: rgb(0, 128, 0); }
</style></head>
<body><h1>Pixel 9</h1>
<edgerec-recommendations placement="product" product-id="pixel-9"></edgerec-recommendations>
</body></html>`;
}

async function recommend(body: unknown): Promise<Answer> {
  const response = await fetch(`${server!.url}/v1/recommendations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

describe("a shop's GMC feed and orders CSV, served, and the widget on the shop's page", () => {
  beforeAll(async () => {
    shop = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(shopPage(server?.url ?? ""));
    });
    await new Promise<void>((resolve) => shop!.listen(0, "127.0.0.1", resolve));
    shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    const starting = startDevServer({ persistTo: state, vars: { LIVE_POINTER_TTL_MS: "0", CORS_ORIGINS: shopOrigin, SESSION_SECRET: "e2e-session-secret" } });
    starting.catch(() => {});
    const artifacts = path.join(work, "artifacts");
    mkdirSync(artifacts);
    await edgerec("build", "--orders", path.join(FEEDS, "orders.csv"), "--catalog", path.join(FEEDS, "gmc-rss.xml"), "--out", artifacts, "--quiet");
    // A publish and a starting dev server must not open the same local SQLite files at once: dev starts first.
    server = await starting;
    await publishLocal(artifacts, state);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => shop?.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  it("answers with the feed's link, image, title and price on every item; variants are one product", async () => {
    const answer = await recommend({ placement: "product", product_id: "pixel-9", k: 6 });
    const items = answer.slots.flatMap((s) => s.items);
    const cross = answer.slots.find((s) => s.kind === "cross_sell")!;
    expect(cross.items.map((i) => i.id)).toEqual(expect.arrayContaining(["armour-case", "CHG-45W"]));
    expect(items.map((i) => i.id)).not.toContain("CASE-PX9");
    expect(items.map((i) => i.id)).not.toContain("CBL-USBC-2M");
    const armour = cross.items.find((i) => i.id === "armour-case")!;
    expect(armour).toMatchObject({ title: "Volt Armour Case for Pixel 9", price: 29.99, currency: "EUR", link: "https://volt.example/p/armour-case?fits=pixel-9", image_link: "https://cdn.volt.example/img/armour-pixel-9.jpg" });
    for (const item of items) {
      expect(item.link).toMatch(/^https:\/\/volt\.example\/p\//);
      expect(item.image_link).toMatch(/^https:\/\/cdn\.volt\.example\/img\//);
    }
    const checkout = await recommend({ placement: "checkout", cart: ["pixel-9"] });
    expect(checkout.slots[0].items.find((i) => i.id === "CHG-45W")).toMatchObject({ link: "https://volt.example/p/charger-45w", image_link: "https://cdn.volt.example/img/charger-45w.jpg" });
  });

  it("the widget renders the slots on a plain page of another origin, themed, and its click reaches /v1/events with the rec_id", async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.location().url.startsWith("https://cdn.volt.example")) problems.push(message.text());
    });
    // The feed's image and product hosts are not reachable here: the browser gets a tiny picture and page instead.
    await page.route("https://cdn.volt.example/**", (route) => route.fulfill({ status: 200, contentType: "image/svg+xml", body: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>' }));
    await page.route("https://volt.example/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>product page</h1>" }));
    const answered = page.waitForResponse((r) => r.url().endsWith("/v1/recommendations"));
    await page.goto(shopOrigin);
    const answer = (await (await answered).json()) as Answer;
    const widget = page.locator("edgerec-recommendations");
    await expect.poll(() => widget.getAttribute("aria-busy")).toBeNull();

    const sections = widget.locator("section");
    expect(await sections.count()).toBe(answer.slots.length);
    for (const [index, slot] of answer.slots.entries()) {
      const section = sections.nth(index);
      expect(await section.locator("h2").innerText()).toBe(slot.title);
      expect(await section.locator("li").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.productId))).toEqual(slot.items.map((i) => i.id));
    }
    const first = answer.slots[0].items[0];
    const card = sections.first().locator("li").first();
    expect(await card.locator("img").getAttribute("src")).toBe(first.image_link);
    expect(await card.locator("a").getAttribute("href")).toBe(first.link);
    expect(await card.locator(".name").innerText()).toBe(first.title);
    expect(await card.locator(".reason").innerText()).toBe(first.reason);
    expect(await card.locator(".price").innerText()).toBe(new Intl.NumberFormat("en-US", { style: "currency", currency: first.currency }).format(first.price!));
    expect(await card.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe("rgb(0, 128, 0)");
    expect(await card.evaluate((el) => el.getBoundingClientRect().width)).toBe(9 * 16);

    const sessionId = await page.evaluate(() => (JSON.parse(localStorage.getItem("edgerec.widget.session.v1")!) as { id: string }).id);
    const clicked = page.waitForRequest((r) => r.url().endsWith("/v1/events") && (r.postData() ?? "").includes('"click"'));
    await card.locator("a").click();
    await clicked;
    await page.waitForURL(first.link!);

    let rows: Array<{ type: string; rec_id: string; item_id: string | null; slot: string | null }> = [];
    for (let attempt = 0; attempt < 20 && !rows.some((r) => r.type === "click"); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      [rows] = await queryLocalD1(state, `SELECT type, rec_id, item_id, slot FROM events WHERE session_id = '${sessionId}' ORDER BY ts`);
    }
    expect(rows).toContainEqual({ type: "click", rec_id: answer.rec_id, item_id: first.id, slot: answer.slots[0].kind });
    expect(rows).toContainEqual(expect.objectContaining({ type: "impression", rec_id: answer.rec_id, slot: answer.slots[0].kind }));
    expect(problems).toEqual([]);

    await page.goto(shopOrigin);
    await expect.poll(() => widget.getAttribute("aria-busy")).toBeNull();
    const kept = await page.evaluate(() => (JSON.parse(localStorage.getItem("edgerec.widget.session.v1")!) as { id: string; token?: string }));
    expect(kept.token).toEqual(expect.stringMatching(/^[\w-]+\.[\w-]+$/));
    const again = page.waitForRequest((r) => r.url().endsWith("/v1/recommendations"));
    await page.reload();
    const body = JSON.parse((await again).postData()!) as { session_id: string; session_token?: string };
    expect(body).toMatchObject({ session_id: sessionId, session_token: kept.token });
    await context.close();
  });
});
