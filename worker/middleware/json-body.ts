/**
 * @module
 * Guards for JSON request bodies: 415 for another media type, 413 past the size limit (checked on the declared
 * length and again on the bytes actually read).
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env";
import { errorResponse } from "../errors";

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const contentType = c.req.header("content-type");
    const mediaType = contentType?.split(";")[0].trim() ?? "";
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      return errorResponse(c, "unsupported_media_type", `Content-Type must be application/json, got ${contentType === undefined ? "none" : `"${contentType}"`}`);
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
