/**
 * @module
 * FNV-1a (32 bit) over a byte range; blobs end with its low 16 bits so a flipped or truncated value is caught.
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

/** Appends the 16-bit checksum of `body`. */
export function sealBlob(body: Uint8Array): Uint8Array {
  const sealed = new Uint8Array(body.length + 2);
  sealed.set(body);
  const sum = fnv1a32(body) & 0xffff;
  sealed[body.length] = sum & 0xff;
  sealed[body.length + 1] = sum >> 8;
  return sealed;
}

/** Verifies the trailing checksum and returns the body without it. */
export function openBlob(sealed: Uint8Array, what: string): Uint8Array {
  if (sealed.length < 3) throw new CorruptBlobError(`${what}: blob of ${sealed.length} bytes is too short`);
  const end = sealed.length - 2;
  const expected = sealed[end] | (sealed[end + 1] << 8);
  if ((fnv1a32(sealed, 0, end) & 0xffff) !== expected) throw new CorruptBlobError(`${what}: checksum mismatch`);
  return sealed.subarray(0, end);
}
