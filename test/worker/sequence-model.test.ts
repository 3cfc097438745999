import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { recommendationResponseSchema } from "../../worker/schemas/recommendation-response";
import { SEQUENCE_SESSIONS, sequenceBuild, sequenceNumbers, sequenceServingData } from "../fixtures/sequence-build";
import golden from "../fixtures/sequence-golden.json";
import { publishBuild } from "./publish-build";
import { post } from "./requests";

describe("the sequence model at the edge (workerd) against the same blobs offline (Node, golden file)", () => {
  beforeAll(async () => {
    await publishBuild(env.KV, sequenceBuild());
  });

  it("computes the same state and blended scores, bit for bit", () => {
    SEQUENCE_SESSIONS.forEach((viewed, s) => {
      expect(sequenceNumbers(sequenceServingData(viewed), viewed)).toEqual({ state: golden[s].state, blended: golden[s].blended });
    });
  });

  it("answers home through the worker exactly as the offline recommend() answers", async () => {
    for (const [s, viewed] of SEQUENCE_SESSIONS.entries()) {
      const response = await exports.default.fetch("http://edge.test/v1/recommendations", post({ placement: "home", viewed: viewed.map((id) => ({ id })), k: 10 }));
      expect(response.status).toBe(200);
      const answer = recommendationResponseSchema.parse(await response.json());
      expect(answer.build).toBe("sequence-1");
      expect(answer.degraded).toBeUndefined();
      expect(answer.slots).toEqual(golden[s].slots);
    }
  });
});
