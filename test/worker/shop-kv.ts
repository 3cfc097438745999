/**
 * @module
 * Publishes the demo-like shop of `test/fixtures/shop-build.ts` into the worker's KV the way `edgerec publish`
 * does: blobs base64 under the build's prefix, then the `live` pointer.
 */
import { encodeBase64 } from "../../core/blob/base64";
import { itemKey, LIVE_POINTER_KEY, metaKey } from "../../core/keys";
import { shopBlobs } from "../fixtures/shop-build";

export async function publishShop(kv: KVNamespace, buildId: string): Promise<void> {
  const { meta, items } = shopBlobs(buildId);
  await kv.put(metaKey(buildId), encodeBase64(meta));
  for (const [id, blob] of items) await kv.put(itemKey(buildId, id), encodeBase64(blob));
  await kv.put(LIVE_POINTER_KEY, JSON.stringify({ build: buildId, published_at: 1_790_000_000 }));
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const { exports } = await import("cloudflare:workers");
  return exports.default.fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}
