/**
 * @module
 * The edge format: how a build is laid out in KV so that what an isolate decodes and what a request reads do not
 * grow with the catalogue. Derived from the full build (meta blob and item lists) at publish time:
 *
 * - the global blob (`metaKey`): a meta blob whose dictionary holds only the items its own lists name (popular
 *   overall and per category, the cross-sell prior, scenario lists, bundles) plus a price-spread sample of each
 *   category for the category rules, with the EDGE section (the build's item count, shard count, and each
 *   category's median price over the whole catalogue). Bounded by categories and list lengths.
 * - one anchor blob per item (`itemKey`, anchor-blob.ts): its lists, and the facts of itself and of every
 *   candidate the global blob lacks.
 * - directory shards (`shardKey`, directory-shard.ts): the facts of every item by id hash, read only when an
 *   anchor blob is missing.
 * - model blobs (`modelKey`, model-blob.ts): per device model a search may name, its devices' anchor blobs, read
 *   with the anchors when a listing's query names models.
 */
import type { CandidateList } from "../candidates";
import { itemKey, metaKey, modelKey, shardKey, shardOf } from "../keys";
import { type BuildIndex, buildIndex } from "../recommend/build-index";
import { itemReading } from "../recommend/item-reading";
import { type LoadedBuild, loadBuild } from "../recommend/loaded-build";
import { bandMembers, bandRanked } from "../recommend/price-bands";
import { encodeAnchorBlob } from "./anchor-blob";
import { encodeDirectoryShard } from "./directory-shard";
import { encodeModelBlob } from "./model-blob";
import type { ItemLists } from "./item-blob";
import { itemFactsOf } from "./item-facts";
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
}

export interface EdgeBlob {
  key: string;
  bytes: Uint8Array;
}

/** Every blob of the build's edge format: the global blob first, then the anchors' blobs, then the shards. */
export function* edgeBlobs(meta: BuildMeta, listsOf: (item: number) => ItemLists | undefined, options: EdgeOptions = {}): Generator<EdgeBlob> {
  const layout = new EdgeLayout(meta, listsOf, options);
  yield { key: metaKey(meta.buildId), bytes: layout.globalBlob() };
  for (let item = 0; item < meta.items.length; item++) yield { key: itemKey(meta.buildId, meta.items[item]), bytes: layout.anchorBlob(item) };
  for (let k = 0; k < layout.shards; k++) yield { key: shardKey(meta.buildId, k), bytes: layout.shardBlob(k) };
  for (const model of layout.models()) yield { key: modelKey(meta.buildId, model), bytes: layout.modelBlob(model)! };
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
  /** Per category, its members a price band ranks by more than price (`bandRanked`). */
  private readonly ranked = new Map<number, Uint32Array>();

  constructor(
    private readonly meta: BuildMeta,
    private readonly listsOf: (item: number) => ItemLists | undefined,
    options: EdgeOptions = {},
  ) {
    const n = meta.items.length;
    this.shards = Math.max(1, Math.ceil(n / SHARD_ITEMS));
    this.build = loadBuild(meta);
    this.index = buildIndex(this.build);
    this.global = globalItems(meta, this.index, options.categorySample ?? CATEGORY_SAMPLE);
    this.globalIndex = new Int32Array(n).fill(-1);
    this.global.forEach((item, g) => {
      this.globalIndex[item] = g;
    });
  }

  globalBlob(): Uint8Array {
    return encodeMetaBlob(globalMeta(this.meta, this.global, this.globalIndex, this.shards, this.index.categoryMedianPrice));
  }

  /**
   * The blob of item `item`: its lists over the global items and its own facts table (itself, unless global, and
   * every candidate the global blob lacks), with the best members of its price bands as its `price_band` list.
   */
  anchorBlob(item: number): Uint8Array {
    const G = this.global.length;
    const { globalIndex } = this;
    const lists: ItemLists = { ...this.listsOf(item) };
    const band = this.bandOf(item);
    if (band.length > 0) lists.price_band = { items: Uint32Array.from(band), scores: new Float32Array(band.length), reasons: new Uint32Array(band.length) };
    const outside = new Set<number>();
    if (globalIndex[item] < 0) outside.add(item);
    for (const list of Object.values(lists)) for (const i of list.items) if (globalIndex[i] < 0) outside.add(i);
    const local = [...outside];
    const slot = new Map(local.map((i, k) => [i, G + k]));
    const spaceOf = (i: number): number => (globalIndex[i] >= 0 ? globalIndex[i] : slot.get(i)!);
    const mapped: ItemLists = {};
    for (const [kind, list] of Object.entries(lists) as Array<[keyof ItemLists, CandidateList]>) mapped[kind] = { ...list, items: Uint32Array.from(list.items, spaceOf) };
    return encodeAnchorBlob({ globalItems: G, facts: itemFactsOf(this.meta, local), lists: mapped });
  }

  private bandOf(item: number): number[] {
    const { meta, index } = this;
    const category = meta.itemCategory[item];
    const members = category >= 0 ? index.itemsByCategory.get(category) : undefined;
    if (members === undefined) return [];
    const columns = { prices: meta.prices, flags: meta.flags, ...(meta.compat !== undefined ? { compat: meta.compat } : {}), popularity: index.popularity };
    let ranked = this.ranked.get(category);
    if (ranked === undefined) this.ranked.set(category, (ranked = bandRanked(columns, members)));
    return bandMembers(columns, members, ranked, item, BAND_MEMBERS);
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
    return encodeDirectoryShard(itemFactsOf(meta, this.shardMembers[k]));
  }
}

/** The items the global blob holds, ascending: those its lists name and each category's price sample. */
function globalItems(meta: BuildMeta, index: BuildIndex, sample: number): number[] {
  const chosen = new Set<number>();
  const take = (list: CandidateList | undefined) => {
    if (list !== undefined) for (const item of list.items) chosen.add(item);
  };
  take(meta.popular);
  take(meta.crossSellPrior);
  for (const list of meta.popularByCategory.values()) take(list);
  for (const list of meta.scenarioLists?.values() ?? []) take(list);
  for (const bundle of meta.bundles ?? []) for (const item of bundle.items) chosen.add(item);
  for (const members of index.itemsByCategory.values()) {
    if (members.length <= sample) {
      for (const item of members) chosen.add(item);
      continue;
    }
    for (let s = 0; s < sample; s++) chosen.add(members[sample === 1 ? 0 : Math.round((s * (members.length - 1)) / (sample - 1))]);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** The build's meta restricted to `items` (ascending), lists re-indexed, with the EDGE section. */
function globalMeta(meta: BuildMeta, items: number[], globalIndex: Int32Array, shards: number, categoryMedianPrice: Float32Array): BuildMeta {
  const remap = (list: CandidateList): CandidateList => ({ ...list, items: Uint32Array.from(list.items, (i) => globalIndex[i]) });
  const facts = itemFactsOf(meta, items);
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
    popularByCategory: new Map([...meta.popularByCategory].map(([c, list]) => [c, remap(list)])),
    bundles: (meta.bundles ?? []).map((bundle) => ({ ...bundle, items: Uint32Array.from(bundle.items, (i) => globalIndex[i]) })),
    ...(meta.crossSellPrior !== undefined ? { crossSellPrior: remap(meta.crossSellPrior) } : {}),
    ...(meta.scenarioLists !== undefined ? { scenarioLists: new Map([...meta.scenarioLists].map(([key, list]) => [key, remap(list)])) } : {}),
    ...(meta.modelNames !== undefined ? { modelNames, itemModelName } : {}),
    ...(stock !== undefined ? { stock } : {}),
    ...(display !== undefined ? { display: { currencies: meta.display!.currencies, itemCurrency: display.currency, links: display.links, images: display.images } } : {}),
    ...(compat !== undefined ? { compat } : {}),
    edge: { items: meta.items.length, shards, categoryMedianPrice, ordinals: Uint32Array.from(items) },
  };
}
