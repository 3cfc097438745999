import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { post } from "./requests";

const URL = "http://edge.test/v1/recommendations";

async function send(init: RequestInit) {
  const response = await exports.default.fetch(URL, init);
  const body = (await response.json()) as { error: { code: string; field?: string; message: string } };
  return { status: response.status, error: body.error };
}

describe("POST /v1/recommendations rejects bad input with a JSON 4xx", () => {
  it("400 invalid_json for malformed JSON", async () => {
    const { status, error } = await send(post('{"placement": "checkout", '));
    expect(status).toBe(400);
    expect(error.code).toBe("invalid_json");
  });

  it("400 naming the field for a wrong type", async () => {
    const { status, error } = await send(post({ placement: "checkout", cart: "phone-a" }));
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: "invalid_request", field: "cart" });
  });

  it("400 naming the field inside an array", async () => {
    const { status, error } = await send(post({ placement: "home", viewed: [{ id: "x", dwell_ms: -5 }] }));
    expect(status).toBe(400);
    expect(error.field).toBe("viewed[0].dwell_ms");
  });

  it("400 naming placement for an unknown placement", async () => {
    const { status, error } = await send(post({ placement: "sidebar" }));
    expect(status).toBe(400);
    expect(error.field).toBe("placement");
    expect(error.message).toContain("checkout");
  });

  it("400 for a missing placement and for a JSON array body", async () => {
    expect((await send(post({ cart: ["a"] }))).error.field).toBe("placement");
    expect((await send(post([1, 2]))).status).toBe(400);
  });

  it("413 for a body over the limit", async () => {
    const cart = Array.from({ length: 90 }, (_, i) => `item-${"x".repeat(190)}-${i}`);
    const { status, error } = await send(post({ placement: "checkout", cart }));
    expect(status).toBe(413);
    expect(error.code).toBe("payload_too_large");
  });

  it("415 for a body that is not JSON", async () => {
    const { status, error } = await send(post("placement=checkout", { "content-type": "application/x-www-form-urlencoded" }));
    expect(status).toBe(415);
    expect(error.code).toBe("unsupported_media_type");
  });

  it("404 JSON for an unknown route", async () => {
    const response = await exports.default.fetch("http://edge.test/v2/nothing");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
