import { describe, expect, it } from "vitest";
import { compatEntries, compileCompatIndex } from "../catalog/compat-index";
import { decodeAnchorBlob, encodeAnchorBlob, servesWithout } from "./anchor-blob";
import { ByteReader } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { sealBlob } from "./checksum";
import { decodeDirectoryShard, encodeDirectoryShard } from "./directory-shard";
import { writeItemLists } from "./item-blob";
import { type ItemFacts, readItemFacts, writeItemFacts } from "./item-facts";
import { writeCompatIndex } from "./catalog-sections-codec";

const tables = { items: 1000, categories: 5, brands: 5, currencies: 2 };

/** Titles that share prefixes, leave them, and carry characters of one to four UTF-8 bytes. */
const facts: ItemFacts = {
  ids: ["case-s24-black", "case-s24-blue", "case-s24-blue-2", "écran-😀", "", "z"],
  ordinals: Uint32Array.of(3, 4, 5, 900, 0, 999),
  titles: ["Galaxy S24 case, black", "Galaxy S24 case, blue", "Galaxy S24 case, blue (2)", "Écran 27″ 😀 4K", "", "Ζ"],
  category: Int32Array.of(0, 0, 0, 4, -1, 2),
  brand: Int32Array.of(1, 1, 1, -1, 0, 4),
  prices: Float32Array.of(19.99, 19.99, 21, 299, 0, 1),
  popularity: Float32Array.of(5, 4, 0, 1.5, 0, 0),
  flags: Uint8Array.of(0, 1, 2, 4, 8, 16),
  modelNames: ["", "", "", "s24", "", "s24"],
  stock: Int32Array.of(-1, 0, 3, 100, 7, -1),
  display: {
    currency: Int32Array.of(0, 0, 1, -1, 0, 1),
    links: ["https://shop.test/p/case-s24-black", "https://shop.test/p/case-s24-blue", "https://shop.test/p/case-s24-blue-2", "https://shop.test/p/écran", "", "https://shop.test/p/z"],
    images: ["https://img.test/1.jpg", "https://img.test/2.jpg", "https://img.test/3.jpg", "https://img.test/😀.jpg", "", ""],
  },
  compat: compileCompatIndex([
    { brand: "Acme", attrs: { kind: "phone-case", fits_models: ["samsung-galaxy-s24"] } },
    undefined,
    { brand: "Acme", attrs: { kind: "phone-case", fits_models: ["samsung-galaxy-s24"] } },
    undefined,
    undefined,
    { brand: "Acme", attrs: { kind: "smartphone", device_model: "samsung-galaxy-s24", connector: "usb-c" } },
  ]),
};

/** The layout builds before string columns wrote: every field item by item, strings front-coded one by one. */
function writeInterleaved(w: ByteWriter, f: ItemFacts): void {
  const front = (previous: string, value: string) => {
    let shared = 0;
    while (shared < Math.min(previous.length, value.length, 255) && previous.charCodeAt(shared) === value.charCodeAt(shared)) shared++;
    w.varint(shared).string(value.slice(shared));
  };
  w.varint(f.ids.length).u8(7);
  for (let k = 0; k < f.ids.length; k++) {
    front(k === 0 ? "" : f.ids[k - 1], f.ids[k]);
    w.varint(f.ordinals[k]);
    front(k === 0 ? "" : f.titles[k - 1], f.titles[k]);
    w.varint(f.category[k] + 1).varint(f.brand[k] + 1).f32(f.prices[k]).f32(f.popularity[k]).u8(f.flags[k]).string(f.modelNames[k]);
    w.varint(f.stock![k] < 0 ? 0 : f.stock![k] + 1);
    w.varint(f.display!.currency[k] + 1);
    front(k === 0 ? "" : f.display!.links[k - 1], f.display!.links[k]);
    front(k === 0 ? "" : f.display!.images[k - 1], f.display!.images[k]);
  }
  writeCompatIndex(w, f.compat!);
}

describe("item facts", () => {
  it("round-trip in string columns, each column decoded whole", () => {
    const w = new ByteWriter();
    writeItemFacts(w, facts);
    const r = new ByteReader(w.finish());
    expect(readItemFacts(r, tables)).toEqual(facts);
    r.finish("facts");
  });

  it("of earlier builds (interleaved; anchor blob version 3, directory shard version 1) are read as before", () => {
    const anchor = new ByteWriter();
    anchor.u8(3).varint(0);
    writeInterleaved(anchor, facts);
    writeItemLists(anchor, {});
    expect(decodeAnchorBlob(sealBlob(anchor.finish()), 0, tables, 1).facts).toEqual(facts);
    const shard = new ByteWriter();
    for (const byte of [0x45, 0x52, 0x44, 1]) shard.u8(byte);
    writeInterleaved(shard, facts);
    expect(decodeDirectoryShard(sealBlob(shard.finish()), tables)).toEqual(facts);
    expect(decodeAnchorBlob(encodeAnchorBlob({ globalItems: 0, facts, lists: {} }), 0, tables, 1).facts).toEqual(facts);
    expect(decodeDirectoryShard(encodeDirectoryShard(facts), tables)).toEqual(facts);
  });

  it("refuse a string column whose lengths disagree with its text", () => {
    const w = new ByteWriter();
    w.varint(1).u8(0).varint(1).varint(0).varint(0).f32(1).f32(0).u8(0);
    w.varint(0).varint(5).string("abc");
    expect(() => readItemFacts(new ByteReader(w.finish()), tables)).toThrow(/disagree/);
    const shared = new ByteWriter();
    shared.varint(1).u8(0).varint(1).varint(0).varint(0).f32(1).f32(0).u8(0);
    shared.varint(4).varint(1).string("a");
    expect(() => readItemFacts(new ByteReader(shared.finish()), tables)).toThrow(/disagree/);
  });
});

describe("an anchor blob read against a larger global blob (a build that keeps it: blob-homes.ts)", () => {
  const list = (items: number[]) => ({ items: Uint32Array.from(items), scores: new Float32Array(items.length).fill(1), reasons: new Uint32Array(items.length) });
  // Written against a global blob of 3 items: 0..2 are global, 3.. its own facts table.
  const sealed = encodeAnchorBlob({ globalItems: 3, facts, lists: { cross_sell: list([0, 3, 2, 8]), similar: list([5]) } });

  it("moves its own entries past the larger global blob's items and leaves the global ones", () => {
    const read = decodeAnchorBlob(sealed, 7, tables, 1);
    expect(Array.from(read.lists.cross_sell!.items)).toEqual([0, 7, 2, 12]);
    expect(Array.from(read.lists.similar!.items)).toEqual([9]);
    expect(read.globalItems).toBe(7);
    expect(Array.from(decodeAnchorBlob(sealed, 3, tables, 1).lists.cross_sell!.items)).toEqual([0, 3, 2, 8]);
  });

  it("refuses a global blob smaller than the one it was written for", () => {
    expect(() => decodeAnchorBlob(sealed, 2, tables, 1)).toThrow(/written for a global blob of 3 items/);
  });
});

describe("an anchor blob read for a request that leaves out its price bands", () => {
  const G = 2;
  const list = (items: number[]) => ({ items: Uint32Array.from(items), scores: Float32Array.from(items, (_, r) => 1 - r / 10), reasons: new Uint32Array(items.length) });
  const blob = encodeAnchorBlob({ globalItems: G, facts, lists: { cross_sell: list([0, G + 1, G + 2]), price_band: list([G + 3, G + 4, G + 5, 1]) } });
  const bands = new Set(["price_band"] as const);
  /** Each item's fit facts as token names. */
  const fitOf = (f: ItemFacts) => Array.from(f.ids, (_, i) => JSON.stringify(compatEntries(f.compat!).get(i) ?? null, (key, value) => (key === "" || !Array.isArray(value) ? value : value.map((t) => (typeof t === "number" ? f.compat!.tokens[t] : t)))));

  it("builds the facts of the items the lists it keeps name (the table's head), and says what it left out", () => {
    const lean = decodeAnchorBlob(blob, G, tables, 1, bands);
    const whole = decodeAnchorBlob(blob, G, tables, 1);
    expect(Object.keys(lean.lists)).toEqual(["cross_sell"]);
    expect(lean.lists.cross_sell).toEqual(whole.lists.cross_sell);
    expect(lean.skipped).toEqual(bands);
    expect(whole.skipped).toBeUndefined();
    expect(whole.facts).toEqual(facts);
    expect(lean.facts.ids).toEqual(facts.ids.slice(0, 3));
    expect(lean.facts.titles).toEqual(facts.titles.slice(0, 3));
    expect(lean.facts.display!.images).toEqual(facts.display!.images.slice(0, 3));
    expect(Array.from(lean.facts.stock!)).toEqual(Array.from(facts.stock!.subarray(0, 3)));
    expect(fitOf(lean.facts)).toEqual(fitOf(facts).slice(0, 3));
  });

  it("serves only requests that leave out at least as much; a request that reads the bands reads the blob again", () => {
    const lean = decodeAnchorBlob(blob, G, tables, 1, bands);
    expect(servesWithout(lean, bands)).toBe(true);
    expect(servesWithout(lean, new Set())).toBe(false);
    expect(servesWithout(decodeAnchorBlob(blob, G, tables, 1), new Set())).toBe(true);
  });

  it("still checks the whole blob: an ordinal out of range in the part it leaves out is refused", () => {
    expect(() => decodeAnchorBlob(blob, G, { ...tables, items: 950 }, 1, bands)).toThrow(/ordinal/);
  });
});
