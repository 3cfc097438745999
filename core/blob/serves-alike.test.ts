import { describe, expect, it } from "vitest";
import type { AnchorBlob } from "./anchor-blob";
import type { ItemFacts } from "./item-facts";
import { servesAlike } from "./serves-alike";

const GLOBAL = ["g0", "g1"];
const LOCAL = Array.from({ length: 12 }, (_, i) => `c${i}`);

function facts(overrides: Partial<ItemFacts> = {}): ItemFacts {
  const m = LOCAL.length;
  return {
    ids: [...LOCAL],
    ordinals: Uint32Array.from(LOCAL, (_, i) => 10 + i),
    titles: LOCAL.map((id) => `Title ${id}`),
    category: new Int32Array(m),
    brand: new Int32Array(m).fill(-1),
    prices: Float32Array.from(LOCAL, (_, i) => 10 + i),
    popularity: new Float32Array(m).fill(40),
    flags: new Uint8Array(m),
    modelNames: new Array(m).fill(""),
    ...overrides,
  };
}

/** An anchor blob whose cross-sell list is `order` (indices into LOCAL) with scores falling from 1. */
function blob(order: number[], scores = order.map((_, r) => 1 - r * 0.05), factsOf = facts()): AnchorBlob {
  return { globalItems: GLOBAL.length, facts: factsOf, lists: { cross_sell: { items: Uint32Array.from(order, (k) => GLOBAL.length + k), scores: Float32Array.from(scores), reasons: new Uint32Array(order.length) } } };
}

const order = Array.from({ length: 12 }, (_, k) => k);
const today = (overrides: Partial<ItemFacts> = {}, edge = 0) => (ids: readonly string[]) => (ids.every((id) => LOCAL.includes(id)) ? { facts: facts(overrides), popularityEdge: new Float32Array(ids.length).fill(edge) } : undefined);
const alike = (earlier: AnchorBlob, next: AnchorBlob, todays = today()) => servesAlike(earlier, next, GLOBAL, todays);

describe("an earlier blob serves alike", () => {
  it("when its lists rank their first ten as the new ones do: near ties may trade places, a clear first may not", () => {
    expect(alike(blob(order), blob(order))).toBe(true);
    const tailSwapped = [...order];
    [tailSwapped[8], tailSwapped[9]] = [tailSwapped[9], tailSwapped[8]];
    expect(alike(blob(order), blob(tailSwapped))).toBe(true);
    const topSwapped = [1, 0, ...order.slice(2)];
    const clearFirst = [1, 0.5, 0.49, 0.48, 0.47, 0.46, 0.45, 0.44, 0.43, 0.42, 0.41, 0.4];
    expect(alike(blob(order, clearFirst), blob(topSwapped, clearFirst))).toBe(false);
    const nearTie = [1, 0.995, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45];
    expect(alike(blob(order, nearTie), blob(topSwapped, nearTie))).toBe(true);
    expect(alike(blob(order.slice(0, 6)), blob([11, ...order.slice(0, 5)]))).toBe(false);
    // Lists without scores (price bands) are judged by ranks: the first two swapped is too much.
    const unscored = order.map(() => 0);
    expect(alike(blob(order, unscored), blob(topSwapped, unscored))).toBe(false);
  });

  it("not when the scores moved by more than a tenth of the top one (another blend's scale)", () => {
    expect(alike(blob(order, order.map((_, r) => 3 - r * 0.15)), blob(order))).toBe(false);
    expect(alike(blob(order, order.map((_, r) => 1.05 - r * 0.05)), blob(order))).toBe(true);
  });

  it("only when every fact it carries is today's, counts within their slack", () => {
    expect(alike(blob(order), blob(order), today({ prices: Float32Array.from(LOCAL, (_, i) => (i === 7 ? 99 : 10 + i)) }))).toBe(false);
    expect(alike(blob(order), blob(order), today({ titles: LOCAL.map((id) => (id === "c3" ? "Renamed" : `Title ${id}`)) }))).toBe(false);
    expect(alike(blob(order), blob(order), today({ popularity: new Float32Array(LOCAL.length).fill(44) }))).toBe(true);
    expect(alike(blob(order), blob(order), today({ popularity: new Float32Array(LOCAL.length).fill(80) }))).toBe(false);
    const gone = (ids: readonly string[]) => (ids.includes("c5") ? undefined : today()(ids));
    expect(alike(blob(order), blob(order), gone)).toBe(false);
  });

  it("with an item's count gone to 0 only where that count was within its category best sellers' least", () => {
    const six = blob(order, undefined, facts({ popularity: new Float32Array(LOCAL.length).fill(6) }));
    const zero = { popularity: new Float32Array(LOCAL.length) };
    expect(alike(six, blob(order), today(zero, 6))).toBe(true);
    expect(alike(six, blob(order), today(zero, 2))).toBe(false);
  });
});
