/**
 * @module
 * `npm run bench:downsell`: down-sell ladders and similar lists on real specs (../shared/data/catalog:
 * laptops.jsonl and gsmarena_devices.jsonl), with the build's default options. Prints, per data set and category
 * group: anchors with a ladder, the median price saving and median spec distance over all ladder entries, and how
 * often the top suggestion shares the anchor's brand, type (leaf category, or the laptop set's `type`) and screen
 * class. Products without a price, and GSMArena prices flagged `price_suspect`, take no part.
 *
 * Screen classes (inches): < 5.5, 5.5-6.3, 6.3-7, 7-9, 9-11.5, 11.5-13.5, 13.5-15, 15-16.5, >= 16.5. Ladders stay
 * inside the anchor's leaf category, which is the laptop set's `type`, so the type column is 100% by construction.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { attrNumber, attrString } from "../core/catalog/attributes";
import { buildLadders, type LadderEntry } from "../batch/catalog/down-sell";
import { ladderItem } from "../batch/catalog/ladder-items";
import { type CatalogProduct, categoryPath, readCatalog } from "../batch/io/read-catalog";

const DATA = path.resolve(import.meta.dirname, "../../shared/data/catalog");
const FILES = ["laptops.jsonl", "gsmarena_devices.jsonl"];
const SCREEN_CLASSES = [5.5, 6.3, 7, 9, 11.5, 13.5, 15, 16.5];

function screenClass(p: CatalogProduct): number {
  const inches = attrNumber(p.attrs, "screen_in") || attrNumber(p.attrs, "display_size_in");
  if (Number.isNaN(inches)) return -1;
  let c = 0;
  while (c < SCREEN_CLASSES.length && inches >= SCREEN_CLASSES[c]) c++;
  return c;
}

const typeOf = (p: CatalogProduct) => attrString(p.attrs, "type") ?? p.category.at(-1) ?? "";
const median = (values: number[]) => {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (x: number) => (Number.isNaN(x) ? "  -  " : `${(x * 100).toFixed(1).padStart(5)}%`);

interface Row {
  name: string;
  anchors: number;
  withLadder: number;
  entries: LadderEntry[];
  top: Array<[CatalogProduct, CatalogProduct, LadderEntry]>;
  similarCovered: number;
  similarDistances: number[];
}

function summarise(name: string, products: CatalogProduct[], indices: number[], ladders: ReturnType<typeof buildLadders>): Row {
  const row: Row = { name, anchors: indices.length, withLadder: 0, entries: [], top: [], similarCovered: 0, similarDistances: [] };
  for (const i of indices) {
    const ladder = ladders.downSell[i];
    if (ladder.length > 0) {
      row.withLadder++;
      row.entries.push(...ladder);
      row.top.push([products[i], products[ladder[0].item], ladder[0]]);
    }
    if (ladders.similar[i].length > 0) {
      row.similarCovered++;
      row.similarDistances.push(...ladders.similar[i].map((e) => e.distance));
    }
  }
  return row;
}

function print(row: Row): void {
  const share = (test: (a: CatalogProduct, b: CatalogProduct) => boolean) => (row.top.length === 0 ? Number.NaN : row.top.filter(([a, b]) => test(a, b)).length / row.top.length);
  const brand = share((a, b) => a.brand === b.brand);
  const type = share((a, b) => typeOf(a) === typeOf(b));
  const screen = share((a, b) => screenClass(a) === screenClass(b) && screenClass(a) >= 0);
  const all3 = share((a, b) => a.brand === b.brand && typeOf(a) === typeOf(b) && screenClass(a) === screenClass(b) && screenClass(a) >= 0);
  console.log(
    [
      row.name.padEnd(34),
      String(row.anchors).padStart(6),
      pct(row.withLadder / Math.max(1, row.anchors)),
      pct(median(row.entries.map((e) => e.saving))),
      median(row.entries.map((e) => e.distance)).toFixed(3).padStart(7),
      median(row.top.map((t) => t[2].distance)).toFixed(3).padStart(7),
      pct(brand),
      pct(type),
      pct(screen),
      pct(all3),
      pct(row.similarCovered / Math.max(1, row.anchors)),
      median(row.similarDistances).toFixed(3).padStart(7),
    ].join("  "),
  );
}

async function main(): Promise<void> {
  console.log("down-sell ladders on real specs (defaults: price 50-95% of the anchor, spec distance <= 0.30, or <= 0.50 where nothing is closer, 5 per item; similar: distance <= 0.35)");
  console.log("ladder: anchors with one; saving, dist: medians over every ladder entry; top dist and brand/type/screen/all 3: the first suggestion; similar: anchors with a similar list, s.dist its median distance");
  console.log(
    ["data set / category".padEnd(34), "anchors".padStart(6), "ladder", "saving", "  dist", "top dist", " brand", "  type", "screen", "all 3 ", "similar", "s.dist"].join("  "),
  );
  for (const file of FILES) {
    const full = path.join(DATA, file);
    if (!existsSync(full)) {
      console.log(`SKIPPED ${file}: ${full} is absent`);
      continue;
    }
    const started = performance.now();
    const { products: all } = await readCatalog(full);
    const products = all.filter((p) => p.price !== undefined && p.price > 0 && p.attrs.price_suspect !== true);
    const ladders = buildLadders(products.map(ladderItem));
    const ms = performance.now() - started;
    const byCategory = new Map<string, number[]>();
    products.forEach((p, i) => {
      const key = categoryPath(p);
      byCategory.set(key, [...(byCategory.get(key) ?? []), i]);
    });
    print(summarise(`${file} (all)`, products, products.map((_, i) => i), ladders));
    for (const [category, indices] of [...byCategory].sort((a, b) => b[1].length - a[1].length)) {
      if (indices.length >= 20) print(summarise(`  ${category.split(" > ").slice(-1)[0]}`, products, indices, ladders));
    }
    const example = products.findIndex((_, i) => ladders.downSell[i].length > 0 && ladders.downSell[i][0].shared.length >= 2);
    if (example >= 0) {
      const { downSellReason } = await import("../batch/catalog/down-sell");
      const top = ladders.downSell[example][0];
      console.log(`  e.g. ${products[example].title} (${products[example].price} EUR) -> ${products[top.item].title} (${products[top.item].price} EUR): "${downSellReason(top)}"`);
    }
    console.log(`  ${products.length} priced products, ladders and similar lists in ${(ms / 1000).toFixed(2)} s`);
  }
}

await main();
