/**
 * @module
 * Blob checksums. A blob ends with the CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, the checksum of zip
 * and PNG) of everything before it, little-endian: every burst of up to 32 flipped bits is caught, and random
 * corruption passes with probability 2^-32. Blobs of format version 1 ended with the low 16 bits of FNV-1a
 * instead; they are still read. FNV-1a also names long item ids in KV keys (`core/keys.ts`).
 */
import { CorruptBlobError } from "./byte-reader";

export function fnv1a32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Slicing-by-4 tables: T[k][b] is the CRC of byte b followed by k zero bytes. */
const CRC_TABLES = (() => {
  const tables = new Int32Array(4 * 256);
  for (let b = 0; b < 256; b++) {
    let c = b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[b] = c;
  }
  for (let b = 0; b < 256; b++) {
    for (let k = 1; k < 4; k++) tables[k * 256 + b] = (tables[(k - 1) * 256 + b] >>> 8) ^ tables[tables[(k - 1) * 256 + b] & 0xff];
  }
  return tables;
})();

/** CRC-32 of `bytes[start .. end)`, four bytes a step. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    c ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    c = t[768 + (c & 0xff)] ^ t[512 + ((c >>> 8) & 0xff)] ^ t[256 + ((c >>> 16) & 0xff)] ^ t[c >>> 24];
  }
  for (; i < end; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** How a blob's body is sealed: `crc32` (format version 2 on) or the 16-bit FNV-1a of version 1. */
export type Seal = "crc32" | "fnv16";

const SEAL_BYTES: Record<Seal, number> = { crc32: 4, fnv16: 2 };

/** Appends the CRC-32 of `body`. */
export function sealBlob(body: Uint8Array): Uint8Array {
  const sealed = new Uint8Array(body.length + 4);
  sealed.set(body);
  new DataView(sealed.buffer).setUint32(body.length, crc32(body), true);
  return sealed;
}

/** Verifies the trailing checksum and returns the body without it. */
export function openBlob(sealed: Uint8Array, what: string, seal: Seal = "crc32"): Uint8Array {
  const width = SEAL_BYTES[seal];
  if (sealed.length <= width) throw new CorruptBlobError(`${what}: blob of ${sealed.length} bytes is too short`);
  const end = sealed.length - width;
  const view = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const ok = seal === "crc32" ? crc32(sealed, 0, end) === view.getUint32(end, true) : (fnv1a32(sealed, 0, end) & 0xffff) === view.getUint16(end, true);
  if (!ok) throw new CorruptBlobError(`${what}: checksum mismatch`);
  return sealed.subarray(0, end);
}
