import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { encodeBase64 } from "../../core/blob/base64";
import { itemKey, LIVE_POINTER_KEY, metaKey } from "../../core/keys";
import { servingStore } from "../../worker/storage/serving-store-instance";
import { tinyBuild } from "../fixtures/tiny-build";
import { publishBuild } from "./publish-build";
import { post } from "./requests";

async function health(): Promise<{ status: string; build: string | null; reason?: string }> {
  const response = await exports.default.fetch("http://edge.test/healthz");
  expect(response.status).toBe(200);
  return response.json();
}

describe("GET /healthz tells whether the live build can be served", () => {
  beforeEach(() => servingStore(env).clear());

  it("ok for a live build whose meta blob decodes; no_build before any publish", async () => {
    await env.KV.delete(LIVE_POINTER_KEY);
    expect(await health()).toEqual({ status: "no_build", build: null });
    await publishBuild(env.KV, tinyBuild("h-ok"));
    servingStore(env).clear();
    expect(await health()).toEqual({ status: "ok", build: "h-ok" });
  });

  it("degraded with the reason when the pointer names a build that is not there", async () => {
    await env.KV.put(LIVE_POINTER_KEY, JSON.stringify({ build: "h-gone", published_at: 1 }));
    const answer = await health();
    expect(answer).toMatchObject({ status: "degraded", build: "h-gone" });
    expect(answer.reason).toContain("missing");
  });

  it("degraded when the meta blob is unreadable, even by a trailing newline; answers say degraded too", async () => {
    const build = tinyBuild("h-newline");
    await publishBuild(env.KV, build);
    await env.KV.put(metaKey("h-newline"), `${encodeBase64(build.meta)}\n`);
    servingStore(env).clear();
    const answer = await health();
    expect(answer).toMatchObject({ status: "degraded", build: "h-newline" });
    expect(answer.reason).toContain("unreadable");
    const recs = (await (await exports.default.fetch("http://edge.test/v1/recommendations", post({ placement: "checkout", cart: ["phone-a"] }))).json()) as { degraded?: boolean };
    expect(recs.degraded).toBe(true);
    expect(await env.KV.get(itemKey("h-newline", "phone-a"))).not.toBeNull();
  });

  it("degraded when the pointer itself is not a pointer", async () => {
    await env.KV.put(LIVE_POINTER_KEY, "not json");
    expect(await health()).toMatchObject({ status: "degraded", build: null, reason: "the live pointer is unreadable" });
  });
});
