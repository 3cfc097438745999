/**
 * @module
 * Wire formats of the meta blob's catalogue-intelligence sections (tags in `MetaSection`):
 *
 *   COMPAT          token count varint | tokens (strings) | entry count varint |
 *                   entries: item gap varint (from the previous entry's item + 1) | provides: count varint, token
 *                   varints | clauses: count varint, per clause (size varint, token varints) | pins: count varint,
 *                   token varints
 *   STOCK           n varints: units on hand + 1 (0 = unknown)
 *   SCENARIO_LISTS  count varint | (key string | candidate list)      key: a category path or "scenario:<name>"
 */
import type { CandidateList } from "../candidates";
import { type CompatIndex, CompatIndexBuilder } from "../catalog/compat-index";
import { type ByteReader, CorruptBlobError } from "./byte-reader";
import type { ByteWriter } from "./byte-writer";
import { readCandidateList, writeCandidateList } from "./candidate-list-codec";

export function writeCompatIndex(w: ByteWriter, index: CompatIndex): void {
  w.varint(index.tokens.length);
  for (const t of index.tokens) w.string(t);
  const { provideStart, provideTokens, clauseStart, clauseTokenStart, clauseTokens, pinStart, pinTokens } = index;
  const n = provideStart.length - 1;
  const hasEntry = (i: number) => provideStart[i + 1] > provideStart[i] || clauseStart[i + 1] > clauseStart[i] || pinStart[i + 1] > pinStart[i];
  let entries = 0;
  for (let i = 0; i < n; i++) if (hasEntry(i)) entries++;
  w.varint(entries);
  let next = 0;
  for (let item = 0; item < n; item++) {
    if (!hasEntry(item)) continue;
    w.varint(item - next);
    next = item + 1;
    w.varint(provideStart[item + 1] - provideStart[item]);
    for (let q = provideStart[item]; q < provideStart[item + 1]; q++) w.varint(provideTokens[q]);
    w.varint(clauseStart[item + 1] - clauseStart[item]);
    for (let c = clauseStart[item]; c < clauseStart[item + 1]; c++) {
      w.varint(clauseTokenStart[c + 1] - clauseTokenStart[c]);
      for (let q = clauseTokenStart[c]; q < clauseTokenStart[c + 1]; q++) w.varint(clauseTokens[q]);
    }
    w.varint(pinStart[item + 1] - pinStart[item]);
    for (let q = pinStart[item]; q < pinStart[item + 1]; q++) w.varint(pinTokens[q]);
  }
}

/** The index over `n` items; with `limit`, over the first `limit` of them only (the rest's entries are not read). */
export function readCompatIndex(r: ByteReader, n: number, limit = n): CompatIndex {
  const tokenCount = r.count("meta blob compat tokens", 1);
  const tokens = r.strings(tokenCount, "meta blob compat tokens");
  const builder = new CompatIndexBuilder(limit);
  readCompatEntries(r, n, tokenCount, builder, limit);
  return builder.finish(tokens);
}

/** Passes over an index over `n` items as `readCompatIndex` reads it, checking its counts and token indices, building nothing. */
export function skipCompatIndex(r: ByteReader, n: number): void {
  const tokenCount = r.count("meta blob compat tokens", 1);
  for (let t = 0; t < tokenCount; t++) r.skip(r.varint());
  readCompatEntries(r, n, tokenCount);
}

/** The entries of an index over `n` items, checked; those of items below `limit` into `builder` (reading stops at the first beyond). */
function readCompatEntries(r: ByteReader, n: number, tokenCount: number, builder?: CompatIndexBuilder, limit = n): void {
  const tokenIds = (into: number[] | undefined) => {
    const count = r.count("meta blob compat token list", 1, tokenCount);
    for (let i = 0; i < count; i++) {
      const token = r.index(tokenCount, "compat token");
      into?.push(token);
    }
  };
  // An entry takes at least 4 bytes: item gap, and the counts of its provides, clauses and pins.
  const count = r.count("meta blob compat entries", 4, n);
  let next = 0;
  for (let e = 0; e < count; e++) {
    const item = next + r.varint();
    if (item >= n) throw new CorruptBlobError("meta blob: compat item out of range");
    if (builder !== undefined && item >= limit) return;
    next = item + 1;
    if (builder !== undefined) while (builder.items < item) builder.endItem();
    tokenIds(builder?.provides);
    const clauseCount = r.count("meta blob compat clauses", 1);
    for (let c = 0; c < clauseCount; c++) {
      tokenIds(builder?.clauseTokens);
      builder?.endClause();
    }
    tokenIds(builder?.pins);
    builder?.endItem();
  }
}

export function writeStock(w: ByteWriter, stock: Int32Array): void {
  for (let i = 0; i < stock.length; i++) w.varint(stock[i] < 0 ? 0 : stock[i] + 1);
}

export function readStock(r: ByteReader, n: number): Int32Array {
  r.expect(n, "meta blob stock", 1);
  const stock = new Int32Array(n);
  for (let i = 0; i < n; i++) stock[i] = r.varint() - 1;
  return stock;
}

export function writeScenarioLists(w: ByteWriter, lists: ReadonlyMap<string, CandidateList>): void {
  w.varint(lists.size);
  for (const [key, list] of lists) {
    w.string(key);
    writeCandidateList(w, list);
  }
}

export function readScenarioLists(r: ByteReader): Map<string, CandidateList> {
  const lists = new Map<string, CandidateList>();
  const count = r.count("meta blob scenario lists", 2);
  for (let i = 0; i < count; i++) lists.set(r.string(), readCandidateList(r));
  return lists;
}
