import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ItemFlag } from "../blob/meta-blob";
import type { CatalogItem } from "../catalog/attributes";
import { type CompatIndex, compileCompatIndex, fitsCart } from "../catalog/compat-index";
import { type BandColumns, bandIndex, bandMembers, bandScore, PRICE_BANDS, type PriceBand } from "./price-bands";

const PER_BAND = 4;

/** Every band's best members by reading every member: the order the category rule ranks them, no bound on the work. */
function everyMemberRead(columns: BandColumns, members: readonly number[], anchor: number, perBand: number): number[] {
  const { prices, flags, popularity, compat } = columns;
  const price = prices[anchor];
  if (!(price > 0)) return [];
  const chosen = new Set<number>();
  for (const band of Object.values(PRICE_BANDS) as PriceBand[]) {
    const lo = band.lo * price;
    const hi = band.hi * price;
    const preferred = (item: number) => (band.preferFlag !== undefined && (flags[item] & band.preferFlag) !== 0 ? 1 : 0);
    const score = (item: number) => bandScore(prices[item], price, band);
    const found = members.filter((item) => {
      const p = prices[item];
      if (!(p >= lo && p <= hi) || item === anchor || (band.aboveOnly === true && p <= lo)) return false;
      return compat === undefined || fitsCart(compat, item, Uint32Array.of(anchor));
    });
    found.sort((a, b) => preferred(b) - preferred(a) || popularity[b] - popularity[a] || score(b) - score(a) || a - b);
    for (const item of found.slice(0, perBand)) chosen.add(item);
  }
  return [...chosen].sort((a, b) => prices[a] - prices[b] || a - b);
}

/** A category of `n` items over few prices and purchase counts, so that ties abound. */
const category = fc.integer({ min: 1, max: 120 }).chain((n) =>
  fc.record({
    prices: fc.array(fc.constantFrom(0, 9.99, 19.99, 25, 29.99, 30, 39.5, 40, 49, 55, 60, 79, 99, 120, 149, 150, 199.99), { minLength: n, maxLength: n }),
    popularity: fc.array(fc.constantFrom(0, 0, 1, 1, 2, 3, 7.5), { minLength: n, maxLength: n }),
    flags: fc.array(fc.constantFrom(0, 0, 0, ItemFlag.NEW, ItemFlag.CLEARANCE, ItemFlag.NEW | ItemFlag.CLEARANCE), { minLength: n, maxLength: n }),
    anchor: fc.nat({ max: n - 1 }),
    perBand: fc.integer({ min: 1, max: 6 }),
  }),
);

const columnsOf = (c: { prices: number[]; popularity: number[]; flags: number[] }, compat?: CompatIndex): BandColumns => ({
  prices: Float32Array.from(c.prices),
  popularity: Float32Array.from(c.popularity),
  flags: Uint8Array.from(c.flags),
  ...(compat !== undefined ? { compat } : {}),
});

describe("price bands", () => {
  it("take exactly the members reading every member would, ties of price and purchase count included", () => {
    fc.assert(
      fc.property(category, (c) => {
        const columns = columnsOf(c);
        const members = c.prices.map((_, i) => i);
        const cheapestFirst = [...members].sort((a, b) => columns.prices[a] - columns.prices[b] || a - b);
        expect(bandMembers(columns, bandIndex(columns, cheapestFirst), c.anchor, c.perBand)).toEqual(everyMemberRead(columns, members, c.anchor, c.perBand));
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  const phone = (model: string): CatalogItem => ({ brand: "Acme", attrs: { kind: "smartphone", device_model: model, connector: "usb-c" } });
  const caseFor = (model: string): CatalogItem => ({ brand: "Acme", attrs: { kind: "phone-case", fits_models: [model] } });
  const board: CatalogItem = { brand: "Acme", attrs: { kind: "motherboard", socket: "lga1700", memory_type: "ddr4" } };
  const ram = (type: string): CatalogItem => ({ brand: "Acme", attrs: { kind: "ram", memory_type: type } });
  it.each([
    ["a phone, among cases for it and for another phone", phone("acme-a"), (fitting: boolean) => caseFor(fitting ? "acme-a" : "acme-b")],
    ["a motherboard that pins its memory, among memory of either kind", board, (fitting: boolean) => ram(fitting ? "ddr4" : "ddr5")],
  ])("leave out what does not fit the anchor: %s", (_, anchorItem, member) => {
    fc.assert(
      fc.property(category, fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }), (c, forA) => {
        const items = c.prices.map((_, i) => (i === c.anchor ? anchorItem : member(forA[i])));
        const columns = columnsOf(c, compileCompatIndex(items));
        const members = c.prices.map((_, i) => i);
        const cheapestFirst = [...members].sort((a, b) => columns.prices[a] - columns.prices[b] || a - b);
        const chosen = bandMembers(columns, bandIndex(columns, cheapestFirst), c.anchor, c.perBand);
        expect(chosen).toEqual(everyMemberRead(columns, members, c.anchor, c.perBand));
        for (const item of chosen) expect(forA[item]).toBe(true);
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it("read a bounded number of members in a large category: a best seller among 20,000 cheaper cases is found", () => {
    const n = 20_001;
    const prices = Float32Array.from({ length: n }, (_, i) => (i === 0 ? 100 : 45 + (i % 4000) / 100));
    const popularity = new Float32Array(n);
    popularity[17_000] = 5;
    const columns = { prices, popularity, flags: new Uint8Array(n) };
    const members = Array.from({ length: n }, (_, i) => i).sort((a, b) => prices[a] - prices[b] || a - b);
    const chosen = bandMembers(columns, bandIndex(columns, members), 0, PER_BAND);
    expect(chosen).toContain(17_000);
    expect(chosen.length).toBeLessThanOrEqual(4 * PER_BAND);
  });

  it("read a price shared by thousands only as far as it yields", () => {
    const n = 30_001;
    const prices = Float32Array.from({ length: n }, (_, i) => (i === 0 ? 100 : i % 2 === 0 ? 99 : 101));
    const popularity = Float32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1));
    let reads = 0;
    const counted = new Proxy(prices, {
      get(target, key) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        const value = Reflect.get(target, key, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const columns = { prices, popularity, flags: new Uint8Array(n) };
    const members = Array.from({ length: n }, (_, i) => i).sort((a, b) => prices[a] - prices[b] || a - b);
    const index = bandIndex(columns, members);
    const chosen = bandMembers({ ...columns, prices: counted as Float32Array }, index, 0, PER_BAND);
    expect(chosen).toEqual(everyMemberRead(columns, members, 0, PER_BAND));
    expect(reads).toBeLessThan(2_000);
  });
});
