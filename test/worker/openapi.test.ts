import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";

describe("/openapi.json", () => {
  it("documents every route the app serves, and is cacheable", async () => {
    const response = await exports.default.fetch("http://edge.test/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const doc = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    const served = createApp()
      .routes.filter((r) => r.method !== "ALL" && r.path !== "/openapi.json")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(served.length).toBeGreaterThan(10);
    for (const route of served) expect(documented, route).toContain(route);
  });

  it("describes the recommendation request's session and owned fields and the answer's session token", async () => {
    const doc = (await (await exports.default.fetch("http://edge.test/openapi.json")).json()) as Record<string, unknown>;
    const text = JSON.stringify(doc);
    for (const field of ["session_token", "owned", "discount_pct", "intent"]) expect(text).toContain(`"${field}"`);
  });
});
