import { describe, expect, it } from "vitest";
import { Rng } from "../random/rng";
import { analyseExperiment, type VariantAggregate } from "./experiment-analysis";
import { meanLift, rateLift } from "./lift";
import { momentsOf } from "./moments";
import { normalCdf, normalQuantile } from "./normal";
import { regularizedGammaQ } from "./special-functions";
import { sampleRatioMismatch } from "./srm";
import { tQuantile, tTwoSidedP } from "./student-t";
import { meanInterval, welchInterval } from "./welch";
import { wilsonInterval } from "./wilson";

/** Uniform draws in [0, 1) from a seeded generator, so coverage checks are reproducible. */
function rng(seed: number): () => number {
  const generator = new Rng(seed);
  return () => generator.float();
}

describe("distributions against published values", () => {
  it("normal quantile and cdf", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
  });

  it("Student t quantiles (tables) and the tail they invert", () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047, 5);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138852, 7);
    expect(tQuantile(0.025, 30)).toBeCloseTo(-2.042272456, 7);
    expect(tTwoSidedP(2.228138852, 10)).toBeCloseTo(0.05, 8);
  });

  it("chi-square tail: the 5% critical values for 1 and 2 df, and chi-square 16 on 1 df", () => {
    expect(regularizedGammaQ(0.5, 3.841458820694124 / 2)).toBeCloseTo(0.05, 10);
    expect(regularizedGammaQ(1, 5.991464547107979 / 2)).toBeCloseTo(0.05, 10);
    expect(regularizedGammaQ(0.5, 8)).toBeCloseTo(6.334248e-5, 9);
  });
});

describe("Wilson interval", () => {
  it("matches Newcombe (1998) examples", () => {
    const a = wilsonInterval(81, 263);
    expect([a.lower, a.upper].map((x) => x.toFixed(4))).toEqual(["0.2553", "0.3662"]);
    const b = wilsonInterval(15, 148);
    expect([b.lower, b.upper].map((x) => x.toFixed(4))).toEqual(["0.0624", "0.1605"]);
    const c = wilsonInterval(0, 20);
    expect(c.lower).toBe(0);
    expect(c.upper.toFixed(4)).toBe("0.1611");
  });

  it("covers the true rate about 95% of the time", () => {
    const next = rng(7);
    let covered = 0;
    const runs = 2000;
    for (let r = 0; r < runs; r++) {
      let x = 0;
      for (let i = 0; i < 200; i++) if (next() < 0.05) x++;
      const ci = wilsonInterval(x, 200);
      if (ci.lower <= 0.05 && 0.05 <= ci.upper) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.93);
    expect(covered / runs).toBeLessThan(0.975);
  });
});

describe("lift", () => {
  it("Newcombe's hybrid score interval for a difference (Newcombe 1998b, 56/70 vs 48/80)", () => {
    const lift = rateLift({ successes: 48, trials: 80 }, { successes: 56, trials: 70 });
    expect(lift.absolute.estimate).toBeCloseTo(0.2, 12);
    expect([lift.absolute.lower, lift.absolute.upper].map((x) => x.toFixed(4))).toEqual(["0.0524", "0.3339"]);
    expect(lift.relative.estimate).toBeCloseTo(1 / 3, 12);
    expect(lift.p).toBeLessThan(0.01);
  });

  it("relative rate lift: the Katz interval covers a planted +20% about 95% of the time", () => {
    const next = rng(11);
    let covered = 0;
    const runs = 600;
    for (let r = 0; r < runs; r++) {
      let xa = 0;
      let xb = 0;
      for (let i = 0; i < 4000; i++) {
        if (next() < 0.1) xa++;
        if (next() < 0.12) xb++;
      }
      const lift = rateLift({ successes: xa, trials: 4000 }, { successes: xb, trials: 4000 });
      if (lift.relative.lower <= 0.2 && 0.2 <= lift.relative.upper) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.92);
    expect(covered / runs).toBeLessThan(0.98);
  });

  it("Welch: degrees of freedom and interval by hand for x = 1..5, y = 2x", () => {
    const x = momentsOf([1, 2, 3, 4, 5]);
    const y = momentsOf([2, 4, 6, 8, 10]);
    const w = welchInterval(x, y);
    expect(w.estimate).toBe(3);
    expect(w.standardError).toBeCloseTo(Math.sqrt(2.5 / 5 + 10 / 5), 12);
    expect(w.df).toBeCloseTo(6.25 / (0.25 / 4 + 4 / 4), 10);
    const t = tQuantile(0.975, w.df);
    expect(w.upper - w.estimate).toBeCloseTo(t * w.standardError, 10);
    expect(meanInterval(x).lower).toBeCloseTo(3 - tQuantile(0.975, 4) * Math.sqrt(2.5 / 5), 10);
  });

  it("mean lift: intervals cover planted differences of skewed (zero-inflated) money about 95% of the time", () => {
    const next = rng(3);
    const revenue = (p: number) => (next() < p ? 50 + 400 * -Math.log(1 - next()) : 0);
    let coveredAbsolute = 0;
    let coveredRelative = 0;
    const runs = 400;
    const [pa, pb] = [0.1, 0.12];
    const trueA = pa * 450;
    const trueB = pb * 450;
    for (let r = 0; r < runs; r++) {
      const a = momentsOf(Array.from({ length: 3000 }, () => revenue(pa)));
      const b = momentsOf(Array.from({ length: 3000 }, () => revenue(pb)));
      const lift = meanLift(a, b);
      if (lift.absolute.lower <= trueB - trueA && trueB - trueA <= lift.absolute.upper) coveredAbsolute++;
      if (lift.relative.lower <= trueB / trueA - 1 && trueB / trueA - 1 <= lift.relative.upper) coveredRelative++;
    }
    expect(coveredAbsolute / runs).toBeGreaterThan(0.92);
    expect(coveredRelative / runs).toBeGreaterThan(0.92);
  });
});

describe("sample-ratio mismatch", () => {
  it("passes an exact split and fails 5200 / 4800 against 50 / 50 (chi-square 16)", () => {
    expect(sampleRatioMismatch([500, 500], [1, 1])).toMatchObject({ chiSquare: 0, p: 1, passed: true });
    const skewed = sampleRatioMismatch([5200, 4800], [50, 50]);
    expect(skewed.chiSquare).toBeCloseTo(16, 10);
    expect(skewed.p).toBeCloseTo(6.334e-5, 7);
    expect(skewed.passed).toBe(false);
  });

  it("uses the configured weights, not an equal split", () => {
    expect(sampleRatioMismatch([900, 100], [9, 1]).passed).toBe(true);
    expect(sampleRatioMismatch([900, 100], [1, 1]).passed).toBe(false);
  });
});

describe("analyseExperiment", () => {
  const aggregate = (variant: string, units: number, purchases: number, clicks: number, impressions: number): VariantAggregate => ({
    variant,
    units,
    impressions,
    clickedImpressions: clicks,
    unitsWithAddToCart: purchases * 2,
    unitsWithPurchase: purchases,
    deviceOrders: purchases,
    attachedDeviceOrders: Math.round(purchases / 3),
    orderValue: { n: purchases, sum: purchases * 100, sumSquares: purchases * 100 * 100 + purchases * 400 },
    revenue: { n: units, sum: purchases * 100, sumSquares: purchases * 100 * 100 + purchases * 400 },
  });

  it("ships a clearly better variant, keeps an empty holdout's click metrics undefined, and passes SRM", () => {
    const analysis = analyseExperiment(
      [aggregate("control", 5000, 400, 500, 10000), aggregate("better", 5010, 600, 700, 10000), aggregate("holdout", 1000, 70, 0, 0)],
      [{ name: "control", weight: 45 }, { name: "better", weight: 45 }, { name: "holdout", weight: 9 }],
      "control",
    );
    expect(analysis.srm.passed).toBe(true);
    expect(analysis.decisions.find((d) => d.variant === "better")?.verdict).toBe("ship");
    const holdout = analysis.variants.find((v) => v.variant === "holdout")!;
    expect(Number.isNaN(holdout.metrics.ctr.value.estimate)).toBe(true);
    expect(holdout.metrics.conversion.lift!.relative.estimate).toBeCloseTo(70 / 1000 / (400 / 5000) - 1, 12);
    expect(analysis.variants[0].metrics.conversion.lift).toBeUndefined();
  });

  it("declares an SRM-failing experiment invalid and a harmful variant a guardrail failure", () => {
    const srm = analyseExperiment([aggregate("control", 5000, 400, 0, 0), aggregate("b", 4000, 400, 0, 0)], [{ name: "control", weight: 1 }, { name: "b", weight: 1 }], "control");
    expect(srm.decisions[0].verdict).toBe("invalid");
    expect(srm.guardrails[0]).toMatchObject({ name: "sample_ratio", status: "fail" });
    const worse = analyseExperiment([aggregate("control", 5000, 600, 0, 0), aggregate("b", 5000, 400, 0, 0)], [{ name: "control", weight: 1 }, { name: "b", weight: 1 }], "control");
    expect(worse.guardrails.find((g) => g.name === "conversion")?.status).toBe("fail");
    expect(worse.decisions[0].verdict).toBe("stop");
  });
});
