/**
 * @module
 * Rollback: point `live` back at an earlier build, one pointer write, no rebuild. Only a build that was written
 * completely and made live before (`build-history.ts`) is a target, the one live most recently first; a build a
 * killed publish left half-written, or that never went live, is not. After the flip the build is recorded live
 * and the stock overlay is computed again from its catalogue rows (an overlay names the build it is for).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stockOverlay } from "../../core/catalog/stock-overlay";
import { CONFIG_KEYS, LIVE_POINTER_KEY, metaKey, parseLivePointer } from "../../core/keys";
import { isRestorable, listBuilds, markLiveSql, rollbackTargets } from "./build-history";
import { flipPointer, readKey, writeKeys } from "./publish";
import { sqlLiteral } from "./sql-literal";
import { allOrAbort, type Target, wrangler, type WranglerOptions } from "./wrangler-cli";

export class RollbackError extends Error {
  override name = "RollbackError";
}

export interface RollbackResult {
  from: string | null;
  to: string;
}

export async function rollback(target: Target, options: WranglerOptions & { to?: string } = {}): Promise<RollbackResult> {
  const [pointer, builds] = await allOrAbort([readKey(LIVE_POINTER_KEY, target, options), listBuilds(target, options)]);
  const current = parseLivePointer(pointer)?.build ?? null;
  const targets = rollbackTargets(builds, current);
  let to = options.to;
  if (to === undefined) {
    if (targets.length === 0) {
      const known = builds.map((b) => `${b.id} ${b.status}${isRestorable(b) ? "" : b.written_at === null ? " (not written completely)" : " (never live)"}`).join(", ");
      throw new RollbackError(`no earlier build to roll back to (live: ${current ?? "none"}; builds: ${known || "none"})`);
    }
    to = targets[0].id;
  } else {
    const named = builds.find((b) => b.id === to);
    if (named === undefined) throw new RollbackError(`unknown build "${to}" (known: ${builds.map((b) => b.id).join(", ") || "none"})`);
    if (to === current) throw new RollbackError(`build ${to} is already live`);
    if (!isRestorable(named)) {
      const why = named.status === "retired" || named.status === "retiring" ? "its blobs were deleted" : named.written_at === null ? "its publish did not finish writing it" : "it was never live";
      throw new RollbackError(`build ${to} is not a rollback target: ${why}`);
    }
  }
  if ((await readKey(metaKey(to), target, options)) === null) throw new RollbackError(`the blobs of build ${to} are no longer in KV; rebuild and publish instead`);
  const work = await mkdtemp(path.join(tmpdir(), "edgerec-rollback-"));
  try {
    const now = Math.floor(Date.now() / 1000);
    await flipPointer({ build: to, published_at: now, ...(current !== null ? { previous: current } : {}) }, target, options, work);
    const build = sqlLiteral(to);
    const queries = [markLiveSql(to, now), `SELECT COUNT(*) AS n FROM products WHERE build_id = ${build};`, `SELECT id FROM products WHERE build_id = ${build} AND stock IS NOT NULL AND stock <= 0 ORDER BY id`];
    const results = JSON.parse(await wrangler(["d1", "execute", "DB", "--json", "--command", queries.join("\n")], target, options)) as Array<{ results: Array<{ n?: number; id?: string }> }>;
    const products = results.at(-2)?.results[0]?.n ?? 0;
    const outOfStock = (results.at(-1)?.results ?? []).map((r) => r.id as string);
    // Without catalogue rows there is nothing to say about stock: the build's own flags stand.
    if (products > 0) await writeKeys([{ key: CONFIG_KEYS.stock, value: JSON.stringify(stockOverlay(outOfStock, now, to)) }], target, options, work, "stock");
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { from: current, to };
}
