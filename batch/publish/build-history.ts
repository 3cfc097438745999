/**
 * @module
 * The builds D1 knows about, and what publish and rollback do with them: mark which one is live, and delete
 * the blobs of builds too old to roll back to.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildPrefix } from "../../core/keys";
import { sqlLiteral } from "./sql-literal";
import { type Target, wrangler, type WranglerOptions } from "./wrangler-cli";

export interface BuildRecord {
  id: string;
  status: "published" | "live" | "retired";
  created_at: number;
  published_at: number | null;
}

/** Builds, most recently published first. */
export async function listBuilds(target: Target, options: WranglerOptions): Promise<BuildRecord[]> {
  const out = await wrangler(["d1", "execute", "DB", "--json", "--command", "SELECT id, status, created_at, published_at FROM builds ORDER BY published_at DESC, created_at DESC"], target, options);
  const parsed = JSON.parse(out) as Array<{ results: BuildRecord[] }>;
  return parsed[0]?.results ?? [];
}

/** SQL that marks `live` as the live build and the previously live one as published (still restorable). */
export function markLiveSql(live: string): string {
  return `UPDATE builds SET status = CASE WHEN id = ${sqlLiteral(live)} THEN 'live' WHEN status = 'live' THEN 'published' ELSE status END;`;
}

/**
 * Which builds lose their blobs when `live` is live and `keep` builds are kept: the oldest published ones
 * beyond the `keep - 1` most recent others.
 */
export function buildsToRetire(builds: readonly BuildRecord[], live: string, keep: number): string[] {
  return builds
    .filter((b) => b.id !== live && b.status !== "retired")
    .slice(Math.max(0, keep - 1))
    .map((b) => b.id);
}

/** Deletes the KV blobs of the given builds and marks them retired in D1. */
export async function retireBuilds(ids: readonly string[], target: Target, options: WranglerOptions): Promise<void> {
  if (ids.length === 0) return;
  const work = await mkdtemp(path.join(tmpdir(), "edgerec-retire-"));
  try {
    for (const id of ids) {
      const listed = JSON.parse(await wrangler(["kv", "key", "list", "--binding", "KV", "--prefix", buildPrefix(id)], target, options)) as Array<{ name: string }>;
      if (listed.length === 0) continue;
      const file = path.join(work, `${id}.json`);
      await writeFile(file, JSON.stringify(listed.map((k) => k.name)));
      await wrangler(["kv", "bulk", "delete", file, "--binding", "KV", "--force"], target, options);
    }
    await wrangler(["d1", "execute", "DB", "--command", `UPDATE builds SET status = 'retired' WHERE id IN (${ids.map(sqlLiteral).join(",")})`], target, options);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
