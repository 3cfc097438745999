/**
 * @module
 * The latency benchmark's hooks (the bare KV-read route and the item-cache bypass header) exist only where the
 * `BENCH_ROUTES` variable is "on": `bench/latency.ts` sets it on its own `wrangler dev`; production leaves it off.
 */

export const BYPASS_CACHE_HEADER = "x-edgerec-bypass-item-cache";

export function benchRoutesEnabled(env: Env): boolean {
  return env.BENCH_ROUTES === "on";
}
