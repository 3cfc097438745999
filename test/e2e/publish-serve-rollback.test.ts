import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../../tools/dev-server/wrangler-dev";
import { buildShop, edgerec, publishLocal } from "./local-edge";

const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-publish-"));
const state = path.join(work, "state");
let server: DevServer;

async function health(): Promise<{ status: string; build: string | null }> {
  return (await fetch(`${server.url}/healthz`)).json() as Promise<{ status: string; build: string | null }>;
}

describe("build -> publish --local -> wrangler dev -> rollback", () => {
  beforeAll(async () => {
    const orders = path.join(work, "orders.jsonl");
    writeFileSync(orders, ['{"order_id":"1","items":["tv","hdmi-cable"]}', '{"order_id":"2","items":["tv","hdmi-cable","soundbar"]}', '{"order_id":"3","items":["phone","case"]}'].join("\n"));
    await buildShop({ orders }, path.join(work, "a"), "--build-id", "e2e-a");
    await buildShop({ orders }, path.join(work, "b"), "--build-id", "e2e-b");
    await publishLocal(path.join(work, "a"), state);
    server = await startDevServer({ persistTo: state, vars: { LIVE_POINTER_TTL_MS: "0", ADMIN_TOKEN: "e2e-admin" } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("serves the published build from real local KV through workerd", async () => {
    expect(await health()).toEqual({ status: "ok", build: "e2e-a" });
    const response = await fetch(`${server.url}/v1/recommendations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ placement: "checkout", cart: ["tv"], k: 2 }),
    });
    const answer = (await response.json()) as { build: string; slots: Array<{ items: Array<{ id: string; reason: string }> }> };
    expect(answer.build).toBe("e2e-a");
    expect(answer.slots[0].items[0]).toMatchObject({ id: "hdmi-cable" });
    expect(answer.slots[0].items[0].reason).toContain("tv");
  });

  it("switches to a newly published build, then rolls back to the previous one", async () => {
    await publishLocal(path.join(work, "b"), state);
    expect((await health()).build).toBe("e2e-b");
    await edgerec("rollback", "--local", "--persist-to", state);
    expect((await health()).build).toBe("e2e-a");
  }, 60_000);

  it("lists both builds, the live one marked, on the admin route (D1)", async () => {
    const response = await fetch(`${server.url}/v1/admin/builds`, { headers: { authorization: "Bearer e2e-admin" } });
    const body = (await response.json()) as { builds: Array<{ id: string; status: string }> };
    expect(body.builds.map((b) => [b.id, b.status]).sort()).toEqual([["e2e-a", "live"], ["e2e-b", "published"]]);
  });
});
