import { describe, expect, it } from "vitest";
import { readPrice } from "./price-words";
import { parseQuery, type SearchQuery } from "./search-query";
import { sameWord, searchWords, wordForms } from "./search-words";
import { synonymAt } from "./synonyms";

const terms = (q: SearchQuery) => q.terms.map((t) => t.text);
const phrases = (q: SearchQuery, term: string) =>
  q.terms.find((t) => t.text === term)!.phrases.map((p) => `${p.words.join(" ")}${p.prefix ? "*" : ""}`);

describe("search words", () => {
  it("split like FTS5's unicode61: lower case, no diacritics, at every non-letter, non-digit", () => {
    expect(searchWords("USB-C Ladegerät, 65W (S25+)")).toEqual(["usb", "c", "ladegerat", "65w", "s25"]);
    expect(searchWords("  ")).toEqual([]);
  });

  it("stand for their singular and plural; only alphabetic forms of 4+ letters match as prefixes", () => {
    const forms = (w: string) => wordForms(w).map((f) => `${f.text}${f.prefix ? "*" : ""}`);
    expect(forms("batteries")).toEqual(["batteries*", "battery*"]);
    expect(forms("battery")).toEqual(["battery*", "batteries*"]);
    expect(forms("watches")).toEqual(["watches*", "watch*", "watche*"]);
    expect(forms("lenses")).toEqual(["lenses*", "lens*", "lense*"]);
    expect(forms("cases")).toEqual(["cases*", "cas", "case*"]);
    expect(forms("mics")).toEqual(["mics*", "mic"]);
    expect(forms("s25")).toEqual(["s25"]);
    expect(forms("tv")).toEqual(["tv"]);
    expect(sameWord("case", "cases")).toBe(true);
    expect(sameWord("lens", "lenses")).toBe(true);
    expect(sameWord("case", "cable")).toBe(false);
  });

  it("find the longest synonym phrase at a position, in either number", () => {
    expect(synonymAt(["power", "adapters", "65w"], 0)?.length).toBe(2);
    expect(synonymAt(["usb", "c", "cable"], 0)?.phrases).toContainEqual(["type", "c"]);
    expect(synonymAt(["usb", "cable"], 0)).toBeUndefined();
    expect(synonymAt(["headphones"], 0)).toBeUndefined();
  });
});

describe("price words", () => {
  it("read bounds with and without currency, before or after the amount", () => {
    expect(readPrice("headphones under 50").price).toEqual({ max: 50 });
    expect(readPrice("below €100 earbuds").price).toEqual({ max: 100 });
    expect(readPrice("less than 1k laptop").price).toEqual({ max: 1000 });
    expect(readPrice("tv over 500 eur").price).toEqual({ min: 500 });
    expect(readPrice("between 50 and 100").price).toEqual({ min: 50, max: 100 });
    expect(readPrice("€30-60 speaker").price).toEqual({ min: 30, max: 60 });
    expect(readPrice("keyboard 49,99 € or less").price).toEqual({ max: 49.99 });
    expect(readPrice("mouse $25").price).toEqual({ max: 25 });
  });

  it("read relative words as a band and an order", () => {
    expect(readPrice("cheap headphones").price).toEqual({ band: "low", order: "asc" });
    expect(readPrice("budget phone under 200").price).toEqual({ max: 200, band: "low", order: "asc" });
    expect(readPrice("high-end camera").price).toEqual({ band: "high", order: "desc" });
  });

  it("leave numbers that are not prices alone: models, sizes, units, model ranges", () => {
    for (const q of ["iphone 15", "27 inch monitor", "iphone 11 to 14 cable", "charger up to 65w", "iphone 15 pro max 256gb", "under 50 keyboard"]) {
      const { price, rest } = readPrice(q);
      if (q.startsWith("under 50")) {
        expect(price).toEqual({ max: 50 });
        expect(rest).toBe("keyboard");
      } else expect({ q, price }).toEqual({ q, price: {} });
    }
  });
});

describe("parseQuery", () => {
  it('"galaxy s25 case": the model, the kind, and the terms a product must hold (the family word optional)', () => {
    const q = parseQuery("galaxy s25 case");
    expect(q.models).toEqual(["samsung-galaxy-s25"]);
    expect(q.kind).toBe("case");
    expect(terms(q)).toEqual(["s25", "case"]);
    expect(q.terms[0].model).toBe(true);
    expect(phrases(q, "case")).toEqual(["case*", "cover*"]);
  });

  it("a bare-number model keeps its family word; a brand stays optional", () => {
    const q = parseQuery("Apple iPhone 15 Pro Max case");
    expect(q.models).toEqual(["apple-iphone-15-pro-max"]);
    expect(terms(q)).toEqual(["iphone", "15", "pro", "max", "case"]);
    expect(terms(parseQuery("samsung s25"))).toEqual(["s25"]);
  });

  it('"cheap headphones": a price band and order, and the kind', () => {
    const q = parseQuery("cheap headphones");
    expect(q.price).toEqual({ band: "low", order: "asc" });
    expect(q.kind).toBe("headphones");
    expect(terms(q)).toEqual(["headphones"]);
    expect(phrases(q, "headphones")).toEqual(["headphones*", "headphone*"]);
  });

  it('"usb-c charger": synonyms for the connector and for the charger', () => {
    const q = parseQuery("usb-c charger");
    expect(terms(q)).toEqual(["usb c", "charger"]);
    expect(phrases(q, "usb c")).toEqual(["usb c", "type c", "usbc*", "usb type c"]);
    expect(phrases(q, "charger")).toContain("power adapter*");
    expect(q.kind).toBe("charger");
  });

  it("drops stopwords and repeats, caps the terms, and says when nothing is asked", () => {
    expect(terms(parseQuery("a case for the case"))).toEqual(["case"]);
    expect(parseQuery("one two three four five six seven eight nine ten").terms.length).toBe(8);
    expect(parseQuery("the").terms).toEqual([]);
    expect(parseQuery("under 50").terms).toEqual([]);
  });
});
