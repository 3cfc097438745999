/**
 * @module
 * The edge format: how a build is laid out in KV so that what an isolate decodes and what a request reads do not
 * grow with the catalogue. Derived from the full build (meta blob and item lists) once, when the build's folder is
 * written (`batch/build/edge-pack.ts`: edge.bin, which publish streams):
 *
 * - the global blob (`metaKey`): a meta blob whose dictionary holds only the items its own lists name (the shop's
 *   best sellers, the cross-sell prior, named scenario lists, bundles), with the EDGE section (the build's item
 *   count, shard count, each category's median price over the whole catalogue, its items' ordinals and popularity).
 *   Bounded by the vocabulary (categories, brands, reason texts) and list lengths.
 * - one anchor blob per item (`itemKey`, anchor-blob.ts): its lists and price-band members, and the facts of
 *   itself and of every candidate the global blob lacks.
 * - one category blob per category (`categoryKey`, category-blob.ts): its best sellers, scenario list and price
 *   sample, and its best-selling devices' anchor blobs.
 * - directory shards (`shardKey`, directory-shard.ts): the facts of every item by id hash, read only when an
 *   anchor blob is missing.
 * - model blobs (`modelKey`, model-blob.ts): per device model a search may name, its devices' anchor blobs, read
 *   with the anchors when a listing's query names models.
 *
 * A build that follows another (`previous`) keeps the blobs that still serve alike where the earlier build wrote
 * them, and its global blob says where each bucket of blobs lives (blobs-kept.ts, blob-homes.ts).
 */
import type { CandidateList } from "../candidates";
import { buildPrefix, categoryKey, itemKey, metaKey, modelKey, shardKey, shardOf } from "../keys";
import { type BuildIndex, buildIndex } from "../recommend/build-index";
import { itemReading } from "../recommend/item-reading";
import { BEST_SELLERS_READ } from "../recommend/listing-devices";
import { ANCHOR_CAPS } from "../recommend/serving-data";
import { type LoadedBuild, loadBuild } from "../recommend/loaded-build";
import { type BandIndex, bandIndex, bandMembers } from "../recommend/price-bands";
import type { BlobHomes } from "./blob-homes";
import { blobsKeptWhereAlike, keptJudge, type NewBuild, type PreviousEdge, type Verdict, whereItLives } from "./blobs-kept";
import { encodeAnchorBlob } from "./anchor-blob";
import { encodeCategoryBlob } from "./category-blob";
import { encodeDirectoryShard } from "./directory-shard";
import { encodeModelBlob } from "./model-blob";
import type { ItemLists } from "./item-blob";
import { type ItemFacts, itemFactsOf } from "./item-facts";
import { type BuildMeta, encodeMetaBlob } from "./meta-blob";

/** Items of a category the global blob samples, spread over its price range (all of a smaller category). */
const CATEGORY_SAMPLE = 32;
/** Items per directory shard, about. */
const SHARD_ITEMS = 256;
/** Members of each price band an anchor blob carries (`core/recommend/price-bands.ts`). */
const BAND_MEMBERS = 24;
/** Devices of one model a model blob carries, in the order a search finds them. */
const MODEL_DEVICES = 8;

export interface EdgeOptions {
  /** Items of a category the global blob samples (CATEGORY_SAMPLE). */
  categorySample?: number;
  /** The anchor blobs, encoded elsewhere (`anchorBlobs` over ranges of items, in item order); default: encoded here. */
  anchors?: Iterable<EdgeBlob>;
  /** The directory shards, model and category blobs, encoded elsewhere (`groupBlobs`); default: encoded here. */
  groups?: Iterable<EdgeBlob>;
  /** The build this one follows: its global items keep their places, its blobs that serve alike are kept where they live. */
  previous?: PreviousEdge;
  /** With `anchors` and `groups` encoded elsewhere: where each blob lives (`planHomes` over the verdicts of their encoders). */
  homes?: BlobHomes;
}

export interface EdgeBlob {
  key: string;
  bytes: Uint8Array;
}

/** Every blob of the build's edge format: the global blob first, then the anchors', the shards, the models', the categories'. */
export function* edgeBlobs(meta: BuildMeta, listsOf: (item: number) => ItemLists | undefined, options: EdgeOptions = {}): Generator<EdgeBlob> {
  const layout = new EdgeLayout(meta, listsOf, options);
  if (options.previous !== undefined && options.anchors === undefined && options.groups === undefined) {
    yield* blobsKeptWhereAlike(meta, options.previous, newBuildOf(layout), function* () {
      yield* anchorsOf(layout, meta, 0, meta.items.length);
      yield* groupsOf(layout, meta);
    });
    return;
  }
  const { homes, previous } = options;
  if (homes !== undefined && previous === undefined) throw new RangeError("edge format: blob homes without the previous build that holds them");
  const prefix = buildPrefix(meta.buildId);
  const placed = (blob: EdgeBlob) => (homes === undefined ? blob : whereItLives(blob, prefix, homes, previous!.blobs));
  yield { key: metaKey(meta.buildId), bytes: layout.globalBlob(homes) };
  if (options.anchors === undefined) yield* anchorsOf(layout, meta, 0, meta.items.length);
  else {
    let item = 0;
    for (const blob of options.anchors) {
      const expected = item < meta.items.length ? itemKey(meta.buildId, meta.items[item]) : "no more anchors";
      if (blob.key !== expected) throw new RangeError(`edge format: anchor ${item} is ${blob.key}, expected ${expected}`);
      yield placed(blob);
      item++;
    }
    if (item !== meta.items.length) throw new RangeError(`edge format: ${item} anchor blobs given for ${meta.items.length} items`);
  }
  if (options.groups === undefined) yield* groupsOf(layout, meta);
  else {
    for (const blob of options.groups) {
      if (!(blob.key.startsWith(prefix) && GROUP_KEY.test(blob.key.slice(prefix.length)))) throw new RangeError(`edge format: ${blob.key} is not a group blob of build ${meta.buildId}`);
      yield placed(blob);
    }
  }
}

/** Keys of the blobs that group items, after the build's prefix: directory shards, model blobs, category blobs. */
const GROUP_KEY = /^[dmc]\//;

/** The blobs that group items (directory shards, model blobs, category blobs), as `edgeBlobs` yields them. */
export function* groupBlobs(meta: BuildMeta, listsOf: (item: number) => ItemLists | undefined, kept?: KeptPart): Generator<EdgeBlob> {
  const layout = new EdgeLayout(meta, listsOf, kept === undefined ? {} : { previous: kept.previous });
  yield* judged(layout, groupsOf(layout, meta), kept);
}

/** A part of a build following another, encoded apart: the previous build, and where the verdict on each blob goes (`keptJudge`). */
export interface KeptPart {
  previous: PreviousEdge;
  verdicts: Verdict[];
}

function* judged(layout: EdgeLayout, blobs: Iterable<EdgeBlob>, kept: KeptPart | undefined): Generator<EdgeBlob> {
  if (kept === undefined) return yield* blobs;
  const judge = keptJudge(newBuildOf(layout), kept.previous);
  for (const blob of blobs) {
    kept.verdicts.push(judge(blob));
    yield blob;
  }
}

/** What judging earlier blobs needs of this build: its global blob and its facts. */
function newBuildOf(layout: EdgeLayout): NewBuild {
  return { global: (homes) => layout.globalBlob(homes), today: (ids) => layout.factsToday(ids) };
}

function* groupsOf(layout: EdgeLayout, meta: BuildMeta): Generator<EdgeBlob> {
  for (let k = 0; k < layout.shards; k++) yield { key: shardKey(meta.buildId, k), bytes: layout.shardBlob(k) };
  for (const model of layout.models()) yield { key: modelKey(meta.buildId, model), bytes: layout.modelBlob(model)! };
  for (let c = 0; c < meta.categories.length; c++) {
    const bytes = layout.categoryBlob(c);
    if (bytes !== undefined) yield { key: categoryKey(meta.buildId, c), bytes };
  }
}

/** The anchor blobs of items `from` to `to` (excluded), as `edgeBlobs` yields them: one part of a build encoded apart. */
export function* anchorBlobs(meta: BuildMeta, listsOf: (item: number) => ItemLists | undefined, from: number, to: number, kept?: KeptPart): Generator<EdgeBlob> {
  const layout = new EdgeLayout(meta, listsOf, kept === undefined ? {} : { previous: kept.previous });
  yield* judged(layout, anchorsOf(layout, meta, from, to), kept);
}

function* anchorsOf(layout: EdgeLayout, meta: BuildMeta, from: number, to: number): Generator<EdgeBlob> {
  for (let item = from; item < to; item++) yield { key: itemKey(meta.buildId, meta.items[item]), bytes: layout.anchorBlob(item) };
}

/** The edge format of one build, blob by blob (what `edgeBlobs` writes; the offline replay encodes what it reads). */
export class EdgeLayout {
  readonly shards: number;
  private readonly global: number[];
  private readonly globalIndex: Int32Array;
  private readonly build: LoadedBuild;
  private readonly index: BuildIndex;
  private shardMembers: number[][] | undefined;
  private modelDevices: Map<string, readonly number[]> | undefined;
  /** Per category, its members in the orders the price bands read them (`bandIndex`). */
  private readonly bands = new Map<number, BandIndex>();
  private readonly categorySample: number;
  private edges: Float32Array | undefined;
  private slots: Int32Array | undefined;

  constructor(
    private readonly meta: BuildMeta,
    private readonly listsOf: (item: number) => ItemLists | undefined,
    options: EdgeOptions = {},
  ) {
    const n = meta.items.length;
    this.shards = Math.max(1, Math.ceil(n / SHARD_ITEMS));
    this.build = loadBuild(meta);
    this.index = buildIndex(this.build);
    this.categorySample = options.categorySample ?? CATEGORY_SAMPLE;
    this.global = globalItems(meta, this.build, options.previous?.global);
    this.globalIndex = new Int32Array(n).fill(-1);
    this.global.forEach((item, g) => {
      this.globalIndex[item] = g;
    });
  }

  /** `homes`: where the build's blobs live, when some are kept from earlier builds. */
  globalBlob(homes?: BlobHomes): Uint8Array {
    return encodeMetaBlob(globalMeta(this.meta, this.global, this.globalIndex, this.shards, this.index, homes));
  }

  /**
   * The blob of item `item`: its lists over the global items and its own facts table (itself, unless global, and
   * every candidate the global blob lacks), with the best members of its price bands as its `price_band` list.
   */
  anchorBlob(item: number): Uint8Array {
    const lists: ItemLists = { ...this.listsOf(item) };
    const band = this.bandOf(item);
    if (band.length > 0) lists.price_band = { items: Uint32Array.from(band), scores: new Float32Array(band.length), reasons: new Uint32Array(band.length) };
    return this.withFacts(lists, this.globalIndex[item] < 0 ? [item] : []);
  }

  /**
   * The blob of category `c` (category-blob.ts): its best sellers, its scenario list and a sample of its items spread
   * over its prices (cheapest first), over the global items and a facts table of the rest, and the anchor blobs of
   * its best-selling devices (what a listing of it serves); undefined for a category with none of these.
   */
  categoryBlob(c: number): Uint8Array | undefined {
    const { meta } = this;
    const lists: ItemLists = {};
    const popular = meta.popularByCategory.get(c);
    if (popular !== undefined && popular.items.length > 0) lists.category_popular = popular;
    const scenario = meta.scenarioLists?.get(meta.categories[c]);
    if (scenario !== undefined && scenario.items.length > 0) lists.category_scenario = scenario;
    const members = this.index.itemsByCategory.get(c) ?? new Uint32Array(0);
    const sample = sampled(members, this.categorySample);
    if (sample.length > 0) lists.category_sample = { items: Uint32Array.from(sample), scores: new Float32Array(sample.length), reasons: new Uint32Array(sample.length) };
    if (Object.keys(lists).length === 0) return undefined;
    const reading = itemReading(this.build);
    const devices: number[] = [];
    for (let i = 0; popular !== undefined && i < popular.items.length && i < BEST_SELLERS_READ && devices.length < ANCHOR_CAPS.listing; i++) {
      if (reading.role(popular.items[i]) === "device") devices.push(popular.items[i]);
    }
    return encodeCategoryBlob({ lists: this.withFacts(lists, []), devices: devices.map((d) => ({ id: meta.items[d], blob: this.anchorBlob(d) })) });
  }

  /** The facts of `ids` as this build writes them, and the least count of each one's category best sellers; undefined when one is not in it. */
  factsToday(ids: readonly string[]): { facts: ItemFacts; popularityEdge: Float32Array } | undefined {
    const items: number[] = [];
    for (const id of ids) {
      const item = this.build.index.get(id);
      if (item === undefined) return undefined;
      items.push(item);
    }
    const edge = this.popularityEdges();
    return { facts: itemFactsOf(this.meta, items, this.index.popularity), popularityEdge: Float32Array.from(items, (item) => (this.meta.itemCategory[item] >= 0 ? edge[this.meta.itemCategory[item]] : 0)) };
  }

  /** Per category, the least count among its best sellers (0 for a category without). */
  private popularityEdges(): Float32Array {
    if (this.edges === undefined) {
      this.edges = new Float32Array(this.meta.categories.length);
      for (const [c, list] of this.meta.popularByCategory) if (c < this.edges.length && list.scores.length > 0) this.edges[c] = Math.min(...list.scores);
    }
    return this.edges;
  }

  /** `lists` over the global items and a facts table of `first` and of every item the lists name outside them. */
  private withFacts(lists: ItemLists, first: number[]): Uint8Array {
    const G = this.global.length;
    const { globalIndex } = this;
    const slot = this.localSlots();
    const local: number[] = [];
    const place = (i: number): number => {
      const g = globalIndex[i];
      if (g >= 0) return g;
      if (slot[i] < 0) {
        slot[i] = G + local.length;
        local.push(i);
      }
      return slot[i];
    };
    for (const i of first) place(i);
    const mapped: ItemLists = {};
    for (const [kind, list] of Object.entries(lists) as Array<[keyof ItemLists, CandidateList]>) {
      const items = new Uint32Array(list.items.length);
      for (let k = 0; k < items.length; k++) items[k] = place(list.items[k]);
      mapped[kind] = { ...list, items };
    }
    for (const i of local) slot[i] = -1;
    return encodeAnchorBlob({ globalItems: G, facts: itemFactsOf(this.meta, local, this.index.popularity), lists: mapped });
  }

  /** Per item, its slot in the facts table being written (-1: none); left all -1 between calls. */
  private localSlots(): Int32Array {
    if (this.slots === undefined) this.slots = new Int32Array(this.meta.items.length).fill(-1);
    return this.slots;
  }

  private bandOf(item: number): number[] {
    const { meta, index } = this;
    const category = meta.itemCategory[item];
    const members = category >= 0 ? index.itemsByCategory.get(category) : undefined;
    if (members === undefined) return [];
    const columns = { prices: meta.prices, flags: meta.flags, ...(meta.compat !== undefined ? { compat: meta.compat } : {}), popularity: index.popularity };
    let bands = this.bands.get(category);
    if (bands === undefined) this.bands.set(category, (bands = bandIndex(columns, members)));
    return bandMembers(columns, bands, item, BAND_MEMBERS);
  }

  /** The models a search may name that find devices (every sellable device's own models), by name. */
  models(): string[] {
    return [...this.devicesByModel().keys()].sort();
  }

  /** The model blob of `model`: its devices' anchor blobs; undefined when a search for it finds none. */
  modelBlob(model: string): Uint8Array | undefined {
    const devices = this.devicesByModel().get(model);
    if (devices === undefined) return undefined;
    return encodeModelBlob(devices.map((d) => ({ id: this.meta.items[d], blob: this.anchorBlob(d) })));
  }

  private devicesByModel(): Map<string, readonly number[]> {
    if (this.modelDevices === undefined) {
      const reading = itemReading(this.build);
      const names = new Set<string>();
      for (let item = 0; item < this.meta.items.length; item++) if (reading.role(item) === "device") for (const model of reading.models(item)) names.add(model);
      for (const token of this.meta.compat?.tokens ?? []) if (token.startsWith("model:")) names.add(token.slice("model:".length));
      this.modelDevices = new Map();
      for (const model of names) {
        const devices = reading.devicesOf(model);
        if (devices.length > 0) this.modelDevices.set(model, devices.slice(0, MODEL_DEVICES));
      }
    }
    return this.modelDevices;
  }

  /** Directory shard k: the facts of the items whose id hashes to it, by id. */
  shardBlob(k: number): Uint8Array {
    const { meta } = this;
    if (this.shardMembers === undefined) {
      const members: number[][] = Array.from({ length: this.shards }, () => []);
      for (let item = 0; item < meta.items.length; item++) members[shardOf(meta.items[item], this.shards)].push(item);
      for (const list of members) list.sort((a, b) => (meta.items[a] < meta.items[b] ? -1 : meta.items[a] > meta.items[b] ? 1 : 0));
      this.shardMembers = members;
    }
    return encodeDirectoryShard(itemFactsOf(meta, this.shardMembers[k], this.index.popularity));
  }
}

/**
 * The items the global blob holds: those its own lists name (the shop's best sellers, the cross-sell prior, bundles,
 * named scenarios), ascending; following `earlier` (the previous build's global blob), its items first in their
 * places and the new ones after them, unless one of its items is gone or more than half as many as are named
 * would be there for nothing (then afresh: no earlier blob can be kept).
 */
function globalItems(meta: BuildMeta, build: LoadedBuild, earlier?: BuildMeta): number[] {
  const named = namedItems(meta);
  if (earlier === undefined) return named;
  const kept: number[] = [];
  for (const id of earlier.items) {
    const item = build.index.get(id);
    if (item === undefined) return named;
    kept.push(item);
  }
  const wanted = new Set(named);
  if (kept.filter((item) => !wanted.has(item)).length > named.length / 2) return named;
  const placed = new Set(kept);
  return [...kept, ...named.filter((item) => !placed.has(item))];
}

function namedItems(meta: BuildMeta): number[] {
  const chosen = new Set<number>();
  const take = (list: CandidateList | undefined) => {
    if (list !== undefined) for (const item of list.items) chosen.add(item);
  };
  take(meta.popular);
  take(meta.crossSellPrior);
  for (const [key, list] of meta.scenarioLists ?? []) if (isNamedScenario(key)) take(list);
  for (const bundle of meta.bundles ?? []) for (const item of bundle.items) chosen.add(item);
  return [...chosen].sort((a, b) => a - b);
}

/** Scenario lists keyed `scenario:<name>` stay global; those keyed by a category path travel with the category. */
function isNamedScenario(key: string): boolean {
  return key.startsWith("scenario:");
}

/** `sample` members spread evenly over `members` (cheapest first), the cheapest and dearest among them; all of a smaller list. */
function sampled(members: ArrayLike<number>, sample: number): number[] {
  if (members.length <= sample) return Array.from(members);
  const out: number[] = [];
  for (let s = 0; s < sample; s++) {
    const item = members[sample === 1 ? 0 : Math.round((s * (members.length - 1)) / (sample - 1))];
    if (out[out.length - 1] !== item) out.push(item);
  }
  return out;
}

/** The build's meta restricted to `items` (ascending), lists re-indexed, the categories' lists left to their blobs, with the EDGE section. */
function globalMeta(meta: BuildMeta, items: number[], globalIndex: Int32Array, shards: number, index: BuildIndex, homes?: BlobHomes): BuildMeta {
  const remap = (list: CandidateList): CandidateList => ({ ...list, items: Uint32Array.from(list.items, (i) => globalIndex[i]) });
  const facts = itemFactsOf(meta, items, index.popularity);
  const modelNames: string[] = [];
  const modelIndex = new Map<string, number>();
  const itemModelName = Int32Array.from(facts.modelNames, (name) => {
    if (name === "") return -1;
    let m = modelIndex.get(name);
    if (m === undefined) {
      modelIndex.set(name, (m = modelNames.length));
      modelNames.push(name);
    }
    return m;
  });
  const { ids: _ids, titles, category, brand, prices, flags, stock, display, compat } = facts;
  return {
    ...meta,
    items: facts.ids,
    titles,
    itemCategory: category,
    itemBrand: brand,
    prices,
    flags,
    popular: remap(meta.popular),
    popularByCategory: new Map(),
    bundles: (meta.bundles ?? []).map((bundle) => ({ ...bundle, items: Uint32Array.from(bundle.items, (i) => globalIndex[i]) })),
    ...(meta.crossSellPrior !== undefined ? { crossSellPrior: remap(meta.crossSellPrior) } : {}),
    ...(meta.scenarioLists !== undefined ? { scenarioLists: new Map([...meta.scenarioLists].filter(([key]) => isNamedScenario(key)).map(([key, list]) => [key, remap(list)])) } : {}),
    ...(meta.modelNames !== undefined ? { modelNames, itemModelName } : {}),
    ...(stock !== undefined ? { stock } : {}),
    ...(display !== undefined ? { display: { currencies: meta.display!.currencies, itemCurrency: display.currency, links: display.links, images: display.images } } : {}),
    ...(compat !== undefined ? { compat } : {}),
    edge: { items: meta.items.length, shards, categoryMedianPrice: index.categoryMedianPrice, ordinals: Uint32Array.from(items), popularity: facts.popularity, ...(homes !== undefined ? { homes } : {}) },
  };
}
