import { describe, expect, it } from "vitest";
import { FilterError, type ItemFacts, parseFacetFilters, parseFilters, parseNumericFilters } from "./filters";

const CASE: ItemFacts = { objectID: "case-1", category: ["Phones", "Phone Accessories", "Cases"], brand: "Spigen", price: 29.5, inStock: true };
const PHONE: ItemFacts = { objectID: "phone-1", category: ["Phones", "Smartphones"], brand: "Google", price: 799, inStock: false };
const NO_PRICE: ItemFacts = { objectID: "x", category: [], inStock: true };

describe("Algolia filters", () => {
  it.each([
    ["brand:Spigen", [true, false]],
    ['category:"Phone Accessories"', [true, false]],
    ['category:"Phones > Smartphones"', [false, true]],
    ["category:phones", [true, true]],
    ["price < 100", [true, false]],
    ["price:20 TO 30", [true, false]],
    ["price >= 799", [false, true]],
    ["price != 799", [true, false]],
    ["in_stock:false", [false, true]],
    ["availability:in_stock", [true, false]],
    ["objectID:phone-1", [false, true]],
    ["brand:Google OR brand:Spigen", [true, true]],
    ["NOT brand:Google AND category:Phones", [true, false]],
    ["(brand:Google OR price < 50) AND in_stock:true", [true, false]],
    ["", [true, true]],
  ])("%s", (filters, expected) => {
    const accept = parseFilters(filters);
    expect([accept(CASE), accept(PHONE)]).toEqual(expected);
  });

  it("never lets an item without a price through a price filter", () => {
    expect(parseFilters("price < 1000")(NO_PRICE)).toBe(false);
  });

  it("reads facetFilters and numericFilters as AND of ORs, with negation", () => {
    expect([CASE, PHONE].map(parseFacetFilters([["brand:Google", "brand:Spigen"], "-category:Smartphones"]))).toEqual([true, false]);
    expect([CASE, PHONE].map(parseFacetFilters("brand:Google"))).toEqual([false, true]);
    expect([CASE, PHONE].map(parseNumericFilters([["price<10", "price>500"]]))).toEqual([false, true]);
  });

  it.each(["colour:red", "price < cheap", "(brand:A", "brand:A AND", "brand", 'brand:"open', "price:1 TO", "in_stock:maybe", "brand < 3"])("refuses %s", (filters) => {
    expect(() => parseFilters(filters)).toThrow(FilterError);
  });

  it("refuses malformed list entries", () => {
    expect(() => parseFacetFilters(["brand"])).toThrow(FilterError);
    expect(() => parseNumericFilters(["cheap"])).toThrow(FilterError);
  });
});
