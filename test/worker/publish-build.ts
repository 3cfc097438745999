/**
 * @module
 * Publishes a hand-made build (`test/fixtures`) into the worker's KV the way `edgerec publish` does: every blob of
 * its edge format base64 under the build's prefix, then the `live` pointer; and a hand-made shop's catalogue rows into D1, under
 * the build they belong to.
 */
import { encodeBase64 } from "../../core/blob/base64";
import { LIVE_POINTER_KEY } from "../../core/keys";
import type { EncodedBuild } from "../fixtures/encoded-build";
import type { ShopItem } from "../fixtures/rules-shop";

export async function publishBuild(kv: KVNamespace, build: EncodedBuild): Promise<void> {
  for (const { key, bytes } of build.edge) await kv.put(key, encodeBase64(bytes));
  await kv.put(LIVE_POINTER_KEY, JSON.stringify({ build: build.buildId, published_at: build.createdAt }));
}

/** The shop's catalogue rows as the publish of `buildId` writes them (the catalogue is versioned by build). */
export async function insertProducts(db: D1Database, rows: readonly ShopItem[], buildId: string): Promise<void> {
  const insert = db.prepare("INSERT OR REPLACE INTO products (build_id, id, title, brand, price, attrs, stock) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  await db.batch(rows.map((item) => insert.bind(buildId, item.id, item.title, item.brand, item.price, JSON.stringify(item.attrs), item.stock)));
}
