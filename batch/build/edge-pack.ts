/**
 * @module
 * `edge.bin`: the build's edge format (`core/blob/edge-format.ts`), every KV blob publish writes, encoded once when
 * the folder is written and streamed back by publish, so neither holds them all in memory nor encodes them twice:
 *
 *   "ERE" | version u8 | blobs: key string | length varint | bytes | ... | end: key "" | blob count varint
 *
 * Reading checks the end record (a file cut short is refused) and, when the manifest gives them, the size and
 * SHA-256 once the last blob is read: a caller writes the blobs under the build's own prefix and flips nothing
 * before the reader has finished.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { ByteReader, CorruptBlobError } from "../../core/blob/byte-reader";
import { InputRejectedError } from "../io/input-error";
import { ByteWriter } from "../../core/blob/byte-writer";
import type { EdgeBlob } from "../../core/blob/edge-format";
import { type PartSum, writeHashedFile } from "./hashed-file";

const MAGIC = [0x45, 0x52, 0x45]; // "ERE"
const VERSION = 1;
/** Bytes gathered before a write, and read at a time. */
const CHUNK = 4 * 1024 * 1024;

export interface EdgePackWritten extends PartSum {
  blobs: number;
}

/** Writes `blobs` to `file` (created or truncated), calling `seen` with each. */
export function writeEdgePack(file: string, blobs: Iterable<EdgeBlob>, seen: (blob: EdgeBlob) => void = () => {}): EdgePackWritten {
  let count = 0;
  const sum = writeHashedFile(file, (append) => {
    let w = new ByteWriter(CHUNK + 1024);
    for (const byte of MAGIC) w.u8(byte);
    w.u8(VERSION);
    for (const blob of blobs) {
      if (blob.key.length === 0) throw new RangeError("edge.bin: a blob without a key");
      seen(blob);
      w.string(blob.key).varint(blob.bytes.length).bytes(blob.bytes);
      count++;
      if (w.length >= CHUNK) {
        append(w.finish());
        w = new ByteWriter(CHUNK + 1024);
      }
    }
    w.string("").varint(count);
    append(w.finish());
  });
  return { ...sum, blobs: count };
}

/** Where one blob of an edge pack lies. */
export interface EdgePackEntry {
  key: string;
  offset: number;
  length: number;
}

/** Bytes read to parse one record's key and length (a key is at most 512 bytes). */
const HEADER_WINDOW = 1024;

/**
 * The blobs of the edge pack open as `fd` by position, record by record, without reading the blobs (`readEdgePackBlob`
 * reads one): for a caller that needs a few of millions. Checks the magic, the version and the end record; throws
 * EdgePackError on a short or altered file (the checksum is not computed).
 */
export function* edgePackEntries(fd: number, file: string): Generator<EdgePackEntry> {
  try {
    const size = fstatSync(fd).size;
    const window = new Uint8Array(HEADER_WINDOW);
    const head = new ByteReader(window.subarray(0, readSync(fd, window, 0, 4, 0)));
    for (const byte of MAGIC) if (head.u8() !== byte) throw new CorruptBlobError("bad magic");
    if (head.u8() !== VERSION) throw new CorruptBlobError("unsupported version");
    let position = 4;
    let count = 0;
    for (;;) {
      const r = new ByteReader(window.subarray(0, readSync(fd, window, 0, HEADER_WINDOW, position)));
      const key = r.string();
      if (key.length === 0) {
        if (r.varint() !== count || position + r.offset !== size) throw new CorruptBlobError(`its end record does not match its ${count} blobs`);
        return;
      }
      const length = r.varint();
      const offset = position + r.offset;
      if (offset + length > size) throw new CorruptBlobError(`cut short in blob ${key}`);
      yield { key, offset, length };
      position = offset + length;
      count++;
    }
  } catch (error) {
    if (error instanceof CorruptBlobError) throw new EdgePackError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The bytes of one blob `edgePackEntries` found. */
export function readEdgePackBlob(fd: number, entry: Pick<EdgePackEntry, "offset" | "length">): Uint8Array {
  const bytes = new Uint8Array(entry.length);
  let done = 0;
  while (done < entry.length) {
    const read = readSync(fd, bytes, done, entry.length - done, entry.offset + done);
    if (read === 0) throw new EdgePackError(`edge.bin: cut short at ${entry.offset + done}`);
    done += read;
  }
  return bytes;
}

/** An edge.bin that cannot be published: cut short, altered, or another build's. */
export class EdgePackError extends InputRejectedError {
  override name = "EdgePackError";
}

/** The blobs of `file` in the order written; throws EdgePackError on a short, altered or unknown file. */
export function* readEdgePack(file: string, expected?: { bytes: number; sha256: string }): Generator<EdgeBlob> {
  try {
    yield* readBlobs(file, expected);
  } catch (error) {
    if (error instanceof CorruptBlobError) throw new EdgePackError(`${file}: ${error.message}`);
    throw error;
  }
}

function* readBlobs(file: string, expected?: { bytes: number; sha256: string }): Generator<EdgeBlob> {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    if (expected !== undefined && size !== expected.bytes) throw new CorruptBlobError(`edge.bin: ${size} bytes, the manifest says ${expected.bytes}`);
    // Hashed only to check against the manifest: a build streaming its own children's parts has no sum to check.
    const hash = expected === undefined ? undefined : createHash("sha256");
    let buffer = new Uint8Array(0);
    let position = 0;
    let offset = 0;
    /** Makes at least `n` unread bytes available, or as many as the file has left. */
    const fill = (n: number) => {
      if (buffer.length - offset >= n) return;
      const rest = buffer.subarray(offset);
      const next = new Uint8Array(rest.length + Math.max(n, CHUNK));
      next.set(rest);
      let filled = rest.length;
      while (filled < next.length) {
        const read = readSync(fd, next, filled, next.length - filled, position);
        if (read === 0) break;
        hash?.update(next.subarray(filled, filled + read));
        position += read;
        filled += read;
      }
      buffer = next.subarray(0, filled);
      offset = 0;
    };
    const reader = (n: number) => {
      fill(n);
      return new ByteReader(buffer.subarray(offset));
    };
    fill(4);
    const head = reader(4);
    for (const byte of MAGIC) if (head.u8() !== byte) throw new CorruptBlobError("edge.bin: bad magic");
    if (head.u8() !== VERSION) throw new CorruptBlobError("edge.bin: unsupported version");
    offset += 4;
    let count = 0;
    for (;;) {
      // A key and a length take at most a few kilobytes; the blob is then made available whole.
      const r = reader(64 * 1024);
      const key = r.string();
      if (key.length === 0) {
        const written = r.varint();
        offset += r.offset;
        if (written !== count) throw new CorruptBlobError(`edge.bin: ends after ${count} blobs, its end record says ${written}`);
        if (buffer.length - offset !== 0 || position !== size) throw new CorruptBlobError("edge.bin: bytes after the end record");
        break;
      }
      const length = r.varint();
      const header = r.offset;
      fill(header + length);
      if (buffer.length - offset < header + length) throw new CorruptBlobError(`edge.bin: cut short in blob ${key}`);
      yield { key, bytes: buffer.slice(offset + header, offset + header + length) };
      offset += header + length;
      count++;
    }
    if (expected !== undefined && hash?.digest("hex") !== expected.sha256) throw new CorruptBlobError("edge.bin: does not match the manifest's checksum (another build's part, or changed since)");
  } finally {
    closeSync(fd);
  }
}
