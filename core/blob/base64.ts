/**
 * @module
 * Base64 for blobs stored as KV text values (bulk KV reads return text only). Decoding uses the runtime's
 * `Uint8Array.fromBase64` where it exists (workerd), else a table-driven loop (Node 20): the same bytes, and bad lengths, characters and whitespace refused by both
 * (test/worker/base64.test.ts runs the native one).
 */
import { CorruptBlobError } from "./byte-reader";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 3 * 4096;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    const codes: number[] = [];
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      codes.push(ALPHABET.charCodeAt(n >> 18), ALPHABET.charCodeAt((n >> 12) & 63), ALPHABET.charCodeAt((n >> 6) & 63), ALPHABET.charCodeAt(n & 63));
    }
    if (i < end) {
      const n = (bytes[i] << 16) | (i + 1 < end ? bytes[i + 1] << 8 : 0);
      codes.push(ALPHABET.charCodeAt(n >> 18), ALPHABET.charCodeAt((n >> 12) & 63));
      codes.push(i + 1 < end ? ALPHABET.charCodeAt((n >> 6) & 63) : 61, 61);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/** The runtime's own decoder where it has one (`Uint8Array.fromBase64`: workerd does, Node 20 does not). */
const native = (Uint8Array as unknown as { fromBase64?: (text: string, options: { lastChunkHandling: "strict" }) => Uint8Array }).fromBase64;

export function decodeBase64(text: string): Uint8Array {
  let length = text.length;
  if (length % 4 !== 0) throw new CorruptBlobError("base64 length is not a multiple of 4");
  let padding = 0;
  if (length > 0 && text.charCodeAt(length - 1) === 61) padding++;
  if (length > 1 && text.charCodeAt(length - 2) === 61) padding++;
  const expected = (length / 4) * 3 - padding;
  if (native !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = native(text, { lastChunkHandling: "strict" });
    } catch {
      throw new CorruptBlobError("invalid base64");
    }
    // The native decoder skips ASCII whitespace; this one refuses it, as the fallback below does.
    if (bytes.length !== expected) throw new CorruptBlobError("invalid base64");
    return bytes;
  }
  const out = new Uint8Array(expected);
  length -= padding;
  let o = 0;
  for (let i = 0; i < length; i += 4) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = i + 2 < length ? sextet(text, i + 2) : 0;
    const d = i + 3 < length ? sextet(text, i + 3) : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

function sextet(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const value = code < 128 ? DECODE[code] : -1;
  if (value < 0) throw new CorruptBlobError(`invalid base64 character at ${i}`);
  return value;
}
