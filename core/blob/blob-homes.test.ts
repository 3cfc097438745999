import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BlobHomes, homeBucket, homeBucketsFor, homedKey, MAX_HOME_BUCKETS, readBlobHomes, writeBlobHomes } from "./blob-homes";
import { ByteReader, CorruptBlobError } from "./byte-reader";
import { ByteWriter } from "./byte-writer";

const encode = (homes: BlobHomes) => {
  const w = new ByteWriter(64);
  writeBlobHomes(w, homes);
  return w.finish();
};

describe("blob homes", () => {
  const buckets = new Uint8Array(256);
  buckets[homeBucket("i/kept", 256)] = 1;
  const homes: BlobHomes = { builds: ["new", "old"], buckets };

  it("read a key where its bucket's build holds it, every other under the build's own prefix", () => {
    expect(homedKey(homes, "b/new/i/kept")).toBe("b/old/i/kept");
    const other = ["i/a", "i/b", "i/c", "c/3", "d/0"].find((name) => homeBucket(name, 256) !== homeBucket("i/kept", 256))!;
    expect(homedKey(homes, `b/new/${other}`)).toBe(`b/new/${other}`);
    expect(homedKey(undefined, "b/new/i/kept")).toBe("b/new/i/kept");
  });

  it("round-trip, and a table naming a build it lacks or an odd bucket count is refused", () => {
    expect(readBlobHomes(new ByteReader(encode(homes)))).toEqual(homes);
    const bytes = encode(homes);
    bytes[bytes.length - 256 + homeBucket("i/kept", 256)] = 2;
    expect(() => readBlobHomes(new ByteReader(bytes))).toThrow(CorruptBlobError);
    expect(() => encode({ builds: ["new"], buckets: new Uint8Array(300) })).toThrow(RangeError);
    expect(() => readBlobHomes(new ByteReader(encode(homes).subarray(0, 100)))).toThrow(CorruptBlobError);
  });

  it("mutated tables: refused, or every bucket names a build the table holds", () => {
    const valid = encode(homes);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.nat(255)), { minLength: 1, maxLength: 6 }), fc.nat(valid.length), (edits, cut) => {
        const bytes = valid.slice(0, Math.max(1, cut === valid.length ? valid.length : cut + 1));
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        let read: BlobHomes;
        try {
          read = readBlobHomes(new ByteReader(bytes));
        } catch (error) {
          expect(error).toBeInstanceOf(CorruptBlobError);
          return;
        }
        expect(read.buckets.length & (read.buckets.length - 1)).toBe(0);
        for (const home of read.buckets) expect(home).toBeLessThan(read.builds.length);
        expect(() => homedKey(read, "b/new/i/any")).not.toThrow();
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("size the table by the build's blobs, never past 512 Ki buckets", () => {
    expect(homeBucketsFor(10)).toBe(256);
    expect(homeBucketsFor(2_860)).toBe(32_768);
    expect(homeBucketsFor(1_000_000)).toBe(MAX_HOME_BUCKETS);
  });
});
