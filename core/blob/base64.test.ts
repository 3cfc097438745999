import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64 } from "./base64";
import { CorruptBlobError } from "./byte-reader";

describe("base64", () => {
  it("matches the platform encoder for every length and byte value", () => {
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
      const expected = Buffer.from(bytes).toString("base64");
      expect(encodeBase64(bytes)).toBe(expected);
      expect([...decodeBase64(expected)]).toEqual([...bytes]);
    }
  });

  it("handles blobs larger than one encoding chunk", () => {
    const bytes = Uint8Array.from({ length: 100_001 }, (_, i) => (i * 7) & 255);
    expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });

  it("rejects text that is not base64", () => {
    for (const bad of ["abc", "ab!d", "QUJD    ", "QUJD QUJDQUJ", "QU\nJ", "QUJDQ==="]) expect(() => decodeBase64(bad), JSON.stringify(bad)).toThrow(CorruptBlobError);
  });
});
