/**
 * @module
 * The edge format's blob of one item (KV key `itemKey(build, id)`): everything the edge needs to serve with the
 * item as an anchor, whatever the size of the catalogue. Its lists name items by index in a space of G + m: an
 * index below G is an item of the build's global blob (whose dictionary has G items), an index G + k is entry k
 * of the blob's own facts table, which holds the item itself (unless the global blob does) and every other
 * candidate its lists name.
 *
 *   version u8 (= ANCHOR_BLOB_VERSION) | G varint | facts table (item-facts.ts) | lists (item-blob.ts) | CRC-32 u32 LE
 *
 * (version 3, read still, had the facts table's fields interleaved item by item).
 *
 * A blob may be read against a larger global blob than the one it was written for: a build that keeps an earlier
 * build's blob (blob-homes.ts) keeps that build's global items in their places and adds its own after them, so the
 * reader moves the blob's own entries from `written + k` to `G + k`. It refuses a blob written for a larger global
 * blob, and checks every list index against written + m and every reason against the global reason table.
 */
import type { CandidateList } from "../candidates";
import { ByteReader, CorruptBlobError } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { openBlob, sealBlob } from "./checksum";
import { type ItemLists, type ListKind, readItemLists, writeItemLists } from "./item-blob";
import { type FactTables, type ItemFacts, readItemFacts, readPendingFacts, writeItemFacts } from "./item-facts";

const ANCHOR_BLOB_VERSION = 4;
/** Version 3 (builds published before string columns) is still read: a rollback may make such a build live again. */
const INTERLEAVED_VERSION = 3;

export interface AnchorBlob {
  /** Items of the global blob the lists' indices below `globalItems` refer to. */
  globalItems: number;
  facts: ItemFacts;
  /** Indices below `globalItems` are global items, `globalItems + k` is `facts` entry k. */
  lists: ItemLists;
  /** The lists left out when it was read (with the facts only they name): a request that reads one of them reads the blob again. */
  skipped?: ReadonlySet<ListKind>;
}

const NO_KINDS: ReadonlySet<ListKind> = new Set();

/** Whether `blob`, read leaving out what it `skipped`, serves a request that leaves out `skip`. */
export function servesWithout(blob: AnchorBlob, skip: ReadonlySet<ListKind>): boolean {
  for (const kind of blob.skipped ?? NO_KINDS) if (!skip.has(kind)) return false;
  return true;
}

export function encodeAnchorBlob(blob: AnchorBlob): Uint8Array {
  const w = new ByteWriter(256);
  w.u8(ANCHOR_BLOB_VERSION).varint(blob.globalItems);
  writeItemFacts(w, blob.facts);
  writeItemLists(w, blob.lists);
  return sealBlob(w.finish());
}

/**
 * `tables` and `reasons`: the global blob's table sizes; `globalItems`: its dictionary's size. `skip`: lists the
 * request does not read, left out with the facts only they name (the whole blob is still checked); a facts table
 * holds the items of the lists before those after them, so what is left out is its tail.
 */
export function decodeAnchorBlob(sealed: Uint8Array, globalItems: number, tables: FactTables, reasons: number, skip: ReadonlySet<ListKind> = NO_KINDS): AnchorBlob {
  const version = sealed[0];
  if (version !== ANCHOR_BLOB_VERSION && version !== INTERLEAVED_VERSION) throw new CorruptBlobError(`anchor blob version ${version}, expected ${ANCHOR_BLOB_VERSION}`);
  const body = openBlob(sealed, "anchor blob");
  const r = new ByteReader(body, 1, body.length);
  const written = r.varint();
  if (written > globalItems) throw new CorruptBlobError(`anchor blob written for a global blob of ${written} items, more than its ${globalItems}`);
  let facts: ItemFacts;
  let lists: ItemLists;
  let skipped: ReadonlySet<ListKind> | undefined;
  if (version === INTERLEAVED_VERSION) {
    facts = readItemFacts(r, tables, "interleaved");
    lists = readItemLists(r.withBounds({ items: written + facts.ids.length, reasons }));
  } else {
    const pending = readPendingFacts(r, tables);
    const all = readItemLists(r.withBounds({ items: written + pending.m, reasons }));
    lists = {};
    let named = Math.min(1, pending.m);
    for (const [kind, list] of Object.entries(all) as Array<[ListKind, CandidateList]>) {
      if (skip.has(kind)) {
        skipped = skip;
        continue;
      }
      lists[kind] = list;
      for (const i of list.items) if (i >= written && i - written + 1 > named) named = i - written + 1;
    }
    facts = pending.take(skipped === undefined ? pending.m : named);
  }
  if (written < globalItems) {
    const shift = globalItems - written;
    for (const list of Object.values(lists)) for (let i = 0; i < list.items.length; i++) if (list.items[i] >= written) list.items[i] += shift;
  }
  return skipped === undefined ? { globalItems, facts, lists } : { globalItems, facts, lists, skipped };
}
