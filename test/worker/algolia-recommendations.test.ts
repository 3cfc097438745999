import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { recommendationsResponseSchema } from "../../core/algolia/recommend-schema";
import { recommendationResponseSchema } from "../../worker/schemas/recommendation-response";
import { shopBuild } from "../fixtures/shop-build";
import { publishBuild } from "./publish-build";
import { post } from "./requests";

const ROUTE = "http://edge.test/1/indexes/*/recommendations";
const KEY_HEADERS = { "content-type": "text/plain", "x-algolia-application-id": "edgerec", "x-algolia-api-key": "test-search-key" };

async function algolia(body: unknown, headers: Record<string, string> = KEY_HEADERS, url = ROUTE) {
  const response = await exports.default.fetch(url, post(body, headers));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function results(requests: unknown[]) {
  const { status, body } = await algolia({ requests });
  expect(status, JSON.stringify(body)).toBe(200);
  return recommendationsResponseSchema.parse(body).results;
}

async function edgerec(body: unknown) {
  const response = await exports.default.fetch("http://edge.test/v1/recommendations", post(body));
  return recommendationResponseSchema.parse(await response.json());
}

describe("POST /1/indexes/*/recommendations (Algolia Recommend)", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, shopBuild("algolia-1"));
  });

  describe("happy", () => {
    it("answers bought-together with the product placement's cross-sell: same items, same order, fields and _score", async () => {
      const [result] = await results([{ indexName: "products", model: "bought-together", objectID: "phone-flagship", threshold: 0, maxRecommendations: 4 }]);
      const own = await edgerec({ placement: "product", product_id: "phone-flagship", k: 4 });
      const cross = own.slots.find((s) => s.kind === "cross_sell")!;
      expect(result.hits.map((h) => h.objectID)).toEqual(cross.items.map((i) => i.id));
      expect(result.hits[0]).toMatchObject({ objectID: cross.items[0].id, _score: 100, title: cross.items[0].title, price: cross.items[0].price, in_stock: true, reason: cross.items[0].reason, reason_code: cross.items[0].reason_code });
      expect(result.hits[0].category).toMatch(/ > /);
      for (const hit of result.hits) expect(hit._score).toBeGreaterThanOrEqual(0);
      expect(result.hits.map((h) => h._score)).toEqual([...result.hits.map((h) => h._score)].sort((a, b) => b - a));
      expect(result).toMatchObject({ nbHits: result.hits.length, hitsPerPage: 4, page: 0, nbPages: 1, index: "products" });
      expect(result.queryID).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("answers looking-similar and related-products with the similar and down-sell slots in answer order", async () => {
      const [similar, related] = await results([
        { indexName: "products", model: "looking-similar", objectID: "camera-a7", threshold: 0, maxRecommendations: 5 },
        { indexName: "products", model: "related-products", objectID: "camera-a7", threshold: 0, maxRecommendations: 5 },
      ]);
      const own = await edgerec({ placement: "product", product_id: "camera-a7", k: 5 });
      const expected = own.slots.filter((s) => s.kind === "similar" || s.kind === "down_sell").flatMap((s) => s.items.map((i) => i.id)).slice(0, 5);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected).toContain("camera-a6");
      expect(similar.hits.map((h) => h.objectID)).toEqual(expected);
      expect(related.hits.map((h) => h.objectID)).toEqual(expected);
      expect(similar.queryID).not.toBe(related.queryID);
    });

    it("applies filters, facetFilters and numericFilters, the threshold, and fills from fallbackParameters", async () => {
      const [byBrand, byPrice, byFacet, cut, withFallback] = await results([
        { indexName: "p", model: "bought-together", objectID: "phone-flagship", threshold: 0, maxRecommendations: 10, queryParameters: { filters: 'brand:Spigen OR category:"Screen Protectors"' } },
        { indexName: "p", model: "bought-together", objectID: "phone-flagship", threshold: 0, queryParameters: { numericFilters: ["price<45"] } },
        { indexName: "p", model: "bought-together", objectID: "phone-flagship", threshold: 0, queryParameters: { facetFilters: [["category:Cases", "category:Chargers"], "-brand:Anker"] } },
        { indexName: "p", model: "bought-together", objectID: "phone-flagship", threshold: 90 },
        { indexName: "p", model: "bought-together", objectID: "phone-budget", threshold: 0, maxRecommendations: 4, queryParameters: { filters: "brand:Nobody" }, fallbackParameters: { filters: "price > 100 AND in_stock:true" } },
      ]);
      expect(byBrand.hits.length).toBeGreaterThan(0);
      for (const hit of byBrand.hits) expect(hit.brand === "Spigen" || hit.category!.endsWith("Screen Protectors")).toBe(true);
      expect(byPrice.hits.length).toBeGreaterThan(0);
      for (const hit of byPrice.hits) expect(hit.price!).toBeLessThan(45);
      for (const hit of byFacet.hits) expect([hit.category!.split(" > ").at(-1), hit.brand !== "Anker"]).toEqual([expect.stringMatching(/^(Cases|Chargers)$/), true]);
      for (const hit of cut.hits) expect(hit._score).toBeGreaterThanOrEqual(90);
      expect(withFallback.hits.length).toBeGreaterThan(0);
      for (const hit of withFallback.hits) expect([hit._score, hit.price! > 100, hit.in_stock]).toEqual([0, true, true]);
    });

    it("answers trending-items from popular items, per category facet", async () => {
      const [all, phones] = await results([
        { indexName: "p", model: "trending-items", threshold: 0, maxRecommendations: 5 },
        { indexName: "p", model: "trending-items", threshold: 0, maxRecommendations: 3, facetName: "category", facetValue: "Smartphones" },
      ]);
      expect(all.hits.length).toBeGreaterThan(0);
      expect(phones.hits.length).toBeGreaterThan(0);
      for (const hit of phones.hits) expect(hit.category).toBe("Phones & Tablets > Smartphones");
    });

    it("takes the credentials from the query string, as the browser clients send them", async () => {
      const { status } = await algolia({ requests: [{ indexName: "p", model: "bought-together", objectID: "phone-mid" }] }, { "content-type": "text/plain" }, `${ROUTE}?x-algolia-agent=Algolia%20for%20JavaScript&x-algolia-api-key=test-search-key-old&x-algolia-application-id=edgerec`);
      expect(status).toBe(200);
    });

    it("reads a gzip-compressed body", async () => {
      const json = JSON.stringify({ requests: [{ indexName: "p", model: "bought-together", objectID: "phone-mid", threshold: 0 }] });
      const gzipped = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
      const response = await exports.default.fetch(ROUTE, { method: "POST", headers: { ...KEY_HEADERS, "content-encoding": "gzip" }, body: gzipped });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { results: unknown[] }).results).toHaveLength(1);
    });

    it("is documented in /openapi.json", async () => {
      const doc = (await (await exports.default.fetch("http://edge.test/openapi.json")).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain("/1/indexes/{indexName}/recommendations");
    });
  });

  describe("security", () => {
    it.each([
      ["a wrong key", { ...KEY_HEADERS, "x-algolia-api-key": "nope" }],
      ["another application id", { ...KEY_HEADERS, "x-algolia-application-id": "LATENCY" }],
      ["no key", { "content-type": "text/plain", "x-algolia-application-id": "edgerec" }],
      ["the admin token as key", { ...KEY_HEADERS, "x-algolia-api-key": "test-admin-token" }],
    ])("refuses %s with 403 in Algolia's error shape", async (_what, headers) => {
      const { status, body } = await algolia({ requests: [{ indexName: "p", model: "bought-together", objectID: "phone-mid" }] }, headers);
      expect(status).toBe(403);
      expect(body).toMatchObject({ status: 403, message: expect.stringContaining("Invalid Application-ID or API key"), error: { code: "unauthorized" } });
    });
  });

  describe("error", () => {
    it.each([
      [{ requests: [{ indexName: "p", model: "trending-facets", facetName: "brand" }] }, "requests[0].model"],
      [{ requests: [{ indexName: "p", model: "bought-together" }] }, "requests[0].objectID"],
      [{ requests: [{ indexName: "p", model: "bought-together", objectID: "x", threshold: 101 }] }, "requests[0].threshold"],
      [{ requests: [] }, "requests"],
      [{ requests: [{ indexName: "p", model: "bought-together", objectID: "x", queryParameters: { filters: "colour:red" } }] }, "requests[0].queryParameters"],
      [{ requests: [{ indexName: "p", model: "bought-together", objectID: "x", fallbackParameters: { filters: "price < cheap" } }] }, "requests[0].fallbackParameters"],
      [{ requests: [{ indexName: "p", model: "bought-together", objectID: "x", queryParameters: { filters: "(brand:A" } }] }, "requests[0].queryParameters"],
    ])("answers 400 naming the field for %j", async (body, field) => {
      const answer = await algolia(body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, error: { code: "invalid_request", field } });
    });

    it("answers 400 for malformed JSON and 413 for a body over 64 KiB", async () => {
      expect((await algolia("{not json")).body).toMatchObject({ status: 400, error: { code: "invalid_json" } });
      const big = { requests: [{ indexName: "x".repeat(70_000), model: "bought-together", objectID: "x" }] };
      expect((await algolia(big)).status).toBe(413);
    });
  });
});
