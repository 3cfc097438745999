import { env, exports } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import { builds } from "../../db/schema";
import { ADMIN_JSON } from "./requests";

const URL = "http://edge.test/v1/admin/builds";

describe("GET /v1/admin/builds reads D1 (migrations applied)", () => {
  it("lists builds newest first with their counts", async () => {
    const db = drizzle(env.DB);
    await db.insert(builds).values([
      { id: "old", createdAt: 100, publishedAt: 110, status: "retired", manifest: { counts: { items: 10 } } },
      { id: "new", createdAt: 200, publishedAt: 210, status: "live", manifest: { counts: { items: 12 } } },
    ]);
    const response = await exports.default.fetch(URL, { headers: ADMIN_JSON });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { builds: Array<{ id: string; status: string; counts: Record<string, number> }> };
    expect(body.builds.map((b) => [b.id, b.status, b.counts.items])).toEqual([["new", "live", 12], ["old", "retired", 10]]);
  });

  it("400 naming the query field for a bad limit", async () => {
    const response = await exports.default.fetch(`${URL}?limit=abc`, { headers: ADMIN_JSON });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe("limit");
  });
});
