/**
 * @module
 * Rollback: point `live` back at an earlier build, one pointer write, no rebuild. Only a build that was written
 * completely and made live before (`build-history.ts`) is a target, the one live most recently first; a build a
 * killed publish left half-written, or that never went live, is not. After the flip the build is recorded live
 * and the stock overlay is computed again from its catalogue rows (an overlay names the build it is for).
 */
import { stockOverlay } from "../../core/catalog/stock-overlay";
import { CONFIG_KEYS, LIVE_POINTER_KEY, metaKey, parseLivePointer } from "../../core/keys";
import { isRestorable, listBuilds, markLiveSql, rollbackTargets } from "./build-history";
import { flipPointer, openReleaseStore } from "./publish";
import type { ReleaseStore } from "./release-store";
import { sqlLiteral } from "./sql-literal";
import { allOrAbort, type Target, type WranglerOptions } from "./wrangler-cli";

export class RollbackError extends Error {
  override name = "RollbackError";
}

export interface RollbackResult {
  from: string | null;
  to: string;
}

export async function rollback(target: Target, options: WranglerOptions & { to?: string } = {}): Promise<RollbackResult> {
  const store = await openReleaseStore(target, options);
  try {
    return await rollbackIn(store, options.to);
  } finally {
    await store.close();
  }
}

async function rollbackIn(store: ReleaseStore, named?: string): Promise<RollbackResult> {
  const [pointer, builds] = await allOrAbort([store.getText(LIVE_POINTER_KEY), listBuilds(store)]);
  const current = parseLivePointer(pointer)?.build ?? null;
  const targets = rollbackTargets(builds, current);
  let to = named;
  if (to === undefined) {
    if (targets.length === 0) {
      const known = builds.map((b) => `${b.id} ${b.status}${isRestorable(b) ? "" : b.written_at === null ? " (not written completely)" : " (never live)"}`).join(", ");
      throw new RollbackError(`no earlier build to roll back to (live: ${current ?? "none"}; builds: ${known || "none"})`);
    }
    to = targets[0].id;
  } else {
    const record = builds.find((b) => b.id === to);
    if (record === undefined) throw new RollbackError(`unknown build "${to}" (known: ${builds.map((b) => b.id).join(", ") || "none"})`);
    if (to === current) throw new RollbackError(`build ${to} is already live`);
    if (!isRestorable(record)) {
      const why = record.status === "retired" || record.status === "retiring" ? "its blobs were deleted" : record.written_at === null ? "its publish did not finish writing it" : "it was never live";
      throw new RollbackError(`build ${to} is not a rollback target: ${why}`);
    }
  }
  if ((await store.getText(metaKey(to))) === null) throw new RollbackError(`the blobs of build ${to} are no longer in KV; rebuild and publish instead`);
  const now = Math.floor(Date.now() / 1000);
  await flipPointer(store, { build: to, published_at: now, ...(current !== null ? { previous: current } : {}) });
  const build = sqlLiteral(to);
  const queries = [markLiveSql(to, now), `SELECT COUNT(*) AS n FROM products WHERE build_id = ${build};`, `SELECT id FROM products WHERE build_id = ${build} AND stock IS NOT NULL AND stock <= 0 ORDER BY id`];
  const results = (await store.query(queries)) as Array<Array<{ n?: number; id?: string }>>;
  const products = results.at(-2)?.[0]?.n ?? 0;
  const outOfStock = (results.at(-1) ?? []).map((r) => r.id as string);
  // Without catalogue rows there is nothing to say about stock: the build's own flags stand.
  if (products > 0) await store.put([{ key: CONFIG_KEYS.stock, value: JSON.stringify(stockOverlay(outOfStock, now, to)) }]);
  return { from: current, to };
}
