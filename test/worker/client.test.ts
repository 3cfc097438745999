import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../worker/client";
import { shopBuild } from "../fixtures/shop-build";
import { publishBuild } from "./publish-build";

const edge = createClient("http://edge.test", { fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(input, init) });

describe("the typed client", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, shopBuild("shop-client"));
  });

  it("posts a typed recommendation request and reads a typed answer", async () => {
    const response = await edge.v1.recommendations.$post({ json: { placement: "checkout", cart: ["camera-a7"] } });
    expect(response.status).toBe(200);
    if (!response.ok) throw new Error("expected 200");
    const answer = await response.json();
    expect(answer.build).toBe("shop-client");
    expect(answer.slots[0].items[0].id).toBe("card-sd");
  });

  it("types the error answers too", async () => {
    const response = await edge.v1.recommendations.$post({ json: { placement: "checkout", k: 0 } });
    expect(response.status).toBe(400);
    if (response.status === 400) expect((await response.json()).error.field).toBe("k");
  });

  it("reaches the GET routes with typed parameters", async () => {
    const health = await (await edge.healthz.$get()).json();
    expect(health).toEqual({ status: "ok", build: "shop-client" });
  });
});
