/**
 * @module
 * The facts the edge filters, ranks and draws an item with, for a handful of items: what an anchor's blob carries
 * for the anchor and its candidates, and a directory shard for the items of its hash bucket. Category, brand and
 * currency are indices into the build's global tables (the global blob's), so a table costs what its items weigh.
 *
 *   m varint | parts u8 (bit 0: stock, bit 1: display, bit 2: compat)
 *   m x [ ordinal varint (the item's index in the build's dictionary) | category varint (0 = none, c + 1) | brand
 *         varint (the same) | price f32 | popularity f32 | flags u8 | stock varint (units + 1, 0 = unknown; with
 *         bit 0) | currency varint (0 = none, c + 1; with bit 1) ]
 *   string columns: ids | titles | model names ("" = none) | links, images (with bit 1)
 *   compat index over the m items (catalog-sections-codec.ts; with bit 2)
 *
 * A string column front-codes each string against the one before (`writeFrontColumn`) and keeps the text of the
 * whole column together, so a reader decodes it with one call. The `interleaved` layout of earlier builds (every
 * field item by item, strings one by one) is still read.
 */
import type { CompatIndex } from "../catalog/compat-index";
import { compatSubset } from "../catalog/compat-index";
import { type ByteReader, CorruptBlobError } from "./byte-reader";
import type { ByteWriter } from "./byte-writer";
import { readCompatIndex, skipCompatIndex, writeCompatIndex } from "./catalog-sections-codec";
import type { BuildMeta } from "./meta-blob";

export interface ItemFacts {
  ids: string[];
  /** Each item's index in the whole build's dictionary: the order ties are broken in, whatever subset is at hand. */
  ordinals: Uint32Array;
  titles: string[];
  /** Index into the build's categories, -1 when unknown. */
  category: Int32Array;
  /** Index into the build's brands, -1 when unknown. */
  brand: Int32Array;
  prices: Float32Array;
  /** Purchase count in the build's popular lists (overall and per category), 0 for items in none: ranks band members. */
  popularity: Float32Array;
  flags: Uint8Array;
  /** Short device-model name, "" when none. */
  modelNames: string[];
  /** Units on hand, -1 when unknown (absent when the build has no stock column). */
  stock?: Int32Array;
  /** Currency index (into the build's currencies, -1 none), link and image (absent without a catalogue). */
  display?: { currency: Int32Array; links: string[]; images: string[] };
  /** Fit facts of the m items, tokens local to this table (absent when the build has no compatibility index). */
  compat?: CompatIndex;
}

/** Sizes of the build's tables that a table's indices point into. */
export interface FactTables {
  /** Items in the build (ordinals are below it). */
  items: number;
  categories: number;
  brands: number;
  currencies: number;
}

const Part = { STOCK: 1, DISPLAY: 2, COMPAT: 4 } as const;

/** Columns for m items, to be filled (stock and display only when asked). */
function emptyFacts(m: number, withStock: boolean, withDisplay: boolean): ItemFacts {
  const facts: ItemFacts = {
    ids: new Array(m),
    ordinals: new Uint32Array(m),
    titles: new Array(m),
    category: new Int32Array(m),
    brand: new Int32Array(m),
    prices: new Float32Array(m),
    popularity: new Float32Array(m),
    flags: new Uint8Array(m),
    modelNames: new Array(m),
  };
  if (withStock) facts.stock = new Int32Array(m);
  if (withDisplay) facts.display = { currency: new Int32Array(m), links: new Array(m), images: new Array(m) };
  return facts;
}

/** The facts of `items` (build indices), in that order; `popularity` per build index. */
export function itemFactsOf(meta: BuildMeta, items: ArrayLike<number>, popularity: ArrayLike<number>): ItemFacts {
  const m = items.length;
  const facts = emptyFacts(m, meta.stock !== undefined, meta.display !== undefined);
  const { stock, display } = facts;
  const ordinals = meta.edge?.ordinals;
  for (let k = 0; k < m; k++) {
    const i = items[k];
    facts.ids[k] = meta.items[i];
    facts.ordinals[k] = ordinals !== undefined ? ordinals[i] : i;
    facts.titles[k] = meta.titles[i];
    facts.category[k] = meta.itemCategory[i];
    facts.brand[k] = meta.itemBrand[i];
    facts.prices[k] = meta.prices[i];
    facts.popularity[k] = popularity[i];
    facts.flags[k] = meta.flags[i];
    const name = meta.itemModelName?.[i] ?? -1;
    facts.modelNames[k] = name >= 0 ? meta.modelNames![name] : "";
    if (stock !== undefined) stock[k] = meta.stock![i];
    if (display !== undefined) {
      display.currency[k] = meta.display!.itemCurrency[i];
      display.links[k] = meta.display!.links[i];
      display.images[k] = meta.display!.images[i];
    }
  }
  if (meta.compat !== undefined) facts.compat = compatSubset(meta.compat, items);
  return facts;
}

/** How a table lays out its items: `columns` (this version: fixed fields per item, then each string column whole), or `interleaved` (every field item by item, as builds before it wrote). */
export type FactsLayout = "columns" | "interleaved";

export function writeItemFacts(w: ByteWriter, facts: ItemFacts): void {
  const m = facts.ids.length;
  const { stock, display, compat } = facts;
  w.varint(m).u8((stock !== undefined ? Part.STOCK : 0) | (display !== undefined ? Part.DISPLAY : 0) | (compat !== undefined ? Part.COMPAT : 0));
  for (let k = 0; k < m; k++) {
    w.varint(facts.ordinals[k]).varint(facts.category[k] + 1).varint(facts.brand[k] + 1).f32(facts.prices[k]).f32(facts.popularity[k]).u8(facts.flags[k]);
    if (stock !== undefined) w.varint(stock[k] < 0 ? 0 : stock[k] + 1);
    if (display !== undefined) w.varint(display.currency[k] + 1);
  }
  writeFrontColumn(w, facts.ids);
  writeFrontColumn(w, facts.titles);
  writeFrontColumn(w, facts.modelNames);
  if (display !== undefined) {
    writeFrontColumn(w, display.links);
    writeFrontColumn(w, display.images);
  }
  if (compat !== undefined) writeCompatIndex(w, compat);
}

/** Every table index and ordinal is checked against `tables`; each item takes at least 16 bytes. */
export function readItemFacts(r: ByteReader, tables: FactTables, layout: FactsLayout = "columns"): ItemFacts {
  if (layout === "columns") {
    const pending = readPendingFacts(r, tables);
    return pending.take(pending.m);
  }
  const m = r.count("item facts", 16);
  const parts = r.u8();
  if (parts > 7) throw new CorruptBlobError("item facts: unknown parts");
  const facts = emptyFacts(m, (parts & Part.STOCK) !== 0, (parts & Part.DISPLAY) !== 0);
  readInterleaved(r, tables, facts);
  if ((parts & Part.COMPAT) !== 0) facts.compat = readCompatIndex(r, m);
  return facts;
}

/**
 * A facts table (`columns` layout) read and checked whole, its strings and fit facts not yet built: `take(p)` builds
 * the facts of its first p items only. The reader is left after the table.
 */
export interface PendingFacts {
  /** Items in the table. */
  m: number;
  take(p: number): ItemFacts;
}

export function readPendingFacts(r: ByteReader, tables: FactTables): PendingFacts {
  const m = r.count("item facts", 16);
  const parts = r.u8();
  if (parts > 7) throw new CorruptBlobError("item facts: unknown parts");
  const fixed = emptyFacts(m, (parts & Part.STOCK) !== 0, (parts & Part.DISPLAY) !== 0);
  const { stock, display } = fixed;
  for (let k = 0; k < m; k++) {
    fixed.ordinals[k] = r.index(tables.items, "item ordinal");
    fixed.category[k] = r.index(tables.categories + 1, "item category") - 1;
    fixed.brand[k] = r.index(tables.brands + 1, "item brand") - 1;
    fixed.prices[k] = r.f32();
    fixed.popularity[k] = r.f32();
    fixed.flags[k] = r.u8();
    if (stock !== undefined) stock[k] = r.varint() - 1;
    if (display !== undefined) display.currency[k] = r.index(tables.currencies + 1, "item currency") - 1;
  }
  const columns = Array.from({ length: display !== undefined ? 5 : 3 }, () => readFrontColumn(r, m));
  const compatAt = (parts & Part.COMPAT) !== 0 ? r.offset : -1;
  if (compatAt >= 0) skipCompatIndex(r, m);
  return {
    m,
    take(p) {
      const first = <T extends Uint32Array | Int32Array | Float32Array | Uint8Array>(column: T): T => (p === m ? column : (column.subarray(0, p) as T));
      const facts: ItemFacts = {
        ids: columns[0](p),
        ordinals: first(fixed.ordinals),
        titles: columns[1](p),
        category: first(fixed.category),
        brand: first(fixed.brand),
        prices: first(fixed.prices),
        popularity: first(fixed.popularity),
        flags: first(fixed.flags),
        modelNames: columns[2](p),
      };
      if (stock !== undefined) facts.stock = first(stock);
      if (display !== undefined) facts.display = { currency: first(display.currency), links: columns[3](p), images: columns[4](p) };
      if (compatAt >= 0) facts.compat = readCompatIndex(r.at(compatAt), m, p);
      return facts;
    },
  };
}

function readInterleaved(r: ByteReader, tables: FactTables, facts: ItemFacts): void {
  const { stock, display } = facts;
  for (let k = 0; k < facts.ids.length; k++) {
    facts.ids[k] = unfront(r, k === 0 ? "" : facts.ids[k - 1]);
    facts.ordinals[k] = r.index(tables.items, "item ordinal");
    facts.titles[k] = unfront(r, k === 0 ? "" : facts.titles[k - 1]);
    facts.category[k] = r.index(tables.categories + 1, "item category") - 1;
    facts.brand[k] = r.index(tables.brands + 1, "item brand") - 1;
    facts.prices[k] = r.f32();
    facts.popularity[k] = r.f32();
    facts.flags[k] = r.u8();
    facts.modelNames[k] = r.string();
    if (stock !== undefined) stock[k] = r.varint() - 1;
    if (display !== undefined) {
      display.currency[k] = r.index(tables.currencies + 1, "item currency") - 1;
      display.links[k] = unfront(r, k === 0 ? "" : display.links[k - 1]);
      display.images[k] = unfront(r, k === 0 ? "" : display.images[k - 1]);
    }
  }
}

/**
 * A column of strings, each front-coded against the one before (the first against ""): per string the length of
 * the prefix it shares and of the rest, in UTF-16 units (varints), then the rests' UTF-8 together (length varint |
 * bytes), so a reader decodes the column with one call and slices it.
 */
function writeFrontColumn(w: ByteWriter, values: readonly string[]): void {
  const rests: string[] = new Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    const shared = sharedPrefix(k === 0 ? "" : values[k - 1], value);
    w.varint(shared).varint(value.length - shared);
    rests[k] = shared === 0 ? value : value.slice(shared);
  }
  w.string(rests.join(""));
}

/**
 * A string column of m strings, read and checked whole (every prefix within the string before it, the rests' lengths
 * summing to the text's); returns what builds its first p strings.
 */
function readFrontColumn(r: ByteReader, m: number): (p: number) => string[] {
  const lengths = new Uint32Array(2 * m);
  for (let k = 0; k < 2 * m; k++) lengths[k] = r.varint();
  const all = r.string();
  let previous = 0;
  let total = 0;
  for (let k = 0; k < m; k++) {
    const shared = lengths[2 * k];
    const rest = lengths[2 * k + 1];
    if (shared > previous) throw new CorruptBlobError("item facts: a string column's lengths disagree with its text");
    previous = shared + rest;
    total += rest;
  }
  if (total !== all.length) throw new CorruptBlobError("item facts: a string column's lengths disagree with its text");
  return (p) => {
    const out: string[] = new Array(p);
    let at = 0;
    let value = "";
    for (let k = 0; k < p; k++) {
      const shared = lengths[2 * k];
      const rest = lengths[2 * k + 1];
      value = shared === 0 ? all.slice(at, at + rest) : value.slice(0, shared) + all.slice(at, at + rest);
      at += rest;
      out[k] = value;
    }
    return out;
  };
}

/** The length of the prefix `value` shares with `previous` (UTF-16 units, at most 255, never splitting a pair). */
function sharedPrefix(previous: string, value: string): number {
  let shared = 0;
  const most = Math.min(previous.length, value.length, 255);
  while (shared < most && previous.charCodeAt(shared) === value.charCodeAt(shared)) shared++;
  if (shared > 0 && shared < value.length && isLowSurrogate(value.charCodeAt(shared))) shared--;
  return shared;
}

function unfront(r: ByteReader, previous: string): string {
  const shared = r.index(previous.length + 1, "front-coded prefix");
  return previous.slice(0, shared) + r.string();
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
