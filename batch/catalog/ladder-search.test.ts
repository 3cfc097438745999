import { describe, expect, it } from "vitest";
import { Rng } from "../../core/random/rng";
import { buildLaddersByScan } from "../../test/fixtures/ladder-reference";
import { hasSharedData, sharedDataPath } from "../../test/node/shared-data";
import { readCatalog } from "../io/read-catalog";
import { buildLadders, type LadderEntry, type LadderItem, type LadderOptions, type Ladders } from "./down-sell";
import { ladderItem } from "./ladder-items";
import { specClasses } from "./spec-classes";
import { specsOf } from "./spec-distance";

/**
 * A shop of accessories in two categories and three fits, specs drawn from few values (so that classes hold many
 * items and scores tie), prices on a coarse grid, some on clearance, some unsellable, margins and models on some.
 */
function syntheticShop(n: number, seed: number): LadderItem[] {
  const rng = new Rng(seed, "ladder-shop");
  const items: LadderItem[] = [];
  for (let i = 0; i < n; i++) {
    const attrs: Record<string, unknown> = { kind: rng.pick(["phone-case", "folio"]), material: rng.pick(["silicone", "leather", "tpu"]) };
    if (rng.chance(0.7)) attrs.pack_count = rng.pick([1, 2, 3]);
    if (rng.chance(0.3)) attrs.scenarios = rng.pick([["outdoor"], ["travel"], ["outdoor", "travel"]]);
    items.push({
      price: rng.pick([9.99, 12.99, 14.99, 19.99, 24.99, 29.99, 39.99]) * rng.pick([1, 1, 2]),
      category: rng.chance(0.9) ? "Cases" : "Folios",
      specs: specsOf({ brand: rng.pick(["Spigen", "ESR", "OtterBox"]), attrs }),
      sellable: rng.chance(0.9),
      clearance: rng.chance(0.1),
      ...(rng.chance(0.8) ? { margin: rng.pick([0.1, 0.25, 0.4, 0.55]) } : {}),
      ...(rng.chance(0.3) ? { model: `m${rng.int(40)}` } : {}),
      fitKey: rng.pick(["model:a", "model:b", "conn:usb-c"]),
    });
  }
  return items;
}

function expectSameLists(items: readonly LadderItem[], options: LadderOptions = {}, fast = buildLadders(items, options)): void {
  const scan = buildLaddersByScan(items, options);
  for (let i = 0; i < items.length; i++) {
    expect(fast.downSell[i], `down_sell of ${i}`).toEqual(scan.downSell[i]);
    expect(fast.similar[i], `similar of ${i}`).toEqual(scan.similar[i]);
  }
}

/** A real catalogue's ladder items and their ladders with the default options, read and built once per file. */
const realCatalogs = new Map<string, Promise<{ items: LadderItem[]; exact: Ladders }>>();
function realCatalog(file: string): Promise<{ items: LadderItem[]; exact: Ladders }> {
  let found = realCatalogs.get(file);
  if (found === undefined) {
    found = readCatalog(sharedDataPath(file)).then(({ products }) => {
      const items = products.map(ladderItem);
      return { items, exact: buildLadders(items) };
    });
    realCatalogs.set(file, found);
  }
  return found;
}

describe("ladder search by blocks and spec classes", () => {
  const shop = syntheticShop(2500, 7);

  it("puts items with identical specs in one class", () => {
    const classes = specClasses(
      shop.map((_, i) => i),
      (i) => shop[i].specs,
    );
    expect(classes.specs.length).toBeLessThan(shop.length / 4);
    const same = shop.findIndex((_, i) => i > 0 && classes.classOf[i] === classes.classOf[0]);
    expect(same).toBeGreaterThan(0);
    expect(shop[same].specs).toEqual(shop[0].specs);
  });

  it("gives exactly the lists of a scan of every price window: scores, ties, boosts, models, relaxed ladders", () => {
    const ladders = buildLadders(shop);
    const withLadder = ladders.downSell.filter((l) => l.length > 0);
    expect(withLadder.length).toBeGreaterThan(1000);
    expect(withLadder.some((l) => l.some((e) => e.distance > 0.3))).toBe(true);
    expect(ladders.similar.filter((l) => l.length === 8).length).toBeGreaterThan(1000);
    expect(ladders.stats).toEqual({ blocks: 6, classes: expect.any(Number), approximateBlocks: 0 });
    expectSameLists(shop);
  });

  it("stays exact under other options, the anchor's own price inside the band included", () => {
    expectSameLists(shop, { minPriceRatio: 0.8, maxPriceRatio: 1.2, perItem: 3, similarPerItem: 12, clearanceBoost: 1, marginBoost: 2 });
    expectSameLists(shop, { maxDistance: 0.1, relaxedMaxDistance: 0.3, similarMaxDistance: 0.2 });
  });

  for (const file of ["catalog/laptops.jsonl", "catalog/gsmarena_devices.jsonl"]) {
    it.runIf(hasSharedData(file))(`gives the scan's lists on ${file}, where specs rarely repeat`, async () => {
      const { items, exact } = await realCatalog(file);
      expectSameLists(items, {}, exact);
    }, 300_000);
  }
});

/** Share of the exact lists' entries that the approximate lists hold too, over the anchors with an exact list. */
function recall(exact: LadderEntry[][], approximate: LadderEntry[][]): number {
  let found = 0;
  let total = 0;
  exact.forEach((list, i) => {
    const got = new Set(approximate[i].map((e) => e.item));
    total += list.length;
    for (const e of list) if (got.has(e.item)) found++;
  });
  return total === 0 ? 1 : found / total;
}

describe.runIf(hasSharedData("catalog/gsmarena_devices.jsonl"))("the approximate neighbour graph of large blocks", () => {
  it("keeps most of the exact lists on real phone specs", async () => {
    const { items, exact } = await realCatalog("catalog/gsmarena_devices.jsonl");
    const approximate = buildLadders(items, { exactClassLimit: 200 });
    expect(approximate.stats.approximateBlocks).toBeGreaterThan(0);
    expect(recall(exact.downSell, approximate.downSell)).toBeGreaterThan(0.95);
    expect(recall(exact.similar, approximate.similar)).toBeGreaterThan(0.95);
  }, 300_000);
});
