/**
 * @module
 * The build's meta blob (KV key `metaKey(build)`): the item dictionary, the catalogue columns the edge filters
 * and explains with, the reason table, and the global fallback lists.
 *
 *   magic "ERM" | version u8 (= META_BLOB_VERSION)
 *   sections, each: tag u8 | byte length varint | payload     (unknown tags are skipped: newer writers may add)
 *   checksum u16 (low 16 bits of FNV-1a over everything before it)
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
 * CROSS_SELL_POLICY (optional) how cart cross-sell is served, as the build fitted it on validation: flags u8 (bit 0:
 * anchors weigh by value) | the cart slot's items per category u8 (0: no limit) | essentials' least attach rate u16
 * (x 65535, 0: none completed) | category count varint | one byte
 * per category (1: shoppers take one item of it per order, so the cart's own and a slot's second one are left out).
 * Absent, every category counts as one per order and anchors weigh by value (core/recommend/cross-sell-policy.ts).
 */
import type { CandidateList } from "../candidates";
import type { CompatIndex } from "../catalog/compat-index";
import type { CrossSellPolicy } from "../recommend/cross-sell-policy";
import { REASON_CODES, type ReasonCode } from "../types";
import { ByteReader, CorruptBlobError } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { readCandidateList, writeCandidateList } from "./candidate-list-codec";
import { readCompatIndex, readScenarioLists, readStock, writeCompatIndex, writeScenarioLists, writeStock } from "./catalog-sections-codec";
import { openBlob, sealBlob } from "./checksum";

export const META_BLOB_VERSION = 1;
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
  CROSS_SELL_POLICY: 18,
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
  /** How cart cross-sell is served, fitted by the build (absent: every category is one per order, value weights). */
  crossSellPolicy?: CrossSellPolicy;
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
  const policy = meta.crossSellPolicy;
  if (policy !== undefined) {
    if (policy.exclusive.length !== meta.categories.length) throw new RangeError(`meta cross-sell policy covers ${policy.exclusive.length} categories of ${meta.categories.length}`);
    w.section(MetaSection.CROSS_SELL_POLICY, (s) =>
      s.u8(policy.valueWeighting ? 1 : 0).u8(policy.cartPerCategory).u16(Math.round(Math.min(1, Math.max(0, policy.essentialAttach)) * ATTACH_STEPS)).varint(policy.exclusive.length).bytes(policy.exclusive),
    );
  }
  return sealBlob(w.finish());
}

export function decodeMetaBlob(sealed: Uint8Array): BuildMeta {
  const body = openBlob(sealed, "meta blob");
  const r = new ByteReader(body);
  for (const byte of MAGIC) if (r.u8() !== byte) throw new CorruptBlobError("not a meta blob (bad magic)");
  const version = r.u8();
  if (version !== META_BLOB_VERSION) throw new CorruptBlobError(`meta blob version ${version}, expected ${META_BLOB_VERSION}`);

  let header: { buildId: string; createdAt: number; n: number } | undefined;
  const meta: Partial<BuildMeta> = {};
  while (!r.done) {
    const { tag, body: s } = r.section();
    if (tag !== MetaSection.HEADER && header === undefined) throw new CorruptBlobError("meta blob: header section must come first");
    const n = header?.n ?? 0;
    switch (tag) {
      case MetaSection.HEADER:
        header = { buildId: s.string(), createdAt: s.varint(), n: s.varint() };
        break;
      case MetaSection.ITEM_IDS:
        meta.items = readStrings(s, n);
        break;
      case MetaSection.TITLES:
        meta.titles = readStrings(s, n);
        break;
      case MetaSection.CATEGORIES:
        [meta.categories, meta.itemCategory] = readTableColumn(s, n);
        break;
      case MetaSection.BRANDS:
        [meta.brands, meta.itemBrand] = readTableColumn(s, n);
        break;
      case MetaSection.PRICES: {
        const prices = new Float32Array(n);
        for (let i = 0; i < n; i++) prices[i] = s.f32();
        meta.prices = prices;
        break;
      }
      case MetaSection.FLAGS: {
        const flags = new Uint8Array(n);
        for (let i = 0; i < n; i++) flags[i] = s.u8();
        meta.flags = flags;
        break;
      }
      case MetaSection.REASONS: {
        const count = s.varint();
        const reasons: Reason[] = new Array(count);
        for (let i = 0; i < count; i++) {
          const code = REASON_CODES[s.u8()];
          if (code === undefined) throw new CorruptBlobError("meta blob: unknown reason code");
          reasons[i] = { code, text: s.string() };
        }
        meta.reasons = reasons;
        break;
      }
      case MetaSection.POPULAR:
        meta.popular = readCandidateList(s);
        break;
      case MetaSection.POPULAR_BY_CATEGORY: {
        const count = s.varint();
        const byCategory = new Map<number, CandidateList>();
        for (let i = 0; i < count; i++) byCategory.set(s.varint(), readCandidateList(s));
        meta.popularByCategory = byCategory;
        break;
      }
      case MetaSection.COMPLEMENTS:
        meta.complements = readComplements(s);
        break;
      case MetaSection.BUNDLES:
        meta.bundles = readBundles(s, n);
        break;
      case MetaSection.COMPAT:
        meta.compat = readCompatIndex(s, n);
        break;
      case MetaSection.STOCK:
        meta.stock = readStock(s, n);
        break;
      case MetaSection.SCENARIO_LISTS:
        meta.scenarioLists = readScenarioLists(s);
        break;
      case MetaSection.MODEL_NAMES:
        [meta.modelNames, meta.itemModelName] = readTableColumn(s, n);
        break;
      case MetaSection.CROSS_SELL_PRIOR:
        meta.crossSellPrior = readCandidateList(s);
        break;
      case MetaSection.CROSS_SELL_POLICY: {
        const flags = s.u8();
        const cartPerCategory = s.u8();
        const essentialAttach = s.u16() / ATTACH_STEPS;
        const count = s.varint();
        const exclusive = new Uint8Array(count);
        for (let c = 0; c < count; c++) exclusive[c] = s.u8();
        meta.crossSellPolicy = { valueWeighting: (flags & 1) !== 0, cartPerCategory, essentialAttach, exclusive };
        break;
      }
      default:
        break;
    }
  }
  if (header === undefined || meta.items === undefined) throw new CorruptBlobError("meta blob: missing header or item ids");
  const n = header.n;
  const categoryCount = meta.categories?.length ?? 0;
  for (const [category, { categories }] of meta.complements ?? []) {
    if (category >= categoryCount || categories.some((c) => c >= categoryCount)) throw new CorruptBlobError("meta blob: complement category out of range");
  }
  if (meta.crossSellPolicy !== undefined && meta.crossSellPolicy.exclusive.length !== categoryCount) throw new CorruptBlobError("meta blob: cross-sell policy does not cover the categories");
  return {
    buildId: header.buildId,
    createdAt: header.createdAt,
    items: meta.items,
    titles: meta.titles ?? new Array<string>(n).fill(""),
    categories: meta.categories ?? [],
    itemCategory: meta.itemCategory ?? new Int32Array(n).fill(-1),
    brands: meta.brands ?? [],
    itemBrand: meta.itemBrand ?? new Int32Array(n).fill(-1),
    prices: meta.prices ?? new Float32Array(n).fill(Number.NaN),
    flags: meta.flags ?? new Uint8Array(n),
    reasons: meta.reasons ?? [],
    popular: meta.popular ?? { items: new Uint32Array(0), scores: new Float32Array(0), reasons: new Uint32Array(0) },
    popularByCategory: meta.popularByCategory ?? new Map(),
    complements: meta.complements ?? new Map(),
    bundles: meta.bundles ?? [],
    ...(meta.compat !== undefined ? { compat: meta.compat } : {}),
    ...(meta.stock !== undefined ? { stock: meta.stock } : {}),
    ...(meta.scenarioLists !== undefined ? { scenarioLists: meta.scenarioLists } : {}),
    ...(meta.modelNames !== undefined && meta.itemModelName !== undefined ? { modelNames: meta.modelNames, itemModelName: meta.itemModelName } : {}),
    ...(meta.crossSellPrior !== undefined ? { crossSellPrior: meta.crossSellPrior } : {}),
    ...(meta.crossSellPolicy !== undefined ? { crossSellPolicy: meta.crossSellPolicy } : {}),
  };
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

function readComplements(r: ByteReader): Map<number, CategoryComplements> {
  const count = r.varint();
  const complements = new Map<number, CategoryComplements>();
  for (let c = 0; c < count; c++) {
    const category = r.varint();
    const m = r.varint();
    const categories = new Uint32Array(m);
    const attach = new Float32Array(m);
    for (let i = 0; i < m; i++) {
      categories[i] = r.varint();
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

function readBundles(r: ByteReader, n: number): Bundle[] {
  const count = r.varint();
  const bundles: Bundle[] = new Array(count);
  for (let b = 0; b < count; b++) {
    const title = r.string();
    const discountPct = r.u8();
    const score = r.f32();
    const m = r.varint();
    const items = new Uint32Array(m);
    for (let i = 0; i < m; i++) {
      const item = r.varint();
      if (item >= n) throw new CorruptBlobError("meta blob: bundle item out of range");
      items[i] = item;
    }
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
  const table = readStrings(r, r.varint());
  const column = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const value = r.varint() - 1;
    if (value >= table.length) throw new CorruptBlobError("meta blob: table index out of range");
    column[i] = value;
  }
  return [table, column];
}

function readStrings(r: ByteReader, count: number): string[] {
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = r.string();
  return out;
}
