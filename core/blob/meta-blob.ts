/**
 * @module
 * The build's meta blob (KV key `metaKey(build)`): the item dictionary, the catalogue columns the edge filters
 * and explains with, the reason table, and the global fallback lists.
 *
 *   magic "ERM" | version u8 (= META_BLOB_VERSION)
 *   sections, each: tag u8 | byte length varint | payload     (unknown tags are skipped: newer writers may add)
 *   checksum u32 LE (CRC-32 over everything before it; version 1 had a u16, the low bits of FNV-1a)
 *
 * The reader takes the header first and the tables next, then checks every count against the bytes left and every
 * item, reason and category index against the dictionary (`ByteReader`); a known section must be read to its
 * last byte and appear once.
 *
 * Sections (MetaSection): HEADER build id string, created_at varint (unix s), item count n varint;
 * ITEM_IDS n strings; TITLES n strings; CATEGORIES table (count, strings) then n varints (0 = none, c + 1);
 * BRANDS the same; PRICES n f32 (NaN = unknown); FLAGS n u8 (ItemFlag bits); REASONS count then
 * (reason code u8 | template string); POPULAR a candidate list; POPULAR_BY_CATEGORY count then
 * (category varint | candidate list); COMPLEMENTS count then (category varint | m varint | m x (category varint |
 * attach u16)), attach = round(P(B | A) * 65535), the share of orders with an A item that also hold a B item;
 * BUNDLES count then (title string | discount percent u8 | score f32 | m varint | m x item varint).
 * COMPLEMENTS and BUNDLES are optional: a build without them decodes to an empty map and list.
 * Catalogue intelligence, optional too (formats in catalog-sections-codec.ts): COMPAT the compatibility index;
 * STOCK units on hand; SCENARIO_LISTS scenario cross-sell per category path and per `scenario:<name>`;
 * MODEL_NAMES short device-model names (a table like CATEGORIES) that `{anchor}` in reasons renders as.
 * CROSS_SELL_PRIOR (optional) a candidate list: the cross-sell blend's base score per item, added once to every
 * cart merge (see core/recommend/merge-cart.ts); absent, the merge has no prior.
 * DISPLAY (optional) each item's currency, link and image URL (display-section-codec.ts).
 * SEQUENCE_MODEL (optional) the sequence model's weights (format in sequence-codec.ts); absent, the edge runs none.
 * CROSS_SELL_POLICY (optional) how cart cross-sell is served, as the build fitted it on validation: flags u8 (bit 0:
 * anchors weigh by value) | the cart slot's items per category u8 (0: no limit) | essentials' least attach rate u16
 * (x 65535, 0: none completed) | category count varint | one byte
 * per category (1: shoppers take one item of it per order, so the cart's own and a slot's second one are left out).
 * Absent, every category counts as one per order and anchors weigh by value (core/recommend/cross-sell-policy.ts).
 * EDGE (optional) marks the global blob of the edge format (core/blob/edge-format.ts), whose dictionary holds only the
 * items its lists name: the build's item count varint | directory shard count varint | category count varint |
 * that many f32, each category's median price over the whole catalogue (NaN = none priced) | per dictionary item,
 * ascending, the gap to its index in the whole build (varint: the first its index, then index - previous - 1) |
 * per dictionary item its popularity f32 (purchase count in the whole build's popular lists; 0 in none).
 * EDGE_IN_ORDER_KEPT (in place of EDGE) the same, but each item's index in the whole build as a varint, in any order:
 * the global blob of a build that keeps the global items of the build it follows where they were.
 * BLOB_HOMES (optional, with EDGE) which build's KV prefix holds each bucket of blobs (blob-homes.ts).
 */
import type { CandidateList } from "../candidates";
import type { CompatIndex } from "../catalog/compat-index";
import { REASON_CODES, type ReasonCode } from "../types";
import { ByteReader, CorruptBlobError, type DictionaryBounds } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { readCandidateList, writeCandidateList } from "./candidate-list-codec";
import { readCompatIndex, readScenarioLists, readStock, writeCompatIndex, writeScenarioLists, writeStock } from "./catalog-sections-codec";
import { type BlobHomes, readBlobHomes, writeBlobHomes } from "./blob-homes";
import { openBlob, sealBlob } from "./checksum";
import { type DisplayColumns, readDisplayColumns, writeDisplayColumns } from "./display-section-codec";
import { readSequenceModel, writeSequenceModel } from "./sequence-codec";
import type { SequenceModel } from "../sequence/gru-model";

export const META_BLOB_VERSION = 2;
/** The version sealed with 16 bits of FNV-1a; still read, so a worker reads the builds published before it. */
const META_BLOB_V1 = 1;
const MAGIC = [0x45, 0x52, 0x4d]; // "ERM"

export const MetaSection = {
  HEADER: 1,
  ITEM_IDS: 2,
  TITLES: 3,
  CATEGORIES: 4,
  BRANDS: 5,
  PRICES: 6,
  FLAGS: 7,
  REASONS: 8,
  POPULAR: 9,
  POPULAR_BY_CATEGORY: 10,
  COMPLEMENTS: 11,
  BUNDLES: 12,
  COMPAT: 13,
  STOCK: 14,
  SCENARIO_LISTS: 15,
  MODEL_NAMES: 16,
  CROSS_SELL_PRIOR: 17,
  DISPLAY: 19,
  SEQUENCE_MODEL: 18,
  CROSS_SELL_POLICY: 20,
  EDGE: 21,
  /** EDGE with its dictionary's ordinals in any order (a build following another keeps the global items' order). */
  EDGE_IN_ORDER_KEPT: 22,
  BLOB_HOMES: 23,
} as const;

/** Bits of the per-item flags byte. */
export const ItemFlag = {
  NEW: 1,
  CLEARANCE: 2,
  EOL: 4,
  OUT_OF_STOCK: 8,
  /** Known to the catalogue (not only seen in orders). */
  IN_CATALOG: 16,
  /** The build wrote an item blob for this item: a missing one is a fault, not an empty list. */
  HAS_LISTS: 32,
  /** The build compared this item's specs: its down-sell list is all there is, no price-band fallback. */
  SPEC_LADDER: 64,
} as const;

export interface Reason {
  code: ReasonCode;
  /** Human text; `{anchor}` is replaced by the anchor item's title at serve time. */
  text: string;
}

/** Categories bought with a category, most attached first. */
export interface CategoryComplements {
  categories: Uint32Array;
  /** P(B | A) per entry of `categories`, in [0, 1]. */
  attach: Float32Array;
}

/** A set of items sold together (a camera kit, a PC build), with its discount. */
export interface Bundle {
  title: string;
  items: Uint32Array;
  discountPct: number;
  score: number;
}

/** How cart cross-sell is served, as the build fitted it (read by `core/recommend/cross-sell-policy.ts`). */
export interface CrossSellPolicy {
  /** Cart items weigh by their price against the cart's (else all weigh 1). */
  valueWeighting: boolean;
  /** The most items of one category the cart's cross-sell slot shows (0: no limit). */
  cartPerCategory: number;
  /** Missing essentials are completed for complement categories attached at least this much (0: never; `essentials.ts`). */
  essentialAttach: number;
  /** Per category index: 1 when shoppers take one item of it per order. */
  exclusive: Uint8Array;
}

export interface BuildMeta {
  buildId: string;
  createdAt: number;
  items: string[];
  titles: string[];
  categories: string[];
  /** Category index per item, -1 when unknown. */
  itemCategory: Int32Array;
  brands: string[];
  /** Brand index per item, -1 when unknown. */
  itemBrand: Int32Array;
  prices: Float32Array;
  flags: Uint8Array;
  reasons: Reason[];
  popular: CandidateList;
  popularByCategory: Map<number, CandidateList>;
  /** Category index -> its complements (the category rules of the fallback and of missing essentials). */
  complements?: Map<number, CategoryComplements>;
  bundles?: Bundle[];
  /** Which accessory fits which device (absent when the build had no catalogue). */
  compat?: CompatIndex;
  /** Units on hand per item, -1 when unknown. */
  stock?: Int32Array;
  /** Scenario cross-sell for listing pages, keyed by category path or `scenario:<name>`. */
  scenarioLists?: Map<string, CandidateList>;
  /** Short model names ("iPhone 17 Pro Max"), and the name index per item (-1 = none: its title stands). */
  modelNames?: string[];
  itemModelName?: Int32Array;
  /** The cross-sell blend's intercept per item, best first: counted once in every cart merge. */
  crossSellPrior?: CandidateList;
  /** Currency, link and image per item, for cards drawn from an answer (absent without a catalogue). */
  display?: DisplayColumns;
  /** The next-item sequence model (its item embeddings travel with the `next_item` lists). */
  sequenceModel?: SequenceModel;
  /** How cart cross-sell is served, fitted by the build (absent: every category is one per order, value weights). */
  crossSellPolicy?: CrossSellPolicy;
  /** Set on the edge format's global blob: the dictionary is a subset, the rest travels with the anchors' blobs. */
  edge?: EdgeInfo;
}

/** What the global blob of the edge format knows of the whole build. */
interface EdgeInfo {
  /** Items in the build (the global blob's dictionary holds only some of them). */
  items: number;
  /** Directory shards (`shardKey`), each the facts of the items whose id hashes to it. */
  shards: number;
  /** Median known price per category over the whole catalogue; NaN where none is priced. */
  categoryMedianPrice: Float32Array;
  /** Per dictionary item, its index in the whole build (ties are broken in this order). */
  ordinals: Uint32Array;
  /** Per dictionary item, its purchase count in the whole build's popular lists (overall and per category). */
  popularity: Float32Array;
  /** Where the build's blobs live when some were kept from earlier builds; absent, all under its own prefix. */
  homes?: BlobHomes;
}

export function encodeMetaBlob(meta: BuildMeta): Uint8Array {
  const n = meta.items.length;
  for (const [name, column] of [["titles", meta.titles], ["itemCategory", meta.itemCategory], ["itemBrand", meta.itemBrand], ["prices", meta.prices], ["flags", meta.flags]] as const) {
    if (column.length !== n) throw new RangeError(`meta column ${name} has ${column.length} entries for ${n} items`);
  }
  const w = new ByteWriter(1024 + n * 24);
  for (const byte of MAGIC) w.u8(byte);
  w.u8(META_BLOB_VERSION);
  w.section(MetaSection.HEADER, (s) => s.string(meta.buildId).varint(meta.createdAt).varint(n));
  w.section(MetaSection.ITEM_IDS, (s) => {
    for (const id of meta.items) s.string(id);
  });
  w.section(MetaSection.TITLES, (s) => {
    for (const title of meta.titles) s.string(title);
  });
  w.section(MetaSection.CATEGORIES, (s) => writeTableColumn(s, meta.categories, meta.itemCategory));
  w.section(MetaSection.BRANDS, (s) => writeTableColumn(s, meta.brands, meta.itemBrand));
  w.section(MetaSection.PRICES, (s) => {
    for (let i = 0; i < n; i++) s.f32(meta.prices[i]);
  });
  w.section(MetaSection.FLAGS, (s) => s.bytes(meta.flags));
  w.section(MetaSection.REASONS, (s) => {
    s.varint(meta.reasons.length);
    for (const reason of meta.reasons) s.u8(REASON_CODES.indexOf(reason.code)).string(reason.text);
  });
  w.section(MetaSection.POPULAR, (s) => writeCandidateList(s, meta.popular));
  w.section(MetaSection.POPULAR_BY_CATEGORY, (s) => {
    s.varint(meta.popularByCategory.size);
    for (const [category, list] of meta.popularByCategory) {
      s.varint(category);
      writeCandidateList(s, list);
    }
  });
  if (meta.complements !== undefined && meta.complements.size > 0) {
    const complements = meta.complements;
    w.section(MetaSection.COMPLEMENTS, (s) => writeComplements(s, complements));
  }
  if (meta.bundles !== undefined && meta.bundles.length > 0) {
    const bundles = meta.bundles;
    w.section(MetaSection.BUNDLES, (s) => writeBundles(s, bundles, n));
  }
  const { compat, stock, scenarioLists } = meta;
  if (compat !== undefined) {
    if (compat.provideStart.length !== n + 1) throw new RangeError(`meta compat index covers ${compat.provideStart.length - 1} items of ${n}`);
    w.section(MetaSection.COMPAT, (s) => writeCompatIndex(s, compat));
  }
  if (stock !== undefined) {
    if (stock.length !== n) throw new RangeError(`meta column stock has ${stock.length} entries for ${n} items`);
    w.section(MetaSection.STOCK, (s) => writeStock(s, stock));
  }
  if (scenarioLists !== undefined && scenarioLists.size > 0) w.section(MetaSection.SCENARIO_LISTS, (s) => writeScenarioLists(s, scenarioLists));
  const { modelNames, itemModelName } = meta;
  if (modelNames !== undefined && itemModelName !== undefined && modelNames.length > 0) {
    if (itemModelName.length !== n) throw new RangeError(`meta column itemModelName has ${itemModelName.length} entries for ${n} items`);
    w.section(MetaSection.MODEL_NAMES, (s) => writeTableColumn(s, modelNames, itemModelName));
  }
  const prior = meta.crossSellPrior;
  if (prior !== undefined && prior.items.length > 0) w.section(MetaSection.CROSS_SELL_PRIOR, (s) => writeCandidateList(s, prior));
  const display = meta.display;
  if (display !== undefined) w.section(MetaSection.DISPLAY, (s) => writeDisplayColumns(s, display, n));
  const model = meta.sequenceModel;
  if (model !== undefined) w.section(MetaSection.SEQUENCE_MODEL, (s) => writeSequenceModel(s, model));
  const policy = meta.crossSellPolicy;
  if (policy !== undefined) {
    if (policy.exclusive.length !== meta.categories.length) throw new RangeError(`meta cross-sell policy covers ${policy.exclusive.length} categories of ${meta.categories.length}`);
    w.section(MetaSection.CROSS_SELL_POLICY, (s) =>
      s.u8(policy.valueWeighting ? 1 : 0).u8(policy.cartPerCategory).u16(Math.round(Math.min(1, Math.max(0, policy.essentialAttach)) * ATTACH_STEPS)).varint(policy.exclusive.length).bytes(policy.exclusive),
    );
  }
  const edge = meta.edge;
  if (edge !== undefined) {
    if (edge.categoryMedianPrice.length !== meta.categories.length)
      throw new RangeError(`meta edge medians cover ${edge.categoryMedianPrice.length} categories of ${meta.categories.length}`);
    const ascending = edge.ordinals.every((ordinal, i) => i === 0 || ordinal > edge.ordinals[i - 1]);
    w.section(ascending ? MetaSection.EDGE : MetaSection.EDGE_IN_ORDER_KEPT, (s) => {
      s.varint(edge.items).varint(edge.shards).varint(edge.categoryMedianPrice.length);
      for (const median of edge.categoryMedianPrice) s.f32(median);
      if (edge.ordinals.length !== n) throw new RangeError(`meta edge ordinals cover ${edge.ordinals.length} items of ${n}`);
      let next = 0;
      for (const ordinal of edge.ordinals) {
        if (ordinal >= edge.items) throw new RangeError(`meta edge ordinal ${ordinal} of ${edge.items} items`);
        s.varint(ascending ? ordinal - next : ordinal);
        next = ordinal + 1;
      }
      if (edge.popularity.length !== n) throw new RangeError(`meta edge popularity covers ${edge.popularity.length} items of ${n}`);
      for (const p of edge.popularity) s.f32(p);
    });
    if (edge.homes !== undefined) w.section(MetaSection.BLOB_HOMES, (s) => writeBlobHomes(s, edge.homes!));
  }
  return sealBlob(w.finish());
}

export function decodeMetaBlob(sealed: Uint8Array): BuildMeta {
  for (let i = 0; i < MAGIC.length; i++) if (sealed[i] !== MAGIC[i]) throw new CorruptBlobError("not a meta blob (bad magic)");
  const version = sealed[MAGIC.length];
  if (version !== META_BLOB_VERSION && version !== META_BLOB_V1) throw new CorruptBlobError(`meta blob version ${version}, expected ${META_BLOB_VERSION}`);
  const body = openBlob(sealed, "meta blob", version === META_BLOB_V1 ? "fnv16" : "crc32");
  const sections = readSections(new ByteReader(body, MAGIC.length + 1));

  const header = sections.get(MetaSection.HEADER)!;
  const buildId = header.string();
  const createdAt = header.varint();
  const n = header.varint();
  header.finish("meta blob header");
  const ids = sections.get(MetaSection.ITEM_IDS);
  if (ids === undefined) throw new CorruptBlobError("meta blob: missing item ids");
  const items = ids.strings(n, "meta blob item ids");
  ids.finish("meta blob item ids");

  const column = <T>(tag: number, read: (s: ByteReader) => T, bounds?: DictionaryBounds): T | undefined => {
    const section = sections.get(tag);
    if (section === undefined) return undefined;
    const s = bounds === undefined ? section : section.withBounds(bounds);
    const value = read(s);
    s.finish(`meta blob section ${tag}`);
    return value;
  };
  const titles = column(MetaSection.TITLES, (s) => s.strings(n, "meta blob titles"));
  const [categories, itemCategory] = column(MetaSection.CATEGORIES, (s) => readTableColumn(s, n)) ?? [[], new Int32Array(n).fill(-1)];
  const [brands, itemBrand] = column(MetaSection.BRANDS, (s) => readTableColumn(s, n)) ?? [[], new Int32Array(n).fill(-1)];
  const prices = column(MetaSection.PRICES, (s) => {
    s.expect(n, "meta blob prices", 4);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = s.f32();
    return out;
  });
  const flags = column(MetaSection.FLAGS, (s) => {
    s.expect(n, "meta blob flags", 1);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = s.u8();
    return out;
  });
  const reasons = column(MetaSection.REASONS, (s) => {
    const count = s.count("meta blob reasons", 2);
    const out: Reason[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const code = REASON_CODES[s.u8()];
      if (code === undefined) throw new CorruptBlobError("meta blob: unknown reason code");
      out[i] = { code, text: s.string() };
    }
    return out;
  }) ?? [];

  // Sections that hold item, reason or category indices read them checked against the tables above.
  const bounds = { items: n, reasons: reasons.length };
  const bounded = <T>(tag: number, read: (s: ByteReader) => T): T | undefined => column(tag, read, bounds);
  const categoryCount = categories.length;
  const popular = bounded(MetaSection.POPULAR, (s) => readCandidateList(s));
  const popularByCategory = bounded(MetaSection.POPULAR_BY_CATEGORY, (s) => {
    const count = s.count("meta blob popular by category", 2, categoryCount);
    const byCategory = new Map<number, CandidateList>();
    for (let i = 0; i < count; i++) byCategory.set(s.index(categoryCount, "popular category"), readCandidateList(s));
    return byCategory;
  });
  const complements = bounded(MetaSection.COMPLEMENTS, (s) => readComplements(s, categoryCount));
  const bundles = bounded(MetaSection.BUNDLES, (s) => readBundles(s, n));
  const compat = bounded(MetaSection.COMPAT, (s) => readCompatIndex(s, n));
  const stock = bounded(MetaSection.STOCK, (s) => readStock(s, n));
  const scenarioLists = bounded(MetaSection.SCENARIO_LISTS, (s) => readScenarioLists(s));
  const models = bounded(MetaSection.MODEL_NAMES, (s) => readTableColumn(s, n));
  const crossSellPrior = bounded(MetaSection.CROSS_SELL_PRIOR, (s) => readCandidateList(s));
  const display = column(MetaSection.DISPLAY, (s) => readDisplayColumns(s, n));
  const sequenceModel = column(MetaSection.SEQUENCE_MODEL, (s) => readSequenceModel(s));
  const crossSellPolicy = column(MetaSection.CROSS_SELL_POLICY, (s): CrossSellPolicy => {
    const flags = s.u8();
    const cartPerCategory = s.u8();
    const essentialAttach = s.u16() / ATTACH_STEPS;
    const count = s.varint();
    if (count !== categoryCount) throw new CorruptBlobError("meta blob: cross-sell policy does not cover the categories");
    s.expect(count, "meta blob cross-sell policy", 1);
    const exclusive = new Uint8Array(count);
    for (let c = 0; c < count; c++) exclusive[c] = s.u8();
    return { valueWeighting: (flags & 1) !== 0, cartPerCategory, essentialAttach, exclusive };
  });
  const readEdge = (inOrder: boolean) => (s: ByteReader): EdgeInfo => {
    const items = s.varint();
    const shards = s.varint();
    if (items < n || shards < 1) throw new CorruptBlobError("meta blob: edge section does not cover the dictionary");
    const count = s.varint();
    if (count !== categoryCount) throw new CorruptBlobError("meta blob: edge medians do not cover the categories");
    s.expect(count, "meta blob edge medians", 4);
    const categoryMedianPrice = new Float32Array(count);
    for (let c = 0; c < count; c++) categoryMedianPrice[c] = s.f32();
    s.expect(n, "meta blob edge ordinals", 1);
    const ordinals = new Uint32Array(n);
    let next = 0;
    for (let i = 0; i < n; i++) {
      const ordinal = inOrder ? next + s.varint() : s.varint();
      if (ordinal >= items) throw new CorruptBlobError("meta blob: edge ordinal out of range");
      ordinals[i] = ordinal;
      next = ordinal + 1;
    }
    s.expect(n, "meta blob edge popularity", 4);
    const popularity = new Float32Array(n);
    for (let i = 0; i < n; i++) popularity[i] = s.f32();
    return { items, shards, categoryMedianPrice, ordinals, popularity };
  };
  if (sections.has(MetaSection.EDGE) && sections.has(MetaSection.EDGE_IN_ORDER_KEPT)) throw new CorruptBlobError("meta blob: two edge sections");
  const edgeInfo = column(MetaSection.EDGE, readEdge(true)) ?? column(MetaSection.EDGE_IN_ORDER_KEPT, readEdge(false));
  const homes = column(MetaSection.BLOB_HOMES, readBlobHomes);
  if (homes !== undefined && edgeInfo === undefined) throw new CorruptBlobError("meta blob: blob homes without an edge section");
  const edge = edgeInfo !== undefined && homes !== undefined ? { ...edgeInfo, homes } : edgeInfo;
  return {
    buildId,
    createdAt,
    items,
    titles: titles ?? new Array<string>(n).fill(""),
    categories,
    itemCategory,
    brands,
    itemBrand,
    prices: prices ?? new Float32Array(n).fill(Number.NaN),
    flags: flags ?? new Uint8Array(n),
    reasons,
    popular: popular ?? { items: new Uint32Array(0), scores: new Float32Array(0), reasons: new Uint32Array(0) },
    popularByCategory: popularByCategory ?? new Map(),
    complements: complements ?? new Map(),
    bundles: bundles ?? [],
    ...(compat !== undefined ? { compat } : {}),
    ...(stock !== undefined ? { stock } : {}),
    ...(scenarioLists !== undefined ? { scenarioLists } : {}),
    ...(models !== undefined ? { modelNames: models[0], itemModelName: models[1] } : {}),
    ...(crossSellPrior !== undefined ? { crossSellPrior } : {}),
    ...(display !== undefined ? { display } : {}),
    ...(sequenceModel !== undefined ? { sequenceModel } : {}),
    ...(crossSellPolicy !== undefined ? { crossSellPolicy } : {}),
    ...(edge !== undefined ? { edge } : {}),
  };
}

/** The sections by tag: the header first, each known tag at most once, unknown tags (a newer writer's) skipped. */
function readSections(r: ByteReader): Map<number, ByteReader> {
  const known = new Set<number>(Object.values(MetaSection));
  const sections = new Map<number, ByteReader>();
  while (!r.done) {
    const { tag, body } = r.section();
    if (sections.size === 0 && tag !== MetaSection.HEADER) throw new CorruptBlobError("meta blob: header section must come first");
    if (!known.has(tag)) continue;
    if (sections.has(tag)) throw new CorruptBlobError(`meta blob: section ${tag} twice`);
    sections.set(tag, body);
  }
  if (!sections.has(MetaSection.HEADER)) throw new CorruptBlobError("meta blob: missing header or item ids");
  return sections;
}

const ATTACH_STEPS = 65535;

function writeComplements(w: ByteWriter, complements: ReadonlyMap<number, CategoryComplements>): void {
  w.varint(complements.size);
  for (const [category, { categories, attach }] of complements) {
    w.varint(category).varint(categories.length);
    for (let i = 0; i < categories.length; i++) {
      const share = attach[i];
      if (!(share >= 0 && share <= 1)) throw new RangeError(`category attach rate out of [0, 1]: ${share}`);
      w.varint(categories[i]).u16(Math.round(share * ATTACH_STEPS));
    }
  }
}

function readComplements(r: ByteReader, categoryCount: number): Map<number, CategoryComplements> {
  const count = r.count("meta blob complements", 2, categoryCount);
  const complements = new Map<number, CategoryComplements>();
  for (let c = 0; c < count; c++) {
    const category = r.index(categoryCount, "complement category");
    const m = r.count("meta blob complements of a category", 3, categoryCount);
    const categories = new Uint32Array(m);
    const attach = new Float32Array(m);
    for (let i = 0; i < m; i++) {
      categories[i] = r.index(categoryCount, "complement category");
      attach[i] = r.u16() / ATTACH_STEPS;
    }
    complements.set(category, { categories, attach });
  }
  return complements;
}

function writeBundles(w: ByteWriter, bundles: readonly Bundle[], n: number): void {
  w.varint(bundles.length);
  for (const bundle of bundles) {
    const discount = Math.round(bundle.discountPct);
    if (!(discount >= 0 && discount <= 100)) throw new RangeError(`bundle discount out of [0, 100]: ${bundle.discountPct}`);
    w.string(bundle.title).u8(discount).f32(bundle.score).varint(bundle.items.length);
    for (const item of bundle.items) {
      if (item >= n) throw new RangeError(`bundle item ${item} is not in the dictionary of ${n} items`);
      w.varint(item);
    }
  }
}

/** A bundle takes at least 7 bytes: title length, discount u8, score f32, item count. */
function readBundles(r: ByteReader, n: number): Bundle[] {
  const count = r.count("meta blob bundles", 7);
  const bundles: Bundle[] = new Array(count);
  for (let b = 0; b < count; b++) {
    const title = r.string();
    const discountPct = r.u8();
    const score = r.f32();
    const m = r.count("meta blob bundle items", 1, n);
    const items = new Uint32Array(m);
    for (let i = 0; i < m; i++) items[i] = r.index(n, "bundle item");
    bundles[b] = { title, items, discountPct, score };
  }
  return bundles;
}

function writeTableColumn(w: ByteWriter, table: readonly string[], column: Int32Array): void {
  w.varint(table.length);
  for (const entry of table) w.string(entry);
  for (let i = 0; i < column.length; i++) w.varint(column[i] + 1);
}

function readTableColumn(r: ByteReader, n: number): [string[], Int32Array] {
  const table = r.strings(r.count("meta blob table", 1), "meta blob table");
  r.expect(n, "meta blob table column", 1);
  const column = new Int32Array(n);
  for (let i = 0; i < n; i++) column[i] = r.index(table.length + 1, "table entry") - 1;
  return [table, column];
}
