import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../cli/main";
import type { InputError } from "../input-error";
import type { CatalogProduct } from "../read-catalog";
import { fitFactsOf } from "../../../core/catalog/fit-facts/extract-fit-facts";
import { catalogLineJson, readCatalogFile } from "./read-catalog-feed";

const FEEDS = path.join(import.meta.dirname, "../../../test/fixtures/feeds");
const feed = (name: string) => path.join(FEEDS, name);
/** Inside the charger's sale (2026) and after the cable's (June 2025). */
const NOW = new Date("2026-03-01T12:00:00Z");

const byId = (products: CatalogProduct[]) => new Map(products.map((p) => [p.id, p]));
const problems = (report: { problems: InputError[] }) => report.problems.map((e) => [e.line, e.field, e.problem]);

describe("Google Merchant Center RSS 2.0 feed", async () => {
  const read = await readCatalogFile(feed("gmc-rss.xml"), { now: NOW });
  const products = byId(read.products);

  it("is told from its content and names the row it could not use", () => {
    expect(read.format).toBe("gmc");
    expect(read.report).toMatchObject({ lines: 8, skipped: 1 });
    expect(problems(read.report)).toEqual([[134, "price", 'not a price: "about forty euros" (expected "15.00 USD")']]);
    expect([...products.keys()]).toEqual(["pixel-9", "armour-case", "CHG-45W", "CBL-USBC-2M", "PX8-REFURB"]);
  });

  it("maps every attribute of an item, and merges an item group into one product with its variants", () => {
    const phone = products.get("pixel-9")!;
    expect(phone).toMatchObject({
      id: "pixel-9",
      title: "Pixel 9",
      brand: "Google",
      category: ["Phones", "Smartphones"],
      price: 799,
      currency: "EUR",
      lifecycle: "active",
      link: "https://volt.example/p/pixel-9?v=128-black",
      imageLink: "https://cdn.volt.example/img/pixel-9-black.jpg",
    });
    expect(phone.stock).toBeUndefined();
    expect(phone.attrs).toEqual({
      description: '6.3" Actua display, USB-C charging & Qi wireless charging.|Connector: USB-C|Pixel 9 128 GB Obsidian|Pixel 9 256 GB Peony',
      availability: ["in_stock", "out_of_stock"],
      condition: "new",
      gtin: "0840244706876",
      mpn: "GA05843-GB",
      color: ["Obsidian", "Peony"],
      product_type: "Phones > Smartphones",
      google_product_category: "Electronics > Communications > Telephony > Mobile Phones",
      product_details: [
        { section: "General", name: "Connector", value: "USB-C" },
        { section: "Display", name: "Screen size in", value: "6.3" },
      ],
      screen_size_in: "6.3",
      highlights: ["Seven years of updates", "Wireless charging"],
    });
    expect(phone.variants).toEqual([
      { id: "PX9-128-BLK", title: "Pixel 9 128 GB Obsidian", price: 799, attrs: { availability: "in_stock", gtin: "0840244706876", mpn: "GA05843-GB", color: "Obsidian", google_product_category: "Electronics > Communications > Telephony > Mobile Phones", screen_size_in: "6.3", highlights: ["Seven years of updates", "Wireless charging"] } },
      { id: "PX9-256-PNK", title: "Pixel 9 256 GB Peony", price: 899, stock: 0, attrs: { availability: "out_of_stock", color: "Peony" } },
    ]);
  });

  it("feeds the fit readers: a phone's connector and screen, the models a grouped case fits, a charger's power", () => {
    const facts = (id: string) => {
      const p = products.get(id)!;
      return fitFactsOf({ title: p.title, brand: p.brand, category: p.category, attrs: p.attrs });
    };
    expect(facts("pixel-9")).toMatchObject({ role: "device", kind: "smartphone", models: ["google-pixel-9"], connectors: ["usb-c"], sizes: [{ unit: "in", max: 6.3 }] });
    expect(facts("armour-case")).toMatchObject({ role: "accessory", models: ["google-pixel-9", "google-pixel-9-pro"] });
    expect(facts("CHG-45W")).toMatchObject({ role: "accessory", kind: "charger", connectors: ["usb-c"], watts: [45] });
  });

  it("keeps the fit facts of every variant: the models a grouped case fits", () => {
    const cases = products.get("armour-case")!;
    expect(cases.title).toBe("Volt Armour Case for Pixel 9");
    expect(cases.price).toBe(29.99);
    expect(cases.attrs.compatible_model).toEqual(["Pixel 9", "Pixel 9 Pro"]);
    expect(cases.attrs.description).toBe("Drop-tested case for Pixel 9.|Volt Armour Case for Pixel 9 Pro");
    expect(cases.variants!.map((v) => [v.id, v.price, v.attrs])).toEqual([
      ["CASE-PX9", 29.99, { compatible_model: "Pixel 9" }],
      ["CASE-PX9P", 31.99, { compatible_model: "Pixel 9 Pro" }],
    ]);
  });

  it("serves a sale price inside its effective dates, the regular price outside them; out of stock is stock 0", () => {
    expect(products.get("CHG-45W")).toMatchObject({ price: 29, attrs: { list_price: 39, output_power: "45 W" } });
    const cable = products.get("CBL-USBC-2M")!;
    expect(cable).toMatchObject({ price: 14.99, stock: 0, attrs: { availability: "out_of_stock" } });
    expect(cable.attrs.list_price).toBeUndefined();
    expect(cable.variants).toBeUndefined();
  });

  it("reads preorder as a new product and keeps the condition (refurbished)", () => {
    expect(products.get("PX8-REFURB")).toMatchObject({ lifecycle: "new", attrs: { condition: "refurbished", availability: "preorder" } });
  });

  it("takes only an item's own price, not its shipping's", async () => {
    const later = await readCatalogFile(feed("gmc-rss.xml"), { now: new Date("2027-06-01T00:00:00Z") });
    expect(byId(later.products).get("CHG-45W")).toMatchObject({ price: 39 });
    expect(byId(later.products).get("pixel-9")!.price).toBe(799);
  });
});

describe("Google Merchant Center Atom feed", () => {
  it("reads Atom's title, link href and summary, USD prices, a numeric google_product_category, and names a bad link", async () => {
    const read = await readCatalogFile(feed("gmc-atom.xml"), { now: NOW });
    const products = byId(read.products);
    expect(products.get("TAB-11")).toMatchObject({
      title: "Volt Tab 11 Wi-Fi 128 GB",
      link: "https://volt.example/p/tab-11",
      imageLink: "https://cdn.volt.example/img/tab-11.jpg",
      price: 349,
      currency: "EUR",
      category: ["Electronics", "Computers", "Tablet Computers"],
      attrs: { description: "11-inch tablet & USB-C port.", availability: "backorder", condition: "used", screen_size_in: "11" },
    });
    expect(products.get("TAB-11")!.stock).toBeUndefined();
    expect(products.get("PEN-2")).toMatchObject({ price: 59, currency: "USD", category: [], attrs: { google_product_category: "328", availability: "in_stock" } });
    expect(problems(read.report)).toEqual([[31, "link", "expected an absolute http(s) URL"]]);
  });
});

describe("Google Merchant Center TSV feed", async () => {
  const read = await readCatalogFile(feed("gmc.tsv"), { now: NOW });
  const products = byId(read.products);

  it("reads the header's attributes, quoted fields and product_detail triples", () => {
    expect(read.format).toBe("gmc");
    const phone = products.get("pixel-9")!;
    expect(phone).toMatchObject({ title: "Pixel 9", price: 799, currency: "EUR", brand: "Google", link: "https://volt.example/p/pixel-9?v=128-black" });
    expect(phone.attrs).toMatchObject({
      description: '6.3" display, USB-C|Connector: USB-C|Pixel 9 128 GB Obsidian|Pixel 9 256 GB Peony',
      product_details: [
        { section: "General", name: "Connector", value: "USB-C" },
        { section: "Display", name: "Screen size in", value: "6.3" },
        { section: "Display", name: "Diagonal", value: '6.3"' },
      ],
      diagonal: '6.3"',
      highlights: ["Seven years of updates"],
      color: ["Obsidian", "Peony"],
    });
    expect(phone.variants!.map((v) => v.id)).toEqual(["PX9-128-BLK", "PX9-256-PNK"]);
    expect(products.get("CHG-45W")).toMatchObject({ price: 29, attrs: { list_price: 39, output_power: "45 W" } });
    expect(products.get("CBL-USBC-2M")).toMatchObject({ price: 14.99, stock: 0 });
  });

  it("reports each malformed row by line and field and keeps the others", () => {
    expect(problems(read.report)).toEqual([
      [6, "availability", '"sometimes" is none of in_stock, out_of_stock, preorder, backorder'],
      [7, "product_detail", '"Ports only" has 1 parts, expected section_name:attribute_name:attribute_value'],
      [8, "sale_price_effective_date", 'not a date range: "next week" (expected "2016-02-24T13:00-0800/2016-02-29T15:30-0800")'],
    ]);
    expect([...products.keys()]).toEqual(["pixel-9", "CHG-45W", "CBL-USBC-2M"]);
  });
});

describe.each([
  ["older", "shopify-older.csv", { price: "Variant Price" }],
  ["current", "shopify-current.csv", { price: "Price" }],
])("Shopify product CSV, %s headers", (_generation, name, columns) => {
  it("merges a handle's variant rows into one product and maps every column", async () => {
    const read = await readCatalogFile(feed(name), { shopUrl: "https://shop.example/", currency: "USD" });
    expect(read.format).toBe("shopify");
    const products = byId(read.products);
    expect([...products.keys()]).toEqual(["nova-phone-12", "nova-12-clear-case", "nova-30w-charger", "nova-prototype"]);
    const phone = products.get("nova-phone-12")!;
    expect(phone).toMatchObject({
      title: "Nova Phone 12",
      brand: "Nova",
      category: ["Electronics", "Communications", "Telephony", "Mobile Phones"],
      price: 699,
      currency: "USD",
      stock: 12,
      lifecycle: "active",
      link: "https://shop.example/products/nova-phone-12",
      imageLink: "https://cdn.shop.example/nova-12-front.jpg",
    });
    expect(phone.attrs).toEqual({
      type: "Smartphones",
      tags: ["5G", "flagship"],
      description: "6.1-inch OLED phone.|USB-C port|Qi wireless charging",
      mpn: "N12-128",
      condition: "new",
      storage: ["128 GB", "256 GB"],
      color: ["Black", "Blue"],
      gtin: "4006381333931",
      list_price: 749,
    });
    expect(phone.variants).toEqual([
      { id: "NOVA12-128-BLK", title: "Nova Phone 12", price: 699, stock: 12, attrs: { storage: "128 GB", color: "Black", gtin: "4006381333931" } },
      { id: "NOVA12-256-BLU", title: "Nova Phone 12", price: 799, stock: 0, attrs: { storage: "256 GB", color: "Blue" } },
    ]);

    const cases = products.get("nova-12-clear-case")!;
    expect(cases).toMatchObject({ price: 19, category: ["Electronics", "Communications", "Telephony", "Mobile Phone Accessories", "Mobile Phone Cases"], attrs: { color: ["Clear", "Smoke", "Rose"] } });
    expect(cases.stock).toBeUndefined();
    expect(cases.variants!.find((v) => v.id === "CASE12-RSE")).toEqual({ id: "CASE12-RSE", title: "Clear Case for Nova Phone 12", price: 21, attrs: { color: "Rose" } });

    expect(products.get("nova-30w-charger")).toMatchObject({ category: ["Chargers"], stock: 100, attrs: { type: "Chargers" }, variants: [{ id: "CHG30", price: 25, stock: 100 }] });
    expect(products.get("nova-30w-charger")!.attrs).not.toHaveProperty("title");
    expect(products.get("nova-prototype")).toMatchObject({ lifecycle: "eol" });

    expect(problems(read.report)).toEqual([
      [10, columns.price, 'not a price: "12,3x"'],
      [11, undefined, `3 fields for the header's ${name.includes("older") ? 39 : 52}`],
    ]);
  });
});

describe("edgerec catalog convert", () => {
  it("writes the normalised catalogue lines, lists every unusable row and exits 1", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "edgerec-convert-")), "catalog.jsonl");
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => stderr.push(String(chunk)) > 0) as typeof process.stderr.write;
    let code: number;
    try {
      code = await main(["catalog", "convert", "--in", feed("gmc.tsv"), "--out", out]);
    } finally {
      process.stderr.write = write;
    }
    expect(code).toBe(1);
    expect(stderr.filter((line) => line.startsWith("skipped ")).map((line) => line.split(":")[1])).toEqual(["6 field \"availability\"", "7 field \"product_detail\"", "8 field \"sale_price_effective_date\""]);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(["pixel-9", "CHG-45W", "CBL-USBC-2M"]);
    const again = path.join(path.dirname(out), "again.jsonl");
    expect(await main(["catalog", "convert", "--in", out, "--out", again])).toBe(0);
    const reread = await readCatalogFile(again);
    expect(reread.format).toBe("jsonl");
    expect(reread.products.map(catalogLineJson)).toEqual(lines);
  });

  it("refuses what it cannot tell and a wrong --catalog-format", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "edgerec-convert-"));
    writeFileSync(path.join(dir, "x.csv"), "a,b,c\n1,2,3\n");
    await expect(readCatalogFile(path.join(dir, "x.csv"))).rejects.toThrow(/cannot tell the catalogue's format/);
    expect(await main(["catalog", "convert", "--in", path.join(dir, "x.csv"), "--out", path.join(dir, "o.jsonl"), "--format", "xls"])).toBe(2);
  });
});
