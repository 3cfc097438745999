/**
 * @module
 * The blobs of the build a new build follows (`edgerec build --previous DIR`), read from its folder's edge.bin, so
 * the new build keeps those that serve alike where they live (`core/blob/blobs-kept.ts`). Up to IN_MEMORY_UP_TO
 * items they are held in memory; above, edge.bin is indexed (each blob's name, home, offset and length) and a blob
 * is read when asked for, so a million-product build holds names, not 7 GB of blobs. A process encoding part of
 * the build (`edge-workers.ts`) indexes only the names it judges.
 */
import { closeSync, existsSync, openSync, statSync } from "node:fs";
import path from "node:path";
import type { PreviousBlobs, PreviousEdge } from "../../core/blob/blobs-kept";
import { CorruptBlobError } from "../../core/blob/byte-reader";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { metaKey, splitBuildKey } from "../../core/keys";
import { edgeBlobsOfFolder, readManifest } from "./artifacts";
import { InputRejectedError } from "../io/input-error";
import { edgePackEntries, readEdgePackBlob } from "./edge-pack";

/** Items of a previous build whose blobs are held in memory; above, read from its edge.bin when asked for. */
const IN_MEMORY_UP_TO = 50_000;

/** A previous build's edge blobs, and the folder they are read from (the processes encoding parts of the build read it too). */
export interface PreviousBuildEdge extends PreviousEdge {
  folder: string;
}

/**
 * The previous build's edge blobs, or why it has none to keep (a manifest on its own, a folder without an edge
 * format); `wanted`: the names to index (all by default); `inMemoryUpTo`: items up to which they are held in memory.
 */
export function readPreviousEdge(at: string, wanted: (name: string) => boolean = () => true, inMemoryUpTo = IN_MEMORY_UP_TO): PreviousBuildEdge | string {
  if (!(existsSync(at) && statSync(at).isDirectory())) return "a manifest without its build folder: no blobs to keep";
  try {
    return readEdgeOf(at, wanted, inMemoryUpTo);
  } catch (error) {
    // A damaged previous folder costs the rebuild its savings, not the rebuild.
    if (error instanceof InputRejectedError || error instanceof CorruptBlobError) return `its edge.bin is unreadable (${error.message})`;
    throw error;
  }
}

function readEdgeOf(at: string, wanted: (name: string) => boolean, inMemoryUpTo: number): PreviousBuildEdge | string {
  const manifest = readManifest(at);
  const items = manifest.counts?.items;
  if (typeof items === "number" && items > inMemoryUpTo) return indexedEdge(at, manifest.build_id, wanted);
  let global: PreviousEdge["global"] | undefined;
  const blobs = new Map<string, { home: string; bytes: Uint8Array }>();
  for (const { key, bytes } of edgeBlobsOfFolder(at, manifest)?.() ?? []) {
    if (key === metaKey(manifest.build_id)) {
      global = decodeMetaBlob(bytes);
      continue;
    }
    const { build: home, name } = splitBuildKey(key);
    if (wanted(name)) blobs.set(name, { home, bytes: bytes.slice() });
  }
  if (global?.edge === undefined) return "its folder has no edge format to keep blobs of";
  return { folder: at, global, blobs };
}

function indexedEdge(folder: string, build: string, wanted: (name: string) => boolean): PreviousBuildEdge | string {
  const file = path.join(folder, "edge.bin");
  if (!existsSync(file)) return "its folder has no edge format to keep blobs of";
  const fd = openSync(file, "r");
  const entries = new Map<string, { home: string; offset: number; length: number }>();
  let global: PreviousEdge["global"] | undefined;
  try {
    for (const entry of edgePackEntries(fd, file)) {
      if (entry.key === metaKey(build)) global = decodeMetaBlob(readEdgePackBlob(fd, entry));
      else {
        const { build: home, name } = splitBuildKey(entry.key);
        if (wanted(name)) entries.set(name, { home, offset: entry.offset, length: entry.length });
      }
    }
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (global?.edge === undefined) {
    closeSync(fd);
    return "its folder has no edge format to keep blobs of";
  }
  const blobs: PreviousBlobs = {
    get(name) {
      const entry = entries.get(name);
      return entry === undefined ? undefined : { home: entry.home, bytes: readEdgePackBlob(fd, entry) };
    },
    keys: () => entries.keys(),
  };
  return { folder, global, blobs };
}
