/**
 * The fitting accessories the cross-sell ranker considers, read a few per category pool and fit signature, equal
 * the plain scan of every accessory in the pools (`./fitting-reference.ts`) for every anchor: on the shared demo
 * store and on a generated shop of 6,000 products, whose connector pools hold hundreds of accessories.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogColumns } from "../../batch/build/catalog-columns";
import { CatalogContext } from "../../batch/catalog/catalog-context";
import { CategoryStats } from "../../batch/catalog/category-stats";
import { fitSignatures } from "../../batch/catalog/fit-groups";
import { FittingAccessories, type FittingOptions } from "../../batch/catalog/fitting-accessories";
import { ItemSignals } from "../../batch/catalog/item-signals";
import { BasketsBuilder } from "../../batch/io/baskets";
import { readCatalog } from "../../batch/io/read-catalog";
import { readOrders } from "../../batch/io/read-orders";
import { provenConflict } from "../../core/catalog/compat-index";
import { generateDemo } from "../../tools/demo/generate";
import { fittingByScan } from "./fitting-reference";
import { demoStore } from "./demo-store";

const OPTIONS: FittingOptions = { fitCategories: 8, perCategory: 3 };

async function compare(dir: string): Promise<{ anchors: number; withFitting: number; largestPool: number }> {
  const { products } = await readCatalog(path.join(dir, "catalog.jsonl"));
  const builder = new BasketsBuilder();
  for (const p of products) builder.intern(p.id);
  const { baskets } = await readOrders(path.join(dir, "orders.jsonl"), { builder });
  const columns = catalogColumns(baskets.itemIds, products);
  const ctx = new CatalogContext(baskets, products, columns);
  const signals = new ItemSignals(ctx);
  const stats = new CategoryStats(baskets, columns.itemCategory, columns.categories.length, columns.prices);
  const fitting = new FittingAccessories(ctx, signals, stats, fitSignatures(ctx.compat, ctx.n), OPTIONS);
  const scan = fittingByScan(ctx, signals, stats, OPTIONS);
  let anchors = 0;
  let withFitting = 0;
  for (let a = 0; a < ctx.n; a++) {
    const A = ctx.category(a);
    if (ctx.products[a] === undefined || A < 0) continue;
    const usable = (j: number) => j !== a && ctx.sellable[j] === 1 && !provenConflict(ctx.compat, a, j);
    const device = signals.deviceOf(a);
    const expected = scan(a, A, device, usable);
    const byParts = { item: (j: number) => j !== a && ctx.sellable[j] === 1, group: (sample: number) => !provenConflict(ctx.compat, a, sample) };
    expect(fitting.select(a, A, device, byParts), `anchor ${baskets.itemIds[a]}`).toEqual(expected);
    anchors++;
    if (expected.length > 0) withFitting++;
  }
  const pools = new Map<number, number>();
  for (let j = 0; j < ctx.n; j++) {
    const c0 = ctx.compat.clauseStart[j];
    for (let k = ctx.compat.clauseTokenStart[c0]; k < ctx.compat.clauseTokenStart[c0 + 1]; k++) pools.set(ctx.compat.clauseTokens[k], (pools.get(ctx.compat.clauseTokens[k]) ?? 0) + 1);
  }
  return { anchors, withFitting, largestPool: Math.max(0, ...pools.values()) };
}

describe("fitting accessories", () => {
  const work = mkdtempSync(path.join(tmpdir(), "edgerec-fitting-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("are the plain scan's for every anchor of the demo store", async () => {
    const { anchors, withFitting } = await compare((await demoStore()).dir);
    expect(anchors).toBeGreaterThan(2000);
    expect(withFitting).toBeGreaterThan(500);
  });

  it("are the plain scan's for every anchor of a shop of 6,000 products", async () => {
    const dir = path.join(work, "shop");
    await generateDemo({ out: dir, products: 6_000, orders: 20_000, sessions: 500 });
    const { anchors, withFitting, largestPool } = await compare(dir);
    expect(anchors).toBeGreaterThan(5_500);
    expect(withFitting).toBeGreaterThan(1000);
    expect(largestPool).toBeGreaterThan(300);
  }, 300_000);
});
