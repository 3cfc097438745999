/**
 * @module
 * The builds D1 knows about and what publish and rollback do with their records (`builds` in `db/schema.ts`):
 * a build is recorded `writing` before anything of it is written, `published` with `written_at` once every blob
 * and catalogue row is in place, `live` with `live_at` when the pointer names it. Only builds that were written
 * completely and made live are rollback targets or kept; everything else a publish finds (a killed publish's
 * leftovers, builds past the keep count) is purged: recorded `retiring` first, so it is never a target while
 * its blobs go, then its KV keys (listed and deleted until none is left) and catalogue rows, then `retired`. A build
 * whose blobs a kept build still reads (`kept-blobs.ts`) loses only the others and stays `retiring`, so a later
 * publish finishes the purge once no kept build reads them.
 */
import { type BlobHomes, readsUnder } from "../../core/blob/blob-homes";
import { buildPrefix } from "../../core/keys";
import { deletePrefix, type ReleaseStore } from "./release-store";
import { sqlLiteral } from "./sql-literal";

export interface BuildRecord {
  id: string;
  status: "writing" | "published" | "live" | "retiring" | "retired";
  created_at: number;
  published_at: number | null;
  written_at: number | null;
  live_at: number | null;
  /** Items in the build's dictionary (its manifest's counts.items), null when unknown. */
  items: number | null;
}

/** Builds, most recently published first, after running `before` (SQL statements) in the same call. */
export async function listBuilds(store: ReleaseStore, before: readonly string[] = []): Promise<BuildRecord[]> {
  const query =
    "SELECT id, status, created_at, published_at, written_at, live_at, json_extract(manifest, '$.counts.items') AS items FROM builds ORDER BY published_at DESC, created_at DESC";
  return ((await store.query<BuildRecord>([...before, query])).at(-1) ?? []) as BuildRecord[];
}

/** Written completely and made live at some point: what rollback may go back to and what publish keeps. */
export function isRestorable(build: BuildRecord): boolean {
  return build.written_at !== null && build.live_at !== null && (build.status === "published" || build.status === "live");
}

/** Restorable builds other than `current`, the one live most recently first. */
export function rollbackTargets(builds: readonly BuildRecord[], current: string | null): BuildRecord[] {
  return builds.filter((b) => b.id !== current && isRestorable(b)).sort((a, b) => (b.live_at ?? 0) - (a.live_at ?? 0));
}

/**
 * What a publish of `live` (now live) purges with `keep` builds kept: restorable builds past the `keep - 1` most
 * recently live others, and every build that is not restorable and not retired (a killed publish's leftovers),
 * except `live` itself.
 */
export function buildsToPurge(builds: readonly BuildRecord[], live: string, keep: number): string[] {
  const kept = new Set(rollbackTargets(builds, live).slice(0, Math.max(0, keep - 1)).map((b) => b.id));
  return builds.filter((b) => b.id !== live && b.status !== "retired" && !kept.has(b.id)).map((b) => b.id);
}

/** SQL that records `build` as being written (a live build stays live: republishing it rewrites the same content). */
export function recordWritingSql(build: { id: string; createdAt: number; manifest: unknown }, now: number): string {
  const values = [build.id, build.createdAt, now, "writing", JSON.stringify(build.manifest)].map(sqlLiteral).join(", ");
  return `INSERT INTO builds (id, created_at, published_at, status, manifest, written_at, live_at) VALUES (${values}, NULL, NULL)
ON CONFLICT(id) DO UPDATE SET published_at = excluded.published_at, manifest = excluded.manifest,
  status = CASE WHEN builds.status = 'live' THEN 'live' ELSE 'writing' END,
  written_at = CASE WHEN builds.status = 'live' THEN builds.written_at ELSE NULL END;\n`;
}

/** SQL that records every blob and row of `build` as written. */
export function recordWrittenSql(build: string, now: number): string {
  return `UPDATE builds SET status = CASE WHEN status = 'live' THEN 'live' ELSE 'published' END, written_at = ${now} WHERE id = ${sqlLiteral(build)};`;
}

/** SQL that records `live` as the live build (after the pointer flip); the previously live one stays restorable. */
export function markLiveSql(live: string, now: number): string {
  const id = sqlLiteral(live);
  return `UPDATE builds SET status = CASE WHEN id = ${id} THEN 'live' WHEN status = 'live' THEN 'published' ELSE status END, live_at = CASE WHEN id = ${id} THEN ${now} ELSE live_at END;\n`;
}

/** SQL that records the builds as being purged: from then on never a rollback target. */
export function recordRetiringSql(ids: readonly string[]): string {
  return ids.length === 0 ? "" : `UPDATE builds SET status = 'retiring' WHERE id IN (${ids.map(sqlLiteral).join(",")});\n`;
}

/**
 * Deletes the KV keys and catalogue rows of builds recorded `retiring` (`recordRetiringSql`), then records them
 * `retired`; `kept`: the blob homes of the builds kept, whose blobs under a purged build's prefix stay.
 */
export async function purgeBuilds(ids: readonly string[], store: ReleaseStore, kept: readonly BlobHomes[] = []): Promise<void> {
  if (ids.length === 0) return;
  const list = ids.map(sqlLiteral).join(",");
  const done: string[] = [];
  for (const id of ids) {
    if (!kept.some((homes) => homes.builds.includes(id))) {
      await deletePrefix(store, buildPrefix(id));
      done.push(id);
    } else await deleteUnread(store, id, kept);
  }
  const retired = done.length === 0 ? [] : [`UPDATE builds SET status = 'retired' WHERE id IN (${done.map(sqlLiteral).join(",")})`];
  await store.execute([`DELETE FROM products WHERE build_id IN (${list})`, `DELETE FROM categories WHERE build_id IN (${list})`, ...retired]);
}

/** Deletes the keys of build `id` that no kept build reads (all listed first: deleting while listing would move the pages). */
async function deleteUnread(store: ReleaseStore, id: string, kept: readonly BlobHomes[]): Promise<void> {
  const prefix = buildPrefix(id);
  const names = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await store.listKeys(prefix, cursor);
    const before = names.size;
    for (const name of page.names) names.add(name);
    // A store that lists everything at once may still name a cursor it does not take.
    cursor = names.size > before ? page.cursor : undefined;
  } while (cursor !== undefined);
  const unread = [...names].filter((key) => !kept.some((homes) => readsUnder(homes, id, key.slice(prefix.length))));
  for (let i = 0; i < unread.length; i += DELETE_CHUNK) await store.delete(unread.slice(i, i + DELETE_CHUNK));
}

/** Keys deleted per call. */
const DELETE_CHUNK = 10_000;
