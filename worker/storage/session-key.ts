/**
 * @module
 * The isolate's HMAC key for session tokens, imported once per secret.
 */
import { sessionKey } from "../../core/session/session-token";

const keys = new Map<string, Promise<CryptoKey>>();

/** Undefined when no SESSION_SECRET is configured: the worker then issues no session tokens. */
export function sessionKeyFor(secret: string | undefined): Promise<CryptoKey> | undefined {
  if (secret === undefined || secret.length === 0) return undefined;
  let key = keys.get(secret);
  if (key === undefined) keys.set(secret, (key = sessionKey(secret)));
  return key;
}
