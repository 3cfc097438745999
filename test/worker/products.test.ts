import { env, exports } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { beforeAll, describe, expect, it } from "vitest";
import { categories, products } from "../../db/schema";

type Listed = { products: Array<{ id: string; price: number; attrs: Record<string, unknown> }> };

describe("catalogue routes read D1", () => {
  beforeAll(async () => {
    const db = drizzle(env.DB);
    await db.insert(categories).values([
      { id: "phones", name: "Phones", path: "Phones", depth: 0 },
      { id: "phones/cases", name: "Cases", parentId: "phones", path: "Phones > Cases", depth: 1 },
    ]);
    await db.insert(products).values([
      { id: "p1", title: "Galaxy S24", brand: "Samsung", categoryId: "phones", price: 899, attrs: { connector: "usb-c" } },
      { id: "c1", title: "Case for Galaxy S24", brand: "Spigen", categoryId: "phones/cases", price: 19, attrs: { fits_models: ["galaxy-s24"] } },
      { id: "c2", title: "Case for iPhone 15", brand: "Spigen", categoryId: "phones/cases", price: 25, attrs: {} },
    ]);
  });

  it("returns one product with its attributes, cacheable", async () => {
    const response = await exports.default.fetch("http://edge.test/v1/products/p1");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("max-age");
    expect(await response.json()).toMatchObject({ id: "p1", title: "Galaxy S24", attrs: { connector: "usb-c" } });
  });

  it("404 JSON for an unknown product", async () => {
    const response = await exports.default.fetch("http://edge.test/v1/products/nope");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("lists a category with its subcategories, by price, and filters by text and ids", async () => {
    const all = (await (await exports.default.fetch("http://edge.test/v1/products?category=phones")).json()) as Listed;
    expect(all.products.map((p) => p.id).sort()).toEqual(["c1", "c2", "p1"]);
    const cases = (await (await exports.default.fetch("http://edge.test/v1/products?category=phones/cases")).json()) as Listed;
    expect(cases.products.map((p) => p.id)).toEqual(["c1", "c2"]);
    const text = (await (await exports.default.fetch("http://edge.test/v1/products?q=iphone")).json()) as Listed;
    expect(text.products.map((p) => p.id)).toEqual(["c2"]);
    const byIds = (await (await exports.default.fetch("http://edge.test/v1/products?ids=p1,c2")).json()) as Listed;
    expect(byIds.products.map((p) => p.id).sort()).toEqual(["c2", "p1"]);
  });

  it("lists the category tree", async () => {
    const body = (await (await exports.default.fetch("http://edge.test/v1/categories")).json()) as { categories: Array<{ id: string; parent_id: string | null }> };
    expect(body.categories).toEqual([expect.objectContaining({ id: "phones", parent_id: null }), expect.objectContaining({ id: "phones/cases", parent_id: "phones" })]);
  });
});
