/**
 * The listing placement and the product placement's not-found answers through the worker, on the demo-like shop
 * published to KV and its catalogue written to D1, so the listing's rails can be checked against product search
 * for the same query.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { recommendationResponseSchema } from "../../worker/schemas/recommendation-response";
import { CATEGORIES, PRODUCTS, shopBuild } from "../fixtures/shop-build";
import { publishBuild } from "./publish-build";
import { post } from "./requests";

const URL = "http://edge.test/v1/recommendations";
const slugOf = (path: string) => path.split(" > ").map((p) => p.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")).join("/");

const postJson = (url: string, body: unknown) => exports.default.fetch(url, post(body));

async function recommend(body: unknown) {
  const response = await postJson(URL, body);
  expect(response.status).toBe(200);
  return recommendationResponseSchema.parse(await response.json());
}
const slot = (answer: { slots: Array<{ kind: string; title: string; items: Array<{ id: string }> }> }, kind: string) => answer.slots.find((s) => s.kind === kind);
const ids = (answer: Parameters<typeof slot>[0], kind: string) => slot(answer, kind)?.items.map((i) => i.id) ?? [];
const categoryOf = (id: string) => PRODUCTS.find((p) => p.id === id)!.category as string;

async function searched(q: string): Promise<string[]> {
  const response = await exports.default.fetch(`http://edge.test/v1/products?q=${encodeURIComponent(q)}&limit=200`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { products: Array<{ id: string }> }).products.map((p) => p.id);
}

describe("listing and product placements through the worker", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, shopBuild("shop-listing"));
    const paths = new Set<string>();
    for (const path of CATEGORIES) path.split(" > ").forEach((_, d, levels) => paths.add(levels.slice(0, d + 1).join(" > ")));
    await env.DB.batch(
      [...paths].map((path) => {
        const levels = path.split(" > ");
        const parent = levels.length > 1 ? slugOf(levels.slice(0, -1).join(" > ")) : null;
        return env.DB.prepare("INSERT INTO categories (id, name, parent_id, path, depth, build_id) VALUES (?1, ?2, ?3, ?4, ?5, 'shop-listing')").bind(slugOf(path), levels.at(-1), parent, path, levels.length - 1);
      }),
    );
    await env.DB.batch(PRODUCTS.map((p) => env.DB.prepare("INSERT INTO products (id, title, brand, category_id, price, build_id) VALUES (?1, ?2, ?3, ?4, ?5, 'shop-listing')").bind(p.id, p.title, p.brand, slugOf(p.category), p.price)));
  });

  it("product without a product_id: 400 naming the field", async () => {
    const response = await postJson(URL, { placement: "product" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string; field: string } }).error).toMatchObject({ code: "invalid_request", field: "product_id" });
  });

  it("product with a product_id the live build does not know: 404 naming the field, never best sellers", async () => {
    const response = await postJson(URL, { placement: "product", product_id: "no-such-product", cart: ["phone-mid"] });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string; field: string; message: string } }).error).toMatchObject({ code: "not_found", field: "product_id", message: 'no product "no-such-product" in the live build' });
    expect((await recommend({ placement: "product", product_id: "phone-mid" })).slots.length).toBeGreaterThan(0);
  });

  it("listing with a phone in the cart: the setup fits that phone; without it, no accessory made for one model", async () => {
    const withPhone = await recommend({ placement: "listing", category: "Smartphones", cart: ["phone-mid"] });
    expect(ids(withPhone, "scenario")).toEqual(["case-mid", "glass-mid", "charger-fast", "buds-lite"]);
    const anonymous = await recommend({ placement: "listing", category: "Smartphones" });
    for (const id of ids(anonymous, "scenario")) expect(["Phones & Tablets > Phone Accessories > Cases", "Phones & Tablets > Phone Accessories > Screen Protectors", "Phones & Tablets > Smartphones"]).not.toContain(categoryOf(id));
    expect(ids(anonymous, "scenario").length).toBeGreaterThan(0);
  });

  it('"Popular in" a parent category holds only its items; an unknown category answers no slot', async () => {
    const parent = await recommend({ placement: "listing", category: "phones-and-tablets" });
    expect(slot(parent, "popular")?.title).toBe("Popular in Phones & Tablets");
    for (const id of ids(parent, "popular")) expect(categoryOf(id).startsWith("Phones & Tablets > ")).toBe(true);
    expect((await recommend({ placement: "listing", category: "Toasters" })).slots).toEqual([]);
  });

  it("the listing's rails and product search agree: every item a query's rail shows is a search result of that query", async () => {
    for (const query of ["cheap earbuds", "pixel phone", "phone under 800", "spigen", "gaming monitor", "usb-c charger", "case for pixel a"]) {
      const answer = await recommend({ placement: "listing", query });
      const results = await searched(query);
      const shown = ids(answer, "popular");
      expect({ query, shown: shown.length > 0 }).toEqual({ query, shown: true });
      for (const id of shown) expect({ query, id, found: results.includes(id) }).toEqual({ query, id, found: true });
    }
  });
});
