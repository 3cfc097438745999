import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { post } from "./requests";

const URL = "http://edge.test/v1/events";
const good = (id: string) => ({ event_id: id, type: "add_to_cart", session_id: "s", ts: 1_780_000_000, item_id: "x" });

async function send(init: RequestInit) {
  const response = await exports.default.fetch(URL, init);
  const body = (await response.json()) as { error: { code: string; field?: string; message: string; problems?: Array<{ field: string; index?: number }> } };
  return { status: response.status, error: body.error };
}

describe("POST /v1/events rejects bad input with a JSON 4xx", () => {
  it("400 naming the field and the batch index", async () => {
    const { status, error } = await send(post({ events: [good("1"), { ...good("2"), item_id: undefined }, good("3")] }));
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: "invalid_request", field: "events[1].item_id" });
    expect(error.message).toContain("event 1 of the batch");
    expect(error.problems?.[0].index).toBe(1);
  });

  it("400 for a purchase without lines, an unknown type, a bad timestamp", async () => {
    expect((await send(post({ event_id: "p", type: "purchase", session_id: "s", ts: 1_780_000_000, order_value: 10 }))).error.field).toBe("lines");
    expect((await send(post({ ...good("t"), type: "hover" }))).error.field).toBe("type");
    expect((await send(post([good("a"), { ...good("b"), ts: "last tuesday" }]))).error.field).toBe("[1].ts");
  });

  it("400 invalid_json for malformed JSON", async () => {
    expect((await send(post('{"events": ['))).error.code).toBe("invalid_json");
  });

  it("413 for more events than a batch may hold and for a body over the byte limit", async () => {
    const many = Array.from({ length: 501 }, (_, i) => good(`e${i}`));
    const { status, error } = await send(post({ events: many }));
    expect(status).toBe(413);
    expect(error).toMatchObject({ code: "payload_too_large", field: "events" });
    const huge = Array.from({ length: 450 }, (_, i) => ({ ...good(`h${i}`), note: "n".repeat(1200) }));
    expect((await send(post(huge))).status).toBe(413);
  });

  it("415 for a body that is not JSON", async () => {
    const { status, error } = await send(post("type=view", { "content-type": "text/plain" }));
    expect(status).toBe(415);
    expect(error.code).toBe("unsupported_media_type");
  });
});
