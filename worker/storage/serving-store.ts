/**
 * @module
 * Gathers a request's serving data from KV. The live pointer and the overlays (`cfg/slot-plans`, `cfg/stock`,
 * `cfg/rules`) come in one bulk read cached for a few seconds; the build's meta blob and the anchors' item blobs are immutable per build
 * and cached in the isolate, so a request costs at most one bulk read of the item blobs the cache lacks (plus the
 * meta blob once per build). A missing or unreadable blob (whatever the decoder throws) is reported, never thrown;
 * with the pointer gone or its meta blob unreadable, the last build this isolate served answers, marked degraded.
 */
import { decodeBase64 } from "../../core/blob/base64";
import { decodeItemBlob, type ItemLists } from "../../core/blob/item-blob";
import { decodeMetaBlob, ItemFlag } from "../../core/blob/meta-blob";
import { homedKey } from "../../core/blob/blob-homes";
import { CONFIG_KEYS, itemKey, LIVE_POINTER_KEY, metaKey, parseLivePointer } from "../../core/keys";
import { type AnchorBlob, servesWithout } from "../../core/blob/anchor-blob";
import { anchorIds, type ServingData } from "../../core/recommend/serving-data";
import { parseSlotPlansConfig, type SlotPlan } from "../../core/recommend/slot-plans";
import { overlayFor, parseStockOverlay, type StockOverlay } from "../../core/catalog/stock-overlay";
import { parseRulesOverlay, type RulesOverlay } from "../../core/rules/rules-overlay";
import type { Placement } from "../../core/types";
import type { RecommendationRequest } from "../../core/request-schema";
import { TtlCache } from "./ttl-cache";
import type { ItemFacts } from "../../core/blob/item-facts";
import { composeBuild, type StrandedAnchor } from "../../core/recommend/compose-build";
import { addListedDevices, anchorCategories, anchorKeys, type CategoryRead, categoryKeyOf, categoryLists, decodeCategory, decodeShard, modelKeys, readAnchors, readModels, requestCategories, shardKeysOf, strandedOf, unreadLists } from "../../core/recommend/edge-request";
import { dictionaryBounds, type LoadedBuild, loadBuild } from "../../core/recommend/loaded-build";

/** A bulk KV get takes at most 100 keys. */
const BULK_LIMIT = 100;

export interface ServingStoreOptions {
  pointerTtlMs?: number;
  maxItemEntries?: number;
  /** Decoded anchor blobs of the edge format an isolate keeps: about 18 KiB each decoded (100k-product shop), so 500 hold some 9 MiB. */
  maxAnchorEntries?: number;
}

export interface LoadOptions {
  /** Read every item blob from KV even when the isolate holds it (latency benchmark only). */
  bypassItemCache?: boolean;
  /** The data will also serve placements other than the request's: keep every list the anchors carry. */
  everyList?: boolean;
}

interface LiveState {
  build: string | null;
  /** The build live before it (the pointer's `previous`): where a rebuild's kept blobs most often live. */
  previous?: string;
  /** Set when the pointer key holds something that is not a pointer. */
  pointerProblem?: string;
  slotPlans: Partial<Record<Placement, SlotPlan>> | null;
  stock: StockOverlay | null;
  rules: RulesOverlay | null;
}

export interface Health {
  status: "ok" | "no_build" | "degraded";
  build: string | null;
  /** Why the answers are degraded. */
  reason?: string;
}

/** Read together, in one bulk get, and cached together for the pointer's time to live. */
const LIVE_KEYS = [LIVE_POINTER_KEY, CONFIG_KEYS.slotPlans, CONFIG_KEYS.stock, CONFIG_KEYS.rules];

export class ServingStore {
  private readonly live: TtlCache<0, LiveState>;
  private readonly builds = new TtlCache<string, LoadedBuild>(2, Infinity);
  private readonly items: TtlCache<string, ItemLists>;
  /** Decoded blobs of the edge format, by key: anchors' and directory shards'. */
  private readonly anchors: TtlCache<string, AnchorBlob>;
  private readonly shards: TtlCache<string, ItemFacts>;
  /** Decoded category blobs: few per shop and read by most requests. */
  private readonly categories: TtlCache<string, CategoryRead>;
  private lastGood: LoadedBuild | undefined;

  constructor(options: ServingStoreOptions = {}) {
    this.live = new TtlCache(1, options.pointerTtlMs ?? 30_000);
    this.items = new TtlCache(options.maxItemEntries ?? 20_000, Infinity);
    this.anchors = new TtlCache(options.maxAnchorEntries ?? 500, Infinity);
    this.shards = new TtlCache(64, Infinity);
    this.categories = new TtlCache(512, Infinity);
  }

  /** The live build id, or null when nothing is published. */
  async liveBuildId(kv: KVNamespace): Promise<string | null> {
    return (await this.liveState(kv)).build;
  }

  /** Where `key` (a key under build `build`'s prefix) lives, as the build's global blob says once this isolate holds it. */
  keyOf(build: string, key: string): string {
    return homedKey(this.builds.get(build)?.meta.edge?.homes, key);
  }

  /** Whether the live build can be served: its pointer readable, its meta blob present and decodable. */
  async health(kv: KVNamespace): Promise<Health> {
    const live = await this.liveState(kv);
    const build = live.build;
    if (build === null) return live.pointerProblem === undefined ? { status: "no_build", build: null } : { status: "degraded", build: null, reason: live.pointerProblem };
    if (this.builds.get(build) !== undefined) return { status: "ok", build };
    const text = await kv.get(metaKey(build), "text");
    if (text === null) return { status: "degraded", build, reason: `the live pointer names build ${build}, whose meta blob is missing` };
    try {
      const loaded = loadBuild(decodeMetaBlob(decodeBase64(text)));
      this.builds.set(build, loaded);
      this.lastGood = loaded;
      return { status: "ok", build };
    } catch (error) {
      return { status: "degraded", build, reason: `the meta blob of build ${build} is unreadable: ${(error as Error).message}` };
    }
  }

  async load(kv: KVNamespace, request: RecommendationRequest, options: LoadOptions = {}): Promise<ServingData> {
    const live = await this.liveState(kv);
    if (live.build !== null) {
      const cached = this.builds.get(live.build);
      if (cached !== undefined) return this.withBuild(kv, cached, request, live, false, options);
      // The anchors are read with the global blob, under the live build's prefix and, since a rebuild keeps most
      // blobs where the build before it wrote them, under that build's as well; the global blob then says which holds each.
      // The guesses under the previous build stop where they would take the read past one bulk call.
      const ids = anchorIds(request);
      const guessed = live.previous === undefined ? [] : ids.slice(0, Math.max(0, BULK_LIMIT - 1 - ids.length)).map((id) => itemKey(live.previous!, id));
      const values = await bulkGet(kv, [metaKey(live.build), ...ids.map((id) => itemKey(live.build!, id)), ...guessed]);
      const build = decodeOrNull(values.get(metaKey(live.build)) ?? null, (bytes) => loadBuild(decodeMetaBlob(bytes)));
      if (build !== null) {
        this.builds.set(live.build, build);
        this.lastGood = build;
        const homes = build.meta.edge?.homes;
        const prefetched = new Map<string, string | null>();
        for (const id of ids) {
          const key = itemKey(live.build, id);
          const at = homedKey(homes, key);
          if (values.has(at)) prefetched.set(key, values.get(at)!);
        }
        return this.withBuild(kv, build, request, live, false, options, prefetched);
      }
    }
    if (this.lastGood !== undefined) return this.withBuild(kv, this.lastGood, request, live, true, options);
    return { build: null, lists: new Map(), degraded: true, slotPlans: live.slotPlans, stock: live.stock, rules: live.rules };
  }

  /** The anchors' lists for a known build: from `prefetched` values, the isolate cache, then one bulk read. */
  private async withBuild(
    kv: KVNamespace,
    build: LoadedBuild,
    request: RecommendationRequest,
    live: LiveState,
    degraded: boolean,
    options: LoadOptions,
    prefetched?: Map<string, string | null>,
  ): Promise<ServingData> {
    if (build.meta.edge !== undefined) return this.withEdgeBuild(kv, build, request, live, degraded, options, prefetched);
    const buildId = build.meta.buildId;
    const lists = new Map<string, ItemLists | null>();
    const wanted: Array<{ id: string; key: string }> = [];
    const fresh = new Map<string, string | null>();
    for (const id of anchorIds(request, build)) {
      const index = build.index.get(id);
      if (index === undefined || (build.meta.flags[index] & ItemFlag.HAS_LISTS) === 0) continue;
      const key = itemKey(buildId, id);
      if (prefetched?.has(key)) {
        fresh.set(key, prefetched.get(key)!);
        wanted.push({ id, key });
        continue;
      }
      const cached = options.bypassItemCache === true ? undefined : this.items.get(key);
      if (cached !== undefined) lists.set(id, cached);
      else wanted.push({ id, key });
    }
    const missing = wanted.filter((w) => !fresh.has(w.key)).map((w) => w.key);
    if (missing.length > 0) for (const [k, v] of await bulkGet(kv, missing)) fresh.set(k, v);
    const bounds = dictionaryBounds(build);
    for (const { id, key } of wanted) {
      const item = decodeOrNull(fresh.get(key) ?? null, (bytes) => decodeItemBlob(bytes, bounds));
      if (item === null) degraded = true;
      else this.items.set(key, item);
      lists.set(id, item);
    }
    return { build, lists, degraded, slotPlans: live.slotPlans, stock: overlayFor(live.stock, buildId), rules: live.rules };
  }

  /**
   * The edge format (`core/recommend/edge-request.ts`): the anchors' blobs from the isolate cache, `prefetched`, then
   * one bulk read; the directory shards of those lost (one more read, only then); the request's build composed.
   */
  private async withEdgeBuild(
    kv: KVNamespace,
    global: LoadedBuild,
    request: RecommendationRequest,
    live: LiveState,
    degraded: boolean,
    options: LoadOptions,
    prefetched?: Map<string, string | null>,
  ): Promise<ServingData> {
    const blobs = new Map<string, AnchorBlob>();
    const unread: Array<[string, string]> = [];
    const skip = unreadLists(live.slotPlans, request.placement, options.everyList);
    for (const [id, key] of anchorKeys(global, request, live.rules)) {
      const cached = options.bypassItemCache === true || prefetched?.has(key) ? undefined : this.anchors.get(key);
      if (cached !== undefined && servesWithout(cached, skip)) blobs.set(id, cached);
      else unread.push([id, key]);
    }
    const models = modelKeys(global, request);
    const named = requestCategories(global, request);
    const texts = new Map<string, string | null>();
    for (const [, key] of unread) if (prefetched?.has(key)) texts.set(key, prefetched.get(key)!);
    const missing = [...unread.filter(([, key]) => !texts.has(key)).map(([, key]) => key), ...models, ...this.uncachedCategories(global, named)];
    if (missing.length > 0) for (const [k, v] of await bulkGetHomed(kv, missing, global)) texts.set(k, v);
    const bytesOf = (key: string) => {
      const text = texts.get(key) ?? null;
      return text === null ? null : decodeBase64(text);
    };
    const read = readAnchors(global, unread, bytesOf, skip);
    for (const [id, blob] of read.blobs) {
      this.anchors.set(itemKey(global.meta.buildId, id), blob);
      blobs.set(id, blob);
    }
    if (readModels(global, models, bytesOf, blobs).corrupt) degraded = true;
    degraded = this.keepCategories(global, named, texts) || degraded;

    // Second read, only for what the isolate lacks: the anchors' categories and complements (a listing's named
    // categories' devices are anchors too), the lost anchors' shards.
    addListedDevices(request, this.categoriesRead(global, named), blobs);
    let stranded = new Map<string, StrandedAnchor>();
    const anchored = anchorCategories(global, blobs, stranded, named);
    const shardKeys = shardKeysOf(global, read.lost).filter((key) => this.shards.get(key) === undefined);
    const second = [...this.uncachedCategories(global, anchored), ...shardKeys];
    const secondTexts = second.length > 0 ? await bulkGetHomed(kv, second, global) : new Map<string, string | null>();
    degraded = this.keepCategories(global, anchored, secondTexts) || degraded;
    if (read.lost.length > 0) {
      for (const key of shardKeys) {
        const facts = decodeOrNull(secondTexts.get(key) ?? null, (bytes) => decodeShard(global, bytes));
        if (facts !== null) this.shards.set(key, facts);
      }
      const found = strandedOf(global, read.lost, (key) => this.shards.get(key));
      stranded = found.stranded;
      degraded ||= found.degraded;
      // A fault's own path: the categories of the anchors only their shards knew.
      const strandedCategories = anchorCategories(global, new Map(), stranded, [...named, ...anchored]);
      const third = this.uncachedCategories(global, strandedCategories);
      if (third.length > 0) degraded = this.keepCategories(global, strandedCategories, await bulkGetHomed(kv, third, global)) || degraded;
      anchored.push(...strandedCategories);
    }
    const composed = composeBuild(global, blobs, stranded, categoryLists(this.categoriesRead(global, [...named, ...anchored])), skip);
    return { build: composed.build, lists: composed.lists, degraded, slotPlans: live.slotPlans, stock: overlayFor(live.stock, global.meta.buildId), rules: live.rules };
  }

  /** The category blobs the isolate holds among `categories`. */
  private categoriesRead(global: LoadedBuild, categories: readonly number[]): Map<number, CategoryRead> {
    const out = new Map<number, CategoryRead>();
    for (const c of categories) {
      const read = this.categories.get(categoryKeyOf(global, c));
      if (read !== undefined) out.set(c, read);
    }
    return out;
  }

  /** The keys of the category blobs the isolate does not hold. */
  private uncachedCategories(global: LoadedBuild, categories: readonly number[]): string[] {
    return categories.map((c) => categoryKeyOf(global, c)).filter((key) => this.categories.get(key) === undefined);
  }

  /** Decodes and keeps the category blobs among `texts`; true when one was there but unreadable. */
  private keepCategories(global: LoadedBuild, categories: readonly number[], texts: ReadonlyMap<string, string | null>): boolean {
    let corrupt = false;
    for (const c of categories) {
      const key = categoryKeyOf(global, c);
      const text = texts.get(key);
      if (text === undefined || text === null) continue;
      const blob = decodeOrNull(text, (bytes) => decodeCategory(global, bytes));
      if (blob === null) corrupt = true;
      else this.categories.set(key, blob);
    }
    return corrupt;
  }

  private async liveState(kv: KVNamespace): Promise<LiveState> {
    let state = this.live.get(0);
    if (state === undefined) {
      const values = await kv.get(LIVE_KEYS, "text");
      const pointer = values.get(LIVE_POINTER_KEY) ?? null;
      const parsed = parseLivePointer(pointer);
      const build = parsed?.build ?? null;
      state = {
        build,
        ...(parsed?.previous !== undefined && parsed.previous !== build ? { previous: parsed.previous } : {}),
        ...(pointer !== null && build === null ? { pointerProblem: "the live pointer is unreadable" } : {}),
        slotPlans: parseSlotPlansConfig(values.get(CONFIG_KEYS.slotPlans) ?? null),
        stock: parseStockOverlay(values.get(CONFIG_KEYS.stock) ?? null),
        rules: parseRulesOverlay(values.get(CONFIG_KEYS.rules) ?? null),
      };
      this.live.set(0, state);
    }
    return state;
  }

  clear(): void {
    this.live.clear();
    this.builds.clear();
    this.items.clear();
    this.anchors.clear();
    this.shards.clear();
    this.categories.clear();
    this.lastGood = undefined;
  }
}

/** One bulk KV read (several when over the 100-key limit); values as text. */
export async function bulkGet(kv: KVNamespace, keys: string[]): Promise<Map<string, string | null>> {
  if (keys.length === 0) return new Map();
  if (keys.length <= BULK_LIMIT) return kv.get(keys, "text");
  const merged = new Map<string, string | null>();
  for (let i = 0; i < keys.length; i += BULK_LIMIT) {
    for (const [k, v] of await kv.get(keys.slice(i, i + BULK_LIMIT), "text")) merged.set(k, v);
  }
  return merged;
}

/** `bulkGet` of keys under the global blob's build, each read where its blob lives (`core/blob/blob-homes.ts`); by the keys asked for. */
async function bulkGetHomed(kv: KVNamespace, keys: string[], global: LoadedBuild): Promise<Map<string, string | null>> {
  const homes = global.meta.edge?.homes;
  if (homes === undefined) return bulkGet(kv, keys);
  const homed = keys.map((key) => homedKey(homes, key));
  const values = await bulkGet(kv, homed);
  return new Map(keys.map((key, i) => [key, values.get(homed[i]) ?? null]));
}

function decodeOrNull<T>(text: string | null, decode: (bytes: Uint8Array) => T): T | null {
  if (text === null) return null;
  try {
    return decode(decodeBase64(text));
  } catch {
    return null;
  }
}
