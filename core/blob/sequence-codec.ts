/**
 * @module
 * The sequence model on the wire (`core/sequence/gru-model.ts`), kept apart from the blob layouts that carry it:
 *
 * Meta blob section SEQUENCE_MODEL:
 *   format u8 (= 1) | d u8 | max steps u8 | scale f32 | blend weight f32
 *   W: d x 3d f32 | U: d x 3d f32 | b: 3d f32
 *
 * Item blob, after the `next_item` list (`item-blob.ts`), the embeddings of that list:
 *   d u8 | anchor: d i8 | count varint (= the list's length) | count x d i8
 *
 * Embeddings are int8 (a build-wide scale s in the model); the small recurrent weights stay f32.
 */
import type { ListEmbeddings, SequenceModel } from "../sequence/gru-model";
import { type ByteReader, CorruptBlobError } from "./byte-reader";
import type { ByteWriter } from "./byte-writer";

const MODEL_FORMAT = 1;
/** Largest d a blob may declare: keeps a corrupt header from asking for huge arrays. */
const MAX_DIM = 128;

export function writeSequenceModel(w: ByteWriter, model: SequenceModel): void {
  const d = model.dim;
  if (!(Number.isInteger(d) && d >= 1 && d <= MAX_DIM)) throw new RangeError(`sequence model dimension out of [1, ${MAX_DIM}]: ${d}`);
  if (model.inputWeights.length !== 3 * d * d || model.recurrentWeights.length !== 3 * d * d || model.bias.length !== 3 * d) {
    throw new RangeError("sequence model weights do not match its dimension");
  }
  w.u8(MODEL_FORMAT).u8(d).u8(Math.min(255, model.maxSteps)).f32(model.scale).f32(model.blendWeight);
  for (const column of [model.inputWeights, model.recurrentWeights, model.bias]) for (const value of column) w.f32(value);
}

export function readSequenceModel(r: ByteReader): SequenceModel {
  const format = r.u8();
  if (format !== MODEL_FORMAT) throw new CorruptBlobError(`sequence model format ${format}, expected ${MODEL_FORMAT}`);
  const dim = r.u8();
  if (dim < 1 || dim > MAX_DIM) throw new CorruptBlobError(`sequence model dimension ${dim}`);
  const maxSteps = r.u8();
  const scale = r.f32();
  const blendWeight = r.f32();
  if (!(scale > 0) || !(blendWeight >= 0)) throw new CorruptBlobError("sequence model scale or weight out of range");
  const read = (length: number) => {
    const out = new Float32Array(length);
    for (let i = 0; i < length; i++) out[i] = r.f32();
    return out;
  };
  const inputWeights = read(3 * dim * dim);
  const recurrentWeights = read(3 * dim * dim);
  const bias = read(3 * dim);
  return { dim, maxSteps, scale, blendWeight, inputWeights, recurrentWeights, bias };
}

export function writeListEmbeddings(w: ByteWriter, embeddings: ListEmbeddings, count: number): void {
  const d = embeddings.anchor.length;
  if (d < 1 || d > MAX_DIM || embeddings.candidates.length !== count * d) throw new RangeError(`list embeddings of ${embeddings.candidates.length} entries for ${count} candidates of dimension ${d}`);
  w.u8(d);
  w.bytes(new Uint8Array(embeddings.anchor.buffer, embeddings.anchor.byteOffset, d));
  w.varint(count);
  w.bytes(new Uint8Array(embeddings.candidates.buffer, embeddings.candidates.byteOffset, count * d));
}

/** Reads the embeddings of a list of `count` candidates. */
export function readListEmbeddings(r: ByteReader, count: number): ListEmbeddings {
  const d = r.u8();
  if (d < 1 || d > MAX_DIM) throw new CorruptBlobError(`list embeddings dimension ${d}`);
  const anchor = readInt8(r, d);
  if (r.varint() !== count) throw new CorruptBlobError("list embeddings do not match their list");
  return { anchor, candidates: readInt8(r, count * d) };
}

function readInt8(r: ByteReader, length: number): Int8Array {
  const out = new Int8Array(length);
  for (let i = 0; i < length; i++) out[i] = (r.u8() << 24) >> 24;
  return out;
}
