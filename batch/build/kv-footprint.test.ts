import { describe, expect, it } from "vitest";
import { encodeBase64 } from "../../core/blob/base64";
import { CONFIG_KEYS, itemKey, metaKey } from "../../core/keys";
import { kvFootprint } from "./kv-footprint";

describe("kvFootprint", () => {
  const meta = new Uint8Array(1000).fill(7);
  const blobs = [new Uint8Array(10), undefined, new Uint8Array(2000), new Uint8Array(1)];
  const ids = ["a", "b", "c", "x".repeat(300)];

  it("counts the meta blob, the items with lists and the stock overlay as publish writes them, base64 text", () => {
    const footprint = kvFootprint("B1", ids, meta, blobs, ["c", "a"], 1_700_000_000);
    const values: Array<[string, string]> = [
      [metaKey("B1"), encodeBase64(meta)],
      [itemKey("B1", "a"), encodeBase64(blobs[0]!)],
      [itemKey("B1", "c"), encodeBase64(blobs[2]!)],
      [itemKey("B1", ids[3]), encodeBase64(blobs[3]!)],
      [CONFIG_KEYS.stock, JSON.stringify({ version: 1, updated_at: 1_700_000_000, out: ["a", "c"] })],
    ];
    expect(footprint).toEqual({
      keys: 5,
      bytes: values.reduce((sum, [k, v]) => sum + k.length + v.length, 0),
      largest_value_bytes: encodeBase64(blobs[2]!).length,
      largest_key: itemKey("B1", "c"),
    });
  });

  it("writes no stock overlay without a catalogue", () => {
    expect(kvFootprint("B1", ids, meta, blobs, undefined, 0).keys).toBe(4);
  });
});
