/**
 * @module
 * Gathers a request's serving data from KV: the live pointer (cached for a few seconds), the build's meta blob
 * and the anchors' item blobs (immutable per build, cached in the isolate), in one bulk read for whatever the
 * cache lacks. A missing or unreadable blob (whatever the decoder throws) is reported as null, never thrown.
 */
import { decodeBase64 } from "../../core/blob/base64";
import { decodeItemBlob, type ItemLists } from "../../core/blob/item-blob";
import { decodeMetaBlob, ItemFlag } from "../../core/blob/meta-blob";
import { itemKey, LIVE_POINTER_KEY, metaKey, parseLivePointer } from "../../core/keys";
import { loadBuild, type LoadedBuild } from "../../core/recommend/loaded-build";
import { anchorIds, type ServingData } from "../../core/recommend/serving-data";
import type { RecommendationRequest } from "../../core/types";
import { TtlCache } from "./ttl-cache";

/** A bulk KV get takes at most 100 keys. */
const BULK_LIMIT = 100;

export interface ServingStoreOptions {
  pointerTtlMs?: number;
  maxItemEntries?: number;
}

export class ServingStore {
  private readonly pointer: TtlCache<0, string | null>;
  private readonly builds = new TtlCache<string, LoadedBuild>(2, Infinity);
  private readonly items: TtlCache<string, ItemLists | null>;

  constructor(options: ServingStoreOptions = {}) {
    this.pointer = new TtlCache(1, options.pointerTtlMs ?? 30_000);
    this.items = new TtlCache(options.maxItemEntries ?? 20_000, Infinity);
  }

  /** The live build id, or null when nothing is published. */
  async liveBuildId(kv: KVNamespace): Promise<string | null> {
    let value = this.pointer.get(0);
    if (value === undefined) {
      value = parseLivePointer(await kv.get(LIVE_POINTER_KEY))?.build ?? null;
      this.pointer.set(0, value);
    }
    return value;
  }

  async load(kv: KVNamespace, request: RecommendationRequest): Promise<ServingData> {
    const lists = new Map<string, ItemLists | null>();
    const buildId = await this.liveBuildId(kv);
    if (buildId === null) return { build: null, lists, degraded: true };

    let build = this.builds.get(buildId);
    const wanted: Array<{ id: string; key: string }> = [];
    for (const id of anchorIds(request)) {
      if (build !== undefined) {
        const index = build.index.get(id);
        if (index === undefined || (build.meta.flags[index] & ItemFlag.HAS_LISTS) === 0) continue;
      }
      const key = itemKey(buildId, id);
      const cached = this.items.get(key);
      if (cached !== undefined) lists.set(id, cached);
      else wanted.push({ id, key });
    }
    const keys = wanted.map((w) => w.key);
    if (build === undefined) keys.unshift(metaKey(buildId));
    const values = keys.length > 0 ? await bulkGet(kv, keys) : new Map<string, string | null>();

    let degraded = false;
    if (build === undefined) {
      const decoded = decodeOrNull(values.get(metaKey(buildId)) ?? null, (bytes) => loadBuild(decodeMetaBlob(bytes)));
      if (decoded === null) return { build: null, lists, degraded: true };
      build = decoded;
      this.builds.set(buildId, build);
    }
    for (const { id, key } of wanted) {
      const index = build.index.get(id);
      if (index === undefined) continue;
      const expected = (build.meta.flags[index] & ItemFlag.HAS_LISTS) !== 0;
      if (!expected) continue;
      const item = decodeOrNull(values.get(key) ?? null, decodeItemBlob);
      if (item === null) degraded = true;
      else this.items.set(key, item);
      lists.set(id, item);
    }
    return { build, lists, degraded };
  }

  clear(): void {
    this.pointer.clear();
    this.builds.clear();
    this.items.clear();
  }
}

async function bulkGet(kv: KVNamespace, keys: string[]): Promise<Map<string, string | null>> {
  if (keys.length <= BULK_LIMIT) return kv.get(keys, "text");
  const merged = new Map<string, string | null>();
  for (let i = 0; i < keys.length; i += BULK_LIMIT) {
    for (const [k, v] of await kv.get(keys.slice(i, i + BULK_LIMIT), "text")) merged.set(k, v);
  }
  return merged;
}

function decodeOrNull<T>(text: string | null, decode: (bytes: Uint8Array) => T): T | null {
  if (text === null) return null;
  try {
    return decode(decodeBase64(text));
  } catch {
    return null;
  }
}
