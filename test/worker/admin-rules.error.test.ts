import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN_JSON } from "./requests";

const RULES = "http://edge.test/v1/admin/rules";

async function problem(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: { code: string; field?: string } } };
}

describe("admin rules refuse bad input with a JSON error naming the field", () => {
  it("400 for an unknown action, a bad match field, a bad window, a boost below 1", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: "x", action: "promote", match: {} }, "action"],
      [{ name: "x", action: "exclude", match: { colour: "red" } }, "match"],
      [{ name: "x", action: "filter", match: { price_min: 50, price_max: 10 } }, "match.price_min"],
      [{ name: "x", action: "exclude", match: {}, starts_at: 200, ends_at: 100 }, "starts_at"],
      [{ name: "x", action: "boost", weight: 0.5, match: {} }, "weight"],
      [{ action: "exclude", match: {} }, "name"],
    ];
    for (const [body, field] of cases) {
      const { status, body: answer } = await problem(await exports.default.fetch(RULES, { method: "POST", headers: ADMIN_JSON, body: JSON.stringify(body) }));
      expect(status, JSON.stringify(body)).toBe(400);
      expect(answer.error.field, JSON.stringify(body)).toBe(field);
    }
  });

  it("400 for malformed JSON, 415 for another media type, 404 for an unknown rule", async () => {
    expect((await problem(await exports.default.fetch(RULES, { method: "POST", headers: ADMIN_JSON, body: "{" }))).status).toBe(400);
    const text = await exports.default.fetch(RULES, { method: "POST", headers: { ...ADMIN_JSON, "content-type": "text/plain" }, body: "{}" });
    expect(text.status).toBe(415);
    const missing = await problem(await exports.default.fetch(`${RULES}/999`, { method: "DELETE", headers: ADMIN_JSON }));
    expect([missing.status, missing.body.error.code]).toEqual([404, "not_found"]);
    const put = await exports.default.fetch(`${RULES}/999`, { method: "PUT", headers: ADMIN_JSON, body: JSON.stringify({ name: "x", action: "exclude", match: {} }) });
    expect(put.status).toBe(404);
    const badId = await problem(await exports.default.fetch(`${RULES}/abc`, { method: "DELETE", headers: ADMIN_JSON }));
    expect([badId.status, badId.body.error.field]).toEqual([400, "id"]);
  });
});
