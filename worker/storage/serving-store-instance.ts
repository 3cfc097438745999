/**
 * @module
 * The isolate's one serving store: module state lives as long as the isolate, which is what makes it a cache.
 */
import { ServingStore } from "./serving-store";

let store: ServingStore | undefined;

export function servingStore(env: Env): ServingStore {
  if (store === undefined) {
    const ttl = Number(env.LIVE_POINTER_TTL_MS);
    store = new ServingStore(Number.isFinite(ttl) ? { pointerTtlMs: ttl } : {});
  }
  return store;
}
