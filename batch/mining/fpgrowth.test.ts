import { beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../core/random/rng";
import { hasSharedData, sharedDataPath } from "../../test/node/shared-data";
import { type Baskets, BasketsBuilder } from "../io/baskets";
import { readOrders } from "../io/read-orders";
import { apriori } from "../../test/fixtures/apriori";
import { fpGrowth } from "./fpgrowth";
import { countBySize, eachItemset, type FrequentItemsets, supportThreshold } from "./frequent-itemsets";

function basketsOf(rows: string[][]): Baskets {
  const builder = new BasketsBuilder();
  rows.forEach((row, b) => builder.add(String(b), row.map((id) => ({ id }))));
  return builder.build();
}

/** Deterministic baskets: Zipf-like item popularity so some items are common and long itemsets exist. */
function randomBaskets(seed: number, basketTotal: number, itemTotal: number, meanSize: number): Baskets {
  const rng = new Rng(seed);
  const random = () => rng.float();
  const rows: string[][] = [];
  for (let b = 0; b < basketTotal; b++) {
    const size = Math.floor(random() * 2 * meanSize);
    const row: string[] = [];
    for (let j = 0; j < size; j++) row.push(`i${Math.floor(itemTotal * random() ** 2)}`);
    rows.push(row);
  }
  return basketsOf(rows);
}

/** Itemsets as sorted "id,id:count" strings, independent of mining order and item numbering. */
function canonical(sets: FrequentItemsets, itemIds: string[]): string[] {
  return [...eachItemset(sets)].map((s) => `${s.items.map((x) => itemIds[x]).sort().join(",")}:${s.count}`).sort();
}

describe("fpGrowth against Apriori", () => {
  const cases = [
    { seed: 1, baskets: 60, items: 8, size: 3 },
    { seed: 2, baskets: 200, items: 15, size: 5 },
    { seed: 3, baskets: 120, items: 30, size: 7 },
    { seed: 4, baskets: 40, items: 6, size: 6 },
    { seed: 5, baskets: 300, items: 40, size: 4 },
  ];
  for (const c of cases) {
    it(`finds the same itemsets and counts (seed ${c.seed}, ${c.baskets} baskets, ${c.items} items)`, () => {
      const baskets = randomBaskets(c.seed, c.baskets, c.items, c.size);
      let compared = 0;
      for (const minSupport of [1, 2, 3, 5, 8, 13, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.9]) {
        const expected = apriori(baskets, { minSupport });
        const actual = fpGrowth(baskets, { minSupport });
        expect(actual.threshold).toBe(expected.threshold);
        expect(canonical(actual, baskets.itemIds)).toEqual(canonical(expected, baskets.itemIds));
        compared += expected.counts.length;
      }
      expect(compared).toBeGreaterThan(0);
    });
  }

  it("finds the same itemsets on dense baskets, where conditional trees hold many items", () => {
    const baskets = randomBaskets(6, 80, 90, 16);
    for (const minSupport of [2, 3, 5]) {
      const expected = apriori(baskets, { minSupport, maxSize: 3 });
      expect(canonical(fpGrowth(baskets, { minSupport, maxSize: 3 }), baskets.itemIds)).toEqual(canonical(expected, baskets.itemIds));
    }
  });

  it("honours the maximum itemset size", () => {
    const baskets = randomBaskets(7, 150, 12, 6);
    for (const maxSize of [1, 2, 3, 4]) {
      const actual = fpGrowth(baskets, { minSupport: 3, maxSize });
      const bySize = countBySize(actual);
      expect(bySize.length - 1).toBe(maxSize);
      expect(canonical(actual, baskets.itemIds)).toEqual(canonical(apriori(baskets, { minSupport: 3, maxSize }), baskets.itemIds));
    }
  });

  it("handles a tree that is one path, identical baskets and empty baskets", () => {
    const path = basketsOf([["a", "b", "c"], ["a", "b"], ["a"], [], ["a", "b", "c"]]);
    expect(canonical(fpGrowth(path, { minSupport: 1 }), path.itemIds)).toEqual(
      ["a,b,c:2", "a,b:3", "a,c:2", "a:4", "b,c:2", "b:3", "c:2"].sort(),
    );
    expect(canonical(fpGrowth(path, { minSupport: 1, maxSize: 2 }), path.itemIds)).toEqual(
      ["a,b:3", "a,c:2", "a:4", "b,c:2", "b:3", "c:2"].sort(),
    );
    const same = basketsOf([["x", "y"], ["y", "x"], ["x", "y"]]);
    expect(canonical(fpGrowth(same, { minSupport: 3 }), same.itemIds)).toEqual(["x,y:3", "x:3", "y:3"]);
    expect(fpGrowth(same, { minSupport: 4 }).counts.length).toBe(0);
    expect(fpGrowth(basketsOf([[], []]), { minSupport: 1 }).counts.length).toBe(0);
  });

  it("stores each itemset's items ascending", () => {
    const baskets = randomBaskets(11, 100, 10, 5);
    const sets = fpGrowth(baskets, { minSupport: 2 });
    for (const s of eachItemset(sets)) expect(s.items).toEqual([...s.items].sort((a, b) => a - b));
  });
});

describe("supportThreshold", () => {
  it("is ceil(minSupport × N) for a fraction and the count itself from 1 up", () => {
    expect(supportThreshold(0.01, 9835)).toBe(99);
    expect(supportThreshold(0.001, 9835)).toBe(10);
    expect(supportThreshold(0.0005, 9835)).toBe(5);
    expect(supportThreshold(0.0025, 100_000)).toBe(250);
    expect(supportThreshold(0.5, 4)).toBe(2);
    expect(supportThreshold(1e-9, 10)).toBe(1);
    expect(supportThreshold(1, 10)).toBe(1);
    expect(supportThreshold(7, 10)).toBe(7);
    expect(() => supportThreshold(0, 10)).toThrow(RangeError);
    expect(() => supportThreshold(2.5, 10)).toThrow(RangeError);
  });
});

describe.runIf(hasSharedData("baskets/groceries.tsv"))("fpGrowth on groceries (reference figures)", () => {
  let groceries: Baskets;
  beforeAll(async () => {
    groceries = (await readOrders(sharedDataPath("baskets/groceries.tsv"))).baskets;
  });

  it("has 9,835 baskets and 169 items", () => {
    expect(groceries.offsets.length - 1).toBe(9835);
    expect(groceries.itemIds.length).toBe(169);
  });

  it("finds 333 itemsets (88 / 213 / 32) at 0.01, the same as Apriori", () => {
    const sets = fpGrowth(groceries, { minSupport: 0.01 });
    expect(sets.threshold).toBe(99);
    expect(countBySize(sets).slice(1)).toEqual([88, 213, 32]);
    expect(canonical(sets, groceries.itemIds)).toEqual(canonical(apriori(groceries, { minSupport: 0.01 }), groceries.itemIds));
    const milk = groceries.itemIndex.get("whole milk") ?? -1;
    const vegetables = groceries.itemIndex.get("other vegetables") ?? -1;
    const pair = [...eachItemset(sets)].find((s) => s.items.length === 2 && s.items.includes(milk) && s.items.includes(vegetables));
    expect(pair?.count).toBe(736);
  });

  it("finds 13,492 itemsets (157 / 2981 / 6831 / 3137 / 376 / 10) at 0.001", () => {
    const sets = fpGrowth(groceries, { minSupport: 0.001 });
    expect(sets.counts.length).toBe(13_492);
    expect(countBySize(sets).slice(1)).toEqual([157, 2981, 6831, 3137, 376, 10]);
  });

  it("finds 49,580 itemsets at 0.0005", () => {
    expect(fpGrowth(groceries, { minSupport: 0.0005 }).counts.length).toBe(49_580);
  });

  it("stops at the maximum size", () => {
    const sets = fpGrowth(groceries, { minSupport: 0.001, maxSize: 3 });
    expect(countBySize(sets).slice(1)).toEqual([157, 2981, 6831]);
  });

  it("reports progress up to the number of frequent items", () => {
    const seen: number[] = [];
    fpGrowth(groceries, { minSupport: 0.01, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(80);
  });
});
