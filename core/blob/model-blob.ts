/**
 * @module
 * The edge format's model blob (KV key `modelKey(build, model)`): the anchor blobs of the devices a search for one
 * model finds (`ItemReading.devicesOf` over the whole build, in its order), so a listing for "galaxy s25" knows the
 * phone and serves its setup without the catalogue at hand.
 *
 *   magic "ERO" | version u8 (= 1) | count varint | count x [ item id string | length varint | anchor blob ] | CRC-32 u32 LE
 *
 * Each anchor blob is read as `itemKey`'s would be (anchor-blob.ts), against the same global blob.
 */
import { ByteReader, CorruptBlobError } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { openBlob, sealBlob } from "./checksum";

const MAGIC = [0x45, 0x52, 0x4f]; // "ERO"
const VERSION = 1;

export interface ModelDevice {
  id: string;
  /** The device's anchor blob, sealed. */
  blob: Uint8Array;
}

export function encodeModelBlob(devices: readonly ModelDevice[]): Uint8Array {
  const w = new ByteWriter(1024);
  for (const byte of MAGIC) w.u8(byte);
  w.u8(VERSION).varint(devices.length);
  for (const { id, blob } of devices) w.string(id).varint(blob.length).bytes(blob);
  return sealBlob(w.finish());
}

export function decodeModelBlob(sealed: Uint8Array): ModelDevice[] {
  for (let i = 0; i < MAGIC.length; i++) if (sealed[i] !== MAGIC[i]) throw new CorruptBlobError("not a model blob (bad magic)");
  if (sealed[MAGIC.length] !== VERSION) throw new CorruptBlobError(`model blob version ${sealed[MAGIC.length]}, expected ${VERSION}`);
  const body = openBlob(sealed, "model blob");
  const r = new ByteReader(body, MAGIC.length + 1);
  const count = r.count("model blob devices", 3);
  const devices: ModelDevice[] = new Array(count);
  for (let d = 0; d < count; d++) {
    const id = r.string();
    const length = r.count("model blob device", 1);
    devices[d] = { id, blob: body.slice(r.offset, r.offset + length) };
    r.offset += length;
  }
  r.finish("model blob");
  return devices;
}
