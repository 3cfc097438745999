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

  it("size the table by the build's blobs, never past 256 Ki buckets", () => {
    expect(homeBucketsFor(10)).toBe(256);
    expect(homeBucketsFor(2_860)).toBe(32_768);
    expect(homeBucketsFor(1_000_000)).toBe(MAX_HOME_BUCKETS);
  });
});
