/**
 * @module
 * The simulator's view of the edge: recommendation requests and event batches over HTTP, retried on
 * connection errors and 5xx (safe: events are idempotent by event_id, recommendations are reads).
 */

export interface RecommendationAnswer {
  rec_id: string;
  variant?: string;
  slots: Array<{ kind: string; title: string; items: Array<{ id: string }> }>;
}

export interface ClientStats {
  recommendations: number;
  eventRequests: number;
  accepted: number;
  duplicates: number;
  retries: number;
  rejected: number;
}

export class StorefrontClient {
  readonly stats: ClientStats = { recommendations: 0, eventRequests: 0, accepted: 0, duplicates: 0, retries: 0, rejected: 0 };

  constructor(
    readonly baseUrl: string,
    private readonly maxAttempts = 5,
  ) {}

  async recommend(body: Record<string, unknown>): Promise<RecommendationAnswer> {
    this.stats.recommendations++;
    const response = await this.post("/v1/recommendations", body);
    return (await response.json()) as RecommendationAnswer;
  }

  async sendEvents(events: ReadonlyArray<Record<string, unknown>>): Promise<void> {
    if (events.length === 0) return;
    this.stats.eventRequests++;
    const response = await this.post("/v1/events", { events });
    const body = (await response.json()) as { accepted: number; duplicates: number };
    this.stats.accepted += body.accepted;
    this.stats.duplicates += body.duplicates;
  }

  private async post(path: string, body: unknown): Promise<Response> {
    const payload = JSON.stringify(body);
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(`${this.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: payload });
        if (response.ok) return response;
        const text = await response.text();
        if (response.status < 500 || attempt >= this.maxAttempts) {
          this.stats.rejected++;
          throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
        }
      } catch (error) {
        if (attempt >= this.maxAttempts || (error as Error).message.includes(" answered ")) throw error;
      }
      this.stats.retries++;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
