/**
 * @module
 * The edge format's directory shard (KV key `shardKey(build, k)`): the facts of every item of the build whose id
 * hashes to shard k (`shardOf`). The edge reads one only when an anchor's blob is missing, to tell an item the
 * build knows (a fault: the answer is degraded, the item's facts still serve the category rules) from one it
 * never saw.
 *
 *   magic "ERD" | version u8 (= 2; 1, read still, had the facts interleaved item by item) | facts table
 *   (item-facts.ts) | CRC-32 u32 LE
 */
import { ByteReader, CorruptBlobError } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { openBlob, sealBlob } from "./checksum";
import { type FactTables, type ItemFacts, readItemFacts, writeItemFacts } from "./item-facts";

const MAGIC = [0x45, 0x52, 0x44]; // "ERD"
const VERSION = 2;
/** Version 1 (facts interleaved item by item) is still read: a rollback may make such a build live again. */
const INTERLEAVED_VERSION = 1;

export function encodeDirectoryShard(facts: ItemFacts): Uint8Array {
  const w = new ByteWriter(1024);
  for (const byte of MAGIC) w.u8(byte);
  w.u8(VERSION);
  writeItemFacts(w, facts);
  return sealBlob(w.finish());
}

export function decodeDirectoryShard(sealed: Uint8Array, tables: FactTables): ItemFacts {
  for (let i = 0; i < MAGIC.length; i++) if (sealed[i] !== MAGIC[i]) throw new CorruptBlobError("not a directory shard (bad magic)");
  const version = sealed[MAGIC.length];
  if (version !== VERSION && version !== INTERLEAVED_VERSION) throw new CorruptBlobError(`directory shard version ${version}, expected ${VERSION}`);
  const body = openBlob(sealed, "directory shard");
  const r = new ByteReader(body, MAGIC.length + 1);
  const facts = readItemFacts(r, tables, version === INTERLEAVED_VERSION ? "interleaved" : "columns");
  r.finish("directory shard");
  return facts;
}
