import { describe, expect, it } from "vitest";
import { sequenceModelFixture } from "../../test/fixtures/sequence-build";
import { tinyMeta } from "../../test/fixtures/tiny-build";
import { CorruptBlobError } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { crc32, sealBlob } from "./checksum";
import { decodeItemBlob, encodeItemBlob } from "./item-blob";
import { decodeMetaBlob, encodeMetaBlob } from "./meta-blob";
import { writeListEmbeddings } from "./sequence-codec";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** A next_item list of two with embeddings of d = 2, byte by byte (checksum appended below). */
const GOLDEN_BODY = [
  "02", // item blob version 2
  "06", // list kind 6 = next_item
  "02 0000003f 0000803f 03ffff00 c801000001", // 2 candidates: item 3 (max score), item 200 (min score)
  "07", // the next_item list's embeddings
  "02", // d = 2
  "05 fb", // anchor (5, -5)
  "02", // 2 candidates
  "7f 81 00 01", // (127, -127), (0, 1)
].join("").replaceAll(" ", "");

const next = {
  items: Uint32Array.of(3, 200),
  scores: Float32Array.of(1, 0.5),
  reasons: Uint32Array.of(0, 1),
  embeddings: { anchor: Int8Array.of(5, -5), candidates: Int8Array.of(127, -127, 0, 1) },
};

describe("the sequence model's blob sections", () => {
  it("write the embeddings after the next_item list, as specified", () => {
    const blob = encodeItemBlob({ next_item: next });
    const body = blob.subarray(0, blob.length - 4);
    expect(hex(body)).toBe(GOLDEN_BODY);
    expect(new DataView(blob.buffer, blob.byteOffset + body.length, 4).getUint32(0, true)).toBe(crc32(body));
  });

  it("read back the embeddings on the next_item list", () => {
    const decoded = decodeItemBlob(encodeItemBlob({ cross_sell: { ...next, embeddings: undefined }, next_item: next }));
    expect(decoded.next_item?.embeddings).toEqual(next.embeddings);
    expect(decoded.cross_sell?.embeddings).toBeUndefined();
  });

  it("reject embeddings that come before any next_item list or do not match its length", () => {
    const orphan = new ByteWriter().u8(1).u8(7);
    writeListEmbeddings(orphan, next.embeddings, 2);
    expect(() => decodeItemBlob(sealBlob(orphan.finish()))).toThrow(CorruptBlobError);
    const body = new Uint8Array(Buffer.from(GOLDEN_BODY, "hex"));
    body[body.length - 5] = 3; // the count no longer matches the list
    expect(() => decodeItemBlob(sealBlob(body))).toThrow(CorruptBlobError);
  });

  it("round-trip the model's weights through the meta blob; a build without one decodes without one", () => {
    const model = sequenceModelFixture(0.25);
    const decoded = decodeMetaBlob(encodeMetaBlob({ ...tinyMeta("m"), sequenceModel: model })).sequenceModel;
    expect(decoded).toEqual(model);
    expect(decodeMetaBlob(encodeMetaBlob(tinyMeta("m"))).sequenceModel).toBeUndefined();
  });

  it("refuse weights that do not match the model's dimension", () => {
    const model = sequenceModelFixture();
    expect(() => encodeMetaBlob({ ...tinyMeta("m"), sequenceModel: { ...model, bias: new Float32Array(3) } })).toThrow(RangeError);
  });
});
