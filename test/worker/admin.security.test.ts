/**
 * Every operation `/openapi.json` marks with bearer security refuses a request without the right admin token
 * with a JSON 401, before it reads its input: no token, a wrong token of the same length, and tokens one
 * character longer and shorter. The routes come from the document, so a route added tomorrow is walked too.
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BEARER_SCHEME } from "../../worker/middleware/admin-route";

interface Operation {
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
}

const ORIGIN = "http://edge.test";
const openapi = (await (await exports.default.fetch(`${ORIGIN}/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(openapi.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })));
const secured = operations.filter(({ operation }) => operation.security?.some((requirement) => BEARER_SCHEME in requirement));

const token = env.ADMIN_TOKEN;
const TOKENS: Array<[string, string | undefined]> = [
  ["no token", undefined],
  ["a wrong token of the same length", [...token].map((ch) => (ch === "x" ? "y" : "x")).join("")],
  ["a token one character longer", `${token}x`],
  ["a token one character shorter", token.slice(0, -1)],
];

function call(method: string, path: string, operation: Operation, bearer: string | undefined, init: { body?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = {};
  if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
  const body = operation.requestBody === undefined ? undefined : (init.body ?? "{}");
  if (body !== undefined) headers["content-type"] = init.contentType ?? "application/json";
  return exports.default.fetch(`${ORIGIN}${path.replace(/\{\w+\}/g, "any-value")}`, { method, headers, body });
}

async function errorCode(response: Response): Promise<string> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("bearer-protected routes, as /openapi.json lists them", () => {
  it("covers every admin route, the metrics and the reports", () => {
    const names = secured.map(({ method, path }) => `${method} ${path}`);
    const admin = operations.filter(({ path }) => path.startsWith("/v1/admin/") || path === "/v1/metrics" || path === "/v1/reports").map(({ method, path }) => `${method} ${path}`);
    expect(admin.length).toBeGreaterThanOrEqual(13);
    expect(names.sort()).toEqual(admin.sort());
  });

  describe.each(secured)("$method $path", ({ method, path, operation }) => {
    it.each(TOKENS)("401 with a JSON error for %s", async (_, bearer) => {
      expect(bearer).not.toBe(token);
      const response = await call(method, path, operation, bearer);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(await errorCode(response)).toBe("unauthorized");
    });

    it("passes the right token on to the route", async () => {
      const response = await call(method, path, operation, token);
      expect(response.status).not.toBe(401);
      await response.body?.cancel();
    });

    it.runIf(operation.requestBody !== undefined)("guards its JSON body: 415 for another media type, 413 past the size limit", async () => {
      const text = await call(method, path, operation, token, { contentType: "text/plain" });
      expect([text.status, await errorCode(text)]).toEqual([415, "unsupported_media_type"]);
      const huge = await call(method, path, operation, token, { body: JSON.stringify({ padding: "x".repeat(1 << 20) }) });
      expect([huge.status, await errorCode(huge)]).toEqual([413, "payload_too_large"]);
    });
  });
});
