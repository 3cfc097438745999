import { describe, expect, it } from "vitest";
import { PRODUCTS, shopServingData } from "../../test/fixtures/shop-build";
import type { RecommendationRequest } from "../request-schema";
import type { RecommendationResponse } from "../recommendation-response";
import { unknownProduct } from "./known-product";
import { itemReading } from "./item-reading";
import { listingDevices } from "./listing-devices";
import { listingScope } from "./listing-scope";
import { recommend } from "./recommend";
import { anchorIds } from "./serving-data";

const { build } = shopServingData([]);
const serve = (request: RecommendationRequest): RecommendationResponse => recommend(request, shopServingData(anchorIds(request, build!)), { recId: "t" });
const slot = (answer: RecommendationResponse, kind: string) => answer.slots.find((s) => s.kind === kind);
const ids = (answer: RecommendationResponse, kind: string) => slot(answer, kind)?.items.map((i) => i.id) ?? [];
const product = (id: string) => PRODUCTS.find((p) => p.id === id)!;
const DEVICE_CATEGORIES = new Set(["Phones & Tablets > Smartphones", "Computers > Monitors > Gaming Monitors", "Computers > PC Components > Graphics Cards", "Cameras > Mirrorless Cameras"]);

describe("listing: complete the setup", () => {
  it("without a device of the shopper's: accessories that fit the category's best sellers, none made for one model, no device", () => {
    const answer = serve({ placement: "listing", category: "Smartphones" });
    const setup = ids(answer, "scenario");
    expect(setup).toEqual(["charger-fast", "buds-pro"]);
    for (const id of setup) expect(DEVICE_CATEGORIES.has(product(id).category)).toBe(false);
    for (const item of slot(answer, "scenario")!.items) expect(item.reason).toMatch(/^Completes the setup with /);
  });

  it("with a phone in the cart: what fits that phone, its own case and glass first, with the lists' reasons", () => {
    const answer = serve({ placement: "listing", category: "Smartphones", cart: ["phone-flagship"] });
    expect(ids(answer, "scenario")).toEqual(["case-flagship", "glass-flagship", "charger-fast", "buds-pro"]);
    expect(slot(answer, "scenario")!.items[0].reason).toBe("Fits Pixel Pro");
    expect(ids(answer, "scenario")).not.toContain("case-mid");
  });

  it("on an accessory listing, a viewed device says what the setup is for; the listed category never repeats", () => {
    const answer = serve({ placement: "listing", category: "Cases", viewed: [{ id: "phone-mid", dwell_ms: 4_000 }] });
    expect(ids(answer, "scenario")).toEqual(["glass-mid", "charger-fast", "buds-lite"]);
    expect(listingDevices(build!, { placement: "listing", category: "Cases", viewed: [{ id: "phone-mid" }] }, 5)).toMatchObject({ devices: [build!.index.get("phone-mid")], source: "shopper" });
  });

  it("asks the edge for the lists of the devices it serves", () => {
    expect(anchorIds({ placement: "listing", category: "Smartphones", cart: ["phone-flagship"] }, build)).toEqual(["phone-flagship"]);
    expect(anchorIds({ placement: "listing", category: "Smartphones" }, build)).toEqual(["phone-budget", "phone-mid", "phone-flagship", "phone-clearance"]);
  });
});

describe("listing: popular in X holds only items of X", () => {
  it("a parent category covers every category under it and nothing else", () => {
    const answer = serve({ placement: "listing", category: "Phones & Tablets" });
    expect(slot(answer, "popular")!.title).toBe("Popular in Phones & Tablets");
    for (const id of ids(answer, "popular")) expect(product(id).category.startsWith("Phones & Tablets > ")).toBe(true);
    expect(ids(answer, "popular").length).toBeGreaterThan(4);
    // the setup of a parent category may hold its accessories, never its devices' category
    for (const id of ids(answer, "scenario")) expect(product(id).category).not.toBe("Phones & Tablets > Smartphones");
  });

  it("an unknown category shows nothing; no category and no query is the shop's best sellers, said so", () => {
    expect(serve({ placement: "listing", category: "Toasters" }).slots).toEqual([]);
    const all = serve({ placement: "listing" });
    expect(all.slots.map((s) => s.title)).toEqual(["Popular in the shop"]);
  });

  it("a query is honoured: its category, its price word (the cheaper half, cheapest first), its words", () => {
    const cheap = serve({ placement: "listing", query: "cheap earbuds" });
    expect(slot(cheap, "popular")!.title).toBe("Popular in Earbuds");
    expect(ids(cheap, "popular")).toEqual(["buds-lite"]);
    const bounded = serve({ placement: "listing", query: "phone under 800" });
    expect(ids(bounded, "popular")).toEqual(["phone-budget", "phone-mid", "phone-clearance"]);
    const byRequest = serve({ placement: "listing", category: "Smartphones", price_max: 650 });
    expect(ids(byRequest, "popular")).toEqual(["phone-budget", "phone-clearance"]);
    // the Pixel Ultra, new and not yet bought, is in no popular list: it follows the best sellers as a match
    const worded = serve({ placement: "listing", query: "pixel phone" });
    expect(ids(worded, "popular")).toEqual(["phone-mid", "phone-flagship", "phone-new"]);
    expect(slot(worded, "popular")!.items[2].reason).toBe("Matches your search");
  });

  it("a query naming no category keeps to the products holding its words", () => {
    const answer = serve({ placement: "listing", query: "spigen" });
    expect(slot(answer, "popular")!.title).toBe("Popular in results for “spigen”");
    expect(ids(answer, "popular").sort()).toEqual(["case-flagship", "case-mid", "case-moto"]);
  });
});

describe("reading the listing and its items", () => {
  it("finds the listing's categories by path, slug, name or query, at any depth", () => {
    const names = (request: RecommendationRequest) => [...(listingScope(build!, request).categories ?? [])].map((c) => build!.meta.categories[c]).sort();
    expect(names({ placement: "listing", category: "computers/monitors/gaming-monitors" })).toEqual(["Computers > Monitors > Gaming Monitors"]);
    expect(names({ placement: "listing", category: "phones & tablets > phone accessories" })).toEqual([
      "Phones & Tablets > Phone Accessories > Cases",
      "Phones & Tablets > Phone Accessories > Chargers",
      "Phones & Tablets > Phone Accessories > Screen Protectors",
    ]);
    expect(names({ placement: "listing", category: "Cameras" }).length).toBe(3);
    expect(names({ placement: "listing", query: "memory card 128 gb" })).toEqual(["Cameras > Memory Cards"]);
    expect(listingScope(build!, { placement: "listing", category: "Cameras" }).parent).toBe(true);
  });

  it("tells devices from accessories by their text and category, and reads their fit", () => {
    const reading = itemReading(build!);
    const at = (id: string) => build!.index.get(id)!;
    expect(reading.role(at("phone-mid"))).toBe("device");
    expect(reading.role(at("gpu-mid"))).toBe("device");
    expect(reading.role(at("case-mid"))).toBe("accessory");
    expect(reading.role(at("mouse-g"))).toBe("accessory");
    expect(reading.fitOn(at("case-mid"), [at("phone-mid")])).toEqual({ fit: "fits", pinned: true });
    expect(reading.fitOn(at("case-mid"), [at("phone-flagship")])).toEqual({ fit: "no_fit", pinned: true });
    expect(reading.fitOn(at("charger-fast"), [at("phone-flagship")])).toEqual({ fit: "fits", pinned: false });
    expect(reading.fitOn(at("buds-pro"), [at("phone-flagship")])).toEqual({ fit: "open", pinned: false });
  });
});

describe("product: an unknown or missing product is not found, never shop-wide best sellers", () => {
  it("answers nothing for a product request without a product, and names an unknown id", () => {
    expect(serve({ placement: "product" } as RecommendationRequest).slots).toEqual([]);
    expect(unknownProduct({ placement: "product", product_id: "nope" }, build!)).toEqual({ field: "product_id", message: 'no product "nope" in the live build' });
    expect(unknownProduct({ placement: "product", product_id: "phone-mid" }, build!)).toBeUndefined();
    expect(unknownProduct({ placement: "listing", product_id: "nope" }, build!)).toBeUndefined();
    expect(unknownProduct({ placement: "product", product_id: "nope" }, null)).toBeUndefined();
  });
});
