import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const URL = "http://edge.test/v1/recommendations";
const allowed = env.CORS_ORIGINS.split(",")[0].trim();

describe("CORS from the CORS_ORIGINS allow-list", () => {
  it("echoes an allowed origin on a real request", async () => {
    const response = await exports.default.fetch(URL, { method: "POST", headers: { origin: allowed, "content-type": "application/json" }, body: '{"placement":"home"}' });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(allowed);
  });

  it("answers a preflight from an allowed origin with the methods and headers a storefront needs", async () => {
    const response = await exports.default.fetch(URL, {
      method: "OPTIONS",
      headers: { origin: allowed, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(allowed);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toContain("content-type");
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
  });

  it("grants nothing to an origin outside the list", async () => {
    for (const origin of ["https://evil.example", `${allowed}.evil.example`, "null"]) {
      const response = await exports.default.fetch(URL, { method: "POST", headers: { origin, "content-type": "application/json" }, body: '{"placement":"home"}' });
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await exports.default.fetch(URL, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});
