/**
 * @module
 * The sequence model a previous build shipped, read from its folder for a build that follows it (`--previous`): the
 * weights from its meta.bin, and each item's embedding from the `next_item` lists of its items.bin (the anchor's own
 * and its candidates'), which is where a build keeps them.
 */
import { decodeItemBlob } from "../../core/blob/item-blob";
import { readEncodedBuild } from "../build/artifacts";
import type { PreviousSequenceModel } from "./sequence-model-build";

/** The previous build's model and embeddings; undefined when it shipped none. */
export function readPreviousSequenceModel(dir: string): PreviousSequenceModel | undefined {
  const { meta, itemBlobs } = readEncodedBuild(dir);
  const model = meta.sequenceModel;
  if (model === undefined) return undefined;
  const bounds = { items: meta.items.length, reasons: meta.reasons.length };
  const embeddings = new Map<string, Int8Array>();
  const d = model.dim;
  itemBlobs.forEach((blob, item) => {
    const next = blob === undefined ? undefined : decodeItemBlob(blob, bounds).next_item;
    const known = next?.embeddings;
    if (next === undefined || known === undefined) return;
    embeddings.set(meta.items[item], known.anchor.slice());
    next.items.forEach((candidate, p) => {
      if (!embeddings.has(meta.items[candidate])) embeddings.set(meta.items[candidate], known.candidates.slice(p * d, (p + 1) * d));
    });
  });
  return { model, embeddings };
}
