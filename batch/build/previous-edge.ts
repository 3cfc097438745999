/**
 * @module
 * The blobs of the build a new build follows (`edgerec build --previous DIR`), read from its folder's edge.bin, so
 * the new build keeps those that serve alike where they live (`core/blob/blobs-kept.ts`). Up to IN_MEMORY_UP_TO
 * items they are held in memory; above, edge.bin is indexed (each blob's name, home, offset and length) and a blob
 * is read when asked for, so a million-product build holds names, not 7 GB of blobs. A process encoding part of
 * the build (`edge-workers.ts`) indexes only the names it judges.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import type { PreviousBlobs, PreviousEdge } from "../../core/blob/blobs-kept";
import { ByteReader, CorruptBlobError } from "../../core/blob/byte-reader";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { metaKey } from "../../core/keys";
import { readArtifacts, readManifest } from "./artifacts";
import { InputRejectedError } from "../io/input-error";
import { EdgePackError } from "./edge-pack";

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
  const artifacts = readArtifacts(at);
  let global: PreviousEdge["global"] | undefined;
  const blobs = new Map<string, { home: string; bytes: Uint8Array }>();
  for (const { key, bytes } of artifacts.edgeBlobs?.() ?? []) {
    if (key === metaKey(manifest.build_id)) {
      global = decodeMetaBlob(bytes);
      continue;
    }
    const slash = key.indexOf("/", 2);
    const name = key.slice(slash + 1);
    if (wanted(name)) blobs.set(name, { home: key.slice(2, slash), bytes: bytes.slice() });
  }
  if (global?.edge === undefined) return "its folder has no edge format to keep blobs of";
  return { folder: at, global, blobs };
}

/** Bytes read to parse one record's key and length (a key is at most 512 bytes). */
const HEADER_WINDOW = 1024;

function indexedEdge(folder: string, build: string, wanted: (name: string) => boolean): PreviousBuildEdge | string {
  const file = path.join(folder, "edge.bin");
  if (!existsSync(file)) return "its folder has no edge format to keep blobs of";
  const fd = openSync(file, "r");
  const size = fstatSync(fd).size;
  const window = new Uint8Array(HEADER_WINDOW);
  const entries = new Map<string, { home: string; offset: number; length: number }>();
  let global: PreviousEdge["global"] | undefined;
  try {
    let position = 4;
    let count = 0;
    for (;;) {
      const read = readSync(fd, window, 0, HEADER_WINDOW, position);
      const r = new ByteReader(window.subarray(0, read));
      const key = r.string();
      if (key.length === 0) {
        if (r.varint() !== count || position + r.offset !== size) throw new CorruptBlobError(`${file}: its end record does not match its ${count} blobs`);
        break;
      }
      const length = r.varint();
      const offset = position + r.offset;
      if (offset + length > size) throw new CorruptBlobError(`${file}: cut short in blob ${key}`);
      if (key === metaKey(build)) global = decodeMetaBlob(readAt(fd, offset, length));
      else {
        const slash = key.indexOf("/", 2);
        const name = key.slice(slash + 1);
        if (wanted(name)) entries.set(name, { home: key.slice(2, slash), offset, length });
      }
      position = offset + length;
      count++;
    }
  } catch (error) {
    closeSync(fd);
    if (error instanceof CorruptBlobError) throw new EdgePackError(error.message);
    throw error;
  }
  if (global?.edge === undefined) {
    closeSync(fd);
    return "its folder has no edge format to keep blobs of";
  }
  const blobs: PreviousBlobs = {
    get(name) {
      const entry = entries.get(name);
      return entry === undefined ? undefined : { home: entry.home, bytes: readAt(fd, entry.offset, entry.length) };
    },
    keys: () => entries.keys(),
  };
  return { folder, global, blobs };
}

function readAt(fd: number, offset: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, offset + done);
    if (read === 0) throw new CorruptBlobError(`edge.bin: cut short at ${offset + done}`);
    done += read;
  }
  return bytes;
}
