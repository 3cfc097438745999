/**
 * @module
 * Admin routes need `Authorization: Bearer <ADMIN_TOKEN>` (a Worker secret); anything else is a JSON 401.
 */
import type { MiddlewareHandler } from "hono";
import { timingSafeEqual } from "hono/utils/buffer";
import type { AppEnv } from "../app-env";
import { errorResponse } from "../errors";

export function adminAuth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const expected = c.env.ADMIN_TOKEN;
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!expected || match === null || !(await timingSafeEqual(match[1], expected))) {
      c.header("www-authenticate", 'Bearer realm="edgerec-admin"');
      return errorResponse(c, "unauthorized", "admin routes need Authorization: Bearer <ADMIN_TOKEN>");
    }
    await next();
  };
}
