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
import { type CompatEntry, compatEntries, type CompatIndex, compatIndexFromEntries } from "../catalog/compat-index";
import { type ByteReader, CorruptBlobError } from "./byte-reader";
import type { ByteWriter } from "./byte-writer";
import { readCandidateList, writeCandidateList } from "./candidate-list-codec";

export function writeCompatIndex(w: ByteWriter, index: CompatIndex): void {
  w.varint(index.tokens.length);
  for (const t of index.tokens) w.string(t);
  const entries = compatEntries(index);
  w.varint(entries.size);
  let next = 0;
  for (const [item, entry] of entries) {
    w.varint(item - next);
    next = item + 1;
    w.varint(entry.provides.length);
    for (const t of entry.provides) w.varint(t);
    w.varint(entry.clauses.length);
    for (const clause of entry.clauses) {
      w.varint(clause.length);
      for (const t of clause) w.varint(t);
    }
    w.varint(entry.pins.length);
    for (const t of entry.pins) w.varint(t);
  }
}

export function readCompatIndex(r: ByteReader, n: number): CompatIndex {
  const tokenCount = r.count("meta blob compat tokens", 1);
  const tokens = r.strings(tokenCount, "meta blob compat tokens");
  const tokenIds = () => {
    const count = r.count("meta blob compat token list", 1, tokenCount);
    const out: number[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = r.index(tokenCount, "compat token");
    return out;
  };
  const entries = new Map<number, CompatEntry>();
  // An entry takes at least 4 bytes: item gap, and the counts of its provides, clauses and pins.
  const count = r.count("meta blob compat entries", 4, n);
  let next = 0;
  for (let e = 0; e < count; e++) {
    const item = next + r.varint();
    if (item >= n) throw new CorruptBlobError("meta blob: compat item out of range");
    next = item + 1;
    const provides = tokenIds();
    const clauseCount = r.count("meta blob compat clauses", 1);
    const clauses: number[][] = new Array(clauseCount);
    for (let c = 0; c < clauseCount; c++) clauses[c] = tokenIds();
    entries.set(item, { provides, clauses, pins: tokenIds() });
  }
  return compatIndexFromEntries(tokens, entries, n);
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
