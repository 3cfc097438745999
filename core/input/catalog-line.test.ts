import { describe, expect, it } from "vitest";
import { fieldProblems } from "../field-problems";
import { catalogLineSchema } from "./catalog-line";

const field = (row: unknown) => {
  const parsed = catalogLineSchema.safeParse(row);
  return parsed.success ? "accepted" : fieldProblems(parsed.error)[0].field;
};

describe("catalogLineSchema", () => {
  it("reads the category as a path, root first, from an array or from \"A > B > C\"", () => {
    expect(catalogLineSchema.parse({ id: "a", category: "Phones > Cases" }).category).toEqual(["Phones", "Cases"]);
    expect(catalogLineSchema.parse({ id: "a", category: [" Phones ", "", "Cases"] }).category).toEqual(["Phones", "Cases"]);
    expect(catalogLineSchema.parse({ item_id: "a", category_path: ["Computers", "Laptops"] }).category_path).toEqual(["Computers", "Laptops"]);
  });

  it("accepts DESIGN's catalogue line and the real data files' spelling, dropping unknown fields", () => {
    const line = { id: "a", title: "Phone", brand: "Acme", category: ["Phones"], price: 500, currency: "EUR", attrs: { connector: "usb-c" }, stock: 3, lifecycle: "new", launched_at: "2026-10-20", margin: 0.2, cost: 400 };
    const { cost: _, ...known } = line;
    expect(catalogLineSchema.parse(line)).toEqual(known);
    expect(field({ item_id: "gsm:1", title: "Phone", brand: null, category_path: ["Phones"], price: 170.0, list_price: 200, attrs: { currency: "EUR" } })).toBe("accepted");
  });

  it("names the field of every problem", () => {
    expect(field({ title: "no id" })).toBe("id");
    expect(field({ id: "" })).toBe("id");
    expect(field({ id: "b", price: "cheap" })).toBe("price");
    expect(field({ id: "b", price: -1 })).toBe("price");
    expect(field({ id: "c", lifecycle: "discontinued" })).toBe("lifecycle");
    expect(field({ id: "d", stock: 1.5 })).toBe("stock");
    expect(field({ id: "e", category: [1, 2] })).toBe("category");
    expect(field({ id: "f", attrs: ["x"] })).toBe("attrs");
    expect(field({ id: "g", launched_at: "someday" })).toBe("launched_at");
    expect(field({ id: "h", margin: -2 })).toBe("margin");
  });
});
