import { describe, expect, it } from "vitest";
import { MetricsAccumulator, meanMetrics, RankTally } from "./metrics";

describe("MetricsAccumulator", () => {
  it("computes HR@k, NDCG@k, MRR and coverage by hand", () => {
    const m = new MetricsAccumulator(3);
    m.add(["a", "b", "c", "d"], "a"); // rank 1
    m.add(["b", "c", "d"], "d"); // rank 3
    m.add(["a", "b", "c", "d"], "d"); // rank 4 > k: miss
    m.add([], "x");
    const r = m.result(10);
    expect(r.requests).toBe(4);
    expect(r.hr).toBeCloseTo(2 / 4, 12);
    expect(r.ndcg).toBeCloseTo((1 + 1 / Math.log2(4)) / 4, 12);
    expect(r.mrr).toBeCloseTo((1 + 1 / 3) / 4, 12);
    expect(r.coverage).toBeCloseTo(4 / 10, 12); // a, b, c, d shown within the first 3
  });

  it("averages runs", () => {
    const a = { requests: 10, hr: 0.5, ndcg: 0.3, mrr: 0.2, coverage: 0.1 };
    const b = { requests: 20, hr: 0.3, ndcg: 0.1, mrr: 0.1, coverage: 0.3 };
    const mean = meanMetrics([a, b]);
    expect(mean.requests).toBe(15);
    expect(mean.hr).toBeCloseTo(0.4, 12);
    expect(mean.ndcg).toBeCloseTo(0.2, 12);
    expect(mean.mrr).toBeCloseTo(0.15, 12);
    expect(mean.coverage).toBeCloseTo(0.2, 12);
  });
});

describe("RankTally", () => {
  it("counts 0-based ranks below k as hits, the rest as misses", () => {
    const tally = new RankTally(3);
    for (const rank of [0, 2, 3, 10]) tally.add(rank);
    expect(tally.requests).toBe(4);
    expect(tally.hr).toBeCloseTo(2 / 4, 12);
    expect(tally.ndcg).toBeCloseTo((1 + 1 / Math.log2(4)) / 4, 12);
    expect(tally.mrr).toBeCloseTo((1 + 1 / 3) / 4, 12);
    expect(new RankTally(10).hr).toBe(0);
  });
});
