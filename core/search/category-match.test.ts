import { describe, expect, it } from "vitest";
import { CategoryNode, matchCategories, underPath } from "./category-match";
import { phraseAt, termIn } from "./match-text";
import { modelMentionTier } from "./model-mention";
import { compareResults, type ResultFacts } from "./rank-results";
import { parseQuery } from "./search-query";

/** Two trees unlike each other: one with spaced names, one that glues words (as some marketplaces do). */
const TREE = [
  "Mobiles & Accessories",
  "Mobiles & Accessories > Smartphones",
  "Mobiles & Accessories > Mobile Accessories",
  "Mobiles & Accessories > Mobile Accessories > Cases & Covers",
  "Mobiles & Accessories > Mobile Accessories > Chargers",
  "Tablets",
  "Tablets > Tablet Cases",
  "Audio",
  "Audio > Headphones",
  "Audio > Headphones > Over-Ear Headphones",
  "Gaming",
  "Gaming > Gaming Headsets",
  "Computers&Accessories",
  "Computers&Accessories > Cables&Accessories > USBCables",
].map((p) => new CategoryNode(p));

const named = (q: string) => matchCategories(parseQuery(q), TREE).map((m) => m.path);

describe("categories named by a query", () => {
  it("match words of the category's own name, singular or plural", () => {
    expect(named("headphones")).toEqual(["Audio > Headphones"]);
    expect(named("charger")).toEqual(["Mobiles & Accessories > Mobile Accessories > Chargers"]);
    expect(named("smartphone")).toEqual(["Mobiles & Accessories > Smartphones"]);
  });

  it("prefer the category holding more query terms on its path, then in its name", () => {
    expect(named("mobile case")).toEqual(["Mobiles & Accessories > Mobile Accessories > Cases & Covers"]);
    expect(named("tablet case")).toEqual(["Tablets > Tablet Cases"]);
  });

  it("prefer the kind the query names, then the better covered name", () => {
    expect(named("gaming headphones")).toEqual(["Audio > Headphones"]);
    expect(named("gaming")).toEqual(["Gaming"]);
  });

  it("read names glued together and give their raw words for the index", () => {
    const [usb] = matchCategories(parseQuery("usb cable"), TREE);
    expect(usb.path).toBe("Computers&Accessories > Cables&Accessories > USBCables");
    expect(usb.rawName).toEqual(["usbcables"]);
    expect(usb.nameTerms).toEqual([0, 1]);
  });

  it("never from a model's words, and nothing for a query of none", () => {
    expect(named("s25")).toEqual([]);
    expect(named("under 50")).toEqual([]);
    expect(underPath("Audio > Headphones > Over-Ear Headphones", "Audio > Headphones")).toBe(true);
    expect(underPath("Audio > Headphones2", "Audio > Headphones")).toBe(false);
  });
});

describe("matching text and ranking", () => {
  it("phrases follow each other; only the last word may be a prefix", () => {
    expect(phraseAt({ words: ["power", "adapter"], prefix: true }, ["apple", "power", "adapters"])).toBe(1);
    expect(phraseAt({ words: ["power", "adapter"], prefix: true }, ["power", "bank", "adapter"])).toBe(-1);
    expect(phraseAt({ words: ["case"], prefix: false }, ["cases"])).toBe(-1);
    const [usbC] = parseQuery("usb-c").terms;
    expect(termIn(usbC, ["usb", "type", "c", "cable"])).toBe(true);
    expect(termIn(usbC, ["usb", "a", "cable"])).toBe(false);
  });

  it("model tier: exact, then a variant, then none, read from the title", () => {
    const { models } = parseQuery("galaxy s25 case");
    expect(modelMentionTier(models, "Spigen Case for Galaxy S24/S25, Black")).toBe(2);
    expect(modelMentionTier(models, "Ringke Fusion for Samsung Galaxy S25 Ultra")).toBe(1);
    expect(modelMentionTier(models, "Clear Case for Galaxy S25+ 5G")).toBe(1);
    expect(modelMentionTier(models, "Clear Case for Galaxy A25")).toBe(0);
    expect(modelMentionTier(models, "S25 Case")).toBe(0);
    const proMax = parseQuery("iphone 15 pro max case").models;
    expect(modelMentionTier(proMax, "Leather Case for iPhone 15 Pro Max")).toBe(2);
    expect(modelMentionTier(proMax, "Leather Case for iPhone 15 Pro")).toBe(0);
    expect(modelMentionTier(parseQuery("iphone 12 cable").models, "Cable for iPhone 14, 14 Pro, 13, 12 Mini, 12")).toBe(2);
    expect(modelMentionTier([], "anything")).toBe(0);
  });

  it("orders by model tier, terms, category, then the price order the query asks, then the incoming order", () => {
    const row = (position: number, over: Partial<ResultFacts>): ResultFacts => ({ modelTier: 0, terms: 1, inCategory: false, price: 10, position, ...over });
    const cheap = parseQuery("cheap headphones");
    const rows = [row(0, { price: 50, inCategory: true }), row(1, { price: 20 }), row(2, { price: 30, inCategory: true }), row(3, { price: null, inCategory: true })];
    expect([...rows].sort(compareResults(cheap)).map((r) => r.position)).toEqual([2, 0, 3, 1]);
    const plain = parseQuery("headphones");
    expect([...rows].sort(compareResults(plain)).map((r) => r.position)).toEqual([0, 2, 3, 1]);
    const model = parseQuery("galaxy s25 case");
    expect([row(0, { terms: 2 }), row(1, { modelTier: 1 }), row(2, { modelTier: 2 })].sort(compareResults(model)).map((r) => r.position)).toEqual([2, 1, 0]);
  });
});
