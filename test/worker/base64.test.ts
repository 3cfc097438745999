/**
 * In workerd, `decodeBase64` takes the runtime's `Uint8Array.fromBase64`: the same bytes as the table-driven
 * decoder Node runs (core/blob/base64.test.ts), and the same text refused.
 */
import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64 } from "../../core/blob/base64";
import { CorruptBlobError } from "../../core/blob/byte-reader";

describe("base64 in workerd", () => {
  it("decodes with the runtime's own decoder, every length and byte value", () => {
    expect(typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64).toBe("function");
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
      expect([...decodeBase64(encodeBase64(bytes))]).toEqual([...bytes]);
    }
    const large = Uint8Array.from({ length: 100_001 }, (_, i) => (i * 7) & 255);
    expect(decodeBase64(encodeBase64(large))).toEqual(large);
  });

  it("refuses what the fallback refuses: a bad length, a bad character, whitespace anywhere", () => {
    for (const bad of ["abc", "ab!d", "QUJD    ", "QUJD QUJDQUJ", "QU\nJ", "QUJDQ==="]) expect(() => decodeBase64(bad), JSON.stringify(bad)).toThrow(CorruptBlobError);
  });
});
