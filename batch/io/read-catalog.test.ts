import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { categoryPath, readCatalog } from "./read-catalog";

function file(text: string): string {
  const p = path.join(mkdtempSync(path.join(tmpdir(), "edgerec-catalog-")), "c.jsonl");
  writeFileSync(p, text);
  return p;
}

describe("readCatalog", () => {
  it("accepts both category spellings and the real-data field names", async () => {
    const p = file(
      [
        '{"id":"a","title":"Phone","brand":"Acme","category":["Phones","Smartphones"],"price":500,"attrs":{"connector":"usb-c"},"stock":3,"lifecycle":"new","launched_at":"2026-10-20","margin":0.2}',
        '{"id":"b","category":"Phones > Cases"}',
        '{"item_id":"laptop:1","title":"MacBook","category_path":["Computers","Laptops"],"price":1339.69,"attrs":{"currency":"EUR","ram_gb":8}}',
      ].join("\n"),
    );
    const { products, report } = await readCatalog(p);
    expect(report.skipped).toBe(0);
    expect(products[0]).toMatchObject({ id: "a", brand: "Acme", price: 500, stock: 3, lifecycle: "new", margin: 0.2, attrs: { connector: "usb-c" } });
    expect(categoryPath(products[1])).toBe("Phones > Cases");
    expect(products[1]).toMatchObject({ title: "", lifecycle: "active", currency: "EUR" });
    expect(products[2]).toMatchObject({ id: "laptop:1", category: ["Computers", "Laptops"] });
  });

  it("names the line and field of every bad product, and rejects duplicate ids", async () => {
    const p = file(
      [
        '{"id":"a","category":"X"}',
        '{"id":"a","category":"X"}',
        '{"id":"b","price":"cheap"}',
        '{"id":"c","lifecycle":"discontinued"}',
        '{"id":"d","stock":1.5}',
        '{"id":"e","category":[1,2]}',
        '{"title":"no id"}',
      ].join("\n"),
    );
    const { report } = await readCatalog(p);
    expect(report.problems.map((e) => [e.line, e.field])).toEqual([
      [2, "id"],
      [3, "price"],
      [4, "lifecycle"],
      [5, "stock"],
      [6, "category"],
      [7, "id"],
    ]);
  });
});
