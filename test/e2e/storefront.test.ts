/**
 * The demo storefront (public/) in real Chromium against real `wrangler dev`: the run's freshly generated demo
 * store, built and published to a temporary local KV/D1, and the pages are driven like a shopper would. What a
 * page shows is checked against the catalogue file and against the edge's own answers, and the events it sends
 * are read back from D1. Set EDGEREC_SCREENSHOTS=DIR to keep the screenshots.
 */
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevServer } from "../../tools/dev-server/wrangler-dev";
import type { CatalogRow } from "../fixtures/tiny-shop";
import { demoFile } from "../node/demo-store";
import { queryLocalD1 } from "./local-edge";
import { copyPublishedDemoStore } from "./published-demo-store";
import { StorefrontRig } from "./storefront-rig";

interface Answer {
  rec_id: string;
  degraded?: boolean;
  slots: Array<{ kind: string; title: string; items: Array<{ id: string; reason: string }> }>;
}
interface RecommendationBody {
  placement: string;
  session_id?: string;
  product_id?: string;
  category?: string;
  query?: string;
  cart?: string[];
  viewed?: Array<{ id: string; dwell_ms?: number }>;
}

const rig = new StorefrontRig("storefront");
let server: DevServer;
let browser: BrowserContext;
let page: Page;
const catalog = new Map<string, CatalogRow>();
let phone: CatalogRow;
const problems: string[] = [];
/** A slot kind neither the storefront nor the events schema knows (the one 400 the page may get, by design). */
const INVENTED_KIND = "trade_in";
let refusedBatches = 0;
const refusalsLogged: string[] = [];

const list = (row: CatalogRow, key: string): unknown[] => (Array.isArray(row.attrs[key]) ? (row.attrs[key] as unknown[]) : []);

/** docs/catalog-attributes.md, the smartphone rows: does accessory `a` fit phone `d`? null when `a` is no phone accessory. */
function fitsPhone(d: CatalogRow, a: CatalogRow): boolean | null {
  const connector = list(a, "connectors").includes(d.attrs.connector);
  switch (a.attrs.kind) {
    case "phone-case":
    case "screen-protector":
      return list(a, "fits_models").includes(d.attrs.device_model);
    case "charger":
      if (a.attrs.charging === "magsafe") return d.attrs.magsafe === true;
      if (a.attrs.charging === "qi") return d.attrs.wireless_charging === true;
      return connector;
    case "cable":
      return connector;
    case "power-bank":
      return connector || (a.attrs.magsafe === true && d.attrs.magsafe === true);
    case "earbuds":
      return a.attrs.wireless === true || connector;
    default:
      return null;
  }
}

/** Opens `url` and returns the recommendation request the page made for `placement` and the edge's answer. */
async function openWithAnswer(url: string, placement: string): Promise<{ request: RecommendationBody; answer: Answer }> {
  const answered = page.waitForResponse((r) => r.url().endsWith("/v1/recommendations") && (JSON.parse(r.request().postData() ?? "{}") as RecommendationBody).placement === placement);
  await page.goto(`${server.url}${url}`);
  const response = await answered;
  expect(response.status()).toBe(200);
  const request = JSON.parse(response.request().postData()!) as RecommendationBody;
  const answer = (await response.json()) as Answer;
  await page.locator(`[data-placement="${placement}"]:not([aria-busy])`).waitFor({ state: "attached" });
  return { request, answer };
}

/** Every slot the edge answered is on the page with its title, its items in order, and each item's reason. */
async function expectSlotsRendered(placement: string, answer: Answer) {
  const host = page.locator(`[data-placement="${placement}"]`);
  const sections = host.locator("section.slot");
  const expected = answer.slots.filter((s) => s.items.some((i) => catalog.has(i.id)));
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(() => sections.count()).toBe(expected.length);
  for (const [index, slot] of expected.entries()) {
    const section = sections.nth(index);
    expect(await section.getAttribute("data-slot-kind")).toBe(slot.kind);
    expect(await section.locator("h2").innerText()).toBe(slot.title);
    const known = slot.items.filter((i) => catalog.has(i.id));
    expect(await section.locator(".card").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.productId))).toEqual(known.map((i) => i.id));
    for (const [position, item] of known.entries()) {
      const reason = section.locator(".card").nth(position).locator(".reason");
      await expect.poll(() => reason.isVisible()).toBe(true);
      expect(await reason.innerText()).toBe(item.reason);
    }
  }
  expect(await host.locator(".degraded-note").count()).toBe(answer.degraded === true ? 1 : 0);
  return sections;
}

const screenshot = (name: string) => rig.screenshot(page, name);

interface StoredEvent {
  type: string;
  item_id: string | null;
  rec_id: string | null;
  slot: string | null;
  order_value: number | null;
  payload: string | null;
}

async function storedEvents(sessionId: string): Promise<StoredEvent[]> {
  const [rows] = await queryLocalD1<StoredEvent>(rig.state, `SELECT type, item_id, rec_id, slot, order_value, payload FROM events WHERE session_id = '${sessionId.replaceAll("'", "''")}' ORDER BY ts`);
  return rows;
}

describe("demo storefront in Chromium against wrangler dev", () => {
  beforeAll(async () => {
    // The browser starts while the run's demo store is published (or waited for) and copied.
    rig.start(copyPublishedDemoStore(rig.state));
    ({ server, browser, page } = await rig.ready());
    expect(((await (await fetch(`${server.url}/healthz`)).json()) as { status: string }).status).toBe("ok");

    for (const line of readFileSync(await demoFile("catalog.jsonl"), "utf8").split("\n")) if (line) catalog.set((JSON.parse(line) as CatalogRow).id, JSON.parse(line) as CatalogRow);
    const sold = new Map<string, number>();
    for (const line of readFileSync(await demoFile("orders.jsonl"), "utf8").split("\n")) {
      if (!line) continue;
      for (const item of (JSON.parse(line) as { items: Array<string | { id: string }> }).items) {
        const id = typeof item === "string" ? item : item.id;
        if (catalog.get(id)?.attrs.kind === "smartphone" && catalog.get(id)!.stock > 0) sold.set(id, (sold.get(id) ?? 0) + 1);
      }
    }
    phone = catalog.get([...sold].sort((a, b) => b[1] - a[1])[0][0])!;

    browser.on("console", (message) => {
      if (message.type() !== "error") return;
      const line = `console error: ${message.text()} (${message.location().url})`;
      if (message.location().url.endsWith("/v1/events") && message.text().includes("status of 400")) refusalsLogged.push(line);
      else problems.push(line);
    });
    browser.on("weberror", (error) => problems.push(`page error: ${error.error().message}`));
    browser.on("response", (response) => {
      if (response.status() === 400 && response.request().postData()?.includes(`"slot":"${INVENTED_KIND}"`)) refusedBatches++;
      else if (response.status() >= 400) problems.push(`${response.status()} for ${response.request().method()} ${response.url()}`);
    });
    browser.on("requestfailed", (request) => {
      if (request.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
  }, 180_000);

  afterAll(async () => {
    await rig.stop();
  });

  it("a phone's product page shows accessories that fit it, each with its reason, and a click carries the rec_id", async () => {
    const { request, answer } = await openWithAnswer(`/product.html?id=${encodeURIComponent(phone.id)}`, "product");
    expect(request).toMatchObject({ placement: "product", product_id: phone.id });
    expect(await page.locator("[data-product] h1").innerText()).toBe(phone.title);
    expect(await page.locator("[data-product] .brand").textContent()).toBe(phone.brand);
    expect(await page.locator("[data-product] .product-price").textContent()).toBe(`€${phone.price.toLocaleString("en-IE", { minimumFractionDigits: 2 })}`);
    expect(await page.locator("[data-product] .specs").textContent()).toContain(`Storage${phone.attrs.storage_gb} GB`);

    const sections = await expectSlotsRendered("product", answer);
    const cross = page.locator('[data-placement="product"] [data-slot-kind="cross_sell"]');
    expect(await cross.count()).toBe(1);
    const ids = await cross.locator(".card").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.productId!));
    const accessories = ids.map((id) => catalog.get(id)!).filter((item) => fitsPhone(phone, item) !== null);
    expect(accessories.length).toBeGreaterThanOrEqual(2);
    for (const accessory of accessories) expect({ accessory: accessory.id, fits: fitsPhone(phone, accessory) }).toEqual({ accessory: accessory.id, fits: true });
    expect(await sections.count()).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(1200);
    await screenshot("product");

    await cross.scrollIntoViewIfNeeded();
    await cross.locator(".card-link").first().click();
    await page.waitForURL(/\/product/);
    const opened = new URL(page.url());
    expect([opened.searchParams.get("id"), opened.searchParams.get("rec"), opened.searchParams.get("slot")]).toEqual([ids[0], answer.rec_id, "cross_sell"]);
  });

  it("the phone added to the cart brings the checkout cross-sell; a suggestion added and the order carry its rec_id to D1", async () => {
    await page.goto(`${server.url}/product.html?id=${encodeURIComponent(phone.id)}`);
    await page.locator("[data-add-to-cart]").click();
    await expect.poll(() => page.locator("[data-cart-count]").innerText()).toBe("1");

    const { request, answer } = await openWithAnswer("/cart.html", "checkout");
    expect(request.cart).toEqual([phone.id]);
    await expect.poll(() => page.locator(".line").evaluateAll((lines) => lines.map((l) => (l as HTMLElement).dataset.productId))).toEqual([phone.id]);
    await expectSlotsRendered("checkout", answer);
    const cross = page.locator('[data-placement="checkout"] [data-slot-kind="cross_sell"]');
    expect(await cross.locator(".card").count()).toBeGreaterThan(0);
    await screenshot("cart");

    const suggestion = await cross.locator(".card").first().getAttribute("data-product-id");
    const refreshed = page.waitForResponse((r) => r.url().endsWith("/v1/recommendations"));
    await cross.locator(".card").first().getByRole("button", { name: /add .* to cart/i }).click();
    await expect.poll(() => page.locator(".line").count()).toBe(2);
    await refreshed;
    const total = await page.locator("[data-total]").innerText();
    const expectedTotal = phone.price + catalog.get(suggestion!)!.price;
    expect(total.replace(/[^\d.]/g, "")).toBe(expectedTotal.toFixed(2));

    const sessionId = await page.evaluate(() => (JSON.parse(localStorage.getItem("edgerec.session.v1")!) as { id: string }).id);
    await page.locator("[data-place-order]").click();
    await page.locator("[data-order-id]").waitFor();
    await expect.poll(() => page.locator("[data-cart-count]").isHidden()).toBe(true);

    let events: StoredEvent[] = [];
    for (let attempt = 0; attempt < 10 && !events.some((e) => e.type === "purchase"); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      events = await storedEvents(sessionId);
    }
    expect(events.filter((e) => e.type === "impression" && e.rec_id === answer.rec_id).map((e) => e.slot)).toContain("cross_sell");
    expect(events).toContainEqual(expect.objectContaining({ type: "click", rec_id: expect.any(String), slot: "cross_sell" }));
    expect(events).toContainEqual(expect.objectContaining({ type: "add_to_cart", item_id: phone.id, rec_id: null }));
    expect(events).toContainEqual(expect.objectContaining({ type: "add_to_cart", item_id: suggestion, rec_id: answer.rec_id, slot: "cross_sell" }));
    const purchase = events.find((e) => e.type === "purchase")!;
    expect(purchase.order_value).toBeCloseTo(expectedTotal, 2);
    expect((JSON.parse(purchase.payload!) as { lines: unknown[] }).lines).toEqual(
      expect.arrayContaining([
        { id: phone.id, qty: 1, price: phone.price },
        { id: suggestion, qty: 1, price: catalog.get(suggestion!)!.price, rec_id: answer.rec_id, slot: "cross_sell" },
      ]),
    );
  });

  it("home renders its slots from the session's viewed items with dwell times, the category navigation and search", async () => {
    const { request, answer } = await openWithAnswer("/", "home");
    const viewedPhone = request.viewed?.find((v) => v.id === phone.id);
    expect(viewedPhone?.dwell_ms).toBeGreaterThan(1000);
    await expectSlotsRendered("home", answer);
    const roots = new Set([...catalog.values()].map((p) => p.category[0]));
    await expect.poll(() => page.locator("[data-category-nav] a").allInnerTexts()).toEqual([...roots].sort());
    await expect.poll(() => page.locator("[data-category-tiles] a").count()).toBe(roots.size);
    await screenshot("home");
  });

  it("a category listing and a search show their products and the listing slots", async () => {
    const leaf = phone.category;
    const categories = ((await (await fetch(`${server.url}/v1/categories`)).json()) as { categories: Array<{ id: string; path: string }> }).categories;
    const leafId = categories.find((c) => c.path === leaf.join(" > "))!.id;
    const { request, answer } = await openWithAnswer(`/category.html?c=${encodeURIComponent(leafId)}`, "listing");
    expect(request).toMatchObject({ placement: "listing", category: leaf.join(" > ") });
    expect(await page.locator("[data-listing-title]").innerText()).toBe(leaf.at(-1));
    const shown = await page.locator("[data-results] .card").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.productId!));
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(catalog.get(id)!.category).toEqual(leaf);
    await expectSlotsRendered("listing", answer);
    await screenshot("listing");

    const word = phone.title.split(" ")[1];
    const searched = page.waitForResponse((r) => r.url().endsWith("/v1/recommendations") && (JSON.parse(r.request().postData() ?? "{}") as RecommendationBody).query === word);
    await page.getByRole("searchbox", { name: "Search products" }).fill(word);
    await page.getByRole("button", { name: "Search" }).click();
    await searched;
    await expect.poll(() => page.locator("[data-results] .card").count()).toBeGreaterThan(0);
    for (const title of await page.locator("[data-results] .card-title").allInnerTexts()) expect(title.toLowerCase()).toContain(word.toLowerCase());
  });

  it("renders a slot kind it has never seen, skips what the catalogue lacks, and an event the edge refuses does not sink its batch", async () => {
    await page.route("**/v1/recommendations", async (route) => {
      const real = (await (await route.fetch()).json()) as Answer;
      real.slots.unshift(
        { kind: INVENTED_KIND, title: "Trade in and save", items: [{ id: "sku-no-such-item", reason: "gone" }, { id: phone.id, reason: "Worth up to €120 in trade" }] },
        { kind: "cross_sell", title: "Nothing left here", items: [{ id: "sku-also-missing", reason: "gone" }] },
      );
      await route.fulfill({ json: real });
    });
    await page.setViewportSize({ width: 1280, height: 3000 });
    try {
      const refused = page.waitForResponse((r) => r.url().endsWith("/v1/events") && r.status() === 400);
      const { answer } = await openWithAnswer("/", "home");
      const sections = page.locator('[data-placement="home"] section.slot');
      await expect.poll(() => sections.count()).toBe(answer.slots.length - 1);
      expect(await sections.first().getAttribute("data-slot-kind")).toBe(INVENTED_KIND);
      expect(await sections.first().locator("h2").innerText()).toBe("Trade in and save");
      expect(await sections.first().locator(".card").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.productId))).toEqual([phone.id]);
      expect(await sections.first().locator(".reason").innerText()).toBe("Worth up to €120 in trade");
      expect(await page.getByText("Nothing left here").count()).toBe(0);

      const batch = (JSON.parse((await refused).request().postData()!) as { events: Array<{ event_id: string; slot?: string }> }).events;
      const valid = batch.filter((e) => e.slot !== INVENTED_KIND);
      expect(valid.length).toBeGreaterThan(0);
      const resent = await page.waitForResponse((r) => r.url().endsWith("/v1/events") && r.status() === 202);
      expect((JSON.parse(resent.request().postData()!) as { events: Array<{ event_id: string }> }).events.map((e) => e.event_id)).toEqual(valid.map((e) => e.event_id));
    } finally {
      await page.unroute("**/v1/recommendations");
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("no page logged a console error, threw, or got an error response", () => {
    expect(problems).toEqual([]);
    expect(refusedBatches).toBeGreaterThan(0);
    expect(refusalsLogged.length).toBeLessThanOrEqual(refusedBatches);
  });
});
