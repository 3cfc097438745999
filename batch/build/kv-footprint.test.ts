import { describe, expect, it } from "vitest";
import { encodeBase64 } from "../../core/blob/base64";
import { CONFIG_KEYS } from "../../core/keys";
import { kvFootprint } from "./kv-footprint";

describe("kvFootprint", () => {
  const blobs = [
    { key: "b/B1/meta", bytes: new Uint8Array(1000).fill(7) },
    { key: "b/B1/i/a", bytes: new Uint8Array(10) },
    { key: "b/B1/i/c", bytes: new Uint8Array(2000) },
    { key: `b/B1/i/${"x".repeat(300)}`, bytes: new Uint8Array(1) },
  ];

  it("counts every blob of the edge format and the stock overlay as publish writes them, base64 text", () => {
    const footprint = kvFootprint(blobs, ["c", "a"], 1_700_000_000, "B1");
    const values: Array<[string, string]> = [
      ...blobs.map((b): [string, string] => [b.key, encodeBase64(b.bytes)]),
      [CONFIG_KEYS.stock, JSON.stringify({ version: 1, updated_at: 1_700_000_000, build: "B1", out: ["a", "c"] })],
    ];
    expect(footprint).toEqual({
      keys: 5,
      bytes: values.reduce((sum, [k, v]) => sum + k.length + v.length, 0),
      largest_value_bytes: encodeBase64(blobs[2].bytes).length,
      largest_key: "b/B1/i/c",
    });
  });

  it("writes no stock overlay without a catalogue", () => {
    expect(kvFootprint(blobs, undefined, 0, "B1").keys).toBe(4);
  });
});
