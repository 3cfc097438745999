import { describe, expect, it } from "vitest";
import { Rng } from "../random/rng";
import { fitLiftPrior, shrunkLift } from "./shrunk-lift";

/** Sets whose counts are Poisson(lambda E): lambda 1 (chance) but for a share `associated` of them. */
function sampleSets(seed: number, minCount: number, associated = 0.1): Array<{ observed: number; expected: number }> {
  const rng = new Rng(seed, "sets");
  const poisson = (mean: number) => {
    let product = rng.float();
    let k = 0;
    const limit = Math.exp(-mean);
    while (product > limit) {
      product *= rng.float();
      k++;
    }
    return k;
  };
  const sets: Array<{ observed: number; expected: number }> = [];
  for (let i = 0; i < 4000; i++) {
    const expected = Math.exp(rng.float() * 8 - 4);
    const lambda = rng.float() >= associated ? 1 : 2 + 3 * rng.float();
    const observed = poisson(lambda * expected);
    if (observed >= minCount) sets.push({ observed, expected });
  }
  return sets;
}

describe("lift shrunk by its count", () => {
  it("ranks established associations above a handful of orders of two rare items", () => {
    const sets = sampleSets(1, 5);
    const k = fitLiftPrior(sets, 5);
    expect(k).toBeGreaterThan(0.1);
    expect(k).toBeLessThan(100);
    const coincidence = shrunkLift(5, (5 * 5) / 3240, k); // raw lift 648
    const established = shrunkLift(200, 50, k); // raw lift 4, two hundred orders
    expect(5 / ((5 * 5) / 3240)).toBeCloseTo(648, 0);
    expect(established).toBeGreaterThan(coincidence);
    expect(established).toBeGreaterThan(3.5);
  });

  it("keeps the raw lift where counts are large and pulls thin ones toward 1", () => {
    const k = 3;
    expect(shrunkLift(10_000, 2_000, k)).toBeCloseTo(5, 1);
    expect(shrunkLift(2, 0.01, k)).toBeLessThan(2);
    expect(shrunkLift(0, 4, k)).toBeLessThan(1);
  });

  it("fits a stronger pull toward 1 where the shop's sets are mostly chance than where most are associated", () => {
    const chance = fitLiftPrior(sampleSets(2, 0, 0.02), 0);
    const associated = fitLiftPrior(sampleSets(2, 0, 0.9), 0);
    expect(chance).toBeGreaterThan(3 * associated);
    expect(fitLiftPrior([{ observed: 3, expected: 1 }], 0)).toBe(1);
  });
});
