/**
 * @module
 * The edge format's category blob (KV key `categoryKey(build, c)`): what a request needs of one category, read with
 * the request's anchors when it names the category, after them when its anchors belong to the category or go with it.
 *
 *   magic "ERC" | version u8 (= 1) | length varint | lists (an anchor blob, anchor-blob.ts, whose lists are the
 *   category's best sellers, its scenario list and a sample of its items by price) | device count varint |
 *   devices x [ item id string | length varint | anchor blob ] | CRC-32 u32 LE
 *
 * The devices are the category's best-selling devices with their anchor blobs, so a listing of the category serves
 * their setup without another read.
 */
import { ByteReader, CorruptBlobError } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { openBlob, sealBlob } from "./checksum";
import type { ModelDevice } from "./model-blob";

const MAGIC = [0x45, 0x52, 0x43]; // "ERC"
const VERSION = 1;

export interface CategoryBlobParts {
  /** The category's lists as an anchor blob (sealed). */
  lists: Uint8Array;
  devices: ModelDevice[];
}

export function encodeCategoryBlob(parts: CategoryBlobParts): Uint8Array {
  const w = new ByteWriter(1024);
  for (const byte of MAGIC) w.u8(byte);
  w.u8(VERSION).varint(parts.lists.length).bytes(parts.lists).varint(parts.devices.length);
  for (const { id, blob } of parts.devices) w.string(id).varint(blob.length).bytes(blob);
  return sealBlob(w.finish());
}

export function decodeCategoryBlob(sealed: Uint8Array): CategoryBlobParts {
  for (let i = 0; i < MAGIC.length; i++) if (sealed[i] !== MAGIC[i]) throw new CorruptBlobError("not a category blob (bad magic)");
  if (sealed[MAGIC.length] !== VERSION) throw new CorruptBlobError(`category blob version ${sealed[MAGIC.length]}, expected ${VERSION}`);
  const body = openBlob(sealed, "category blob");
  const r = new ByteReader(body, MAGIC.length + 1);
  const take = (what: string) => {
    const length = r.count(what, 1);
    const bytes = body.slice(r.offset, r.offset + length);
    r.offset += length;
    return bytes;
  };
  const lists = take("category blob lists");
  const count = r.count("category blob devices", 3);
  const devices: ModelDevice[] = new Array(count);
  for (let d = 0; d < count; d++) devices[d] = { id: r.string(), blob: take("category blob device") };
  r.finish("category blob");
  return { lists, devices };
}
