/**
 * @module
 * What publishing a build writes to KV, counted at build time for the manifest (`kv`): the meta blob and one blob
 * per item with lists, as base64 text under the build's prefix, and the stock overlay when the build has a
 * catalogue (`batch/publish/publish.ts` writes exactly these; the `live` pointer flip is one more write). Bytes
 * are key plus value lengths, as publish reports them; KV refuses values over 25 MiB.
 */
import { stockOverlay } from "../../core/catalog/stock-overlay";
import { CONFIG_KEYS, itemKey, metaKey } from "../../core/keys";

export interface KvFootprint {
  keys: number;
  bytes: number;
  largest_value_bytes: number;
  largest_key: string;
}

/** Length of the base64 text of n bytes. */
function base64Length(n: number): number {
  return 4 * Math.ceil(n / 3);
}

export function kvFootprint(
  buildId: string,
  itemIds: readonly string[],
  meta: Uint8Array,
  itemBlobs: ReadonlyArray<Uint8Array | undefined>,
  outOfStock: readonly string[] | undefined,
  now: number,
): KvFootprint {
  const footprint: KvFootprint = { keys: 0, bytes: 0, largest_value_bytes: 0, largest_key: "" };
  const add = (key: string, valueLength: number) => {
    footprint.keys++;
    footprint.bytes += key.length + valueLength;
    if (valueLength > footprint.largest_value_bytes) {
      footprint.largest_value_bytes = valueLength;
      footprint.largest_key = key;
    }
  };
  add(metaKey(buildId), base64Length(meta.length));
  itemBlobs.forEach((blob, i) => {
    if (blob !== undefined) add(itemKey(buildId, itemIds[i]), base64Length(blob.length));
  });
  if (outOfStock !== undefined) add(CONFIG_KEYS.stock, JSON.stringify(stockOverlay(outOfStock, now)).length);
  return footprint;
}
