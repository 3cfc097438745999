/**
 * The query reading of `core/search` on catalogues nobody here wrote: Best Buy's category tree (4,584 real
 * categories) and Amazon.in's real electronics titles and category paths ("USBCables", "Headphones,Earbuds&
 * Accessories"). Products are selected and ranked the way product search does it (every term in title or
 * category, `compareResults` with the model tier, the named categories and the price order) and judged with the
 * catalogue's own fit facts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fitFactsOf } from "../../core/catalog/fit-facts/extract-fit-facts";
import { CategoryNode, matchCategories, underPath } from "../../core/search/category-match";
import { matchesAllTerms } from "../../core/search/match-text";
import { modelMentionTier } from "../../core/search/model-mention";
import { withinPrice } from "../../core/search/price-words";
import { compareResults } from "../../core/search/rank-results";
import { parseQuery } from "../../core/search/search-query";
import { searchWords } from "../../core/search/search-words";
import { hasSharedData, sharedDataPath } from "./shared-data";

const BESTBUY = "catalog/bestbuy_categories.jsonl";
const AMAZON = "catalog/amazon_in_products.jsonl";

/** The file's lines; none where ../shared is absent (the suites below are then skipped, but still collected). */
const lines = (file: string) => (hasSharedData(file) ? readFileSync(sharedDataPath(file), "utf8").split("\n").filter((l) => l.trim().length > 0) : []);

describe.runIf(hasSharedData(BESTBUY))("categories named by a query in Best Buy's tree", () => {
  const nodes = lines(BESTBUY).map((l) => new CategoryNode((JSON.parse(l) as { path_names: string[] }).path_names.join(" > ")));
  const leaves = (q: string) => [...new Set(matchCategories(parseQuery(q), nodes).map((m) => m.path.split(" > ").at(-1)!))];

  it("finds the category of the kind asked for, whatever the tree calls it", () => {
    expect(leaves("cheap headphones")).toEqual(["Headphones"]);
    expect(leaves("laptop sleeve")).toEqual(["Laptop Bags & Cases"]);
    expect(leaves("tv remote")).toEqual(["Remote Controls"]);
    expect(leaves("hdmi cable")).toEqual(["HDMI Cables"]);
    expect(leaves("smart watch")).toEqual(["Smartwatches"]);
    expect(leaves("usb-c charger")).toContain("Wall Chargers & Power Adapters");
    expect(leaves("power bank")).toEqual(["Portable Chargers/Power Packs"]);
  });
});

interface AmazonRow {
  item_id: string;
  title: string;
  category_path: string[];
  price?: number;
  attrs?: Record<string, unknown>;
}

describe.runIf(hasSharedData(AMAZON))("product search's reading and order on Amazon.in's real titles", () => {
  const rows = lines(AMAZON).map((l) => JSON.parse(l) as AmazonRow);
  const paths = new Set<string>();
  for (const r of rows) for (let d = 1; d <= r.category_path.length; d++) paths.add(r.category_path.slice(0, d).join(" > "));
  const nodes = [...paths].map((p) => new CategoryNode(p));
  const words = new Map(rows.map((r) => [r.item_id, [searchWords(r.title), searchWords(r.category_path.join(" > "))]]));

  /** Every product holding the query's words within its price bounds, in the shared order. */
  function search(q: string): AmazonRow[] {
    const query = parseQuery(q);
    const named = matchCategories(query, nodes).map((m) => m.path);
    const found = rows.filter((r) => matchesAllTerms(query, words.get(r.item_id)!) && withinPrice(r.price, query.price));
    const ranked = found.map((row, position) => ({
      row,
      modelTier: modelMentionTier(query.models, row.title),
      terms: query.terms.length,
      inCategory: named.some((p) => underPath(row.category_path.join(" > "), p)),
      price: row.price ?? null,
      position,
    }));
    return ranked.sort(compareResults(query)).map((r) => r.row);
  }

  it('"iphone 13 cable": cables whose text names the iPhone 13 come first', () => {
    const results = search("iphone 13 cable");
    expect(results.length).toBeGreaterThan(3);
    for (const r of results.slice(0, 3)) {
      const facts = fitFactsOf({ title: r.title, category: r.category_path, attrs: r.attrs });
      expect({ title: r.title, kind: facts.kind, names: facts.models.includes("apple-iphone-13") }).toEqual({ title: r.title, kind: "cable", names: true });
    }
  });

  it('"cheap headphones": the headphones category first, cheapest first, every result a headphone', () => {
    const results = search("cheap headphones");
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) expect(/headphone/i.test(`${r.title} ${r.category_path.join(" ")}`), r.title).toBe(true);
    const lead = results.filter((r) => r.category_path.join(" > ").includes("Headphones,Earbuds&Accessories > Headphones"));
    expect(results.slice(0, lead.length)).toEqual(lead);
    const prices = lead.map((r) => r.price!);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('"usb-c charger" finds USB-C chargers and power adapters, chargers category first; "under 500" bounds them', () => {
    const results = search("usb-c charger");
    expect(results.length).toBeGreaterThan(3);
    for (const r of results.slice(0, 5)) {
      const facts = fitFactsOf({ title: r.title, category: r.category_path, attrs: r.attrs });
      expect({ title: r.title, usbC: facts.connectors.includes("usb-c") || /usb[- ]?c|type[- ]?c/i.test(r.title) }).toEqual({ title: r.title, usbC: true });
      expect(r.category_path.join(" > ")).toContain("Chargers");
    }
    for (const r of search("usb-c charger under 500")) expect(r.price).toBeLessThanOrEqual(500);
  });
});
