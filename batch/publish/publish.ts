/**
 * @module
 * Publishing a build, so that a publish killed at any point leaves the edge serving a complete build and every
 * rollback target complete:
 *
 *   1. the build is recorded `writing` in D1 (`build-history.ts`);
 *   2. its blobs go under its own KV prefix and its catalogue rows into D1 under its build id (a build without a
 *      catalogue gets a copy of the live build's rows): nothing the edge reads yet;
 *   3. it is recorded `written`;
 *   4. the `live` pointer flips to it: the edge switches blobs and catalogue at once;
 *   5. it is recorded `live`, the catalogue intelligence written, the stock overlay (naming the build) written;
 *   6. builds past `keep`, and the leftovers of killed publishes, are purged.
 *
 * Before anything is written, the artifacts must agree with their manifest (`readArtifacts`) and a build with far
 * fewer items than the live one is refused unless forced. Everything goes through one release store
 * (`release-store.ts`): locally one Miniflare runtime, so the Workers runtime starts once, not once per operation.
 */
import { encodeBase64 } from "../../core/blob/base64";
import type { EdgeBlob } from "../../core/blob/edge-format";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { publishedStockOverlay } from "../../core/catalog/stock-overlay";
import { CONFIG_KEYS, LIVE_POINTER_KEY, type LivePointer, metaKey, parseLivePointer } from "../../core/keys";
import { type Artifacts, edgeBlobsOfArtifacts, outOfStockIds } from "../build/artifacts";
import { InputRejectedError } from "../io/input-error";
import { buildsToPurge, listBuilds, markLiveSql, purgeBuilds, recordRetiringSql, recordWritingSql, recordWrittenSql } from "./build-history";
import { catalogIntelligenceSql } from "./catalog-intelligence-sql";
import { catalogStatements, copyCatalogSql } from "./catalog-sql";
import { homesOf, type KeptPlan, planKept } from "./kept-blobs";
import { localReleaseStore } from "./local-release-store";
import type { KvEntry, ReleaseStore } from "./release-store";
import { sqlLiteral } from "./sql-literal";
import { allOrAbort, type Target, type WranglerOptions } from "./wrangler-cli";
import { wranglerReleaseStore } from "./wrangler-release-store";

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
  /** Publish even a build with far fewer items than the live one. */
  force?: boolean;
  log?: (line: string) => void;
}

/** A build refused before anything was written. */
class PublishRefusedError extends InputRejectedError {
  override name = "PublishRefusedError";
}

/** A build with fewer than this share of the live build's items is refused unless forced. */
const MIN_ITEM_SHARE = 0.5;

/** KV pairs written per call to the store while a build's blobs stream out. */
const PUT_CHUNK = 5_000;

/** The KV pairs of a build in the edge format (`core/blob/edge-format.ts`), base64 text, a chunk at a time: `plan`'s global blob, then the rest `plan` writes. */
function* buildKvChunks(blobs: Iterator<EdgeBlob>, plan: KeptPlan): Generator<KvEntry[]> {
  let chunk: KvEntry[] = [{ key: plan.global.key, value: encodeBase64(plan.global.bytes) }];
  for (let next = blobs.next(); !next.done; next = blobs.next()) {
    const key = plan.keyOf(next.value);
    if (key === undefined) continue;
    chunk.push({ key, value: encodeBase64(next.value.bytes) });
    if (chunk.length === PUT_CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Writes every chunk; returns the keys and bytes (key plus value lengths) written. */
async function putChunks(store: ReleaseStore, chunks: Iterable<KvEntry[]>): Promise<{ keys: number; bytes: number }> {
  let keys = 0;
  let bytes = 0;
  for (const chunk of chunks) {
    await store.put(chunk);
    keys += chunk.length;
    for (const e of chunk) bytes += e.key.length + e.value.length;
  }
  return { keys, bytes };
}

/** The store publish and rollback write through: one Miniflare runtime for local state, the wrangler CLI for the account. */
export function openReleaseStore(target: Target, options: WranglerOptions): Promise<ReleaseStore> {
  return target === "local" ? localReleaseStore(options) : wranglerReleaseStore(target, options);
}

export async function publish(artifacts: Artifacts, target: Target, options: PublishOptions = {}): Promise<PublishResult> {
  const store = await openReleaseStore(target, options);
  try {
    return await publishTo(store, artifacts, target, options);
  } finally {
    await store.close();
  }
}

async function publishTo(store: ReleaseStore, artifacts: Artifacts, target: Target, options: PublishOptions): Promise<PublishResult> {
  const log = options.log ?? (() => {});
  const build = artifacts.manifest.build_id;
  log(`applying D1 migrations (${target})`);
  const [, pointer] = await allOrAbort([store.migrate(), store.getText(LIVE_POINTER_KEY)]);
  const live = parseLivePointer(pointer)?.build ?? null;
  const now = Math.floor(Date.now() / 1000);
  const record = { id: build, createdAt: Math.floor(Date.parse(artifacts.manifest.created_at) / 1000), manifest: artifacts.manifest };
  const history = await listBuilds(store, [recordWritingSql(record, now)]);
  const liveRecord = history.find((b) => b.id === live);
  const meta = decodeMetaBlob(artifacts.meta);
  const items = meta.items.length;
  if (!options.force && live !== build && liveRecord?.items != null && items < liveRecord.items * MIN_ITEM_SHARE) {
    await store.execute([`DELETE FROM builds WHERE id = ${sqlLiteral(build)} AND status = 'writing'`]);
    throw new PublishRefusedError(
      `build ${build} has ${items} items, the live build ${live} ${liveRecord.items}: fewer than ${MIN_ITEM_SHARE * 100}% of them (an input cut short?); publish with --force to make it live anyway`,
    );
  }

  const catalog = artifacts.catalog !== undefined ? catalogStatements(artifacts.catalog, build) : live !== null && live !== build ? copyCatalogSql(live, build) : [];
  const footprint = artifacts.manifest.kv;
  log(
    `writing ${footprint?.keys ?? "the"} KV keys${footprint !== undefined ? ` (${(footprint.bytes / 1024).toFixed(0)} KiB)` : ""} under b/${build}/ and ${artifacts.catalog?.length ?? "the live build's"} products under build ${build} in D1`,
  );
  const blobs = edgeBlobsOfArtifacts(artifacts, meta)[Symbol.iterator]();
  const first = blobs.next();
  if (first.done || first.value.key !== metaKey(build)) throw new PublishRefusedError(`build ${build}: its edge format does not start with its global blob`);
  const plan = await planKept(store, build, history, first.value);
  if (plan.present.length > 0) log(`keeping the blobs ${artifacts.manifest.kv?.kept_keys ?? "it"} names where build(s) ${plan.present.join(", ")} wrote them`);
  if (plan.missing.length > 0) log(`build(s) ${plan.missing.join(", ")} are not in this store: writing the blobs kept there under b/${build}/`);
  const [, written] = await allOrAbort([store.execute(catalog), putChunks(store, buildKvChunks(blobs, plan))]);
  await store.execute([recordWrittenSql(build, now)]);

  const previous = live !== null && live !== build ? live : undefined;
  await flipPointer(store, { build, published_at: now, ...(previous !== undefined ? { previous } : {}) });
  log(`live -> ${build}${previous ? ` (was ${previous})` : ""}`);

  const nowLive = history.map((b) => (b.id === build ? { ...b, status: "live" as const, written_at: now, live_at: now } : b));
  if (!nowLive.some((b) => b.id === build)) nowLive.push({ id: build, status: "live", created_at: record.createdAt, published_at: now, written_at: now, live_at: now, items });
  const purged = buildsToPurge(nowLive, build, options.keep ?? 3);
  const liveSql = [markLiveSql(build, now), recordRetiringSql(purged), ...(artifacts.publication !== undefined ? catalogIntelligenceSql(artifacts.publication) : [])].filter((s) => s !== "");
  const overlay = artifacts.catalog === undefined ? [] : [{ key: CONFIG_KEYS.stock, value: JSON.stringify(publishedStockOverlay(outOfStockIds(artifacts.catalog), now, build)) }];
  await allOrAbort([store.execute(liveSql), store.put(overlay)]);

  const kept = nowLive.filter((b) => !purged.includes(b.id) && b.status !== "retired" && b.status !== "retiring").map((b) => b.id);
  await purgeBuilds(purged, store, await homesOf(store, kept));
  if (purged.length > 0) log(`deleted the blobs and catalogue rows of ${purged.length} build(s) no longer kept: ${purged.join(", ")}`);
  return { build, previous, kvKeys: written.keys, kvBytes: written.bytes, products: artifacts.catalog?.length ?? 0, retired: purged };
}

/** Makes `pointer.build` live; its blobs must already be in KV. */
export async function flipPointer(store: ReleaseStore, pointer: LivePointer): Promise<void> {
  await store.put([{ key: LIVE_POINTER_KEY, value: JSON.stringify(pointer) }]);
}
