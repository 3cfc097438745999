import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shopBuild } from "../../test/fixtures/shop-build";
import { loadBuild } from "../recommend/loaded-build";
import { recommend } from "../recommend/recommend";
import type { RecommendationRequest } from "../request-schema";
import { PLACEMENTS } from "../types";
import { CorruptBlobError } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { crc32, fnv1a32, sealBlob } from "./checksum";
import { decodeItemBlob, type ItemLists } from "./item-blob";
import { type BuildMeta, decodeMetaBlob, META_BLOB_VERSION, MetaSection } from "./meta-blob";

const shop = shopBuild("fuzz");
const META = shop.meta;
const ITEM_BLOBS = [...shop.items.values()];
const BOUNDS = (() => {
  const meta = decodeMetaBlob(META);
  return { items: meta.items.length, reasons: meta.reasons.length };
})();

/** The decoder's answer: a value, or the error it threw (anything but CorruptBlobError fails the property). */
function outcome<T>(decode: () => T): T | CorruptBlobError {
  try {
    return decode();
  } catch (error) {
    if (error instanceof CorruptBlobError) return error;
    throw error;
  }
}

/** Edits to a blob's body: flip a bit, overwrite a byte, insert or delete a run, write a huge varint. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("varint" as const), at: fc.nat(), value: fc.constantFrom(2 ** 31, 2 ** 32 - 1, 2 ** 40, 65_536, 1_000_000) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdits(body: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const bytes = Array.from(body);
  for (const e of edits) {
    const at = bytes.length === 0 ? 0 : e.at % bytes.length;
    if (e.kind === "flip") bytes[at] ^= 1 << e.bit;
    else if (e.kind === "set") bytes[at] = e.value;
    else if (e.kind === "insert") bytes.splice(at, 0, ...e.bytes);
    else if (e.kind === "delete") bytes.splice(at, e.length);
    else bytes.splice(at, 1, ...new ByteWriter().varint(e.value).finish());
  }
  return Uint8Array.from(bytes);
}

/** A valid blob edited, then sealed again: the checksum holds, the contents are wrong. */
function resealed(sealed: Uint8Array, edits: readonly Edit[]): Uint8Array {
  return sealBlob(applyEdits(sealed.subarray(0, sealed.length - 4), edits));
}

const listEntries = (lists: ItemLists) => Object.values(lists).reduce((sum, list) => sum + list.items.length, 0);

function assertWithinDictionary(lists: ItemLists, bounds: { items: number; reasons: number }): void {
  for (const list of Object.values(lists)) {
    for (let i = 0; i < list.items.length; i++) {
      expect(list.items[i]).toBeLessThan(bounds.items);
      expect(list.reasons[i]).toBeLessThan(bounds.reasons);
      expect(Number.isFinite(list.scores[i])).toBe(true);
    }
  }
}

/** Every placement for an anchor: what the worker would run on a decoded build. */
function requestsFor(meta: BuildMeta): RecommendationRequest[] {
  const anchor = meta.items[0] ?? "none";
  return PLACEMENTS.map((placement) => ({ placement, cart: [anchor], product_id: anchor, viewed: [{ id: anchor, dwell_ms: 40_000 }], category: meta.categories[0] }));
}

describe("blob decoders under random and mutated input", () => {
  it("CRC-32 is the standard one (check value of '123456789')", () => {
    expect(crc32(new TextEncoder().encode("123456789")).toString(16)).toBe("cbf43926");
  });

  it("a 19-byte item blob declaring 2^31 candidates is refused at once, not allocated", () => {
    const blob = sealBlob(new ByteWriter().u8(2).u8(0).varint(2 ** 31).f32(0).f32(1).finish());
    expect(() => decodeItemBlob(blob)).toThrow(/count 2147483648/);
  });

  it("an item index outside the dictionary is refused, with a valid checksum", () => {
    const body = new ByteWriter().u8(2).u8(0).varint(1).f32(0).f32(1).varint(BOUNDS.items).u16(65535).varint(0).finish();
    expect(() => decodeItemBlob(sealBlob(body), BOUNDS)).toThrow(CorruptBlobError);
  });

  it("random bytes: a decoded value or CorruptBlobError, never anything else", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.boolean(), (bytes, asItem) => {
        if (asItem) outcome(() => decodeItemBlob(bytes, BOUNDS));
        else outcome(() => decodeMetaBlob(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it("random bodies sealed with a valid checksum, after a valid header", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (tail) => {
        const item = outcome(() => decodeItemBlob(sealBlob(Uint8Array.from([2, ...tail])), BOUNDS));
        if (!(item instanceof CorruptBlobError)) {
          assertWithinDictionary(item, BOUNDS);
          expect(listEntries(item)).toBeLessThanOrEqual(tail.length / 4);
        }
        outcome(() => decodeMetaBlob(sealBlob(Uint8Array.from([0x45, 0x52, 0x4d, META_BLOB_VERSION, ...tail]))));
      }),
      { numRuns: 3000 },
    );
  });

  it("mutated valid item blobs: decoded within the dictionary, and served without an exception", () => {
    const build = loadBuild(decodeMetaBlob(META));
    fc.assert(
      fc.property(fc.constantFrom(...ITEM_BLOBS), fc.array(edit, { minLength: 1, maxLength: 4 }), (blob, edits) => {
        const mutated = resealed(blob, edits);
        const lists = outcome(() => decodeItemBlob(mutated, BOUNDS));
        if (lists instanceof CorruptBlobError) return;
        assertWithinDictionary(lists, BOUNDS);
        expect(listEntries(lists)).toBeLessThanOrEqual(mutated.length / 4);
        const anchor = build.meta.items[0];
        for (const request of requestsFor(build.meta)) recommend(request, { build, lists: new Map([[anchor, lists]]), degraded: false }, { recId: "fuzz" });
      }),
      { numRuns: 2000 },
    );
  });

  it("mutated valid meta blobs: decoded consistently, and served without an exception", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const mutated = resealed(META, edits);
        const meta = outcome(() => decodeMetaBlob(mutated));
        if (meta instanceof CorruptBlobError) return;
        const n = meta.items.length;
        expect(n).toBeLessThanOrEqual(mutated.length);
        for (const column of [meta.titles, meta.itemCategory, meta.itemBrand, meta.prices, meta.flags]) expect(column.length).toBe(n);
        assertWithinDictionary({ cross_sell: meta.popular }, { items: n, reasons: meta.reasons.length });
        for (const c of meta.itemCategory) expect(c).toBeLessThan(meta.categories.length);
        const build = loadBuild(meta);
        for (const request of requestsFor(meta)) recommend(request, { build, lists: new Map(), degraded: false }, { recId: "fuzz" });
      }),
      { numRuns: 1500 },
    );
  });

  it("still reads a version 1 meta blob (16-bit FNV-1a seal), so a new worker serves the build already live", () => {
    const w = new ByteWriter();
    w.u8(0x45).u8(0x52).u8(0x4d).u8(1);
    w.section(MetaSection.HEADER, (s) => s.string("old").varint(1).varint(1));
    w.section(MetaSection.ITEM_IDS, (s) => s.string("only-item"));
    const body = w.finish();
    const sum = fnv1a32(body) & 0xffff;
    const sealed = Uint8Array.from([...body, sum & 0xff, sum >> 8]);
    expect(decodeMetaBlob(sealed)).toMatchObject({ buildId: "old", items: ["only-item"] });
    sealed[5] ^= 1;
    expect(() => decodeMetaBlob(sealed)).toThrow(CorruptBlobError);
  });
});
