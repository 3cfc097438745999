/**
 * @module
 * The basket-completion split of `basket_completion.py`, draw for draw: walk baskets in file order; a basket
 * with >= 2 distinct items is picked when rng.random() < rate, and then rng.choice(items) is held out. Training
 * is every basket, the picked ones without their held-out item; each picked basket's remaining items are a cart.
 */
import { type Baskets, basketCount } from "../io/baskets";
import { PythonRandom } from "./python-random";

const DEFAULT_HOLDOUT_RATE = 0.2;

export interface HoldOut {
  /** Basket index in the input. */
  basket: number;
  /** The held-out item (index in the input's dictionary). */
  item: number;
  /** The basket's other items, in basket order. */
  cart: Uint32Array;
}

/** Per basket, the held-out item index or -1, and the picked baskets as carts. */
export interface HoldOutSplit {
  heldOut: Int32Array;
  holdOuts: HoldOut[];
}

export function drawHoldOuts(baskets: Baskets, seed: number, rate = DEFAULT_HOLDOUT_RATE): HoldOutSplit {
  const rng = new PythonRandom(seed);
  const total = basketCount(baskets);
  const heldOut = new Int32Array(total).fill(-1);
  const holdOuts: HoldOut[] = [];
  const { offsets, items } = baskets;
  for (let b = 0; b < total; b++) {
    const start = offsets[b];
    const end = offsets[b + 1];
    if (end - start < 2 || !(rng.random() < rate)) continue;
    const pick = start + rng.randbelow(end - start);
    const item = items[pick];
    heldOut[b] = item;
    const cart = new Uint32Array(end - start - 1);
    let c = 0;
    for (let x = start; x < end; x++) if (x !== pick) cart[c++] = items[x];
    holdOuts.push({ basket: b, item, cart });
  }
  return { heldOut, holdOuts };
}

/** The training baskets over the same item dictionary: every basket minus its held-out item, if any. */
export function trainingBaskets(baskets: Baskets, heldOut: Int32Array): Baskets {
  const total = basketCount(baskets);
  const offsets = new Uint32Array(total + 1);
  let removed = 0;
  for (let b = 0; b < total; b++) if (heldOut[b] >= 0) removed++;
  const size = baskets.items.length - removed;
  const items = new Uint32Array(size);
  const linePrices = new Float32Array(size);
  const lineQuantities = new Uint16Array(size);
  let length = 0;
  for (let b = 0; b < total; b++) {
    const drop = heldOut[b];
    for (let x = baskets.offsets[b]; x < baskets.offsets[b + 1]; x++) {
      if (baskets.items[x] === drop) continue;
      items[length] = baskets.items[x];
      linePrices[length] = baskets.linePrices[x];
      lineQuantities[length] = baskets.lineQuantities[x];
      length++;
    }
    offsets[b + 1] = length;
  }
  return { ...baskets, offsets, items, linePrices, lineQuantities };
}
