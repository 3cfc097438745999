import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { BYPASS_CACHE_HEADER } from "../../worker/bench-flag";
import { shopBuild } from "../fixtures/shop-build";
import { publishBuild } from "./publish-build";

const app = createApp();
const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} } as unknown as ExecutionContext;
const call = (path: string, flag: string, init?: RequestInit) => app.fetch(new Request(`http://edge.test${path}`, init), { ...env, BENCH_ROUTES: flag }, ctx);

describe("benchmark hooks exist only with BENCH_ROUTES=on", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, shopBuild("shop-bench"));
  });

  it("404 for the bare KV-read route when off (the wrangler.toml default)", async () => {
    expect(env.BENCH_ROUTES).toBe("off");
    const response = await call("/v1/_bench/kv-read?ids=phone-flagship", "off");
    expect(response.status).toBe(404);
  });

  it("reads exactly the item blobs of the ids, in one bulk get, when on", async () => {
    const response = await call("/v1/_bench/kv-read?ids=phone-flagship,camera-a7,not-an-item", "on");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { build: string; keys: number; found: number; bytes: number };
    expect(body).toMatchObject({ build: "shop-bench", keys: 3, found: 2 });
    expect(body.bytes).toBeGreaterThan(0);
  });

  it("POST reads the cart of a checkout body, the same keys as GET", async () => {
    const body = JSON.stringify({ placement: "checkout", cart: ["phone-flagship", "camera-a7"], session_token: "x.y" });
    const response = await call("/v1/_bench/kv-read", "on", { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(await response.json()).toMatchObject({ build: "shop-bench", keys: 2, found: 2 });
    expect((await call("/v1/_bench/kv-read", "off", { method: "POST", headers: { "content-type": "application/json" }, body })).status).toBe(404);
  });

  it("the cache-bypass header changes nothing in the answer, on or off", async () => {
    const body = JSON.stringify({ placement: "checkout", cart: ["phone-flagship", "camera-a7"] });
    const init = (bypass: boolean): RequestInit => ({ method: "POST", headers: { "content-type": "application/json", ...(bypass ? { [BYPASS_CACHE_HEADER]: "1" } : {}) }, body });
    const strip = (a: { rec_id?: string; session_token?: string }) => ({ ...a, rec_id: undefined, session_token: undefined });
    const cached = strip(await (await call("/v1/recommendations", "on", init(false))).json());
    const bypassed = strip(await (await call("/v1/recommendations", "on", init(true))).json());
    const off = strip(await (await call("/v1/recommendations", "off", init(true))).json());
    expect(bypassed).toEqual(cached);
    expect(off).toEqual(cached);
  });
});
