import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_JSON } from "./requests";

const EDGE = "http://edge.test";

async function call(path: string, init: RequestInit = {}) {
  const response = await exports.default.fetch(`${EDGE}${path}`, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: body as { error?: { code: string; field?: string; message: string } } & Record<string, unknown> };
}

const recommend = (contentType: string) => call("/v1/recommendations", { method: "POST", headers: { "content-type": contentType }, body: JSON.stringify({ placement: "home" }) });

describe("media types are parsed as RFC 9110 says; a framework error is never a 500", () => {
  it("accepts an empty parameter, whitespace before ';' and a quoted charset", async () => {
    for (const type of ["application/json;", "application/json ; charset=utf-8", 'application/json; charset="UTF-8"', "Application/JSON", "application/problem+json"]) {
      expect((await recommend(type)).status, type).toBe(200);
    }
  });

  it("refuses a malformed or foreign media type with a JSON 415 on every JSON route", async () => {
    for (const type of ["application/json; charset", "application/json; =x", "application/jsonx", "text/json", "application/json/x"]) {
      const answer = await recommend(type);
      expect([answer.status, answer.body.error?.code], type).toEqual([415, "unsupported_media_type"]);
    }
    const events = await call("/v1/events", { method: "POST", headers: { "content-type": "application/json; charset" }, body: "{}" });
    expect(events.status).toBe(415);
    const admin = await call("/v1/admin/rules", { method: "POST", headers: { ...ADMIN_JSON, "content-type": "application/json; charset" }, body: "{}" });
    expect(admin.status).toBe(415);
  });
});

describe("every error is JSON", () => {
  it("a method a path does not take answers a JSON 404 or 405", async () => {
    for (const [path, method] of [["/v1/products", "POST"], ["/v1/products/p1", "DELETE"], ["/v1/recommendations", "GET"], ["/nowhere", "PATCH"]] as const) {
      const answer = await call(path, { method });
      expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      expect(answer.type, `${method} ${path}`).toContain("application/json");
      expect(answer.body.error?.code, `${method} ${path}`).toBeTypeOf("string");
    }
  });

  it("refuses a body over the limit with 413 before reading it in full, declared length or not", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`${" ".repeat(64 * 1024 - 1)}\n`);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const answer = await call("/v1/recommendations", { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    expect([answer.status, answer.body.error?.code]).toEqual([413, "payload_too_large"]);
    expect(pulled).toBeLessThan(1024 * 1024);
    const declared = await call("/v1/events", { method: "POST", headers: { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) }, body: "x".repeat(10 * 1024 * 1024) });
    expect(declared.status).toBe(413);
  });
});

describe("GET /v1/products", () => {
  beforeAll(async () => {
    const insert = env.DB.prepare("INSERT INTO products (id, title, category_id, price, attrs) VALUES (?1, ?2, ?3, ?4, '{}')");
    await env.DB.batch([
      ...Array.from({ length: 150 }, (_, i) => insert.bind(`sku-${i}`, `Widget ${i}`, "gadgets", 10 + i)),
      insert.bind("pct", "100% cotton sleeve", "sleeves", 5),
      insert.bind("under", "snake_case cable", "cables", 6),
    ]);
  });

  it("answers ids= with up to 200 ids (more than D1 binds in one statement)", async () => {
    for (const n of [99, 100, 150, 200]) {
      const ids = Array.from({ length: n }, (_, i) => `sku-${i}`);
      const answer = await call(`/v1/products?limit=200&ids=${ids.join(",")}`);
      expect(answer.status, `${n} ids`).toBe(200);
      expect((answer.body.products as unknown[]).length, `${n} ids`).toBe(Math.min(n, 150));
    }
  });

  it("reads %, _ and \\ as no wildcard in q and category", async () => {
    const ids = async (query: string) => ((await call(`/v1/products?${query}`)).body.products as Array<{ id: string }>).map((p) => p.id);
    expect(await ids("q=%25")).toEqual([]);
    expect(await ids("q=_")).toEqual([]);
    expect(await ids("q=%5C")).toEqual([]);
    expect(await ids("q=cotton%25")).toEqual(["pct"]);
    expect(await ids("q=snake_case")).toEqual(["under"]);
    expect(await ids("category=%25")).toEqual([]);
    expect(await ids("category=_adgets")).toEqual([]);
    expect((await ids("category=gadgets")).length).toBe(48);
  });
});
