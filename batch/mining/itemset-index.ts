/**
 * @module
 * Finds an itemset's position among the frequent itemsets from its items: an open-addressing hash table over the
 * flat columns, so support lookups during rule generation build no string keys.
 */
import type { FrequentItemsets } from "./frequent-itemsets";

const EMPTY = -1;

export class ItemsetIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly sets: FrequentItemsets) {
    const total = sets.counts.length;
    let size = 16;
    while (size < total * 2) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    const { offsets, items } = sets;
    for (let s = 0; s < total; s++) {
      let slot = hashItems(items, offsets[s], offsets[s + 1] - offsets[s]) & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = s;
    }
  }

  /** Position of the itemset `items[start .. start+length)` (ascending), or -1 when it is not frequent. */
  find(items: ArrayLike<number>, start: number, length: number): number {
    const { offsets, items: stored } = this.sets;
    const slots = this.slots;
    let slot = hashItems(items, start, length) & this.mask;
    for (;;) {
      const s = slots[slot];
      if (s === EMPTY) return -1;
      const from = offsets[s];
      if (offsets[s + 1] - from === length) {
        let j = 0;
        while (j < length && stored[from + j] === items[start + j]) j++;
        if (j === length) return s;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Support count of the itemset, 0 when it is not frequent. */
  countOf(items: ArrayLike<number>, start = 0, length = items.length): number {
    const s = this.find(items, start, length);
    return s === -1 ? 0 : this.sets.counts[s];
  }
}

function hashItems(items: ArrayLike<number>, start: number, length: number): number {
  let h = Math.imul(length, 0x9e3779b1);
  for (let j = start; j < start + length; j++) {
    h = Math.imul(h ^ items[j], 0x85ebca6b);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
