/**
 * @module
 * Publishing a build: every blob is written under the build's own prefix first, the catalogue and the build
 * record go to D1, and only then does the `live` pointer flip, so the edge switches builds all at once.
 * Independent writes run in parallel (each is a wrangler call of a second or two).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodeBase64 } from "../../core/blob/base64";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { stockOverlay } from "../../core/catalog/stock-overlay";
import { CONFIG_KEYS, itemKey, LIVE_POINTER_KEY, type LivePointer, metaKey } from "../../core/keys";
import { builds } from "../../db/schema";
import type { Artifacts } from "../build/artifacts";
import type { CatalogProduct } from "../io/read-catalog";
import { buildsToRetire, listBuilds, markLiveSql, retireBuilds } from "./build-history";
import { catalogIntelligenceSql } from "./catalog-intelligence-sql";
import { catalogSql } from "./catalog-sql";
import { insertStatements } from "./sql-literal";
import { allOrAbort, type Target, wrangler, type WranglerOptions } from "./wrangler-cli";

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

interface KvEntry {
  key: string;
  value: string;
}

/** The KV pairs of a build: its meta blob and one blob per item that has lists, base64 text. */
function buildKvEntries(artifacts: Artifacts): KvEntry[] {
  const build = artifacts.manifest.build_id;
  const itemIds = decodeMetaBlob(artifacts.meta).items;
  const entries: KvEntry[] = [{ key: metaKey(build), value: encodeBase64(artifacts.meta) }];
  artifacts.itemBlobs.forEach((blob, index) => {
    if (blob !== undefined) entries.push({ key: itemKey(build, itemIds[index]), value: encodeBase64(blob) });
  });
  return entries;
}

export async function publish(artifacts: Artifacts, target: Target, options: PublishOptions = {}): Promise<PublishResult> {
  const log = options.log ?? (() => {});
  const build = artifacts.manifest.build_id;
  const work = await mkdtemp(path.join(tmpdir(), "edgerec-publish-"));
  try {
    log(`applying D1 migrations (${target})`);
    await wrangler(["d1", "migrations", "apply", "DB"], target, options);

    const entries = buildKvEntries(artifacts);
    const now = Math.floor(Date.now() / 1000);
    if (artifacts.catalog !== undefined) entries.push({ key: CONFIG_KEYS.stock, value: JSON.stringify(stockOverlay(outOfStockIds(artifacts.catalog), now)) });
    const kvFile = path.join(work, "kv.json");
    await writeFile(kvFile, JSON.stringify(entries));
    const kvBytes = entries.reduce((sum, e) => sum + e.key.length + e.value.length, 0);

    const sql: string[] = [];
    if (artifacts.catalog !== undefined) sql.push(catalogSql(artifacts.catalog));
    if (artifacts.publication !== undefined) sql.push(catalogIntelligenceSql(artifacts.publication));
    sql.push(
      ...insertStatements(builds, [
        { id: build, createdAt: Math.floor(Date.parse(artifacts.manifest.created_at) / 1000), publishedAt: now, status: "published", manifest: { ...artifacts.manifest } },
      ]),
    );
    const sqlFile = path.join(work, "publish.sql");
    await writeFile(sqlFile, sql.join(""));

    const graph = artifacts.publication === undefined ? "" : `, ${artifacts.publication.graph.nodes.length} graph nodes, ${artifacts.publication.bundles.length} bundles`;
    log(`writing ${entries.length} KV keys (${(kvBytes / 1024).toFixed(0)} KiB) under b/${build}/, ${artifacts.catalog?.length ?? 0} products${graph} and the build record to D1`);
    // KV and D1 writes overlap; D1 calls stay one at a time (two writers on one local database lock it).
    const d1Writes = (async () => {
      const history = await listBuilds(target, options);
      await wrangler(["d1", "execute", "DB", "--file", sqlFile], target, options);
      return history;
    })();
    const [history] = await allOrAbort([d1Writes, wrangler(["kv", "bulk", "put", kvFile, "--binding", "KV"], target, options)]);
    const previous = history.find((b) => b.status === "live" && b.id !== build)?.id;

    await flipPointer({ build, published_at: now, ...(previous !== undefined ? { previous } : {}) }, target, options, work);
    log(`live -> ${build}${previous ? ` (was ${previous})` : ""}`);

    const retired = buildsToRetire([{ id: build, status: "live", created_at: now, published_at: now }, ...history], build, options.keep ?? 3);
    await wrangler(["d1", "execute", "DB", "--command", markLiveSql(build)], target, options);
    await retireBuilds(retired, target, options);
    if (retired.length > 0) log(`deleted the blobs of ${retired.length} old build(s): ${retired.join(", ")}`);
    return { build, previous, kvKeys: entries.length, kvBytes, products: artifacts.catalog?.length ?? 0, retired };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The catalogue's out-of-stock ids: the stock overlay as of the build, which the products just written to D1 agree with. */
function outOfStockIds(catalog: readonly CatalogProduct[]): string[] {
  return catalog.filter((p) => p.stock !== undefined && p.stock <= 0).map((p) => p.id);
}

/** Makes `pointer.build` live; its blobs must already be in KV. */
export async function flipPointer(pointer: LivePointer, target: Target, options: WranglerOptions, work: string): Promise<void> {
  const file = path.join(work, "pointer.json");
  await writeFile(file, JSON.stringify([{ key: LIVE_POINTER_KEY, value: JSON.stringify(pointer) }]));
  await wrangler(["kv", "bulk", "put", file, "--binding", "KV"], target, options);
}

export async function readKey(key: string, target: Target, options: WranglerOptions): Promise<string | null> {
  try {
    return await wrangler(["kv", "key", "get", key, "--binding", "KV", "--text"], target, options);
  } catch {
    return null;
  }
}
