import { describe, expect, it } from "vitest";
import { modelReferences } from "./model-references";

describe("model references in text", () => {
  it("expands comma lists under one family", () => {
    expect(modelReferences("Cable compatible for iPhone 13, 12, 11, X, 8")).toEqual([
      "apple-iphone-13", "apple-iphone-12", "apple-iphone-11", "apple-iphone-x", "apple-iphone-8",
    ]);
  });

  it("expands '/' variants and reads '+' as plus", () => {
    expect(modelReferences("Galaxy S24/S24+")).toEqual(["samsung-galaxy-s24", "samsung-galaxy-s24-plus"]);
    expect(modelReferences("iPhone 8/8 Plus")).toEqual(["apple-iphone-8", "apple-iphone-8-plus"]);
  });

  it("lists without a family keep the brand (Nikon D7100, D610)", () => {
    expect(modelReferences("EN-EL15 charger for Nikon D7100, D610")).toEqual(["nikon-d7100", "nikon-d610"]);
  });

  it("extends the previous designator with a qualifier-only item; Max after Pro means Pro Max", () => {
    expect(modelReferences("iPhone 13/13 Pro/Max/Mini")).toEqual(["apple-iphone-13", "apple-iphone-13-pro", "apple-iphone-13-pro-max", "apple-iphone-13-mini"]);
  });

  it("expands integer ranges with 'to' and '-' and leaves long or backward ones alone", () => {
    expect(modelReferences("fits iPhone 11 to 14")).toEqual(["apple-iphone-11", "apple-iphone-12", "apple-iphone-13", "apple-iphone-14"]);
    expect(modelReferences("Galaxy S20 - S22")).toEqual(["samsung-galaxy-s20", "samsung-galaxy-s21", "samsung-galaxy-s22"]);
    expect(modelReferences("iPhone 5 to 40")).toEqual(["apple-iphone-5"]);
  });

  it("keeps a bare number's letter prefix (Note 10 9 8, SM-P610/615)", () => {
    expect(modelReferences("Samsung Galaxy Note 10 9 8")).toEqual(["samsung-galaxy-note-10", "samsung-galaxy-note-9", "samsung-galaxy-note-8"]);
    expect(modelReferences("Samsung SM-P610/615")).toEqual(["samsung-sm-p610", "samsung-sm-p615"]);
  });

  it("splits glued qualifiers and families, drops network suffixes, adds Samsung's galaxy", () => {
    expect(modelReferences("Samsung S20FE 5G, iPhone XsMax, iPod nano7, Note10")).toEqual([
      "samsung-galaxy-s20-fe", "apple-iphone-xs-max", "apple-ipod-nano-7",
    ]);
    expect(modelReferences("for Samsung S22 Ultra 5G")).toEqual(["samsung-galaxy-s22-ultra"]);
  });

  it("names iPads by size and generation, and switches between sibling families", () => {
    expect(modelReferences("iPad Pro 12.9'' (2018), iPad Pro (10.5-inch)")).toEqual(["apple-ipad-pro-12-9-inch", "apple-ipad-pro-10-5-inch"]);
    expect(modelReferences("iPad 4th gen; iPad Air (3rd generation)")).toEqual(["apple-ipad-gen-4", "apple-ipad-air-gen-3"]);
    expect(modelReferences("iPad Air, Air 2, iPad mini, mini 4")).toEqual(["apple-ipad-air-2", "apple-ipad-mini-4"]);
    expect(modelReferences("iPad 6/7/8th Gen")).toEqual(["apple-ipad-gen-6", "apple-ipad-gen-7", "apple-ipad-gen-8"]);
  });

  it("reads the usual spellings of families and consoles", () => {
    expect(modelReferences("I-Phone13 and i Phone 12")).toEqual(["apple-iphone-13", "apple-iphone-12"]);
    expect(modelReferences("Connects PS4, PS3, Xbox 360")).toEqual(["sony-playstation-4", "sony-playstation-3", "microsoft-xbox-360"]);
    expect(modelReferences("Redmi Note 11 Pro + 5G and Moto G7 Power")).toEqual(["xiaomi-redmi-note-11-pro-plus", "motorola-moto-g7-power"]);
  });

  it("needs a designator: families alone, units, counts and phone numbers are no models", () => {
    expect(modelReferences("for iPad Air, Pixel XL and Xbox One")).toEqual([]);
    expect(modelReferences("Samsung 25W adapter, Mi 10000mAh, Apple 1-year warranty, call Samsung 1800407267864")).toEqual([]);
    expect(modelReferences("cable for iPhone (3 FT, Black)")).toEqual([]);
  });

  it("takes up to two capitalised words between brand and designator, not generic ones", () => {
    expect(modelReferences("HP Pavilion TouchSmart 15, HP ENVY 14-k001TX")).toEqual(["hp-pavilion-touchsmart-15", "hp-envy-14-k001tx"]);
    expect(modelReferences("Samsung Smart TV Remote BN59-01311B")).toEqual([]);
    expect(modelReferences("Samsung Galaxy Z Fold3 5G, Z Flip3")).toEqual(["samsung-galaxy-z-fold3", "samsung-galaxy-z-flip3"]);
  });
});
