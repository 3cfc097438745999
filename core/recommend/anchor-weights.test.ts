import { describe, expect, it } from "vitest";
import { anchorWeights, RECENT_BOOST, viewAges } from "./anchor-weights";

describe("anchorWeights", () => {
  it("value: clamp(sqrt(p / geometric mean), 1/2, 2)", () => {
    const [phone, cable] = anchorWeights([1449, 19]);
    expect(phone).toBeCloseTo(2, 10);
    expect(cable).toBeCloseTo(0.5, 10);
    const [a, b] = anchorWeights([400, 100]);
    expect(a).toBeCloseTo(Math.sqrt(400 / 200), 10);
    expect(b).toBeCloseTo(Math.sqrt(100 / 200), 10);
  });

  it("recency: 1 + boost / (1 + views since the anchor's last view); unviewed anchors and unknown prices weigh 1", () => {
    const weights = anchorWeights([Number.NaN, 50, Number.NaN], [-1, 0, 2]);
    expect([...weights]).toEqual([1, 1 + RECENT_BOOST, 1 + RECENT_BOOST / 3]);
    expect([...anchorWeights([Number.NaN, Number.NaN])]).toEqual([1, 1]);
  });

  it("ages count distinct items viewed after an anchor's last view", () => {
    const viewed = [{ item: 7 }, { item: 3 }, { item: 9 }, { item: 3 }, { item: 5 }];
    expect([...viewAges([3, 7, 9, 1], viewed)]).toEqual([1, 3, 2, -1]);
  });
});
