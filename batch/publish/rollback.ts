/**
 * @module
 * Rollback: point `live` back at an earlier build whose blobs are still in KV. One pointer write, no rebuild.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LIVE_POINTER_KEY, metaKey, parseLivePointer } from "../../core/keys";
import { listBuilds, markLiveSql } from "./build-history";
import { flipPointer, readKey } from "./publish";
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
  let to = options.to;
  if (to === undefined) {
    const candidates = builds.filter((b) => b.id !== current && b.status !== "retired");
    if (candidates.length === 0) throw new RollbackError(`no earlier build to roll back to (live: ${current ?? "none"}; builds: ${builds.map((b) => `${b.id} ${b.status}`).join(", ") || "none"})`);
    to = candidates[0].id;
  } else if (!builds.some((b) => b.id === to)) {
    throw new RollbackError(`unknown build "${to}" (known: ${builds.map((b) => b.id).join(", ") || "none"})`);
  }
  if (to === current) throw new RollbackError(`build ${to} is already live`);
  if ((await readKey(metaKey(to), target, options)) === null) throw new RollbackError(`the blobs of build ${to} are no longer in KV (retired); rebuild and publish instead`);
  const work = await mkdtemp(path.join(tmpdir(), "edgerec-rollback-"));
  try {
    await flipPointer({ build: to, published_at: Math.floor(Date.now() / 1000), ...(current !== null ? { previous: current } : {}) }, target, options, work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await wrangler(["d1", "execute", "DB", "--command", markLiveSql(to)], target, options);
  return { from: current, to };
}
