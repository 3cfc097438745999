import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../../core/keys";
import { parseExperimentsDocument } from "../../core/experiments/experiment-config";
import { ADMIN_JSON } from "./requests";

const URL = "http://edge.test/v1/admin/experiments";

async function call(method: string, path: string, body?: unknown) {
  const response = await exports.default.fetch(`${URL}${path}`, { method, headers: ADMIN_JSON, body: body === undefined ? undefined : JSON.stringify(body) });
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read field by field and asserted
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const variants = [
  { name: "control", weight: 50 },
  { name: "big", weight: 50, config: { slot_size: 4, copy: { cross_sell: "Complete the look" } } },
];

async function published() {
  return parseExperimentsDocument(await env.KV.get(CONFIG_KEYS.experiments));
}

describe("admin experiments", () => {
  it("400 naming the field for bad variants and unknown variant config keys", async () => {
    const one = await call("POST", "", { id: "e1", name: "x", variants: [{ name: "a", weight: 1 }] });
    expect(one.status).toBe(400);
    expect(one.body.error.field).toBe("variants");
    const typo = await call("POST", "", { id: "e1", name: "x", variants: [{ name: "a", weight: 1 }, { name: "b", weight: 1, config: { slot_sise: 2 } }] });
    expect(typo.status).toBe(400);
    expect(typo.body.error.field).toBe("variants[1].config");
    const weight = await call("POST", "", { id: "e1", name: "x", variants: [{ name: "a", weight: 0 }, { name: "b", weight: 1 }] });
    expect(weight.body.error.field).toBe("variants[0].weight");
  });

  it("a draft is stored in D1 but not published; starting it publishes it to KV with its salt and variants", async () => {
    const created = await call("POST", "", { id: "copy-test", name: "Copy test", variants, placement: "checkout" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: "copy-test", status: "draft", unit: "session", placement: "checkout", starts_at: null });
    expect(created.body.salt).toMatch(/^copy-test-[0-9a-f]{8}$/);
    expect((await published()).experiments).toEqual([]);

    const started = await call("PATCH", "/copy-test", { status: "running" });
    expect(started.status).toBe(200);
    expect(started.body.starts_at).toBeGreaterThan(1_700_000_000);
    const document = await published();
    expect(document.experiments).toHaveLength(1);
    expect(document.experiments[0]).toMatchObject({ id: "copy-test", salt: created.body.salt, placement: "checkout", variants: [{ name: "control", config: {} }, { name: "big", config: { slot_size: 4 } }] });

    expect((await call("POST", "", { id: "copy-test", name: "again", variants })).status).toBe(409);
    const frozen = await call("PATCH", "/copy-test", { variants: [...variants, { name: "third", weight: 1 }] });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.field).toBe("variants");
    expect((await call("PATCH", "/nope", { status: "running" })).status).toBe(404);

    const stopped = await call("PATCH", "/copy-test", { status: "stopped" });
    expect(stopped.body.ends_at).toBeGreaterThanOrEqual(started.body.starts_at);
    expect((await published()).experiments).toEqual([]);
    const listed = await call("GET", "");
    expect(listed.body.experiments.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([["copy-test", "stopped"]]);
  });
});
