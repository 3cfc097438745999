/**
 * @module
 * What publishing a build writes to KV, counted as the build's folder is written (`edge.bin`), for the manifest
 * (`kv`): the blobs of its edge format (`core/blob/edge-format.ts`: the global blob, one blob per item, the
 * directory shards, model and category blobs) as base64 text under the build's prefix, and the stock overlay when the build has a catalogue (`batch/publish/publish.ts` writes exactly
 * these; the `live` pointer flip is one more write). Bytes are key plus value lengths, as publish reports them; KV
 * refuses values over 25 MiB.
 */

import { anchorBlobs, type EdgeBlob, type EdgeOptions, edgeBlobs, groupBlobs, type KeptPart } from "../../core/blob/edge-format";
import { decodeItemBlob, type ItemLists } from "../../core/blob/item-blob";
import type { BuildMeta } from "../../core/blob/meta-blob";
import { publishedStockOverlay } from "../../core/catalog/stock-overlay";
import { buildPrefix, CONFIG_KEYS } from "../../core/keys";

export interface KvFootprint {
  keys: number;
  bytes: number;
  largest_value_bytes: number;
  largest_key: string;
  /** Blobs the build keeps where an earlier build wrote them (not written again, not counted above); absent when it keeps none. */
  kept_keys?: number;
}

/** Length of the base64 text of n bytes. */
function base64Length(n: number): number {
  return 4 * Math.ceil(n / 3);
}

/** The edge format's blobs of a full build: its meta and its item blobs (by dictionary index, undefined: no lists). */
/** The edge format's blobs; `apart` gives the anchors and group blobs encoded elsewhere (`edge-workers.ts`). */
export function edgeBlobsOf(meta: BuildMeta, itemBlobs: ReadonlyArray<Uint8Array | undefined>, apart: Pick<EdgeOptions, "anchors" | "groups" | "previous" | "homes"> = {}): Generator<EdgeBlob> {
  return edgeBlobs(meta, listsOf(meta, itemBlobs), apart);
}

/** The directory shards, model and category blobs: the part of `edgeBlobsOf` after the anchors, encoded apart. */
export function groupBlobsOf(meta: BuildMeta, itemBlobs: ReadonlyArray<Uint8Array | undefined>, kept?: KeptPart): Generator<EdgeBlob> {
  return groupBlobs(meta, listsOf(meta, itemBlobs), kept);
}

/** The anchor blobs of items `from` to `to` (excluded): a part of `edgeBlobsOf` encoded apart (`edge-workers.ts`). */
export function anchorBlobsOf(meta: BuildMeta, itemBlobs: ReadonlyArray<Uint8Array | undefined>, from: number, to: number, kept?: KeptPart): Generator<EdgeBlob> {
  return anchorBlobs(meta, listsOf(meta, itemBlobs), from, to, kept);
}

function listsOf(meta: BuildMeta, itemBlobs: ReadonlyArray<Uint8Array | undefined>): (item: number) => ItemLists | undefined {
  const bounds = { items: meta.items.length, reasons: meta.reasons.length };
  return (item) => {
    const blob = itemBlobs[item];
    return blob === undefined ? undefined : decodeItemBlob(blob, bounds);
  };
}

export function kvFootprint(blobs: Iterable<EdgeBlob>, outOfStock: readonly string[] | undefined, now: number, buildId: string): KvFootprint {
  const counter = new KvCounter(buildId);
  for (const blob of blobs) counter.add(blob);
  return counter.finish(outOfStock, now, buildId);
}

/** `kvFootprint` one blob at a time, for a caller that streams the blobs elsewhere. */
export class KvCounter {
  private readonly footprint: KvFootprint = { keys: 0, bytes: 0, largest_value_bytes: 0, largest_key: "" };
  private kept = 0;
  private readonly prefix: string;

  /** `buildId`: the build whose own keys are counted; a blob under another build's prefix is one it keeps. */
  constructor(buildId: string) {
    this.prefix = buildPrefix(buildId);
  }

  add({ key, bytes }: EdgeBlob): void {
    if (key.startsWith(this.prefix)) this.count(key, base64Length(bytes.length));
    else this.kept++;
  }

  finish(outOfStock: readonly string[] | undefined, now: number, buildId: string): KvFootprint {
    if (outOfStock !== undefined) this.count(CONFIG_KEYS.stock, JSON.stringify(publishedStockOverlay(outOfStock, now, buildId)).length);
    return { ...this.footprint, ...(this.kept > 0 ? { kept_keys: this.kept } : {}) };
  }

  private count(key: string, valueLength: number): void {
    const footprint = this.footprint;
    footprint.keys++;
    footprint.bytes += key.length + valueLength;
    if (valueLength > footprint.largest_value_bytes) {
      footprint.largest_value_bytes = valueLength;
      footprint.largest_key = key;
    }
  }
}
