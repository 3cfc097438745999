import { describe, expect, it } from "vitest";
import { ByteWriter } from "./byte-writer";
import { CorruptBlobError } from "./byte-reader";
import { sealBlob } from "./checksum";
import { type BuildMeta, decodeMetaBlob, encodeMetaBlob, ItemFlag, META_BLOB_VERSION, MetaSection } from "./meta-blob";

function sample(): BuildMeta {
  return {
    buildId: "b-1",
    createdAt: 1_790_000_000,
    items: ["sku-1", "sku-2", "ünïcode-3"],
    titles: ["Galaxy S24", "", "Case"],
    categories: ["Phones > Smartphones", "Phones > Cases"],
    itemCategory: Int32Array.of(0, -1, 1),
    brands: ["Samsung"],
    itemBrand: Int32Array.of(0, -1, -1),
    prices: Float32Array.of(899, Number.NaN, 19.5),
    flags: Uint8Array.of(ItemFlag.IN_CATALOG | ItemFlag.HAS_LISTS, 0, ItemFlag.CLEARANCE | ItemFlag.OUT_OF_STOCK),
    reasons: [{ code: "compatible", text: "Fits {anchor}" }, { code: "popular", text: "Popular right now" }],
    popular: { items: Uint32Array.of(2, 0), scores: Float32Array.of(10, 4), reasons: Uint32Array.of(1, 1) },
    popularByCategory: new Map([[1, { items: Uint32Array.of(2), scores: Float32Array.of(3), reasons: Uint32Array.of(1) }]]),
  };
}

describe("meta blob v1", () => {
  it("round-trips every column, table and list", () => {
    const meta = sample();
    const decoded = decodeMetaBlob(encodeMetaBlob(meta));
    expect(decoded.buildId).toBe("b-1");
    expect(decoded.createdAt).toBe(1_790_000_000);
    expect(decoded.items).toEqual(meta.items);
    expect(decoded.titles).toEqual(meta.titles);
    expect(decoded.categories).toEqual(meta.categories);
    expect([...decoded.itemCategory]).toEqual([0, -1, 1]);
    expect([...decoded.itemBrand]).toEqual([0, -1, -1]);
    expect(decoded.prices[0]).toBe(899);
    expect(Number.isNaN(decoded.prices[1])).toBe(true);
    expect([...decoded.flags]).toEqual([...meta.flags]);
    expect(decoded.reasons).toEqual(meta.reasons);
    expect([...decoded.popular.items]).toEqual([2, 0]);
    expect([...decoded.popularByCategory.get(1)!.items]).toEqual([2]);
  });

  it("starts with the magic and version, and skips sections it does not know", () => {
    const w = new ByteWriter();
    w.u8(0x45).u8(0x52).u8(0x4d).u8(META_BLOB_VERSION);
    w.section(MetaSection.HEADER, (s) => s.string("future").varint(1).varint(1));
    w.section(200, (s) => s.string("a section from a newer writer"));
    w.section(MetaSection.ITEM_IDS, (s) => s.string("only-item"));
    const decoded = decodeMetaBlob(sealBlob(w.finish()));
    expect(decoded.items).toEqual(["only-item"]);
    expect(decoded.itemCategory[0]).toBe(-1);
  });

  it("rejects a blob that is not a meta blob, has a bad checksum or lacks its header", () => {
    const bytes = encodeMetaBlob(sample());
    expect(() => decodeMetaBlob(bytes.slice(0, bytes.length - 1))).toThrow(CorruptBlobError);
    const flipped = bytes.slice();
    flipped[20] ^= 1;
    expect(() => decodeMetaBlob(flipped)).toThrow(CorruptBlobError);
    const w = new ByteWriter();
    w.u8(0x45).u8(0x52).u8(0x4d).u8(META_BLOB_VERSION);
    w.section(MetaSection.ITEM_IDS, (s) => s.string("x"));
    expect(() => decodeMetaBlob(sealBlob(w.finish()))).toThrow(/header/);
  });

  it("refuses columns whose length differs from the item count", () => {
    const meta = sample();
    meta.prices = Float32Array.of(1);
    expect(() => encodeMetaBlob(meta)).toThrow(/prices/);
  });
});
