/**
 * @module
 * The per-item blob (KV key `itemKey(build, id)`): every precomputed list for one anchor item.
 *
 *   version u8 (= ITEM_BLOB_VERSION)
 *   repeated until the checksum: list kind u8 (index in LIST_KINDS) | candidate list (candidate-list-codec)
 *   optionally, after the `next_item` list: NEXT_ITEM_EMBEDDINGS u8 | that list's embeddings (sequence-codec)
 *   checksum u32 LE (CRC-32 over everything before it; version 1 had a u16, the low bits of FNV-1a)
 *
 * Readers skip nothing: an unknown list kind means a newer writer, and the blob is rejected as unreadable. Given
 * the build's dictionary bounds, every item and reason index is checked against them.
 */
import type { CandidateList } from "../candidates";
import { ByteReader, CorruptBlobError, type DictionaryBounds } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { readCandidateList, writeCandidateList } from "./candidate-list-codec";
import { openBlob, sealBlob } from "./checksum";
import { readListEmbeddings, writeListEmbeddings } from "./sequence-codec";

export const ITEM_BLOB_VERSION = 2;
/** The version sealed with 16 bits of FNV-1a; still read, so a worker reads the builds published before it. */
const ITEM_BLOB_V1 = 1;

/**
 * Append-only: a kind's number is its position here (the null one is NEXT_ITEM_EMBEDDINGS). `next_item`: what shoppers look at next after the item
 * (learned from sessions, `batch/build/next-item-lists.ts`), merged over a session's recent views on `home`.
 * `price_band`: the edge format's best members of the item's price bands (`core/recommend/price-bands.ts`), cheapest
 * first, scores and reasons 0: what the category rule reads in place of the whole category. `category_*`: a
 * category blob's best sellers, scenario list and price-spread sample (`core/blob/category-blob.ts`).
 */
const LIST_KINDS = ["cross_sell", "down_sell", "similar", "bought_later", "scenario", "upgrade", "next_item", null, "price_band", "category_popular", "category_scenario", "category_sample"] as const;
export type ListKind = Exclude<(typeof LIST_KINDS)[number], null>;
/** The kind byte of the sequence model's embeddings of the `next_item` list (`CandidateList.embeddings`). */
const NEXT_ITEM_EMBEDDINGS = LIST_KINDS.indexOf(null);

export type ItemLists = Partial<Record<ListKind, CandidateList>>;

export function encodeItemBlob(lists: ItemLists): Uint8Array {
  const w = new ByteWriter(64);
  w.u8(ITEM_BLOB_VERSION);
  writeItemLists(w, lists);
  return sealBlob(w.finish());
}

/** The lists, kind by kind, as the item blob holds them after its version byte (also the anchor blob's tail). */
export function writeItemLists(w: ByteWriter, lists: ItemLists): void {
  for (let kind = 0; kind < LIST_KINDS.length; kind++) {
    const name = LIST_KINDS[kind];
    if (name === null) continue;
    const list = lists[name];
    if (list === undefined || list.items.length === 0) continue;
    w.u8(kind);
    writeCandidateList(w, list);
    if (list.embeddings !== undefined && LIST_KINDS[kind] === "next_item") writeListEmbeddings(w.u8(NEXT_ITEM_EMBEDDINGS), list.embeddings, list.items.length);
  }
}

export function decodeItemBlob(sealed: Uint8Array, bounds?: DictionaryBounds): ItemLists {
  const version = sealed[0];
  if (version !== ITEM_BLOB_VERSION && version !== ITEM_BLOB_V1) throw new CorruptBlobError(`item blob version ${version}, expected ${ITEM_BLOB_VERSION}`);
  const body = openBlob(sealed, "item blob", version === ITEM_BLOB_V1 ? "fnv16" : "crc32");
  return readItemLists(new ByteReader(body, 1, body.length, bounds));
}

/** Lists until the reader's end (what `writeItemLists` wrote). */
export function readItemLists(r: ByteReader): ItemLists {
  const lists: ItemLists = {};
  while (!r.done) {
    const byte = r.u8();
    if (byte === NEXT_ITEM_EMBEDDINGS) {
      const next = lists.next_item;
      if (next === undefined) throw new CorruptBlobError("item blob has embeddings before its next_item list");
      next.embeddings = readListEmbeddings(r, next.items.length);
      continue;
    }
    const kind = LIST_KINDS[byte];
    if (kind === undefined || kind === null) throw new CorruptBlobError("item blob has an unknown list kind");
    if (lists[kind] !== undefined) throw new CorruptBlobError(`item blob has two ${kind} lists`);
    lists[kind] = readCandidateList(r);
  }
  return lists;
}
