import { describe, expect, it } from "vitest";
import type { AnchorBlob } from "./anchor-blob";
import type { ItemFacts } from "./item-facts";
import { ItemFlag } from "./meta-blob";
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

describe("an earlier price-band pool serves alike", () => {
  /** A shop of one category: the anchor priced 100, down-sell members priced 46 to 64 (`edge` the cheapest); counts per id (0: none). */
  const counts: Record<string, number> = { anchor: 0, top: 50, nine: 9, eight: 8, edge: 6, p1: 0, p2: 0, p3: 0, p4: 0, p5: 0, p6: 0, p7: 0, p8: 0, p9: 0, sale: 0 };
  const ids = Object.keys(counts);
  const priceOf = (id: string) => (id === "anchor" ? 100 : id === "edge" ? 46 : 50 + ids.indexOf(id));
  const factsOf = (of: readonly string[]): ItemFacts => ({
    ids: [...of],
    ordinals: Uint32Array.from(of, (id) => ids.indexOf(id)),
    titles: of.map((id) => `Title ${id}`),
    category: new Int32Array(of.length),
    brand: new Int32Array(of.length).fill(-1),
    prices: Float32Array.from(of, priceOf),
    popularity: Float32Array.from(of, (id) => counts[id]),
    flags: Uint8Array.from(of, (id) => (id === "sale" ? ItemFlag.CLEARANCE : 0)),
    modelNames: of.map(() => ""),
  });
  /** The category's best sellers end at 6. */
  const today = (of: readonly string[]) => (of.every((id) => id in counts) ? { facts: factsOf(of), popularityEdge: new Float32Array(of.length).fill(6) } : undefined);
  /** The anchor blob of a pool (cheapest first, as `bandMembers` writes it); its facts the anchor's and the members'. */
  const pool = (members: string[]): AnchorBlob => {
    const local = ["anchor", ...members.sort((a, b) => priceOf(a) - priceOf(b))];
    const items = Uint32Array.from(members, (id) => GLOBAL.length + local.indexOf(id));
    return { globalItems: GLOBAL.length, facts: factsOf(local), lists: { price_band: { items, scores: new Float32Array(items.length), reasons: new Uint32Array(items.length) } } };
  };
  const plain = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"];
  const bandsAlike = (earlier: string[], next: string[], anchorKnown = true) => servesAlike(pool(earlier), pool(next), GLOBAL, today, anchorKnown ? "anchor" : undefined);

  it("when a member at the edge of the best sellers joins or leaves the pool's first ten", () => {
    expect(bandsAlike(["top", "nine", "eight", ...plain], ["top", "nine", "eight", "edge", ...plain.slice(0, 8)])).toBe(true);
    expect(bandsAlike(["top", "nine", "eight", "edge", ...plain.slice(0, 8)], ["top", "nine", "eight", ...plain])).toBe(true);
  });

  it("when members of near-equal counts trade places at the margin", () => {
    expect(bandsAlike(["top", "nine", ...plain], ["top", "eight", ...plain])).toBe(true);
  });

  it("not when a best seller or a preferred member (clearance) the new pool serves first is missing", () => {
    expect(bandsAlike(["nine", "eight", ...plain], ["top", "nine", "eight", ...plain.slice(0, 8)])).toBe(false);
    expect(bandsAlike(["top", "nine", "eight", ...plain], ["sale", "top", "nine", "eight", ...plain.slice(0, 8)])).toBe(false);
  });

  it("by ranks where the anchor is not known (its blob's name is a hash of a very long id)", () => {
    expect(bandsAlike(["top", "nine", "eight", ...plain], ["top", "nine", "eight", "edge", ...plain.slice(0, 8)], false)).toBe(false);
  });
});
