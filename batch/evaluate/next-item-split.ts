/**
 * @module
 * The next-item split, seeded like the basket-completion split (`holdout-split.ts`): walk the sequences in input
 * order; a sequence is eligible when it has at least two items and its last item is new to it (not among the
 * earlier ones: re-viewing what the shopper already saw is not a discovery to predict); an eligible sequence is
 * picked when rng.random() < rate (Python's `random.Random(seed)`). A picked sequence is a test session: its
 * last item is held out and its earlier items, in order and with their dwell, are the request's prefix.
 *
 * Test sessions are left out of training whole, prefix included, as in the session-based protocol of Ludewig
 * & Jannach ("Evaluation of session-based recommendation algorithms", 2018): the build that answers a shopper
 * was made before that shopper's session, so it knows other sessions only. For per-user sequences this is the
 * stricter choice (the user's history reaches the model only through the request). As in that protocol, a
 * test session whose held-out item never occurs in training is skipped (no method can name an item it never
 * saw); `coldHeldOut` counts them.
 */
import type { ItemSequence } from "../io/read-sequences";
import { PythonRandom } from "./python-random";

export const NEXT_ITEM_HOLDOUT_RATE = 0.2;

export interface NextItemHoldOut {
  /** Position of the test sequence in the input. */
  sequence: number;
  /** The earlier items, oldest first, repeats kept. */
  prefix: string[];
  /** Dwell per prefix item where known. */
  dwellMs: Array<number | undefined>;
  /** The held-out last item. */
  item: string;
}

export interface NextItemSplit {
  /** 1 for the test sequences (left out of training). */
  test: Uint8Array;
  holdOuts: NextItemHoldOut[];
}

export function isNextItemEligible(items: readonly string[]): boolean {
  const n = items.length;
  if (n < 2) return false;
  const last = items[n - 1];
  for (let i = 0; i < n - 1; i++) if (items[i] === last) return false;
  return true;
}

export function drawNextItemHoldOuts(sequences: readonly ItemSequence[], seed: number, rate = NEXT_ITEM_HOLDOUT_RATE): NextItemSplit {
  const rng = new PythonRandom(seed);
  const test = new Uint8Array(sequences.length);
  const holdOuts: NextItemHoldOut[] = [];
  for (let s = 0; s < sequences.length; s++) {
    const { items, dwellMs } = sequences[s];
    if (!isNextItemEligible(items) || !(rng.random() < rate)) continue;
    test[s] = 1;
    const n = items.length - 1;
    holdOuts.push({ sequence: s, prefix: items.slice(0, n), dwellMs: dwellMs?.slice(0, n) ?? new Array(n).fill(undefined), item: items[n] });
  }
  return { test, holdOuts };
}

/** The training sequences: every sequence not picked for test. */
export function trainingSequences(sequences: readonly ItemSequence[], split: NextItemSplit): ItemSequence[] {
  return sequences.filter((_, s) => split.test[s] === 0);
}

