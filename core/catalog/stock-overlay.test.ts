import { describe, expect, it } from "vitest";
import { ItemFlag } from "../blob/meta-blob";
import { overlayFor, parseStockOverlay, publishedStockOverlay, stockDelta, stockOverlay, stockView } from "./stock-overlay";

const meta = {
  items: ["a", "b", "c", "orders-only"],
  flags: Uint8Array.of(ItemFlag.IN_CATALOG, ItemFlag.IN_CATALOG | ItemFlag.OUT_OF_STOCK, ItemFlag.IN_CATALOG, 0),
  stock: Int32Array.of(12, 0, 40, -1),
};

describe("stock overlay", () => {
  it("without an overlay, the build's flags and units stand", () => {
    const view = stockView(meta, null);
    expect([0, 1, 2, 3].map((i) => view.isOutOfStock(i))).toEqual([false, true, false, false]);
    expect([0, 1, 2, 3].map((i) => view.units(i))).toEqual([12, 0, 40, -1]);
  });

  it("with one, exactly the listed catalogue items are out of stock; restocked items come back with unknown units", () => {
    const overlay = parseStockOverlay(JSON.stringify(stockOverlay(["c", "unknown-id", "c"], 1_800_000_000)));
    expect(overlay?.out).toEqual(["c", "unknown-id"]);
    const view = stockView(meta, overlay);
    expect([0, 1, 2, 3].map((i) => view.isOutOfStock(i))).toEqual([false, false, true, false]);
    expect([0, 1, 2].map((i) => view.units(i))).toEqual([12, -1, 0]);
  });

  it("ignores an unreadable overlay", () => {
    expect(parseStockOverlay("[1,2")).toBeNull();
    expect(parseStockOverlay(JSON.stringify({ version: 1, out: "a" }))).toBeNull();
    expect(parseStockOverlay(null)).toBeNull();
  });

  it("past the full list's limit, a delta against the build: sold out since it, restocked since it; the rest as the build had them", () => {
    const delta = parseStockOverlay(JSON.stringify(stockDelta(["a"], ["b"], 1_800_000_000, "B1")));
    expect(delta).toMatchObject({ version: 2, build: "B1", out: ["a"], back: ["b"] });
    const view = stockView(meta, overlayFor(delta, "B1"));
    expect([0, 1, 2, 3].map((i) => view.isOutOfStock(i))).toEqual([true, false, false, false]);
    expect([0, 1, 2].map((i) => view.units(i))).toEqual([0, -1, 40]);
    expect(overlayFor(delta, "B2")).toBeNull();
    expect(parseStockOverlay(JSON.stringify({ version: 2, updated_at: 1, out: [], back: [] }))).toBeNull();
  });

  it("a publish writes the full list while it is short, else an empty delta naming the build", () => {
    expect(publishedStockOverlay(["b", "a"], 5, "B1", 2)).toEqual({ version: 1, updated_at: 5, build: "B1", out: ["a", "b"] });
    expect(publishedStockOverlay(["c", "b", "a"], 5, "B1", 2)).toEqual({ version: 2, updated_at: 5, build: "B1", out: [], back: [] });
  });
});
