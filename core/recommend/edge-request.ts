/**
 * @module
 * Reading one request's data in the edge format, the steps between the reads: which keys, what the values
 * decode to, and what a lost blob means. The worker reads KV with them (`worker/storage/serving-store.ts`), the
 * offline replay a build folder's blobs (`batch/recommend/artifact-store.ts`): the same steps, so offline answers
 * are the edge's.
 *
 *   1. `anchorKeys`: the blobs of the request's anchors (and of the items the rules pin); `modelKeys`: the model
 *      blobs of the device models a listing's query names (their devices are anchors too, `readModels`).
 *   2. `readAnchors`: decoded, or lost (missing, or unreadable: corrupt).
 *   3. `shardKeysOf` the lost ones, then `strandedOf`: a lost anchor its directory shard holds is a known item
 *      whose blob is gone (degraded; its facts still serve); one its shard does not hold is an item the build
 *      never saw, unless its blob was there and unreadable or the shard itself is lost (degraded too).
 *   4. the category blobs: those the request names (`requestCategories`, read with the anchors) and, after the
 *      anchors are read, their categories and those categories' complements (`anchorCategories`); a worker keeps
 *      them (they are few and hot), so that second read is for what its cache lacks.
 *   5. `composeBuild` (compose-build.ts).
 */
import { type AnchorBlob, decodeAnchorBlob } from "../blob/anchor-blob";
import { decodeDirectoryShard } from "../blob/directory-shard";
import type { FactTables, ItemFacts } from "../blob/item-facts";
import { decodeCategoryBlob } from "../blob/category-blob";
import { decodeModelBlob } from "../blob/model-blob";
import { categoryKey, itemKey, modelKey, shardKey, shardOf } from "../keys";
import { parseQuery } from "../search/search-query";
import type { RecommendationRequest } from "../request-schema";
import type { RulesOverlay } from "../rules/rules-overlay";
import type { ListKind } from "../blob/item-blob";
import type { Placement } from "../types";
import { composeBuild, type StrandedAnchor } from "./compose-build";
import { listingScope } from "./listing-scope";
import type { LoadedBuild } from "./loaded-build";
import { ANCHOR_CAPS, anchorIds, type ServingData } from "./serving-data";
import { readsPriceBands, resolveSlotPlans, type SlotPlan } from "./slot-plans";

/** Items a request reads for the merchandising rules that pin them (their facts ride in their blobs). */
const PINNED_CAP = 40;

export interface LostAnchor {
  id: string;
  /** The blob was there but unreadable. */
  corrupt: boolean;
}

/** The global blob's table sizes, which the anchors' and shards' indices point into. */
function factTables(global: LoadedBuild): FactTables {
  const { meta } = global;
  return { items: meta.edge?.items ?? meta.items.length, categories: meta.categories.length, brands: meta.brands.length, currencies: meta.display?.currencies.length ?? 0 };
}

/** Anchor id -> its blob's key: the request's anchors, then the items the rules pin. */
export function anchorKeys(global: LoadedBuild, request: RecommendationRequest, rules: RulesOverlay | null | undefined): Map<string, string> {
  const ids = new Set(anchorIds(request, global));
  let pinned = 0;
  for (const rule of rules?.rules ?? []) {
    for (const id of rule.match.ids ?? []) if (pinned++ < PINNED_CAP) ids.add(id);
  }
  const buildId = global.meta.buildId;
  return new Map([...ids].map((id) => [id, itemKey(buildId, id)]));
}

/**
 * Decodes an anchor blob against the global blob; throws `CorruptBlobError` on anything amiss. `skip`: lists the
 * request does not read (`unreadLists`), left out with the facts only they name.
 */
export function decodeAnchor(global: LoadedBuild, bytes: Uint8Array, skip?: ReadonlySet<ListKind>): AnchorBlob {
  return decodeAnchorBlob(bytes, global.meta.items.length, factTables(global), global.meta.reasons.length, skip);
}

/** Categories a request reads at most (the request's own first, then its anchors' and their complements). */
const CATEGORY_CAP = 64;

/** The categories the request itself names: a listing's scope, or the `category` the request browses. */
export function requestCategories(global: LoadedBuild, request: RecommendationRequest): number[] {
  const out = new Set<number>();
  if (request.placement === "listing") for (const c of listingScope(global, request).categories ?? []) out.add(c);
  const wanted = request.category;
  if (wanted !== undefined) {
    const c = global.meta.categories.findIndex((path) => path === wanted || path.endsWith(` > ${wanted}`));
    if (c >= 0) out.add(c);
  }
  return [...out].slice(0, CATEGORY_CAP);
}

/** The anchors' categories and their complement categories, after `known` (the request's), at most CATEGORY_CAP in all. */
export function anchorCategories(global: LoadedBuild, blobs: ReadonlyMap<string, AnchorBlob>, stranded: ReadonlyMap<string, StrandedAnchor>, known: readonly number[]): number[] {
  const out = new Set<number>(known);
  const add = (c: number) => {
    if (c < 0 || out.size >= CATEGORY_CAP) return;
    out.add(c);
    for (const complement of global.meta.complements?.get(c)?.categories ?? []) if (out.size < CATEGORY_CAP) out.add(complement);
  };
  const categoryOf = (id: string, facts: ItemFacts | undefined): number => {
    const g = global.index.get(id);
    if (g !== undefined) return global.meta.itemCategory[g];
    const at = facts?.ids.indexOf(id) ?? -1;
    return at >= 0 ? facts!.category[at] : -1;
  };
  for (const [id, blob] of blobs) add(categoryOf(id, blob.facts));
  for (const [, anchor] of stranded) add(anchor.facts.category[anchor.at]);
  return [...out].filter((c) => !known.includes(c));
}

export function categoryKeyOf(global: LoadedBuild, category: number): string {
  return categoryKey(global.meta.buildId, category);
}

/** A category blob decoded: its lists (the `category_*` kinds) and its best-selling devices' blobs. */
export interface CategoryRead {
  lists: AnchorBlob;
  devices: ReadonlyArray<{ id: string; blob: AnchorBlob }>;
}

/** Throws `CorruptBlobError` on anything amiss. */
export function decodeCategory(global: LoadedBuild, bytes: Uint8Array): CategoryRead {
  const parts = decodeCategoryBlob(bytes);
  return { lists: decodeAnchor(global, parts.lists), devices: parts.devices.map((d) => ({ id: d.id, blob: decodeAnchor(global, d.blob) })) };
}

/** The categories' lists for `composeBuild`. */
export function categoryLists(reads: ReadonlyMap<number, CategoryRead>): Map<number, AnchorBlob> {
  const lists = new Map<number, AnchorBlob>();
  for (const [c, read] of reads) lists.set(c, read.lists);
  return lists;
}

/**
 * A listing's categories' best-selling devices (`reads`: the categories it names), added to `blobs` unless there:
 * the anchors its "Complete the setup" may serve (`listing-devices.ts`). No other placement reads them, so no other
 * composes them (at a 10-item checkout they were more blobs than the cart's own).
 */
export function addListedDevices(request: RecommendationRequest, reads: ReadonlyMap<number, CategoryRead>, blobs: Map<string, AnchorBlob>): void {
  if (request.placement !== "listing") return;
  for (const read of reads.values()) for (const device of read.devices) if (!blobs.has(device.id)) blobs.set(device.id, device.blob);
}

/** The model blobs of the models a listing's query names (`parseQuery`), at most ANCHOR_CAPS.listing. */
export function modelKeys(global: LoadedBuild, request: RecommendationRequest): string[] {
  const text = request.query?.trim() ?? "";
  if (request.placement !== "listing" || text.length === 0) return [];
  return parseQuery(text)
    .models.slice(0, ANCHOR_CAPS.listing)
    .map((model) => modelKey(global.meta.buildId, model));
}

/** The devices of the model blobs `bytesOf` gives (null: none for that model), added to `blobs` unless there; unreadable ones skipped, and reported. */
export function readModels(global: LoadedBuild, keys: readonly string[], bytesOf: (key: string) => Uint8Array | null, blobs: Map<string, AnchorBlob>): { corrupt: boolean } {
  let corrupt = false;
  for (const key of keys) {
    try {
      const bytes = bytesOf(key);
      if (bytes === null) continue;
      for (const device of decodeModelBlob(bytes)) if (!blobs.has(device.id)) blobs.set(device.id, decodeAnchor(global, device.blob));
    } catch {
      corrupt = true;
    }
  }
  return { corrupt };
}

/** Decodes the blobs `bytesOf` gives for `keys` (anchor id -> key); null: missing; a throw: unreadable. */
export function readAnchors(
  global: LoadedBuild,
  keys: Iterable<readonly [string, string]>,
  bytesOf: (key: string, id: string) => Uint8Array | null,
  skip?: ReadonlySet<ListKind>,
): { blobs: Map<string, AnchorBlob>; lost: LostAnchor[] } {
  const blobs = new Map<string, AnchorBlob>();
  const lost: LostAnchor[] = [];
  for (const [id, key] of keys) {
    try {
      const bytes = bytesOf(key, id);
      if (bytes === null) lost.push({ id, corrupt: false });
      else blobs.set(id, decodeAnchor(global, bytes, skip));
    } catch {
      lost.push({ id, corrupt: true });
    }
  }
  return { blobs, lost };
}

/** The directory shard keys that may hold the lost anchors. */
export function shardKeysOf(global: LoadedBuild, lost: readonly LostAnchor[]): string[] {
  const shards = global.meta.edge?.shards ?? 1;
  return [...new Set(lost.map((l) => shardKey(global.meta.buildId, shardOf(l.id, shards))))];
}

export function decodeShard(global: LoadedBuild, bytes: Uint8Array): ItemFacts {
  return decodeDirectoryShard(bytes, factTables(global));
}

/** The lost anchors the build knows (facts from their shard, `shardOf` by key: undefined when unread or unreadable), and whether the answer is degraded. */
export function strandedOf(
  global: LoadedBuild,
  lost: readonly LostAnchor[],
  shardOfKey: (key: string) => ItemFacts | undefined,
): { stranded: Map<string, StrandedAnchor>; degraded: boolean } {
  const shards = global.meta.edge?.shards ?? 1;
  const stranded = new Map<string, StrandedAnchor>();
  let degraded = false;
  for (const { id, corrupt } of lost) {
    const facts = shardOfKey(shardKey(global.meta.buildId, shardOf(id, shards)));
    const at = facts === undefined ? -1 : facts.ids.indexOf(id);
    if (at >= 0) stranded.set(id, { facts: facts!, at });
    if (facts === undefined || at >= 0 || corrupt) degraded = true;
  }
  return { stranded, degraded };
}

const BANDS: ReadonlySet<ListKind> = new Set(["price_band"]);
const NO_KINDS: ReadonlySet<ListKind> = new Set();

/**
 * The list kinds a request's build can leave out: the price bands when the placement's plan reads none, unless the
 * data also serves other placements (`everyList`).
 */
export function unreadLists(slotPlans: Partial<Record<Placement, SlotPlan>> | null | undefined, placement: Placement, everyList = false): ReadonlySet<ListKind> {
  return everyList || readsPriceBands(resolveSlotPlans(slotPlans)[placement]) ? NO_KINDS : BANDS;
}

/** The edge format with every blob at hand (a build folder, a test's map of blobs), already decoded where that pays. */
export interface EdgeBlobsAtHand {
  /** The blob under `key` (an anchor's, a model's); null when there is none; a throw when it is unreadable. */
  bytes(key: string, id: string): Uint8Array | null;
  /** The category's blob, decoded; undefined when there is none. */
  category(c: number): CategoryRead | undefined;
  /** The directory shard under `key`, decoded; undefined when there is none. */
  shard(key: string): ItemFacts | undefined;
}

/** A request's serving data from blobs at hand: the steps above in one go, as the worker takes them over KV. */
export function servingDataAtHand(global: LoadedBuild, request: RecommendationRequest, blobs: EdgeBlobsAtHand, everyList = false): ServingData {
  const skip = unreadLists(undefined, request.placement, everyList);
  const read = readAnchors(global, anchorKeys(global, request, undefined), (key, id) => blobs.bytes(key, id), skip);
  const models = readModels(global, modelKeys(global, request), (key) => blobs.bytes(key, ""), read.blobs);
  const categories = (wanted: readonly number[]) => {
    const out = new Map<number, CategoryRead>();
    for (const c of wanted) {
      const category = blobs.category(c);
      if (category !== undefined) out.set(c, category);
    }
    return out;
  };
  const named = requestCategories(global, request);
  addListedDevices(request, categories(named), read.blobs);
  const found = strandedOf(global, read.lost, (key) => blobs.shard(key));
  const wanted = [...named, ...anchorCategories(global, read.blobs, new Map(), named)];
  wanted.push(...anchorCategories(global, new Map(), found.stranded, wanted));
  const composed = composeBuild(global, read.blobs, found.stranded, categoryLists(categories(wanted)), skip);
  return { build: composed.build, lists: composed.lists, degraded: found.degraded || models.corrupt };
}
