import { describe, expect, it } from "vitest";
import { CorruptBlobError } from "./byte-reader";
import { decodeItemBlob, encodeItemBlob } from "./item-blob";

/** The lists of both golden blobs, between the version byte and the check. */
const GOLDEN_LISTS = [
  "00", // list kind 0 = cross_sell
  "02", // 2 candidates
  "0000003f", // min score 0.5 (f32 LE)
  "0000803f", // max score 1.0 (f32 LE)
  "03 ffff 00", // item 3, score step 65535 (= max), reason 0
  "c801 0000 01", // item 200 (varint), score step 0 (= min), reason 1
];

/** The format spec, byte by byte (checksum computed independently of this code: zlib's crc32). */
const GOLDEN_V2 = [
  "02", // version 2
  ...GOLDEN_LISTS,
  "101eba48", // CRC-32, LE
].join("").replaceAll(" ", "");

/** Version 1, as builds published before version 2 hold it: the same lists sealed with 16 bits of FNV-1a. */
const GOLDEN_V1 = [
  "01", // version 1
  ...GOLDEN_LISTS,
  "7319", // FNV-1a low 16 bits, LE
].join("").replaceAll(" ", "");

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const unhex = (text: string) => Uint8Array.from(text.match(/../g)!, (h) => Number.parseInt(h, 16));

describe("item blob v2", () => {
  const lists = { cross_sell: { items: Uint32Array.of(3, 200), scores: Float32Array.of(1, 0.5), reasons: Uint32Array.of(0, 1) } };

  it("encodes to the golden bytes", () => {
    expect(hex(encodeItemBlob(lists))).toBe(GOLDEN_V2);
  });

  it("decodes the golden bytes, and still reads version 1", () => {
    for (const golden of [GOLDEN_V2, GOLDEN_V1]) {
      const decoded = decodeItemBlob(unhex(golden));
      expect(Object.keys(decoded)).toEqual(["cross_sell"]);
      expect([...decoded.cross_sell!.items]).toEqual([3, 200]);
      expect([...decoded.cross_sell!.scores]).toEqual([1, 0.5]);
      expect([...decoded.cross_sell!.reasons]).toEqual([0, 1]);
    }
  });

  it("checks item and reason indices against the build's dictionary", () => {
    const golden = unhex(GOLDEN_V2);
    expect([...decodeItemBlob(golden, { items: 201, reasons: 2 }).cross_sell!.items]).toEqual([3, 200]);
    expect(() => decodeItemBlob(golden, { items: 200, reasons: 2 })).toThrow(/item: index 200/);
    expect(() => decodeItemBlob(golden, { items: 201, reasons: 1 })).toThrow(/reason: index 1/);
  });

  it("round-trips several lists within quantisation error and keeps order", () => {
    const scores = Float32Array.from({ length: 40 }, (_, i) => 3 - i * 0.07);
    const many = {
      cross_sell: { items: Uint32Array.from({ length: 40 }, (_, i) => i * 997), scores, reasons: new Uint32Array(40).fill(5) },
      down_sell: { items: Uint32Array.of(1_000_000), scores: Float32Array.of(0.25), reasons: Uint32Array.of(300) },
    };
    const decoded = decodeItemBlob(encodeItemBlob(many));
    expect([...decoded.cross_sell!.items]).toEqual([...many.cross_sell.items]);
    decoded.cross_sell!.scores.forEach((s, i) => expect(Math.abs(s - scores[i])).toBeLessThan((3 - scores[39]) / 65535 + 1e-6));
    expect(decoded.down_sell!.items[0]).toBe(1_000_000);
    expect(decoded.down_sell!.reasons[0]).toBe(300);
  });

  it("writes next_item as list kind 6, after the older kinds, and reads it back", () => {
    const next = { items: Uint32Array.of(7, 2), scores: Float32Array.of(2, 1), reasons: Uint32Array.of(4, 4) };
    const blob = encodeItemBlob({ next_item: next, cross_sell: lists.cross_sell });
    expect(hex(blob).slice(0, 4)).toBe("0200");
    // kind 6, 2 candidates, min 1.0, max 2.0 (f32 LE), then item 7 at the top step
    expect(hex(blob)).toContain("06020000803f0000004007ffff");
    const decoded = decodeItemBlob(blob);
    expect(Object.keys(decoded)).toEqual(["cross_sell", "next_item"]);
    expect([...decoded.next_item!.items]).toEqual([7, 2]);
    expect([...decoded.next_item!.scores]).toEqual([2, 1]);
    expect([...decoded.next_item!.reasons]).toEqual([4, 4]);
  });

  it("rejects any flipped byte, a truncated blob and a newer version", () => {
    for (const golden of [unhex(GOLDEN_V2), unhex(GOLDEN_V1)]) {
      for (let i = 0; i < golden.length; i++) {
        const flipped = golden.slice();
        flipped[i] ^= 0x10;
        expect(() => decodeItemBlob(flipped), `byte ${i}`).toThrow(CorruptBlobError);
      }
      expect(() => decodeItemBlob(golden.subarray(0, 10))).toThrow(CorruptBlobError);
    }
    const newer = unhex(GOLDEN_V2);
    newer[0] = 3;
    expect(() => decodeItemBlob(newer)).toThrow(/version 3/);
  });

  it("stays under 8 bytes per candidate for a typical list", () => {
    const n = 30;
    const blob = encodeItemBlob({
      cross_sell: { items: Uint32Array.from({ length: n }, (_, i) => 50_000 + i * 1234), scores: Float32Array.from({ length: n }, (_, i) => 1 / (i + 1)), reasons: Uint32Array.from({ length: n }, (_, i) => i % 200) },
    });
    expect(blob.length / n).toBeLessThan(8);
  });
});
