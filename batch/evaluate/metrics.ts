/**
 * @module
 * Top-k metrics for one held-out item per request, as `basket_completion.py` computes them:
 *
 *   HR@k   = share of requests whose held-out item is among the first k recommendations
 *   NDCG@k = mean of 1 / log2(rank + 1) over hits (one relevant item, so the ideal DCG is 1)
 *   MRR    = mean of 1 / rank over hits within the first k (0 otherwise)
 *   coverage = distinct items shown over all requests / items in the whole input
 *
 * (rank counted from 1 here; `RankTally` takes it from 0.) The evaluation and the blend's tuning both count
 * with `RankTally`.
 */

export interface RankingMetrics {
  requests: number;
  hr: number;
  ndcg: number;
  mrr: number;
  coverage: number;
}

/** HR@k, NDCG@k and MRR from the 0-based rank of each request's held-out item (k or more: a miss). */
export class RankTally {
  requests = 0;
  private hits = 0;
  private dcg = 0;
  private reciprocal = 0;

  constructor(readonly k: number) {}

  add(rank: number): void {
    this.requests++;
    if (rank >= this.k) return;
    this.hits++;
    this.dcg += 1 / Math.log2(rank + 2);
    this.reciprocal += 1 / (rank + 1);
  }

  get hr(): number {
    return this.hits / Math.max(1, this.requests);
  }

  get ndcg(): number {
    return this.dcg / Math.max(1, this.requests);
  }

  get mrr(): number {
    return this.reciprocal / Math.max(1, this.requests);
  }
}

export class MetricsAccumulator {
  private readonly ranks: RankTally;
  private readonly shown = new Set<string | number>();

  constructor(readonly k: number) {
    this.ranks = new RankTally(k);
  }

  /** Records one request: its recommendations (best first, cart items already removed) and the held-out item. */
  add(recommended: ArrayLike<string | number>, heldOut: string | number): void {
    const limit = Math.min(this.k, recommended.length);
    let rank = this.k;
    for (let r = 0; r < limit; r++) {
      const item = recommended[r];
      this.shown.add(item);
      if (item === heldOut && rank === this.k) rank = r;
    }
    this.ranks.add(rank);
  }

  result(catalogueItems: number): RankingMetrics {
    return {
      requests: this.ranks.requests,
      hr: this.ranks.hr,
      ndcg: this.ranks.ndcg,
      mrr: this.ranks.mrr,
      coverage: catalogueItems > 0 ? this.shown.size / catalogueItems : 0,
    };
  }
}

/** Mean of each metric over runs (e.g. seeds). */
export function meanMetrics(runs: readonly RankingMetrics[]): RankingMetrics {
  const mean = (f: (m: RankingMetrics) => number) => runs.reduce((s, m) => s + f(m), 0) / Math.max(1, runs.length);
  return { requests: mean((m) => m.requests), hr: mean((m) => m.hr), ndcg: mean((m) => m.ndcg), mrr: mean((m) => m.mrr), coverage: mean((m) => m.coverage) };
}
