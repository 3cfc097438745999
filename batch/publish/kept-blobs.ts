/**
 * @module
 * A build that keeps blobs where earlier builds wrote them (`core/blob/blob-homes.ts`) is published by writing only
 * its own: a kept blob is skipped when its home build is in this KV store (written completely, still kept, its global
 * blob there). Where a home is missing (another namespace, a purged build), its blobs are written under the new
 * build's own prefix and the global blob's table says so, so a publish never points at a key that is not there.
 * Purging a build deletes only the blobs no kept build names.
 */
import type { BlobHomes } from "../../core/blob/blob-homes";
import type { EdgeBlob } from "../../core/blob/edge-format";
import { decodeMetaBlob, encodeMetaBlob } from "../../core/blob/meta-blob";
import { decodeBase64 } from "../../core/blob/base64";
import { buildPrefix, metaKey, splitBuildKey } from "../../core/keys";
import { type BuildRecord, isRestorable } from "./build-history";
import type { ReleaseStore } from "./release-store";

/** How the blobs of a build reach the store: the global blob to write and, per blob, the key to write it under (undefined: already there). */
export interface KeptPlan {
  global: EdgeBlob;
  /** Home builds whose blobs are already in the store. */
  present: string[];
  /** Home builds whose blobs are written under the build's own prefix. */
  missing: string[];
  keyOf(blob: EdgeBlob): string | undefined;
}

export async function planKept(store: ReleaseStore, build: string, history: readonly BuildRecord[], global: EdgeBlob): Promise<KeptPlan> {
  const own = buildPrefix(build);
  const meta = decodeMetaBlob(global.bytes);
  const homes = meta.edge?.homes;
  if (homes === undefined) return { global, present: [], missing: [], keyOf: (blob) => blob.key };
  const others = homes.builds.slice(1);
  const restorable = new Set(history.filter(isRestorable).map((b) => b.id));
  const present: string[] = [];
  const missing: string[] = [];
  for (const home of others) (restorable.has(home) && (await store.getText(metaKey(home))) !== null ? present : missing).push(home);
  const keyOf = (blob: EdgeBlob): string | undefined => {
    if (blob.key.startsWith(own)) return blob.key;
    const { build: home, name } = splitBuildKey(blob.key);
    return present.includes(home) ? undefined : `${own}${name}`;
  };
  if (missing.length === 0) return { global, present, missing, keyOf };
  const table: BlobHomes = { builds: [build, ...present], buckets: Uint8Array.from(homes.buckets, (h) => Math.max(0, present.indexOf(homes.builds[h]) + 1)) };
  return { global: { key: global.key, bytes: encodeMetaBlob({ ...meta, edge: { ...meta.edge!, homes: table } }) }, present, missing, keyOf };
}

/** The blob homes of builds `ids` as their global blobs in the store say (a build without any, or without a global blob, names none). */
export async function homesOf(store: ReleaseStore, ids: readonly string[]): Promise<BlobHomes[]> {
  const out: BlobHomes[] = [];
  for (const id of ids) {
    const text = await store.getText(metaKey(id));
    if (text === null) continue;
    const homes = decodeMetaBlob(decodeBase64(text)).edge?.homes;
    if (homes !== undefined) out.push(homes);
  }
  return out;
}
