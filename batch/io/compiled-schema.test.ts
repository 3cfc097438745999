import { describe, expect, it } from "vitest";
import { z } from "zod";
import { eventLineSchema, eventSchema } from "../../core/events/event-schema";
import { orderLineSchema } from "../../core/input/order-line";
import { recommendationRequestSchema } from "../../core/request-schema";
import { compileSchema, REFUSED } from "./compiled-schema";

/** Every value of `pool` put in place of each field (and array element) of `sample`, one at a time, at any depth. */
function mutations(sample: unknown, pool: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  if (Array.isArray(sample)) {
    sample.forEach((item, i) => {
      for (const variant of [...pool, ...mutations(item, pool)]) out.push(sample.map((x, j) => (j === i ? variant : x)));
      out.push(sample.filter((_, j) => j !== i));
    });
  } else if (typeof sample === "object" && sample !== null) {
    for (const [key, value] of Object.entries(sample)) {
      for (const variant of [...pool, ...mutations(value, pool)]) out.push({ ...sample, [key]: variant });
      const { [key]: _, ...rest } = sample as Record<string, unknown>;
      out.push(rest);
    }
  }
  return out;
}

const POOL = [null, "", "x", "é", "😀", " a ", 0, -1, 1, 1.5, 2 ** 53, 1e12, true, [], {}, ["a"], [{ id: "a" }], "2026-05-01T10:00:00Z", "yesterday", "view", "purchase"];

/** The compiled schema accepts exactly what zod accepts, and returns exactly what zod returns. */
function expectSameAsZod(schema: z.ZodType, inputs: readonly unknown[]): void {
  const compiled = compileSchema(schema);
  expect(compiled).toBeDefined();
  for (const input of inputs) {
    const parsed = schema.safeParse(input);
    const out = compiled!(input);
    if (parsed.success) expect(out, JSON.stringify(input)).toStrictEqual(parsed.data);
    else expect(out, JSON.stringify(input)).toBe(REFUSED);
  }
}

describe("compileSchema", () => {
  it("agrees with zod on the orders line contract, for every mutation of real-looking lines", () => {
    const samples = [
      { order_id: "a", user_id: "u1", ts: "2026-05-01T10:00:00Z", items: ["x", { id: "y", qty: 2, price: 9.5 }, { id: "x", qty: 3 }] },
      { basket_id: 7, ts: 1780000000, items: ["y", 12], sequence: ["y"], ratings: [5] },
      { order_id: "b", user_id: null, ts: null, items: [{ id: "z", price: null }] },
    ];
    const inputs = samples.flatMap((s) => [s, ...mutations(s, POOL)]);
    expect(inputs.length).toBeGreaterThan(500);
    expectSameAsZod(orderLineSchema, inputs);
  });

  it("agrees with zod on events (HTTP and file lines) and on recommendation requests", () => {
    const events = [
      { event_id: "e1", type: "view", session_id: "s", ts: 1780000000, item_id: "a", dwell_ms: 4000, extra: 1 },
      { event_id: "e2", type: "purchase", session_id: "s", user_id: "u", ts: "2026-05-01T10:00:00Z", order_id: "o", lines: [{ id: "a", qty: 2, price: 9, rec_id: "r", slot: "cross_sell" }] },
      { event_id: "e3", type: "purchase", session_id: "s", ts: 1780000000, order_value: 10 },
      { event_id: "e4", type: "click", session_id: "s", ts: 1780000000, rec_id: "r", item_id: "a", position: 0, slot: "down_sell", variant: "exp/a" },
      { event_id: "e5", type: "impression", session_id: "s", ts: 1780000000, rec_id: "r", items: ["a", "b"] },
      { event_id: "e6", type: "search", session_id: "s", ts: 1780000000, query: "usb-c" },
    ];
    const eventInputs = events.flatMap((e) => [e, ...mutations(e, POOL)]);
    expectSameAsZod(eventSchema, eventInputs);
    expectSameAsZod(eventLineSchema, eventInputs);
    const request = { placement: "product", session_id: "s", cart: ["a", "b"], product_id: "p", viewed: [{ id: "a", dwell_ms: 100 }], k: 4, price_sort: "asc", session_token: "ab.cd" };
    expectSameAsZod(recommendationRequestSchema, [request, ...mutations(request, POOL)]);
  });

  it("runs zod's own checks: code-point lengths, integers given as a schema, rewriting checks, refinements", () => {
    expectSameAsZod(z.string().min(2).max(3), ["ab", "😀", "😀😀", "😀😀😀😀", "abcd", "a"]);
    expectSameAsZod(z.object({ n: z.int().min(0), s: z.string().trim().toLowerCase() }), [{ n: 1, s: " AB " }, { n: 1.5, s: "a" }, { n: -1, s: "a" }, { n: 2 ** 53, s: "a" }]);
    expectSameAsZod(z.object({ a: z.number().optional(), b: z.number().optional() }).refine((o) => o.a !== undefined || o.b !== undefined, { path: ["a"] }), [{}, { a: 1 }, { b: 2 }, { a: "1" }]);
    expectSameAsZod(z.object({ t: z.transform((v: unknown) => (v === undefined ? "absent" : v)) }), [{}, { t: 1 }]);
    expectSameAsZod(z.discriminatedUnion("k", [z.object({ k: z.literal("a"), x: z.number() }), z.object({ k: z.literal("b"), x: z.string() })]), [{ k: "a", x: 1 }, { k: "b", x: 1 }, { k: "c" }, { k: "b", x: "s", y: 1 }]);
    expectSameAsZod(z.array(z.enum(["a", "b"])).min(1).max(2), [[], ["a"], ["a", "b", "a"], ["c"], "a"]);
  });

  it("leaves to zod what it does not compile", () => {
    expect(compileSchema(z.record(z.string(), z.unknown()))).toBeUndefined();
    expect(compileSchema(z.object({ a: z.number().default(1) }))).toBeUndefined();
    expect(compileSchema(z.coerce.number())).toBeUndefined();
    expect(compileSchema(z.xor([z.string(), z.number()]))).toBeUndefined();
    expect(compileSchema(z.looseObject({ a: z.string() }))).toBeUndefined();
  });
});
