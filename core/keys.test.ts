import { describe, expect, it } from "vitest";
import { itemKey } from "./keys";

describe("itemKey", () => {
  it("keeps ids up to 400 UTF-8 bytes readable and hashes longer ones under the 512-byte key limit", () => {
    expect(itemKey("b1", "sku-phone-0001")).toBe("b/b1/i/sku-phone-0001");
    expect(itemKey("b1", "x".repeat(400))).toBe(`b/b1/i/${"x".repeat(400)}`);
    expect(itemKey("b1", "€".repeat(133))).toBe(`b/b1/i/${"€".repeat(133)}`);
    const long = itemKey("b1", "€".repeat(134));
    expect(long.startsWith("b/b1/h/")).toBe(true);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(512);
    expect(itemKey("b1", "x".repeat(401))).not.toBe(itemKey("b1", "x".repeat(402)));
  });
});
