/**
 * @module
 * Item sequences as compact columns over a build's item dictionary: sequence s is items[offsets[s] ..
 * offsets[s+1]), oldest first. Ids the dictionary does not know are left out and a repeat of the item just
 * before is collapsed (a reload is not a step); other repeats stay (a shopper coming back to an item).
 */
import type { ItemSequence } from "../io/read-sequences";

export interface SequenceColumns {
  offsets: Uint32Array;
  items: Uint32Array;
}

export function sequenceColumns(sequences: readonly ItemSequence[], itemIndex: ReadonlyMap<string, number>): SequenceColumns {
  const offsets = new Uint32Array(sequences.length + 1);
  let total = 0;
  for (const sequence of sequences) total += sequence.items.length;
  const items = new Uint32Array(total);
  let length = 0;
  for (let s = 0; s < sequences.length; s++) {
    const start = length;
    for (const id of sequences[s].items) {
      const item = itemIndex.get(id);
      if (item === undefined || (length > start && items[length - 1] === item)) continue;
      items[length++] = item;
    }
    offsets[s + 1] = length;
  }
  return { offsets, items: items.slice(0, length) };
}

