/**
 * @module
 * The fingerprint of an event as validated (unknown fields dropped, keys in schema order): two 32-bit hashes of
 * its JSON (CRC-32 and FNV-1a over the UTF-8), as 16 hex digits. An `event_id` is an idempotency key: sent again
 * with the same fingerprint it is a duplicate, with another it is a conflict.
 */
import { crc32, fnv1a32 } from "../blob/checksum";
import type { StorefrontEvent } from "./event-schema";

const encoder = new TextEncoder();

export function eventFingerprint(event: StorefrontEvent): string {
  const bytes = encoder.encode(JSON.stringify(event));
  return hex(crc32(bytes)) + hex(fnv1a32(bytes));
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}
