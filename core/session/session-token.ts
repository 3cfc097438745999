/**
 * @module
 * The signed session token: `base64url(payload) "." base64url(tag)`, where tag is HMAC-SHA256(secret, payload)
 * cut to 16 bytes (crypto.subtle, so it runs in workerd and Node alike). The payload is binary:
 *
 *   version u8 (= 1) | expires varint (unix s) | started varint | pages varint
 *   viewed count varint, each: id string | dwell varint (whole seconds)
 *   shown count varint, each: id hash u32 | answers u8
 *
 * A token that is malformed, signed with another secret, of another version or past `expires` opens as null:
 * the caller starts a new session rather than failing the request.
 */
import { ByteReader } from "../blob/byte-reader";
import { ByteWriter } from "../blob/byte-writer";
import type { ViewedItem } from "../request-schema";
import { decodeBase64Url, encodeBase64Url } from "./base64url";
import { SESSION_LIMITS, type SessionState } from "./session-state";

const SESSION_TOKEN_VERSION = 1;
/** A session ends after this long without an answer. */
const SESSION_TTL_SECONDS = 30 * 60;
const TAG_BYTES = 16;
const encoder = new TextEncoder();

export async function sessionKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

export async function sealSessionToken(state: SessionState, key: CryptoKey, nowSeconds: number, ttlSeconds = SESSION_TTL_SECONDS): Promise<string> {
  const payload = encodeSessionPayload(state, Math.floor(nowSeconds + ttlSeconds));
  return `${encodeBase64Url(payload)}.${encodeBase64Url(await tag(key, payload))}`;
}

export async function openSessionToken(token: string, key: CryptoKey, nowSeconds: number): Promise<SessionState | null> {
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return null;
  let payload: Uint8Array;
  let given: Uint8Array;
  try {
    payload = decodeBase64Url(token.slice(0, dot));
    given = decodeBase64Url(token.slice(dot + 1));
  } catch {
    return null;
  }
  if (given.length !== TAG_BYTES || !constantTimeEqual(given, await tag(key, payload))) return null;
  try {
    const { expires, state } = decodeSessionPayload(payload);
    return expires > nowSeconds ? state : null;
  } catch {
    return null;
  }
}

function encodeSessionPayload(state: SessionState, expires: number): Uint8Array {
  const w = new ByteWriter(128);
  w.u8(SESSION_TOKEN_VERSION).varint(expires).varint(Math.max(0, Math.floor(state.started))).varint(state.pages);
  const viewed = state.viewed.slice(-SESSION_LIMITS.viewed);
  w.varint(viewed.length);
  for (const view of viewed) w.string(view.id).varint(Math.round((view.dwell_ms ?? 0) / 1000));
  const shown = [...state.shown].slice(-SESSION_LIMITS.shown);
  w.varint(shown.length);
  for (const [hash, count] of shown) {
    w.u16(hash & 0xffff).u16(hash >>> 16).u8(Math.min(SESSION_LIMITS.count, count));
  }
  return w.finish();
}

export function decodeSessionPayload(payload: Uint8Array): { expires: number; state: SessionState } {
  const r = new ByteReader(payload);
  if (r.u8() !== SESSION_TOKEN_VERSION) throw new RangeError("session token of another version");
  const expires = r.varint();
  const started = r.varint();
  const pages = r.varint();
  const viewedCount = Math.min(r.varint(), SESSION_LIMITS.viewed);
  const viewed: ViewedItem[] = [];
  for (let i = 0; i < viewedCount; i++) {
    const id = r.string();
    const seconds = r.varint();
    viewed.push(seconds > 0 ? { id, dwell_ms: seconds * 1000 } : { id });
  }
  const shownCount = Math.min(r.varint(), SESSION_LIMITS.shown);
  const shown = new Map<number, number>();
  for (let i = 0; i < shownCount; i++) {
    const hash = (r.u16() | (r.u16() << 16)) >>> 0;
    shown.set(hash, r.u8());
  }
  if (!r.done) throw new RangeError("session token has trailing bytes");
  return { expires, state: { started, pages, viewed, shown } };
}

async function tag(key: CryptoKey, payload: Uint8Array): Promise<Uint8Array> {
  const mac = await crypto.subtle.sign("HMAC", key, payload as Uint8Array<ArrayBuffer>);
  return new Uint8Array(mac, 0, TAG_BYTES);
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}
