import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../tools/demo/catalog";
import { catalogLine } from "../../tools/demo/serialize";
import { parseProduct } from "../../batch/io/read-catalog";
import { catalogSql, compatKeys, MAX_STATEMENT_BYTES } from "../../batch/publish/catalog-sql";

describe("catalogSql", () => {
  const products = buildCatalog(42, 2500).products.map((p, i) => parseProduct(catalogLine(p), "catalog.jsonl", i + 1));
  const statements = catalogSql(products, "b-1").split(/;\n(?=INSERT)/);

  it("keeps every statement of the demo catalogue under D1's statement size limit", () => {
    for (const statement of statements) expect(new TextEncoder().encode(statement).length).toBeLessThanOrEqual(MAX_STATEMENT_BYTES);
  });

  it("still inserts every product exactly once", () => {
    const ids = statements.filter((s) => s.includes("INTO products")).flatMap((s) => [...s.matchAll(/^\('((?:[^']|'')*)',/gm)].map((m) => m[1]));
    expect(ids.length).toBe(products.length);
    expect(new Set(ids)).toEqual(new Set(products.map((p) => p.id)));
  });
});

describe("compatKeys", () => {
  it("stores the engine's tokens: what a device provides, what an accessory requires", () => {
    expect(compatKeys({ kind: "smartphone", device_model: "acme-one", connector: "usb-c", magsafe: true, color: "Black" })).toEqual(["audio:wired", "charge:magsafe", "conn:usb-c", "model:acme-one"]);
    expect(compatKeys({ kind: "lens", lens_mount: "sony-e", focal_mm: "50" })).toEqual(["mount:sony-e"]);
    expect(compatKeys({ kind: "laptop-bag", fits_screen_in_min: 14, fits_screen_in_max: 14.9 })).toEqual(["laptop_screen_in:14..14.9"]);
    expect(compatKeys({ kind: "speaker", wireless: true })).toEqual([]);
  });
});
