import { describe, expect, it } from "vitest";
import { at, REASONS, shopServingData } from "../../test/fixtures/shop-build";
import type { ItemLists } from "../blob/item-blob";
import type { CandidateList } from "../candidates";
import type { RecommendationResponse } from "../recommendation-response";
import type { RecommendationRequest } from "../request-schema";
import { recommend } from "./recommend";
import { anchorIds } from "./serving-data";
import { sessionAnchors } from "./session-anchors";

const association = REASONS.findIndex((r) => r.code === "association");
const next = (entries: Array<[string, number]>): CandidateList => ({
  items: Uint32Array.from(entries, (e) => at(e[0])),
  scores: Float32Array.from(entries, (e) => e[1]),
  reasons: new Uint32Array(entries.length).fill(association),
});

/** The fixture shop, with `next_item` lists added to some items. */
function serve(request: RecommendationRequest, nextLists: Record<string, CandidateList>): RecommendationResponse {
  const ids = anchorIds(request);
  const data = shopServingData(ids);
  const lists = new Map<string, ItemLists | null>(data.lists);
  for (const [id, list] of Object.entries(nextLists)) if (ids.includes(id)) lists.set(id, { ...lists.get(id), next_item: list });
  return recommend(request, { ...data, lists }, { recId: "t" });
}

const ids = (slot: { items: Array<{ id: string }> } | undefined) => slot?.items.map((i) => i.id) ?? [];

describe("session anchors", () => {
  it("weigh the distinct recent views linearly, the last view 1 and the oldest 1 / L", () => {
    const { anchors, weights } = sessionAnchors([5, 7, 5, -1, 9]);
    expect(anchors).toEqual([9, 5, 7]);
    expect([...weights]).toEqual([1, 2 / 3, 1 / 3]);
  });

  it("take only the views whose lists the worker reads (the last 12)", () => {
    const views = Array.from({ length: 14 }, (_, i) => i);
    expect(sessionAnchors(views).anchors).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  });
});

describe("home: what shoppers look at next", () => {
  const lists = {
    "monitor-g7": next([["monitor-g5", 0.5], ["phone-flagship", 0.5], ["phone-mid", 0.75]]),
    "phone-mid": next([["phone-flagship", 1], ["case-mid", 0.25]]),
  };

  it("merges the recent views' next-item lists with recency weights, leads the answer, never shows a viewed item", () => {
    // monitor-g7 was viewed last (weight 1), phone-mid before (1/2): phone-flagship 1/2 + 1/2 = 1, monitor-g5 1/2,
    // case-mid 1/8; phone-mid itself was viewed.
    const answer = serve({ placement: "home", viewed: [{ id: "phone-mid", dwell_ms: 3_000 }, { id: "monitor-g7", dwell_ms: 4_000 }] }, lists);
    const slot = answer.slots[0];
    expect(slot.kind).toBe("similar");
    expect(slot.title).toBe("Inspired by your browsing");
    expect(ids(slot).slice(0, 3)).toEqual(["phone-flagship", "monitor-g5", "case-mid"]);
    expect(slot.items.slice(0, 3).map((i) => i.score)).toEqual([1, 0.5, 0.125]);
    expect(slot.items[2].reason).toBe("Bought with Pixel A");
    // popular items fill the rest, still nothing viewed
    expect(slot.items.length).toBe(8);
    expect(ids(slot)).not.toContain("phone-mid");
    expect(ids(slot)).not.toContain("monitor-g7");
    expect(answer.degraded).toBeUndefined();
  });

  it("yields to the other slots when no recent view has a next-item list", () => {
    const answer = serve({ placement: "home", viewed: [{ id: "camera-a7", dwell_ms: 3_000 }] }, lists);
    expect(answer.slots.map((s) => s.kind)).not.toContain("similar");
  });

  it("comes after the accessories and upgrades for what the user owns", () => {
    const answer = serve({ placement: "home", owned: ["phone-budget"], viewed: [{ id: "monitor-g7", dwell_ms: 3_000 }] }, lists);
    expect(answer.slots.map((s) => s.kind)).toEqual(["cross_sell", "upgrade", "similar"]);
    const earlier = new Set([...ids(answer.slots[0]), ...ids(answer.slots[1])]);
    // phone-mid (0.75) went to the upgrades: then the 1/2 ties, lower item index first
    expect(earlier.has("phone-mid")).toBe(true);
    expect(ids(answer.slots[2]).slice(0, 2)).toEqual(["phone-flagship", "monitor-g5"]);
    for (const id of ids(answer.slots[2])) expect(earlier.has(id)).toBe(false);
  });
});
