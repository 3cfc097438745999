/**
 * Switching from Algolia Recommend: the real npm clients against real `wrangler dev` serving the run's demo store.
 * `@algolia/recommend` v5 in Node, with `hosts` pointed at the local edge, gets bought-together and
 * looking-similar hits equal to edgerec's own answers for the same products; InstantSearch.js's
 * `frequentlyBoughtTogether` widget (bundled here with esbuild from node_modules, no network) renders them in
 * Chromium on a page of another origin.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { recommendClient } from "@algolia/recommend";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../../tools/dev-server/wrangler-dev";
import type { CatalogRow } from "../fixtures/tiny-shop";
import { demoFile } from "../node/demo-store";
import { CHROMIUM, CHROMIUM_FLAGS } from "./local-edge";
import { copyPublishedDemoStore } from "./published-demo-store";

const KEY = "e2e-search-key";
const ROOT = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-algolia-"));
let server: DevServer | undefined;
let page: Server | undefined;
let pageOrigin = "";
let browser: Browser | undefined;
let bundle = "";
const phones: string[] = [];

interface Answer {
  slots: Array<{ kind: string; items: Array<{ id: string; title?: string }> }>;
}

async function edgerecAnswer(productId: string, k: number): Promise<Answer> {
  const response = await fetch(`${server!.url}/v1/recommendations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ placement: "product", product_id: productId, k }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

const ids = (answer: Answer, kinds: string[], k: number) => answer.slots.filter((s) => kinds.includes(s.kind)).flatMap((s) => s.items.map((i) => i.id)).slice(0, k);

/** The page InstantSearch runs on: the bundle reads the edge and the product from the query string. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>InstantSearch</title></head>
<body><div id="fbt"></div><script src="/bundle.js"></script></body></html>`;

const ENTRY = `
import { liteClient } from "algoliasearch/lite";
import instantsearch from "instantsearch.js";
import { frequentlyBoughtTogether } from "instantsearch.js/es/widgets";
const query = new URLSearchParams(location.search);
const edge = new URL(query.get("edge"));
const searchClient = liteClient("edgerec", query.get("key"), { hosts: [{ url: edge.hostname, port: Number(edge.port), protocol: "http", accept: "readWrite" }] });
const search = instantsearch({ indexName: "products", searchClient });
search.addWidgets([
  frequentlyBoughtTogether({
    container: "#fbt",
    objectIDs: [query.get("product")],
    limit: Number(query.get("limit")),
    templates: { item: (hit, { html }) => html\`<span class="fbt-hit" data-object-id="\${hit.objectID}">\${hit.title}</span>\` },
  }),
]);
search.on("error", (event) => console.error("instantsearch error: " + (event.error && event.error.message)));
search.start();
`;

describe("Algolia's clients against the local edge", () => {
  beforeAll(async () => {
    page = createServer((request, response) => {
      if (request.url?.startsWith("/bundle.js")) {
        response.writeHead(200, { "content-type": "text/javascript" });
        response.end(bundle);
      } else {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(PAGE);
      }
    });
    await new Promise<void>((resolve) => page!.listen(0, "127.0.0.1", resolve));
    pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    const bundling = build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: "js" }, bundle: true, format: "iife", platform: "browser", write: false, logLevel: "silent" });
    const state = path.join(work, "state");
    await copyPublishedDemoStore(state);
    server = await startDevServer({ persistTo: state, vars: { LIVE_POINTER_TTL_MS: "0", SEARCH_API_KEY: KEY, CORS_ORIGINS: pageOrigin } });
    bundle = (await bundling).outputFiles[0].text;
    const sold = new Map<string, number>();
    const catalog = new Map<string, CatalogRow>();
    for (const line of readFileSync(await demoFile("catalog.jsonl"), "utf8").split("\n")) if (line) catalog.set((JSON.parse(line) as CatalogRow).id, JSON.parse(line) as CatalogRow);
    for (const line of readFileSync(await demoFile("orders.jsonl"), "utf8").split("\n")) {
      if (!line) continue;
      for (const item of (JSON.parse(line) as { items: Array<string | { id: string }> }).items) {
        const id = typeof item === "string" ? item : item.id;
        if (catalog.get(id)?.attrs.kind === "smartphone") sold.set(id, (sold.get(id) ?? 0) + 1);
      }
    }
    phones.push(...[...sold].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => id));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => page?.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  it("@algolia/recommend v5 gets bought-together and looking-similar hits equal to edgerec's own answers", async () => {
    const edge = new URL(server!.url);
    const client = recommendClient("edgerec", KEY, { hosts: [{ url: edge.hostname, port: Number(edge.port), protocol: "http", accept: "readWrite" }] });
    const k = 5;
    const { results } = await client.getRecommendations({
      requests: phones.flatMap((objectID) => [
        { indexName: "products", model: "bought-together" as const, objectID, threshold: 0, maxRecommendations: k },
        { indexName: "products", model: "looking-similar" as const, objectID, threshold: 0, maxRecommendations: k },
      ]),
    });
    expect(results).toHaveLength(phones.length * 2);
    for (const [p, phone] of phones.entries()) {
      const own = await edgerecAnswer(phone, k);
      const [bought, similar] = [results[2 * p], results[2 * p + 1]];
      const boughtIds = bought.hits.map((h) => (h as { objectID: string }).objectID);
      expect(boughtIds.length).toBeGreaterThan(0);
      expect(boughtIds).toEqual(ids(own, ["cross_sell"], k));
      expect(similar.hits.map((h) => (h as { objectID: string }).objectID)).toEqual(ids(own, ["similar", "down_sell"], k));
      expect(similar.hits.length).toBeGreaterThan(0);
      expect(bought.hits[0]).toMatchObject({ _score: 100, title: expect.any(String), price: expect.any(Number) });
      expect(bought.queryID).toEqual(expect.any(String));
    }
    await expect(recommendClient("edgerec", "wrong-key", { hosts: [{ url: edge.hostname, port: Number(edge.port), protocol: "http", accept: "readWrite" }] }).getRecommendations({ requests: [{ indexName: "products", model: "bought-together", objectID: phones[0], threshold: 0 }] })).rejects.toMatchObject({ status: 403 });
  });

  it("InstantSearch.js's frequentlyBoughtTogether widget renders those hits in Chromium", async () => {
    const context = await browser!.newContext();
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on("pageerror", (error) => problems.push(error.message));
    tab.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    const phone = phones[0];
    const limit = 4;
    const own = ids(await edgerecAnswer(phone, limit), ["cross_sell"], limit);
    const requested = tab.waitForRequest((r) => r.url().includes("/1/indexes/*/recommendations"));
    await tab.goto(`${pageOrigin}/?${new URLSearchParams({ edge: server!.url, key: KEY, product: phone, limit: String(limit) })}`);
    const request = await requested;
    expect(request.headers()["content-type"]).toMatch(/^text\/plain/);
    const hits = tab.locator("#fbt .fbt-hit");
    await expect.poll(() => hits.count(), { timeout: 15_000 }).toBe(own.length);
    expect(await hits.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.objectId))).toEqual(own);
    expect((await hits.first().innerText()).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
