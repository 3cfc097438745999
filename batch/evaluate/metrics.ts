/**
 * @module
 * Top-k metrics for one held-out item per request, as `basket_completion.py` computes them:
 *
 *   HR@k   = share of requests whose held-out item is among the first k recommendations
 *   NDCG@k = mean of 1 / log2(rank + 1) over hits (one relevant item, so the ideal DCG is 1)
 *   MRR    = mean of 1 / rank over hits within the first k (0 otherwise)
 *   coverage = distinct items shown over all requests / items in the whole input
 */

export interface RankingMetrics {
  requests: number;
  hr: number;
  ndcg: number;
  mrr: number;
  coverage: number;
}

export class MetricsAccumulator {
  private requests = 0;
  private hits = 0;
  private dcg = 0;
  private reciprocal = 0;
  private readonly shown = new Set<string | number>();

  constructor(readonly k: number) {}

  /** Records one request: its recommendations (best first, cart items already removed) and the held-out item. */
  add(recommended: ArrayLike<string | number>, heldOut: string | number): void {
    this.requests++;
    const limit = Math.min(this.k, recommended.length);
    for (let r = 0; r < limit; r++) {
      const item = recommended[r];
      this.shown.add(item);
      if (item === heldOut) {
        this.hits++;
        this.dcg += 1 / Math.log2(r + 2);
        this.reciprocal += 1 / (r + 1);
      }
    }
  }

  result(catalogueItems: number): RankingMetrics {
    const n = Math.max(1, this.requests);
    return {
      requests: this.requests,
      hr: this.hits / n,
      ndcg: this.dcg / n,
      mrr: this.reciprocal / n,
      coverage: catalogueItems > 0 ? this.shown.size / catalogueItems : 0,
    };
  }
}

/** Mean of each metric over runs (e.g. seeds). */
export function meanMetrics(runs: readonly RankingMetrics[]): RankingMetrics {
  const mean = (f: (m: RankingMetrics) => number) => runs.reduce((s, m) => s + f(m), 0) / Math.max(1, runs.length);
  return { requests: mean((m) => m.requests), hr: mean((m) => m.hr), ndcg: mean((m) => m.ndcg), mrr: mean((m) => m.mrr), coverage: mean((m) => m.coverage) };
}
