/**
 * @module
 * The out-of-stock overlay from D1 `products.stock` to KV `cfg/stock` (`stock-overlay.ts`): after every admin stock
 * change and from the cron, so stock reaches the edge within minutes without a rebuild. It is computed from the
 * live build's catalogue rows and names that build.
 */
import { CONFIG_KEYS } from "../../core/keys";
import { stockOverlay } from "../../core/catalog/stock-overlay";
import { liveCatalogId } from "../storage/live-catalog";

/** Writes the ids D1 holds at zero (or less) stock; returns how many. */
export async function publishStock(env: Env, now = Math.floor(Date.now() / 1000)): Promise<number> {
  const build = await liveCatalogId(env);
  const { results } = await env.DB.prepare("SELECT id FROM products WHERE build_id = ?1 AND stock IS NOT NULL AND stock <= 0 ORDER BY id").bind(build).all<{ id: string }>();
  const overlay = stockOverlay(results.map((r) => r.id), now, build);
  await env.KV.put(CONFIG_KEYS.stock, JSON.stringify(overlay));
  return overlay.out.length;
}
