/**
 * @module
 * Base64url without padding (RFC 4648 section 5), for tokens that travel in JSON and URLs.
 */
import { decodeBase64, encodeBase64 } from "../blob/base64";

export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, "").replaceAll("+", "-").replaceAll("/", "_");
}

/** Throws CorruptBlobError on text that is not base64url. */
export function decodeBase64Url(text: string): Uint8Array {
  const standard = text.replaceAll("-", "+").replaceAll("_", "/");
  return decodeBase64(standard + "=".repeat((4 - (standard.length % 4)) % 4));
}
