/**
 * Product search (`GET /v1/products?q=`) on real local D1 through the FTS5 index and its triggers, on a small
 * catalogue written the way real shops write titles (not the demo's vocabulary), including a category tree
 * whose names are glued together ("USBCables").
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";

interface Listed {
  products: Array<{ id: string; title: string; price: number | null; category_id: string | null }>;
  search?: { terms: string[]; models: string[]; categories: string[]; price: { min?: number; max?: number; order?: string }; match: string };
}

const CATEGORIES: Array<[string, string, string | null, string]> = [
  ["mobiles", "Mobiles", null, "Mobiles"],
  ["mobiles/cases", "Cases & Covers", "mobiles", "Mobiles > Cases & Covers"],
  ["mobiles/chargers", "Chargers", "mobiles", "Mobiles > Chargers"],
  ["mobiles/smartphones", "Smartphones", "mobiles", "Mobiles > Smartphones"],
  ["audio", "Audio", null, "Audio"],
  ["audio/headphones", "Headphones", "audio", "Audio > Headphones"],
  ["audio/earbuds", "Earbuds", "audio", "Audio > Earbuds"],
  ["electronics", "Electronics", null, "Electronics"],
  ["electronics/usbcables", "USBCables", "electronics", "Electronics > USBCables"],
];

const PRODUCTS: Array<{ id: string; title: string; brand: string; category: string; price: number; compat?: string[] }> = [
  { id: "s25", title: "Samsung Galaxy S25 5G (Navy, 12GB RAM, 256GB Storage)", brand: "Samsung", category: "mobiles/smartphones", price: 899 },
  { id: "s25-ultra", title: "Samsung Galaxy S25 Ultra 5G (Titanium Gray, 512GB)", brand: "Samsung", category: "mobiles/smartphones", price: 1399 },
  { id: "iphone15", title: "Apple iPhone 15 (128 GB) - Black", brand: "Apple", category: "mobiles/smartphones", price: 699 },
  { id: "case-s25-spigen", title: "Spigen Ultra Hybrid Back Cover Case Compatible with Samsung Galaxy S25 - Crystal Clear", brand: "Spigen", category: "mobiles/cases", price: 19 },
  { id: "case-s25-official", title: "Samsung Silicone Case for Galaxy S25, Blue", brand: "Samsung", category: "mobiles/cases", price: 29 },
  { id: "case-s25-ultra", title: "Ringke Fusion Case for Galaxy S25 Ultra", brand: "Ringke", category: "mobiles/cases", price: 15 },
  { id: "case-iphone15", title: "Spigen Liquid Air Case for iPhone 15", brand: "Spigen", category: "mobiles/cases", price: 17 },
  { id: "case-iphone14", title: "OtterBox Symmetry Case for iPhone 14", brand: "OtterBox", category: "mobiles/cases", price: 35 },
  { id: "case-a36", title: "Samsung Clear Cover for Galaxy A36 5G", brand: "Samsung", category: "mobiles/cases", price: 14 },
  { id: "adapter-apple", title: "Apple 20W USB-C Power Adapter", brand: "Apple", category: "mobiles/chargers", price: 19 },
  { id: "adapter-samsung", title: "Samsung 25W Super Fast Charging Travel Adapter", brand: "Samsung", category: "mobiles/chargers", price: 22, compat: ["conn:usb-c"] },
  { id: "charger-lightning", title: "Belkin 12W Wall Charger with Lightning Connector", brand: "Belkin", category: "mobiles/chargers", price: 15, compat: ["conn:lightning"] },
  { id: "hp-sony", title: "Sony WH-1000XM5 Wireless Noise Cancelling Headphones", brand: "Sony", category: "audio/headphones", price: 329 },
  { id: "hp-jbl", title: "JBL Tune 520BT Wireless On-Ear Headphones", brand: "JBL", category: "audio/headphones", price: 49 },
  { id: "hp-boat", title: "boAt Rockerz 450 Bluetooth On Ear Headphones", brand: "boAt", category: "audio/headphones", price: 25 },
  { id: "hp-airpods-max", title: "Apple AirPods Max - Midnight", brand: "Apple", category: "audio/headphones", price: 579 },
  { id: "buds-boat", title: "boAt Airdopes 141 TWS Earbuds", brand: "boAt", category: "audio/earbuds", price: 19 },
  { id: "cord-amazon", title: "AmazonBasics USB-C to USB-A 2.0 Charging Cord, 3 ft", brand: "AmazonBasics", category: "electronics/usbcables", price: 8 },
  { id: "cord-lightning", title: "Lightning to USB-A Cord, 1 m", brand: "Generic", category: "electronics/usbcables", price: 6 },
];

async function search(q: string, extra = ""): Promise<Listed> {
  const response = await exports.default.fetch(`http://edge.test/v1/products?q=${encodeURIComponent(q)}${extra}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Listed;
}

const ids = (listed: Listed) => listed.products.map((p) => p.id);

describe("product search on D1", () => {
  beforeAll(async () => {
    await env.DB.batch(CATEGORIES.map(([id, name, parent, path]) => env.DB.prepare("INSERT INTO categories (id, name, parent_id, path, depth) VALUES (?1, ?2, ?3, ?4, ?5)").bind(id, name, parent, path, path.split(" > ").length - 1)));
    await env.DB.batch(
      PRODUCTS.map((p) =>
        env.DB.prepare("INSERT INTO products (id, title, brand, category_id, price, compat_keys) VALUES (?1, ?2, ?3, ?4, ?5, ?6)").bind(p.id, p.title, p.brand, p.category, p.price, JSON.stringify(p.compat ?? [])),
      ),
    );
  });

  it('"galaxy s25 case": cases made for the S25 first, then its variants; never another model\'s case', async () => {
    const listed = await search("galaxy s25 case");
    expect(ids(listed).slice(0, 2).sort()).toEqual(["case-s25-official", "case-s25-spigen"]);
    expect(ids(listed)[2]).toBe("case-s25-ultra");
    expect(ids(listed)).not.toContain("case-iphone15");
    expect(ids(listed)).not.toContain("case-a36");
    expect(ids(listed)).not.toContain("s25");
    expect(listed.search).toMatchObject({ models: ["samsung-galaxy-s25"], categories: ["mobiles/cases"], match: "all" });
  });

  it('"cheap headphones": the headphones category, cheapest first', async () => {
    const listed = await search("cheap headphones");
    expect(ids(listed)).toEqual(["hp-boat", "hp-jbl", "hp-sony", "hp-airpods-max"]);
    expect(listed.search?.price).toEqual({ order: "asc" });
  });

  it('"headphones under 100" and "headphones below €300" bound the price', async () => {
    expect(ids(await search("headphones under 100")).sort()).toEqual(["hp-boat", "hp-jbl"]);
    expect(ids(await search("headphones below €300")).sort()).toEqual(["hp-boat", "hp-jbl"]);
    expect(ids(await search("headphones between 40 and 400")).sort()).toEqual(["hp-jbl", "hp-sony"]);
  });

  it('"usb-c charger" finds power adapters and chargers known to be USB-C, not a Lightning charger', async () => {
    const listed = await search("usb-c charger");
    expect(ids(listed).slice(0, 2).sort()).toEqual(["adapter-apple", "adapter-samsung"]);
    expect(ids(listed)).not.toContain("charger-lightning");
  });

  it("a category named in a tree that glues words together still matches: usb cable -> USBCables", async () => {
    const listed = await search("usb cable");
    expect(ids(listed).sort()).toEqual(["cord-amazon", "cord-lightning"]);
    expect(listed.search?.categories).toEqual(["electronics/usbcables"]);
  });

  it("plurals, singulars and synonyms: earphones, earbud, covers", async () => {
    expect(ids(await search("earphones"))).toEqual(["buds-boat"]);
    expect(ids(await search("earbud"))).toEqual(["buds-boat"]);
    expect(ids(await search("iphone 15 covers"))[0]).toBe("case-iphone15");
  });

  it("within a category, by brand, and paged", async () => {
    expect(ids(await search("samsung", "&category=mobiles/cases")).sort()).toEqual(["case-a36", "case-s25-official", "case-s25-spigen"]);
    expect(ids(await search("case", "&brand=Spigen")).sort()).toEqual(["case-iphone15", "case-s25-spigen"]);
    const all = ids(await search("case"));
    expect(all.length).toBe(6);
    const pages = [...ids(await search("case", "&limit=4")), ...ids(await search("case", "&limit=4&offset=4"))];
    expect(pages).toEqual(all);
  });

  it('price words alone read the price index: "under 20" is everything at 20 or less, cheapest first', async () => {
    const listed = await search("under 20");
    const prices = listed.products.map((p) => p.price!);
    expect(prices.length).toBe(PRODUCTS.filter((p) => p.price <= 20).length);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it("when no product holds every word, the ones holding some come back, marked", async () => {
    const listed = await search("sony lightning");
    expect(listed.search?.match).toBe("some");
    expect(ids(listed).sort()).toEqual(["charger-lightning", "cord-lightning", "hp-sony"]);
  });

  it("FTS syntax and LIKE wildcards in a query are plain text: a 200, never an error", async () => {
    for (const q of ['"', "*", "%", "_", "NEAR(case", "case OR", "-case", "title:case", "AND", "^s25"]) {
      const response = await exports.default.fetch(`http://edge.test/v1/products?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
    // Nothing searchable in the query: nothing matches (never the whole catalogue).
    expect(ids(await search("%"))).toEqual([]);
    expect(ids(await search(""))).not.toEqual([]);
  });

  it("the index follows the products table: update, replace and delete", async () => {
    await env.DB.prepare("UPDATE products SET title = 'JBL Tune 720BT Wireless Over-Ear Headphones' WHERE id = 'hp-jbl'").run();
    expect(ids(await search("720bt"))).toEqual(["hp-jbl"]);
    expect(ids(await search("520bt"))).toEqual([]);
    await env.DB.prepare("INSERT OR REPLACE INTO products (id, title, brand, category_id, price) VALUES ('hp-jbl', 'JBL Live 770NC Headphones', 'JBL', 'audio/headphones', 99)").run();
    expect(ids(await search("770nc"))).toEqual(["hp-jbl"]);
    expect(ids(await search("720bt"))).toEqual([]);
    expect(ids(await search("jbl headphones"))).toEqual(["hp-jbl"]);
    await env.DB.prepare("UPDATE products SET stock = 3 WHERE id = 'hp-jbl'").run();
    expect(ids(await search("770nc"))).toEqual(["hp-jbl"]);
    await env.DB.prepare("DELETE FROM products WHERE id = 'hp-jbl'").run();
    expect(ids(await search("770nc"))).toEqual([]);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM products_fts").first<{ n: number }>();
    expect(rows?.n).toBe(PRODUCTS.length - 1);
  });
});
