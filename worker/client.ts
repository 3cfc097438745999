/**
 * @module
 * The typed client for storefronts: every route, its request and its answer typed from the app itself.
 *
 *   const edge = createClient("https://recs.example.com");
 *   const res = await edge.v1.recommendations.$post({ json: { placement: "checkout", cart: ["sku-1"] } });
 *   if (res.ok) for (const slot of (await res.json()).slots) render(slot);
 */
import { type ClientRequestOptions, hc } from "hono/client";
import type { AppType } from "./app";

export type EdgerecClient = ReturnType<typeof hc<AppType>>;

export function createClient(baseUrl: string, options?: ClientRequestOptions): EdgerecClient {
  return hc<AppType>(baseUrl, options);
}

export type { AppType };
