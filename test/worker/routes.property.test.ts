/**
 * Generated requests against every operation `/openapi.json` documents (so a route added tomorrow is walked
 * too), with a live build and a catalogue in place: path and query values from plain to hostile, bodies from
 * well-formed to garbage under every kind of content type, with and without the admin token. Whatever comes in,
 * the answer is never a 5xx, its body is JSON, and it comes in under a second. 5,000 requests a run, all in one
 * isolate; the mean time per 500 requests is logged, and stays flat over the run (a few ms a request) as long as
 * @cloudflare/vitest-pool-workers is patched (scripts/patch-vitest-pool-workers.mjs): unpatched, every request
 * through `exports.default` adds a proxy that every later request walks, and a run dies of a stack overflow near
 * 1,800 requests.
 */
import { env, exports } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../core/events/event-schema";
import { PLACEMENTS } from "../../core/types";
import { IDS, shopBuild } from "../fixtures/shop-build";
import { RULES_SHOP } from "../fixtures/rules-shop";
import { insertProducts, publishBuild } from "./publish-build";

const ORIGIN = "http://edge.test";
const RUNS = 5_000;
const WINDOW = 500;
const BUILD = "prop-1";

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: unknown;
}

const openapi = (await (await exports.default.fetch(`${ORIGIN}/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(openapi.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })));

const hostile = fc.constantFrom("%", "_", "%_%", "\\", "'", '"', "' OR 1=1 --", "../../etc", "\u0000", "\u202e", "𝔘𝔫𝔦", "null", "-1", "1e309", "NaN", " ", "");
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }), hostile, fc.constantFrom(...IDS), fc.string({ minLength: 300, maxLength: 3000 }));
const number = fc.oneof(fc.integer({ min: -5, max: 300 }).map(String), fc.constantFrom("0", "1.5", "abc", "99999999999999999999"));
const idList = fc.array(fc.oneof(fc.constantFrom(...IDS), fc.string({ maxLength: 12 })), { maxLength: 260 }).map((ids) => ids.join(","));

const id = fc.oneof(fc.constantFrom(...IDS), fc.string({ maxLength: 30 }), hostile);
const recommendation = fc.record(
  {
    placement: fc.oneof(fc.constantFrom(...PLACEMENTS), fc.string()),
    cart: fc.array(id, { maxLength: 50 }),
    product_id: id,
    viewed: fc.array(fc.record({ id, dwell_ms: fc.oneof(fc.nat(), fc.integer()) }, { requiredKeys: ["id"] }), { maxLength: 20 }),
    owned: fc.array(id, { maxLength: 10 }),
    query: fc.oneof(fc.string(), hostile),
    category: fc.oneof(fc.string(), hostile, fc.constantFrom("Phones", "Phones > Cases")),
    price_sort: fc.constantFrom("asc", "desc", "up"),
    price_max: fc.oneof(fc.double(), fc.nat()),
    session_token: fc.oneof(fc.string(), fc.base64String()),
    k: fc.oneof(fc.integer({ min: -2, max: 60 }), fc.double()),
  },
  { requiredKeys: ["placement"] },
);
const event = fc.record(
  {
    event_id: id,
    type: fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.string()),
    session_id: id,
    ts: fc.oneof(fc.integer({ min: 0, max: 5_000_000_000 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    item_id: id,
    rec_id: id,
    query: fc.string(),
    dwell_ms: fc.integer(),
    items: fc.array(id, { maxLength: 110 }),
    order_id: id,
    lines: fc.array(fc.record({ id, qty: fc.integer({ min: -1, max: 20 }), price: fc.double() }, { requiredKeys: ["id"] }), { maxLength: 110 }),
  },
  { requiredKeys: ["event_id", "type", "session_id", "ts"] },
);
const jsonBody = fc.oneof(
  { weight: 3, arbitrary: recommendation.map((r) => JSON.stringify(r)) },
  { weight: 3, arbitrary: fc.oneof(event, fc.array(event, { maxLength: 12 }), fc.record({ events: fc.array(event, { maxLength: 12 }) })).map((e) => JSON.stringify(e)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom("", "{", "[]", "null", '{"placement":', "\ufeff{}", '{"a":1}garbage') },
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json",
  "application/json;",
  "application/json ; charset=utf-8",
  "application/json; charset",
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  undefined,
);

function requestFor(op: (typeof operations)[number]) {
  const params = op.operation.parameters ?? [];
  const values = fc.record(Object.fromEntries(params.filter((p) => p.in !== "header").map((p) => [`${p.in}:${p.name}`, p.name === "ids" ? idList : p.name === "limit" || p.name === "offset" || p.name === "days" ? number : text])), {
    requiredKeys: params.filter((p) => p.in === "path").map((p) => `path:${p.name}`),
  });
  return fc.record({
    values,
    body: op.operation.requestBody === undefined ? fc.option(jsonBody, { freq: 8 }) : jsonBody,
    contentType,
    admin: fc.boolean(),
  });
}

const request = fc.nat({ max: operations.length - 1 }).chain((index) => requestFor(operations[index]).map((r) => ({ index, ...r })));

/** Sends one generated request; the answer's status, content type and body, and how long it took. */
async function send(method: string, url: string, headers: Record<string, string>, body: string | undefined) {
  const started = performance.now();
  const response = await exports.default.fetch(url, { method, headers, body });
  const payload = await response.text();
  return { status: response.status, type: response.headers.get("content-type") ?? "", payload, elapsed: performance.now() - started };
}

describe("every documented route under generated requests", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, shopBuild(BUILD));
    await insertProducts(env.DB, RULES_SHOP, BUILD);
  });

  it(`answers ${RUNS} requests with no 5xx, a JSON body, in under a second each`, async () => {
    expect(operations.length).toBeGreaterThan(15);
    let slowest = 0;
    const windows: number[] = [];
    let windowTotal = 0;
    let sent = 0;
    const statuses = new Map<number, number>();
    const time = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ index, values, body, contentType: type, admin }) => {
        const op = operations[index];
        let path = op.path;
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(values) as Array<[string, string]>) {
          const [where, name] = key.split(":");
          if (where === "path") path = path.replace(`{${name}}`, encodeURIComponent(value) || "x");
          else query.set(name, value);
        }
        const headers: Record<string, string> = {};
        if (admin) headers.authorization = `Bearer ${env.ADMIN_TOKEN}`;
        if (type !== undefined && body !== null) headers["content-type"] = type;
        const sendsBody = body !== null && op.method !== "GET" && op.method !== "HEAD";
        const url = `${ORIGIN}${path}${query.size > 0 ? `?${query}` : ""}`;
        let answer = await send(op.method, url, headers, sendsBody ? body : undefined);
        // A stall of a busy machine is not the request's cost: a slow answer is timed up to twice more before it counts.
        for (let again = 0; again < 2 && answer.elapsed >= 1000; again++) answer = await send(op.method, url, headers, sendsBody ? body : undefined);
        slowest = Math.max(slowest, answer.elapsed);
        windowTotal += answer.elapsed;
        if (++sent % WINDOW === 0) {
          windows.push(windowTotal / WINDOW);
          windowTotal = 0;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        time.set(`${op.method} ${op.path}`, (time.get(`${op.method} ${op.path}`) ?? 0) + answer.elapsed);
        const where = `${op.method} ${url.slice(0, 200)} (${body?.length ?? 0}-character body, ${type}) -> ${answer.status}: ${answer.payload.slice(0, 300)}`;
        expect(answer.status, where).toBeLessThan(500);
        expect(answer.type, where).toMatch(/^application\/json/);
        expect(() => JSON.parse(answer.payload), where).not.toThrow();
        expect(answer.elapsed, where).toBeLessThan(1000);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log([...time].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([route, ms]) => `${route} ${ms.toFixed(0)} ms`).join("; "));
    expect(time.size, "every operation must be walked").toBe(operations.length);
    const ok = [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
    expect(ok, "some generated requests must be accepted, or the suite only tests refusals").toBeGreaterThan(RUNS / 10);
    console.log(`routes.property: ${RUNS} requests over ${operations.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}; slowest ${slowest.toFixed(0)} ms; mean ms per ${WINDOW}: ${windows.map((ms) => ms.toFixed(1)).join(", ")}`);
  }, 120_000);
});
