import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { assignVariant, variantLabel } from "../../core/experiments/assign";
import type { PublishedExperiment } from "../../core/experiments/experiment-config";
import { CONFIG_KEYS } from "../../core/keys";
import { recommendationResponseSchema } from "../../worker/schemas/recommendation-response";
import { tinyBuild } from "../fixtures/tiny-build";
import { publishBuild } from "./publish-build";
import { ADMIN_JSON, post } from "./requests";
import { count, waitFor } from "./wait-for";

const URL = "http://edge.test/v1/recommendations";

async function recommend(body: Record<string, unknown>) {
  const response = await exports.default.fetch(URL, post({ placement: "checkout", cart: ["phone-a"], k: 3, ...body }));
  expect(response.status).toBe(200);
  return recommendationResponseSchema.parse(await response.json());
}

let experiment: PublishedExperiment;

describe("experiments on POST /v1/recommendations", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, tinyBuild("exp-build"));
    const response = await exports.default.fetch("http://edge.test/v1/admin/experiments", {
      method: "POST",
      headers: ADMIN_JSON,
      body: JSON.stringify({
        id: "checkout-copy",
        name: "Checkout copy and size",
        placement: "checkout",
        status: "running",
        variants: [
          { name: "control", weight: 40 },
          { name: "short", weight: 40, config: { slot_size: 1, copy: { cross_sell: "You will need this" } } },
          { name: "holdout", weight: 20, config: { holdout: true } },
        ],
      }),
    });
    expect(response.status).toBe(201);
    experiment = { ...((await response.json()) as PublishedExperiment), placement: "checkout" };
  });

  it("assigns each session the variant core's assignment predicts, and applies its config", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const session = `sess-${i}`;
      const expected = assignVariant(experiment, `s:${session}`);
      const answer = await recommend({ session_id: session });
      expect(answer.variant).toBe(variantLabel(expected));
      seen.add(expected.name);
      const slot = answer.slots.find((s) => s.kind === "cross_sell");
      if (expected.name === "holdout") expect(answer.slots).toEqual([]);
      if (expected.name === "short") expect([slot?.title, slot?.items.length]).toEqual(["You will need this", 1]);
      if (expected.name === "control") expect(slot?.items.length).toBeGreaterThan(1);
    }
    expect(seen).toEqual(new Set(["control", "short", "holdout"]));
  });

  it("the same session keeps its variant; no session id or another placement means no experiment", async () => {
    const first = await recommend({ session_id: "sticky" });
    for (let i = 0; i < 3; i++) expect((await recommend({ session_id: "sticky" })).variant).toBe(first.variant);
    expect((await recommend({})).variant).toBeUndefined();
    expect((await recommend({ session_id: "sticky", placement: "cart" })).variant).toBeUndefined();
  });

  it("logs one exposure per unit through the queue, with the variant served", async () => {
    for (let i = 0; i < 3; i++) await recommend({ session_id: "exposed-once" });
    const rows = await waitFor(
      () => count(env.DB, "SELECT COUNT(*) AS n FROM exposures WHERE experiment_id = 'checkout-copy' AND unit_id = 's:exposed-once'"),
      (n) => n > 0,
    );
    expect(rows).toBe(1);
    const row = await env.DB.prepare("SELECT variant FROM exposures WHERE unit_id = 's:exposed-once'").first<{ variant: string }>();
    expect(row?.variant).toBe(assignVariant(experiment, "s:exposed-once").name);
    const all = await waitFor(() => count(env.DB, "SELECT COUNT(*) AS n FROM exposures WHERE experiment_id = 'checkout-copy'"), (n) => n >= 42);
    expect(all).toBe(42);
  });

  it("reads the experiments from the isolate cache, not from KV on every request", async () => {
    await env.KV.put(CONFIG_KEYS.experiments, JSON.stringify({ published_at: 1, experiments: [] }));
    expect((await recommend({ session_id: "cached" })).variant).toMatch(/^checkout-copy\//);
  });
});
