import { describe, expect, it } from "vitest";
import { anchorWeights, RECENCY_DECAY } from "./anchor-weights";

describe("anchorWeights", () => {
  it("w = clamp(sqrt(p / geometric mean), 1/2, 2) / (1 + decay * age)", () => {
    const [phone, cable] = anchorWeights([1449, 19]);
    expect(phone).toBeCloseTo(2 / (1 + RECENCY_DECAY), 10);
    expect(cable).toBeCloseTo(0.5, 10);
    const [a, b] = anchorWeights([400, 100]);
    const g = Math.sqrt(400 * 100);
    expect(a).toBeCloseTo(Math.sqrt(400 / g) / (1 + RECENCY_DECAY), 10);
    expect(b).toBeCloseTo(Math.sqrt(100 / g), 10);
  });

  it("without two known prices only recency counts, the most recent item weighing 1", () => {
    const weights = anchorWeights([Number.NaN, 50, Number.NaN]);
    expect([...weights]).toEqual([1 / (1 + 2 * RECENCY_DECAY), 1 / (1 + RECENCY_DECAY), 1]);
    expect([...anchorWeights([])]).toEqual([]);
  });
});
