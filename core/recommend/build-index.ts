/**
 * @module
 * Per-build lookups derived from the meta blob on first use and kept with the loaded build: category price
 * medians, items per category by price, a popularity score per item, bundles per item, lower-cased category names
 * for listing queries. Computed once per build per isolate (O(items)), never per request.
 */
import { ItemFlag } from "../blob/meta-blob";
import type { LoadedBuild } from "./loaded-build";

export interface BuildIndex {
  /** Median known price per category; NaN where no item of the category has a price. */
  categoryMedianPrice: Float32Array;
  /** Items per category, cheapest first (unknown prices last). */
  itemsByCategory: Map<number, Uint32Array>;
  /** Purchase count from the popular lists (overall and per category); 0 for items in neither. */
  popularity: Float32Array;
  /** Bundle positions in `meta.bundles` per item. */
  bundlesByItem: Map<number, number[]>;
  /** Lower-cased leaf name and slug id (`computers/monitors/gaming-monitors`) per category. */
  categoryLeaf: string[];
  categorySlug: string[];
  /** Lower-cased titles (ids where untitled), built on the first search query. */
  searchTitles(): string[];
}

const indexes = new WeakMap<LoadedBuild, BuildIndex>();

export function buildIndex(build: LoadedBuild): BuildIndex {
  let index = indexes.get(build);
  if (index === undefined) {
    index = deriveIndex(build);
    indexes.set(build, index);
  }
  return index;
}

/** Registers the index of a build assembled from another (`compose-build.ts`), so it is not derived again. */
export function adoptBuildIndex(build: LoadedBuild, index: BuildIndex): void {
  indexes.set(build, index);
}

function deriveIndex(build: LoadedBuild): BuildIndex {
  const { meta } = build;
  const n = meta.items.length;
  const categoryCount = meta.categories.length;

  const members: number[][] = Array.from({ length: categoryCount }, () => []);
  for (let i = 0; i < n; i++) {
    const c = meta.itemCategory[i];
    if (c >= 0 && c < categoryCount && (meta.flags[i] & ItemFlag.EOL) === 0) members[c].push(i);
  }
  const priceOrder = (a: number, b: number) => {
    const pa = meta.prices[a];
    const pb = meta.prices[b];
    if (Number.isNaN(pa) || Number.isNaN(pb)) return Number.isNaN(pa) ? (Number.isNaN(pb) ? a - b : 1) : -1;
    return pa - pb || a - b;
  };
  const itemsByCategory = new Map<number, Uint32Array>();
  const categoryMedianPrice = new Float32Array(categoryCount).fill(Number.NaN);
  for (let c = 0; c < categoryCount; c++) {
    const sorted = members[c].sort(priceOrder);
    itemsByCategory.set(c, Uint32Array.from(sorted));
    let priced = 0;
    while (priced < sorted.length && !Number.isNaN(meta.prices[sorted[priced]])) priced++;
    if (priced > 0) {
      const mid = priced >> 1;
      categoryMedianPrice[c] = priced % 2 === 1 ? meta.prices[sorted[mid]] : (meta.prices[sorted[mid - 1]] + meta.prices[sorted[mid]]) / 2;
    }
  }

  // The edge format's global blob holds a sample of each category: its medians come from the whole catalogue.
  if (meta.edge !== undefined) categoryMedianPrice.set(meta.edge.categoryMedianPrice);

  const popularity = new Float32Array(n);
  const note = (items: Uint32Array, scores: Float32Array) => {
    for (let i = 0; i < items.length; i++) if (items[i] < n && scores[i] > popularity[items[i]]) popularity[items[i]] = scores[i];
  };
  note(meta.popular.items, meta.popular.scores);
  for (const list of meta.popularByCategory.values()) note(list.items, list.scores);
  if (meta.edge !== undefined) popularity.set(meta.edge.popularity);

  const bundlesByItem = new Map<number, number[]>();
  (meta.bundles ?? []).forEach((bundle, b) => {
    for (const item of bundle.items) {
      let list = bundlesByItem.get(item);
      if (list === undefined) bundlesByItem.set(item, (list = []));
      list.push(b);
    }
  });

  const categoryLeaf = meta.categories.map((path) => path.split(" > ").at(-1)!.toLowerCase());
  const categorySlug = meta.categories.map(slugOfPath);
  let titles: string[] | undefined;
  return {
    categoryMedianPrice,
    itemsByCategory,
    popularity,
    bundlesByItem,
    categoryLeaf,
    categorySlug,
    searchTitles: () => (titles ??= meta.items.map((id, i) => (meta.titles[i] || id).toLowerCase())),
  };
}

/** `Computers > Monitors > Gaming Monitors` -> `computers/monitors/gaming-monitors` (the catalogue routes' category ids). */
export function slugOfPath(path: string): string {
  return path
    .split(" > ")
    .map((part) => part.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""))
    .join("/");
}
