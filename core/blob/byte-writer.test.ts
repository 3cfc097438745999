import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteReader } from "./byte-reader";
import { ByteWriter } from "./byte-writer";

/** The reference layout: varint of the UTF-8 length, then the bytes TextEncoder gives. */
function reference(values: readonly string[]): Uint8Array {
  const w = new ByteWriter();
  for (const value of values) w.bytes(lengthAndBytes(value));
  return w.finish();
}

function lengthAndBytes(value: string): Uint8Array {
  const bytes = new TextEncoder().encode(value);
  const head: number[] = [];
  let n = bytes.length;
  while (n >= 0x80) {
    head.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  head.push(n);
  return Uint8Array.from([...head, ...bytes]);
}

describe("ByteWriter.string", () => {
  it("writes the varint length and the UTF-8 bytes, whatever the length's size and the characters' widths", () => {
    const samples = ["", "a", "x".repeat(42), "x".repeat(43), "x".repeat(127), "x".repeat(128), "é".repeat(64), "€".repeat(50), "📱 case", "\ud83d", "a\udc00b", "ü".repeat(9000)];
    const w = new ByteWriter(1);
    for (const s of samples) w.string(s);
    expect(w.finish()).toEqual(reference(samples));
  });

  it("round-trips through ByteReader for any strings, lone surrogates replaced as TextEncoder does", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 300 }), { maxLength: 20 }), (values) => {
        const w = new ByteWriter(4);
        for (const value of values) w.string(value).u8(7);
        const bytes = w.finish();
        expect(bytes).toEqual(withMarkers(values));
        const r = new ByteReader(bytes);
        for (const value of values) {
          expect(r.string()).toBe(new TextDecoder().decode(new TextEncoder().encode(value)));
          expect(r.u8()).toBe(7);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

function withMarkers(values: readonly string[]): Uint8Array {
  const w = new ByteWriter();
  for (const value of values) w.bytes(lengthAndBytes(value)).u8(7);
  return w.finish();
}

describe("ByteReader.strings", () => {
  const one = (bytes: Uint8Array, count: number) => {
    const r = new ByteReader(bytes);
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(r.string());
    return { out, offset: r.offset };
  };

  it("reads what string() reads one by one: ASCII runs in one decode, other runs string by string", () => {
    const ascii = fc.string({ unit: fc.constantFrom(..."abcxyz:-_0123456789 \u0000\u007f".split("")), maxLength: 140 });
    fc.assert(
      fc.property(fc.array(fc.oneof(ascii, fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 5 })), { maxLength: 30 }), (values) => {
        const w = new ByteWriter();
        for (const value of values) w.string(value);
        w.u8(7);
        const bytes = w.finish();
        const r = new ByteReader(bytes);
        expect(r.strings(values.length, "test")).toEqual(one(bytes, values.length).out);
        expect(r.u8()).toBe(7);
      }),
    );
  });

  it("refuses a run cut short or invalid UTF-8, as string() does", () => {
    const w = new ByteWriter();
    for (const value of ["conn:usb-c", "mount:magsafe", "x".repeat(200)]) w.string(value);
    const bytes = w.finish();
    expect(() => new ByteReader(bytes.subarray(0, bytes.length - 1)).strings(3, "test")).toThrow(/truncated/);
    const invalid = Uint8Array.from([3, 0x61, 0xff, 0x62]);
    expect(() => new ByteReader(invalid).strings(1, "test")).toThrow(/invalid UTF-8/);
    expect(() => new ByteReader(Uint8Array.from([1, 0x61])).strings(3, "test")).toThrow(/count 3/);
  });
});
