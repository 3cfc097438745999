/**
 * @module
 * Guards for JSON request bodies: 415 for anything but a JSON media type (parsed as RFC 9110 says,
 * `media-type.ts`), 413 past the size limit (checked on the declared length, and on the bytes read so far, so an
 * oversized body is never read in full). A JSON body goes on with the plain `application/json` content type, so
 * every later reader of the header agrees with this one.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env";
import { errorResponse } from "../errors";
import { isJsonMediaType, parseMediaType } from "./media-type";

export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const contentType = c.req.header("content-type");
    if (contentType === undefined || !isJsonMediaType(parseMediaType(contentType))) {
      return errorResponse(c, "unsupported_media_type", `Content-Type must be application/json, got ${contentType === undefined ? "none" : `"${contentType}"`}`);
    }
    if (contentType !== "application/json") {
      const headers = new Headers(c.req.raw.headers);
      headers.set("content-type", "application/json");
      c.req.raw = new Request(c.req.raw, { headers });
    }
    await next();
  };
}

export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => errorResponse(c, "payload_too_large", `request body exceeds ${maxBytes} bytes`),
  });
}
