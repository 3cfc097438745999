/**
 * @module
 * `adminRoute()`: an admin route's config with what every admin route shares, stated once: the bearer check, the
 * OpenAPI `security` entry that documents it, and the JSON error answers it can give (401; 400 when it takes
 * input; 415 and 413 when it takes a JSON body, whose media type and size it then guards).
 */
import { createRoute, type RouteConfig, type z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { errorSchema } from "../schemas/recommendation-response";
import { adminAuth } from "./admin-auth";
import { limitBody, requireJsonBody } from "./json-body";

/** The OpenAPI security scheme of the admin token (registered by the app). */
export const BEARER_SCHEME = "bearer";

/** A documented JSON error answer (the error catalogue's body). */
export function errorAnswer(description: string) {
  return { description, content: { "application/json": { schema: errorSchema } } };
}

/** A required JSON request body, validated by `schema`. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { required: true, content: { "application/json": { schema } } };
}

const FAILURES = {
  400: errorAnswer("An invalid field"),
  401: errorAnswer("Missing or wrong admin token"),
  413: errorAnswer("Body too large"),
  415: errorAnswer("Not JSON"),
};

type AdminRouteConfig = Omit<RouteConfig, "path" | "security" | "middleware"> & {
  /** Set for a route with a JSON body: its size limit in bytes. */
  bodyLimit?: number;
};

export function adminRoute<P extends string, R extends AdminRouteConfig & { path: P }>({ bodyLimit, ...config }: R) {
  const guards: MiddlewareHandler<AppEnv>[] = [adminAuth()];
  const failures: Partial<typeof FAILURES> = { 401: FAILURES[401] };
  if (config.request !== undefined) failures[400] = FAILURES[400];
  if (bodyLimit !== undefined) {
    guards.push(requireJsonBody(), limitBody(bodyLimit));
    failures[413] = FAILURES[413];
    failures[415] = FAILURES[415];
  }
  const responses = { ...failures, ...config.responses } as R["responses"] & Pick<typeof FAILURES, 401>;
  return createRoute({ ...config, security: [{ [BEARER_SCHEME]: [] }], middleware: guards, responses });
}
