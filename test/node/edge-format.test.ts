import { beforeAll, describe, expect, it } from "vitest";
import { readArtifacts } from "../../batch/build/artifacts";
import { ArtifactStore } from "../../batch/recommend/artifact-store";
import { decodeItemBlob } from "../../core/blob/item-blob";
import { Rng } from "../../core/random/rng";
import { recommend } from "../../core/recommend/recommend";
import { anchorIds } from "../../core/recommend/serving-data";
import type { RecommendationRequest } from "../../core/request-schema";
import type { RecommendationResponse } from "../../core/recommendation-response";
import type { Artifacts } from "../../batch/build/artifacts";
import { demoStore } from "./demo-store";

let artifacts: Artifacts;
let edge: ArtifactStore;

/** The whole build's answer: the meta blob and the item blobs as the build folder holds them, no edge format. */
function wholeAnswer(request: RecommendationRequest): RecommendationResponse {
  const build = edge.build;
  const bounds = { items: build.meta.items.length, reasons: build.meta.reasons.length };
  const lists = new Map();
  for (const id of anchorIds(request, build)) {
    const item = build.index.get(id);
    const blob = item === undefined ? undefined : artifacts.itemBlobs[item];
    if (blob !== undefined) lists.set(id, decodeItemBlob(blob, bounds));
  }
  return recommend(request, { build, lists, degraded: false }, { recId: "r" });
}

const slots = (answer: RecommendationResponse, kinds?: readonly string[]) =>
  JSON.stringify(answer.slots.filter((s) => kinds === undefined || kinds.includes(s.kind)).map((s) => [s.kind, s.items.map((i) => [i.id, i.reason_code, i.reason, i.price])]));

describe("the edge format on the demo store (a global blob of part of the shop, the rest carried by the anchors' blobs)", () => {
  beforeAll(async () => {
    artifacts = readArtifacts((await demoStore()).artifacts);
    edge = new ArtifactStore(artifacts);
  });

  it("holds part of the shop in the global blob", () => {
    expect(edge.global.meta.items.length).toBeLessThan(edge.build.meta.items.length);
    expect(edge.global.meta.edge?.items).toBe(edge.build.meta.items.length);
  });

  it("answers checkout, cart, product, home and category listings exactly as the whole build does", () => {
    const { meta } = edge.build;
    const rng = new Rng(11, "edge-format");
    const id = () => meta.items[rng.int(meta.items.length)];
    const make: Array<() => RecommendationRequest> = [
      () => ({ placement: "checkout", cart: Array.from({ length: 1 + rng.int(3) }, id) }),
      () => ({ placement: "cart", cart: [id()], k: 6 }),
      () => ({ placement: "product", product_id: id(), viewed: [{ id: id(), dwell_ms: 40_000 }] }),
      () => ({ placement: "home", viewed: Array.from({ length: 3 }, () => ({ id: id(), dwell_ms: 20_000 })), owned: [id()] }),
      () => ({ placement: "listing", category: meta.categories[rng.int(meta.categories.length)].split(" > ").at(-1)! }),
    ];
    let slotsCompared = 0;
    for (let r = 0; r < 1000; r++) {
      const request = make[r % make.length]();
      const answer = edge.recommend(request, "r");
      expect(slots(answer), JSON.stringify(request)).toBe(slots(wholeAnswer(request)));
      expect(answer.degraded).toBeUndefined();
      slotsCompared += answer.slots.length;
    }
    expect(slotsCompared).toBeGreaterThan(1500);
  });

  it("a listing searched by model finds the model's devices through its model blob and serves their setup as the whole build does", () => {
    const { meta } = edge.build;
    const rng = new Rng(12, "edge-format-query");
    let withSetup = 0;
    for (let r = 0; r < 150; r++) {
      const request: RecommendationRequest = { placement: "listing", query: meta.titles[rng.int(meta.items.length)].split(" ").slice(0, 3).join(" ") };
      const answer = edge.recommend(request, "r");
      expect(slots(answer, ["scenario"]), request.query).toBe(slots(wholeAnswer(request), ["scenario"]));
      if (answer.slots.some((s) => s.kind === "scenario")) withSetup++;
    }
    expect(withSetup).toBeGreaterThan(20);
  });
});
