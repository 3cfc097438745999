/**
 * @module
 * The out-of-stock overlay from D1 `products.stock` to KV `cfg/stock` (`stock-overlay.ts`): after every admin stock
 * change and from the cron, so stock reaches the edge within minutes without a rebuild. It is computed from the
 * live build's catalogue rows and names that build: the full list of items out while it is short, else the changes
 * against the stock the build saw.
 */
import { CONFIG_KEYS } from "../../core/keys";
import { FULL_LIST_LIMIT, stockDelta, stockOverlay } from "../../core/catalog/stock-overlay";
import { liveCatalogId } from "../storage/live-catalog";

/**
 * Writes the ids D1 holds at zero (or less) stock, or, with more than `limit` of them, the changes against the
 * stock the build saw (`products.build_stock`); returns how many items are out of stock.
 */
export async function publishStock(env: Env, now = Math.floor(Date.now() / 1000), limit = FULL_LIST_LIMIT): Promise<number> {
  const build = await liveCatalogId(env);
  const out = "stock IS NOT NULL AND stock <= 0";
  const wasOut = "build_stock IS NOT NULL AND build_stock <= 0";
  const count = (await env.DB.prepare(`SELECT COUNT(*) AS n FROM products WHERE build_id = ?1 AND ${out}`).bind(build).first<number>("n")) ?? 0;
  if (count <= limit || build === "") {
    const { results } = await env.DB.prepare(`SELECT id FROM products WHERE build_id = ?1 AND ${out} ORDER BY id`).bind(build).all<{ id: string }>();
    await env.KV.put(CONFIG_KEYS.stock, JSON.stringify(stockOverlay(results.map((r) => r.id), now, build)));
    return results.length;
  }
  const [soldOut, restocked] = await env.DB.batch<{ id: string }>([
    env.DB.prepare(`SELECT id FROM products WHERE build_id = ?1 AND ${out} AND NOT (${wasOut}) ORDER BY id`).bind(build),
    env.DB.prepare(`SELECT id FROM products WHERE build_id = ?1 AND ${wasOut} AND NOT (${out}) ORDER BY id`).bind(build),
  ]);
  await env.KV.put(CONFIG_KEYS.stock, JSON.stringify(stockDelta(soldOut.results.map((r) => r.id), restocked.results.map((r) => r.id), now, build)));
  return count;
}
