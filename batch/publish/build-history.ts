/**
 * @module
 * The builds D1 knows about, and what publish and rollback do with them: mark which one is live, and delete
 * the blobs of builds too old to roll back to.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

export function listBuilds(target: Target, options: WranglerOptions): BuildRecord[] {
  const out = wrangler(["d1", "execute", "DB", "--json", "--command", "SELECT id, status, created_at, published_at FROM builds ORDER BY published_at DESC, created_at DESC"], target, options);
  const parsed = JSON.parse(out) as Array<{ results: BuildRecord[] }>;
  return parsed[0]?.results ?? [];
}

/** SQL that marks `live` as the live build and the previously live one as published (still restorable). */
export function markLiveSql(live: string): string {
  return `UPDATE builds SET status = CASE WHEN id = ${sqlLiteral(live)} THEN 'live' WHEN status = 'live' THEN 'published' ELSE status END;\n`;
}

/**
 * Deletes the KV blobs of every published build beyond the `keep` most recent ones (the live one always stays)
 * and marks them retired. Returns the retired build ids.
 */
export function retireOldBuilds(keep: number, target: Target, options: WranglerOptions): string[] {
  const builds = listBuilds(target, options).filter((b) => b.status !== "retired");
  const retire = builds.filter((b) => b.status !== "live").slice(Math.max(0, keep - 1));
  if (retire.length === 0) return [];
  const work = mkdtempSync(path.join(tmpdir(), "edgerec-retire-"));
  try {
    for (const build of retire) {
      const listed = JSON.parse(wrangler(["kv", "key", "list", "--binding", "KV", "--prefix", buildPrefix(build.id)], target, options)) as Array<{ name: string }>;
      if (listed.length > 0) {
        const file = path.join(work, `${build.id}.json`);
        writeFileSync(file, JSON.stringify(listed.map((k) => k.name)));
        wrangler(["kv", "bulk", "delete", file, "--binding", "KV", "--force"], target, options);
      }
    }
    const ids = retire.map((b) => sqlLiteral(b.id)).join(",");
    wrangler(["d1", "execute", "DB", "--command", `UPDATE builds SET status = 'retired' WHERE id IN (${ids})`], target, options);
    return retire.map((b) => b.id);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
