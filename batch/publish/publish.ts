/**
 * @module
 * Publishing a build: every blob is written under the build's own prefix first, the catalogue and the build
 * record go to D1, and only then does the `live` pointer flip, so the edge switches builds all at once.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodeBase64 } from "../../core/blob/base64";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { itemKey, LIVE_POINTER_KEY, type LivePointer, metaKey, parseLivePointer } from "../../core/keys";
import type { Artifacts } from "../build/artifacts";
import { catalogSql } from "./catalog-sql";
import { markLiveSql, retireOldBuilds } from "./build-history";
import { insertStatement } from "./sql-literal";
import { type Target, wrangler, type WranglerOptions } from "./wrangler-cli";

export interface PublishResult {
  build: string;
  previous?: string;
  kvKeys: number;
  kvBytes: number;
  products: number;
  retired: string[];
}

export interface PublishOptions extends WranglerOptions {
  /** Builds whose blobs stay in KV for rollback, the live one included. */
  keep?: number;
  log?: (line: string) => void;
}

export interface KvEntry {
  key: string;
  value: string;
}

/** The KV pairs of a build: its meta blob and one blob per item that has lists, base64 text. */
export function buildKvEntries(artifacts: Artifacts): KvEntry[] {
  const build = artifacts.manifest.build_id;
  const itemIds = decodeMetaBlob(artifacts.meta).items;
  const entries: KvEntry[] = [{ key: metaKey(build), value: encodeBase64(artifacts.meta) }];
  artifacts.itemBlobs.forEach((blob, index) => {
    if (blob !== undefined) entries.push({ key: itemKey(build, itemIds[index]), value: encodeBase64(blob) });
  });
  return entries;
}

export function publish(artifacts: Artifacts, target: Target, options: PublishOptions = {}): PublishResult {
  const log = options.log ?? (() => {});
  const build = artifacts.manifest.build_id;
  const work = mkdtempSync(path.join(tmpdir(), "edgerec-publish-"));
  try {
    log(`applying D1 migrations (${target})`);
    wrangler(["d1", "migrations", "apply", "DB"], target, options);

    const entries = buildKvEntries(artifacts);
    const kvFile = path.join(work, "kv.json");
    writeFileSync(kvFile, JSON.stringify(entries));
    const kvBytes = entries.reduce((sum, e) => sum + e.key.length + e.value.length, 0);
    log(`writing ${entries.length} KV keys (${(kvBytes / 1024).toFixed(0)} KiB) under b/${build}/`);
    wrangler(["kv", "bulk", "put", kvFile, "--binding", "KV"], target, options);

    const previous = parseLivePointer(readKey(LIVE_POINTER_KEY, target, options))?.build;
    const sql: string[] = [];
    if (artifacts.catalog !== undefined) sql.push(catalogSql(artifacts.catalog));
    const now = Math.floor(Date.now() / 1000);
    sql.push(
      insertStatement("builds", ["id", "created_at", "published_at", "status", "manifest"], [
        [build, Math.floor(Date.parse(artifacts.manifest.created_at) / 1000), now, "published", JSON.stringify(artifacts.manifest)],
      ]),
    );
    const sqlFile = path.join(work, "publish.sql");
    writeFileSync(sqlFile, sql.join(""));
    log(`writing ${artifacts.catalog?.length ?? 0} products and the build record to D1`);
    wrangler(["d1", "execute", "DB", "--file", sqlFile], target, options);

    flipPointer({ build, published_at: now, ...(previous !== undefined && previous !== build ? { previous } : {}) }, target, options, work);
    wrangler(["d1", "execute", "DB", "--command", markLiveSql(build)], target, options);
    log(`live -> ${build}${previous ? ` (was ${previous})` : ""}`);
    const retired = retireOldBuilds(options.keep ?? 3, target, options);
    if (retired.length > 0) log(`deleted the blobs of ${retired.length} old build(s): ${retired.join(", ")}`);
    return { build, previous, kvKeys: entries.length, kvBytes, products: artifacts.catalog?.length ?? 0, retired };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Makes `pointer.build` live; its blobs must already be in KV. */
export function flipPointer(pointer: LivePointer, target: Target, options: WranglerOptions, work: string): void {
  const file = path.join(work, "pointer.json");
  writeFileSync(file, JSON.stringify([{ key: LIVE_POINTER_KEY, value: JSON.stringify(pointer) }]));
  wrangler(["kv", "bulk", "put", file, "--binding", "KV"], target, options);
}

export function readKey(key: string, target: Target, options: WranglerOptions): string | null {
  try {
    return wrangler(["kv", "key", "get", key, "--binding", "KV", "--text"], target, options);
  } catch {
    return null;
  }
}
