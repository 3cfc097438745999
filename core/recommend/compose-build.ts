/**
 * @module
 * A request's build in the edge format: the global blob's items (indices 0..G-1, as decoded once per isolate) and
 * after them the items the request's anchor and category blobs carry, so `recommend()` and everything under it
 * keep working on item indices. What is copied per request is the global columns (bounded by categories and list lengths, not
 * by the catalogue) and the anchors' facts; the global blob's derived index is reused, its popularity extended.
 */
import type { AnchorBlob } from "../blob/anchor-blob";
import type { ItemLists, ListKind } from "../blob/item-blob";
import type { ItemFacts } from "../blob/item-facts";
import type { BuildMeta } from "../blob/meta-blob";
import type { CandidateList } from "../candidates";
import { appendCompat, type CompatSource } from "../catalog/compat-index";
import { adoptBuildIndex, buildIndex } from "./build-index";
import type { ItemIndex, LoadedBuild } from "./loaded-build";

/** An anchor whose blob could not be read although the build knows it: its facts, from its directory shard. */
export interface StrandedAnchor {
  facts: ItemFacts;
  /** Its entry in `facts`. */
  at: number;
}

export interface ComposedBuild {
  build: LoadedBuild;
  /** Lists per anchor id, in the composed build's indices; null for a stranded anchor. */
  lists: Map<string, ItemLists | null>;
}

const NO_KINDS: ReadonlySet<ListKind> = new Set();

interface Source {
  facts: ItemFacts;
  at: number;
}

/**
 * The request's build: the global items, then those `blobs` (anchors'), `stranded` and `categories` (category
 * blobs by category index) carry. The categories' best sellers, scenario lists and price samples become the build's
 * `popularByCategory`, `scenarioLists` and `itemsByCategory` for those categories.
 */
export function composeBuild(
  global: LoadedBuild,
  blobs: ReadonlyMap<string, AnchorBlob>,
  stranded: ReadonlyMap<string, StrandedAnchor>,
  categories: ReadonlyMap<number, AnchorBlob> = new Map(),
  /** List kinds the request cannot read (`price_band` when its plan reads no bands): left out with the items only they name. */
  skip: ReadonlySet<ListKind> = NO_KINDS,
): ComposedBuild {
  const G = global.meta.items.length;
  const added = new Map<string, number>();
  const sources: Source[] = [];
  const indexOf = (facts: ItemFacts, at: number): number => {
    const id = facts.ids[at];
    const known = global.index.get(id) ?? added.get(id);
    if (known !== undefined) return known;
    const item = G + sources.length;
    added.set(id, item);
    sources.push({ facts, at });
    return item;
  };
  // Only the facts a kept list names (and the anchor's own) join the build.
  const remapped = (blob: AnchorBlob, own?: string): ItemLists => {
    const { facts } = blob;
    const space = new Int32Array(facts.ids.length).fill(-1);
    if (own !== undefined) {
      const at = facts.ids.indexOf(own);
      if (at >= 0) space[at] = indexOf(facts, at);
    }
    const mapped: ItemLists = {};
    for (const [kind, list] of Object.entries(blob.lists) as Array<[ListKind, CandidateList]>) {
      if (skip.has(kind)) continue;
      const items = new Uint32Array(list.items.length);
      for (let i = 0; i < items.length; i++) {
        const v = list.items[i];
        if (v < G) items[i] = v;
        else {
          const k = v - G;
          if (space[k] < 0) space[k] = indexOf(facts, k);
          items[i] = space[k];
        }
      }
      mapped[kind] = { ...list, items };
    }
    return mapped;
  };

  const lists = new Map<string, ItemLists | null>();
  for (const [id, blob] of blobs) lists.set(id, remapped(blob, id));
  for (const [id, anchor] of stranded) {
    indexOf(anchor.facts, anchor.at);
    lists.set(id, null);
  }
  const popularByCategory = new Map<number, CandidateList>();
  const scenarioLists = new Map(global.meta.scenarioLists ?? []);
  const itemsByCategory = new Map<number, Uint32Array>();
  for (const [c, blob] of categories) {
    const { category_popular: popular, category_scenario: scenario, category_sample: sample } = remapped(blob);
    if (popular !== undefined) popularByCategory.set(c, popular);
    if (scenario !== undefined) scenarioLists.set(global.meta.categories[c], scenario);
    if (sample !== undefined) itemsByCategory.set(c, sample.items);
  }

  const meta: BuildMeta = { ...extendMeta(global.meta, sources), popularByCategory, scenarioLists };
  const index: ItemIndex = {
    get: (id) => global.index.get(id) ?? added.get(id),
    has: (id) => global.index.has(id) || added.has(id),
  };
  const build: LoadedBuild = { meta, index };
  const base = buildIndex(global);
  const popularity = new Float32Array(meta.items.length);
  popularity.set(base.popularity);
  for (let k = 0; k < sources.length; k++) popularity[G + k] = sources[k].facts.popularity[sources[k].at];
  let titles: string[] | undefined;
  adoptBuildIndex(build, { ...base, popularity, itemsByCategory, searchTitles: () => (titles ??= meta.items.map((id, i) => (meta.titles[i] || id).toLowerCase())) });
  return { build, lists };
}

/** `meta` with the source items appended to every per-item column. */
function extendMeta(meta: BuildMeta, sources: readonly Source[]): BuildMeta {
  if (sources.length === 0) return meta;
  const G = meta.items.length;
  const n = G + sources.length;
  const grown = <T extends Int32Array | Uint32Array | Float32Array | Uint8Array>(column: T, make: (n: number) => T): T => {
    const out = make(n);
    out.set(column);
    return out;
  };
  const items = meta.items.slice();
  const titles = meta.titles.slice();
  const itemCategory = grown(meta.itemCategory, (m) => new Int32Array(m));
  const itemBrand = grown(meta.itemBrand, (m) => new Int32Array(m));
  const prices = grown(meta.prices, (m) => new Float32Array(m));
  const flags = grown(meta.flags, (m) => new Uint8Array(m));
  const ordinals = meta.edge === undefined ? undefined : grown(meta.edge.ordinals, (m) => new Uint32Array(m));
  const stock = meta.stock === undefined ? undefined : grown(meta.stock, (m) => new Int32Array(m));
  const display = meta.display;
  const itemCurrency = display === undefined ? undefined : grown(display.itemCurrency, (m) => new Int32Array(m));
  const links = display?.links.slice();
  const images = display?.images.slice();
  const modelNames = (meta.modelNames ?? []).slice();
  const itemModelName = grown(meta.itemModelName ?? new Int32Array(G).fill(-1), (m) => new Int32Array(m));
  const named = new Map<string, number>();
  let anyModel = meta.itemModelName !== undefined;
  for (let k = 0; k < sources.length; k++) {
    const { facts, at } = sources[k];
    const i = G + k;
    items.push(facts.ids[at]);
    titles.push(facts.titles[at]);
    itemCategory[i] = facts.category[at];
    itemBrand[i] = facts.brand[at];
    prices[i] = facts.prices[at];
    flags[i] = facts.flags[at];
    if (ordinals !== undefined) ordinals[i] = facts.ordinals[at];
    if (stock !== undefined) stock[i] = facts.stock?.[at] ?? -1;
    if (itemCurrency !== undefined) {
      itemCurrency[i] = facts.display?.currency[at] ?? -1;
      links!.push(facts.display?.links[at] ?? "");
      images!.push(facts.display?.images[at] ?? "");
    }
    const name = facts.modelNames[at];
    if (name === "") itemModelName[i] = -1;
    else {
      anyModel = true;
      let model = named.get(name);
      if (model === undefined) {
        named.set(name, (model = modelNames.length));
        modelNames.push(name);
      }
      itemModelName[i] = model;
    }
  }
  const extended: BuildMeta = { ...meta, items, titles, itemCategory, itemBrand, prices, flags };
  if (meta.edge !== undefined) extended.edge = { ...meta.edge, ordinals: ordinals! };
  if (stock !== undefined) extended.stock = stock;
  if (anyModel) {
    extended.modelNames = modelNames;
    extended.itemModelName = itemModelName;
  }
  if (display !== undefined) extended.display = { currencies: display.currencies, itemCurrency: itemCurrency!, links: links!, images: images! };
  if (meta.compat !== undefined) {
    extended.compat = appendCompat(
      meta.compat,
      sources.map((s): CompatSource | undefined => (s.facts.compat === undefined ? undefined : { index: s.facts.compat, item: s.at })),
    );
  }
  return extended;
}
