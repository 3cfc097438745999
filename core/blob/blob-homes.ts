/**
 * @module
 * Where each blob of a build lives in KV. A rebuild that leaves a blob serving alike does not write it again: the
 * global blob names, per hash bucket of blob names (the key after `b/<build>/`), the build whose prefix holds that
 * bucket's blobs. Reuse is per bucket, so the table's size is fixed by the bucket count, not by the catalogue.
 *
 *   build count varint (1..255) | build ids (strings) | bucket count varint (a power of two) | per bucket, u8 index
 *   into the build ids
 */
import { type ByteReader, CorruptBlobError } from "./byte-reader";
import type { ByteWriter } from "./byte-writer";
import { splitBuildKey } from "../keys";
import { fnv1a32 } from "./checksum";

export interface BlobHomes {
  /** Builds whose prefixes hold blobs of this one; the first is the build itself. */
  builds: string[];
  /** Per bucket, index into `builds`; its length is a power of two. */
  buckets: Uint8Array;
}

/**
 * Buckets at most: 512 KiB in the global blob (683 KiB as base64, beside its own 224 KiB at a million products:
 * under the 1 MiB a value may take), so that a million blobs share a bucket by about two: a bucket is kept only
 * when all its blobs are (at 262,144 buckets a million-product rebuild wrote 44% of its keys).
 */
export const MAX_HOME_BUCKETS = 1 << 19;
/** Builds a table can name (one byte per bucket). */
export const MAX_HOME_BUILDS = 255;

const encoder = new TextEncoder();

/** The bucket of a blob name (a key after its build prefix). */
export function homeBucket(name: string, buckets: number): number {
  return fnv1a32(encoder.encode(name)) & (buckets - 1);
}

/** Buckets for a build of `blobs` blobs: a power of two with room for most blobs to have a bucket of their own. */
export function homeBucketsFor(blobs: number): number {
  let buckets = 256;
  while (buckets < blobs * 8 && buckets < MAX_HOME_BUCKETS) buckets *= 2;
  return buckets;
}

/** The KV key of `key` (a key under the build's own prefix, `b/<build>/<name>`) where `homes` says it lives. */
export function homedKey(homes: BlobHomes | undefined, key: string): string {
  if (homes === undefined) return key;
  const { name } = splitBuildKey(key);
  const home = homes.builds[homes.buckets[homeBucket(name, homes.buckets.length)]];
  return home === homes.builds[0] ? key : `b/${home}/${name}`;
}

/** Whether `homes` reads the blob named `name` (a key after its build prefix) under the prefix of build `build`. */
export function readsUnder(homes: BlobHomes, build: string, name: string): boolean {
  return homes.builds[homes.buckets[homeBucket(name, homes.buckets.length)]] === build;
}

export function writeBlobHomes(w: ByteWriter, homes: BlobHomes): void {
  const { builds, buckets } = homes;
  if (builds.length < 1 || builds.length > MAX_HOME_BUILDS) throw new RangeError(`blob homes name ${builds.length} builds (1 to ${MAX_HOME_BUILDS})`);
  if (buckets.length < 1 || buckets.length > MAX_HOME_BUCKETS || (buckets.length & (buckets.length - 1)) !== 0) throw new RangeError(`blob homes: ${buckets.length} buckets is not a power of two up to ${MAX_HOME_BUCKETS}`);
  w.varint(builds.length);
  for (const build of builds) w.string(build);
  w.varint(buckets.length);
  for (const home of buckets) {
    if (home >= builds.length) throw new RangeError(`blob homes: bucket home ${home} of ${builds.length} builds`);
    w.u8(home);
  }
}

export function readBlobHomes(r: ByteReader): BlobHomes {
  const count = r.varint();
  if (count < 1 || count > MAX_HOME_BUILDS) throw new CorruptBlobError(`blob homes: ${count} builds`);
  const builds = Array.from({ length: count }, () => r.string());
  const size = r.varint();
  if (size < 1 || size > MAX_HOME_BUCKETS || (size & (size - 1)) !== 0) throw new CorruptBlobError(`blob homes: ${size} buckets`);
  r.expect(size, "blob homes buckets", 1);
  const buckets = new Uint8Array(size);
  for (let b = 0; b < size; b++) {
    const home = r.u8();
    if (home >= count) throw new CorruptBlobError(`blob homes: bucket ${b} names build ${home} of ${count}`);
    buckets[b] = home;
  }
  return { builds, buckets };
}
