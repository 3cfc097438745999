import { describe, expect, it } from "vitest";
import { compatIndexFromEntries, fitsCart } from "../catalog/compat-index";
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

describe("meta blob v2", () => {
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

  it("round-trips the display columns (currency, link, image) and leaves them out when absent", () => {
    const meta: BuildMeta = {
      ...sample(),
      display: { currencies: ["EUR", "USD"], itemCurrency: Int32Array.of(1, -1, 0), links: ["https://shop.example/p/s24", "", "https://shop.example/p/case"], images: ["https://cdn.example/s24.jpg", "", ""] },
    };
    const decoded = decodeMetaBlob(encodeMetaBlob(meta));
    expect(decoded.display!.currencies).toEqual(["EUR", "USD"]);
    expect([...decoded.display!.itemCurrency]).toEqual([1, -1, 0]);
    expect(decoded.display!.links).toEqual(meta.display!.links);
    expect(decoded.display!.images).toEqual(meta.display!.images);
    expect(decodeMetaBlob(encodeMetaBlob(sample())).display).toBeUndefined();
    expect(() => encodeMetaBlob({ ...meta, display: { ...meta.display!, links: ["only one"] } })).toThrow(RangeError);
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

describe("meta blob v2: category complements and bundles", () => {
  /** The two optional sections, byte by byte, as they close the blob before its checksum. */
  const GOLDEN_SECTIONS = [
    "0b 06", // tag 11 COMPLEMENTS, 6 bytes
    "01", // one category with complements
    "00 01", // category 0, one complement
    "01 0080", // category 1, attach round(0.5 * 65535) = 32768 (u16 LE)
    "0c 0d", // tag 12 BUNDLES, 13 bytes
    "01", // one bundle
    "03 4b6974", // title "Kit"
    "0a", // discount 10 %
    "0000c03f", // score 1.5 (f32 LE)
    "02 00 02", // items 0 and 2
  ].join("").replaceAll(" ", "");

  const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const withExtras = (): BuildMeta => ({
    ...sample(),
    complements: new Map([[0, { categories: Uint32Array.of(1), attach: Float32Array.of(0.5) }]]),
    bundles: [{ title: "Kit", items: Uint32Array.of(0, 2), discountPct: 10, score: 1.5 }],
  });

  it("writes the golden bytes for both sections, last, before the checksum", () => {
    const bytes = encodeMetaBlob(withExtras());
    const end = bytes.length - 4;
    expect(hex(bytes.subarray(end - GOLDEN_SECTIONS.length / 2, end))).toBe(GOLDEN_SECTIONS);
  });

  it("round-trips complements and bundles", () => {
    const decoded = decodeMetaBlob(encodeMetaBlob(withExtras()));
    expect([...decoded.complements!.get(0)!.categories]).toEqual([1]);
    expect(decoded.complements!.get(0)!.attach[0]).toBeCloseTo(0.5, 4);
    expect(decoded.bundles).toHaveLength(1);
    expect(decoded.bundles![0]).toMatchObject({ title: "Kit", discountPct: 10, score: 1.5 });
    expect([...decoded.bundles![0].items]).toEqual([0, 2]);
  });

  it("omits both sections when there is nothing to say, and decodes them as empty", () => {
    const plain = encodeMetaBlob(sample());
    expect(hex(plain)).not.toContain("0b06");
    const decoded = decodeMetaBlob(plain);
    expect(decoded.complements!.size).toBe(0);
    expect(decoded.bundles).toEqual([]);
  });

  it("rejects bundle items and complement categories outside the dictionary", () => {
    const badBundle = withExtras();
    badBundle.bundles![0].items = Uint32Array.of(0, 99);
    expect(() => encodeMetaBlob(badBundle)).toThrow(/bundle item/);
    const badComplement = withExtras();
    badComplement.complements = new Map([[0, { categories: Uint32Array.of(7), attach: Float32Array.of(0.1) }]]);
    expect(() => decodeMetaBlob(encodeMetaBlob(badComplement))).toThrow(CorruptBlobError);
  });
});

describe("meta blob v2: compatibility index, stock and scenario lists", () => {
  /** The three catalogue sections, byte by byte, as they close the blob before its checksum. */
  const GOLDEN_CATALOG_SECTIONS = [
    "0d 23", // tag 13 COMPAT, 35 bytes
    "02", // two tokens
    "09 6d6f64656c3a733234", // "model:s24"
    "0a 636f6e6e3a7573622d63", // "conn:usb-c"
    "02", // two items with entries
    "00 02 00 01 00 00", // item 0 (gap 0): provides tokens 0 and 1, no clauses, no pins
    "01 00 01 01 00 00", // item 2 (gap 1): provides nothing, one clause {token 0}, no pins
    "0e 03", // tag 14 STOCK, 3 bytes
    "06 00 01", // stock + 1: 5, unknown, 0
    "0f 1e", // tag 15 SCENARIO_LISTS, 30 bytes
    "01", // one list
    "0f 7363656e6172696f3a74726176656c", // key "scenario:travel"
    "01 00000040 00000040 02 ffff 01", // one candidate: min = max = 2.0, item 2, top step, reason 1
  ].join("").replaceAll(" ", "");

  const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const withCatalog = (): BuildMeta => ({
    ...sample(),
    compat: compatIndexFromEntries(["model:s24", "conn:usb-c"], new Map([[0, { provides: [0, 1], clauses: [], pins: [] }], [2, { provides: [], clauses: [[0]], pins: [] }]]), 3),
    stock: Int32Array.of(5, -1, 0),
    scenarioLists: new Map([["scenario:travel", { items: Uint32Array.of(2), scores: Float32Array.of(2), reasons: Uint32Array.of(1) }]]),
  });

  it("writes the golden bytes, last, before the checksum", () => {
    const bytes = encodeMetaBlob(withCatalog());
    const end = bytes.length - 4;
    expect(hex(bytes.subarray(end - GOLDEN_CATALOG_SECTIONS.length / 2, end))).toBe(GOLDEN_CATALOG_SECTIONS);
  });

  it("round-trips the index (fit checks), stock and lists", () => {
    const decoded = decodeMetaBlob(encodeMetaBlob(withCatalog()));
    expect(decoded.compat!.tokens).toEqual(["model:s24", "conn:usb-c"]);
    expect(fitsCart(decoded.compat!, 2, [0])).toBe(true);
    expect(fitsCart(decoded.compat!, 2, [1])).toBe(false);
    expect(fitsCart(decoded.compat!, 1, [0])).toBe(true);
    expect([...decoded.stock!]).toEqual([5, -1, 0]);
    expect([...decoded.scenarioLists!.get("scenario:travel")!.items]).toEqual([2]);
  });

  it("round-trips model names as a table column", () => {
    const meta = { ...sample(), modelNames: ["Galaxy S24"], itemModelName: Int32Array.of(0, -1, -1) };
    const bytes = encodeMetaBlob(meta);
    const end = bytes.length - 4;
    // tag 16, 15 bytes: one name "Galaxy S24", then per item index + 1: 1, 0, 0
    expect(hex(bytes.subarray(end - 17, end))).toBe("100f" + "01" + "0a47616c61787920533234" + "010000");
    const decoded = decodeMetaBlob(bytes);
    expect(decoded.modelNames).toEqual(["Galaxy S24"]);
    expect([...decoded.itemModelName!]).toEqual([0, -1, -1]);
    expect(decodeMetaBlob(encodeMetaBlob(sample())).modelNames).toBeUndefined();
  });

  it("leaves them out when the build has none; a reader that does not know them skips them", () => {
    const decoded = decodeMetaBlob(encodeMetaBlob(sample()));
    expect(decoded.compat).toBeUndefined();
    expect(decoded.stock).toBeUndefined();
    expect(decoded.scenarioLists).toBeUndefined();
    const w = new ByteWriter();
    w.u8(0x45).u8(0x52).u8(0x4d).u8(META_BLOB_VERSION);
    w.section(MetaSection.HEADER, (s) => s.string("x").varint(1).varint(1));
    w.section(MetaSection.ITEM_IDS, (s) => s.string("only"));
    w.section(99, (s) => s.string("newer"));
    w.section(MetaSection.STOCK, (s) => s.varint(8));
    expect([...decodeMetaBlob(sealBlob(w.finish())).stock!]).toEqual([7]);
  });

  it("rejects an index entry or token outside the dictionary", () => {
    const bad = withCatalog();
    bad.compat = compatIndexFromEntries(["t:1"], new Map([[0, { provides: [0], clauses: [], pins: [] }]]), 4);
    expect(() => encodeMetaBlob(bad)).toThrow(/compat/);
    const w = new ByteWriter();
    w.u8(0x45).u8(0x52).u8(0x4d).u8(META_BLOB_VERSION);
    w.section(MetaSection.HEADER, (s) => s.string("x").varint(1).varint(1));
    w.section(MetaSection.ITEM_IDS, (s) => s.string("only"));
    w.section(MetaSection.COMPAT, (s) => s.varint(1).string("t:1").varint(1).varint(0).varint(1).varint(5).varint(0).varint(0));
    expect(() => decodeMetaBlob(sealBlob(w.finish()))).toThrow(CorruptBlobError);
  });
});

describe("meta blob cross-sell prior section", () => {
  it("round-trips the prior and leaves it absent when the build has none", () => {
    const base = sample();
    expect(decodeMetaBlob(encodeMetaBlob(base)).crossSellPrior).toBeUndefined();
    const prior = { items: Uint32Array.of(2, 0), scores: Float32Array.of(0.5, -0.25), reasons: Uint32Array.of(1, 1) };
    const decoded = decodeMetaBlob(encodeMetaBlob({ ...base, crossSellPrior: prior })).crossSellPrior!;
    expect([...decoded.items]).toEqual([2, 0]);
    expect(decoded.scores[0]).toBeCloseTo(0.5, 4);
    expect(decoded.scores[1]).toBeCloseTo(-0.25, 4);
  });
});
