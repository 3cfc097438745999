/**
 * @module
 * Catalogue intelligence for a build: compatibility index, cross-sell that fits (filtered, explained, augmented
 * for launches), down-sell ladders and similar items, scenario lists, bundles and the knowledge graph, from the
 * catalogue, the orders and the merchant's complements and rules. `build.ts` puts `meta` into the meta blob and
 * `lists(i)` into item i's blob; publish writes `publication` to D1.
 */
import type { ItemLists } from "../../core/blob/item-blob";
import type { BuildMeta, CategoryComplements } from "../../core/blob/meta-blob";
import type { CandidateList } from "../../core/candidates";
import type { CrossSellPolicy } from "../../core/recommend/cross-sell-policy";
import { compileRules } from "../../core/rules/apply-rules";
import { isPermanentExclude, type MerchRule } from "../../core/rules/merch-rule";
import type { CatalogColumns } from "../build/catalog-columns";
import { type CatalogRankerFit, type CatalogTuningOptions, tuneCatalogRanker, zeroWeights } from "../build/catalog-tuning";
import type { CrossSell } from "../build/cross-sell";
import { phaseTimer } from "../build/phase-timer";
import type { ReasonTable } from "../build/reason-table";
import type { Baskets } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import type { MerchantComplement } from "../io/read-merchant-config";
import { mineBundles, metaBundle, type BundleOptions, type MinedBundle } from "./bundles";
import { CatalogContext } from "./catalog-context";
import { complementMap, type ComplementEdge } from "./complement-map";
import { CategoryStats } from "./category-stats";
import { catalogCrossSell, type CatalogCrossSellOptions } from "./cross-sell-catalog";
import { ItemSignals } from "./item-signals";
import { buildLadders, downSellReason, type LadderEntry, type LadderOptions, similarReason } from "./down-sell";
import { knowledgeGraph, type KnowledgeGraph } from "./knowledge-graph";
import { ladderItem } from "./ladder-items";
import { scenarioLists, scenarioShares } from "./scenario-lists";
import { type Behaviour, fitLadderBands, type LadderFit } from "./ladder-fit";
import { MIN_SHARED_WEIGHT, specsOf, specWeight } from "./spec-distance";

export interface CatalogIntelligenceOptions {
  /** Merchant complement rows (D1 `category_complements`, source merchant). */
  complements?: readonly MerchantComplement[];
  /** Merchandising rules; the permanent excludes among them drop items from every list. */
  rules?: readonly MerchRule[];
  crossSell?: CatalogCrossSellOptions;
  /** The catalogue ranker's fitting (`build/catalog-tuning.ts`). */
  ranker?: CatalogTuningOptions;
  /** What sessions viewed and bought (the events file), to check the down-sell and similar bands against. */
  behaviour?: Behaviour;
  ladder?: LadderOptions;
  bundles?: BundleOptions;
  onPhase?: (phase: string, done: number, total: number) => void;
}

interface ComplementRow {
  anchor_category: string;
  complement_category: string;
  weight: number;
  source: "learned" | "merchant";
  official_first: boolean;
}

/** What publish writes to D1. */
export interface CatalogPublication {
  graph: KnowledgeGraph;
  complements: ComplementRow[];
  bundles: Array<Omit<MinedBundle, "items">>;
}

export interface CatalogIntelligence {
  meta: Required<Pick<BuildMeta, "compat" | "stock" | "scenarioLists" | "bundles" | "modelNames" | "itemModelName" | "complements" | "crossSellPolicy">>;
  /** The cross-sell ranker's fitted weights, serving policy and validation figures (for the manifest). */
  ranker: CatalogRankerFit;
  /** The down-sell and similar bands, and how they were set (for the manifest). */
  ladders: LadderFit;
  /** 1 for items whose specs the ladders compared: their down-sell list is the whole answer. */
  laddered: Uint8Array;
  lists(i: number): ItemLists;
  publication: CatalogPublication;
  counts: Record<string, number>;
  timings: Record<string, number>;
}

export function catalogIntelligence(
  baskets: Baskets,
  catalog: readonly CatalogProduct[],
  columns: CatalogColumns,
  mined: CrossSell,
  reasons: ReasonTable,
  options: CatalogIntelligenceOptions = {},
): CatalogIntelligence {
  const { timings, lap } = phaseTimer();
  const excluded = new Set<number>();
  const permanent = (options.rules ?? []).filter(isPermanentExclude);
  if (permanent.length > 0) {
    const compiled = compileRules(permanent, columns, baskets.itemIndex).forSlot("product", "cross_sell", 0);
    for (let i = 0; i < baskets.itemIds.length; i++) if (!compiled.allows(i)) excluded.add(i);
  }
  options.onPhase?.("catalog", 0, 5);
  const ctx = new CatalogContext(baskets, catalog, columns, excluded);
  const complements = complementMap(baskets, columns.itemCategory, columns.categories, options.complements ?? []);
  lap("compat");

  options.onPhase?.("catalog", 1, 5);
  const scenarios = scenarioLists(ctx, complements, reasons);
  const signals = new ItemSignals(ctx);
  const shares = scenarioShares(ctx);
  const ranker: CatalogRankerFit =
    mined.validation === undefined
      ? notAdopted("no validation split (too little data, or tuning off)")
      : tuneCatalogRanker(mined.validation, ctx, signals, shares, options.ranker);
  lap("ranker_tuning");
  const stats = new CategoryStats(baskets, columns.itemCategory, columns.categories.length, columns.prices);
  const shape = { topN: mined.validation?.topN ?? 40, threshold: mined.parameters.threshold, corrections: mined.validation?.corrections ?? 0 };
  const crossSell = catalogCrossSell(ctx, mined, ranker, stats, signals, shares, complements, reasons, shape, { scenarioLists: scenarios, ...options.crossSell });
  const crossSellPolicy: CrossSellPolicy = {
    valueWeighting: ranker.policy.valueWeighting,
    cartPerCategory: ranker.policy.perCategory,
    essentialAttach: ranker.policy.essentialAttach,
    exclusive: Uint8Array.from(columns.categories, (_, c) => (stats.repeat(c) <= ranker.policy.repeatBound ? 1 : 0)),
  };
  lap("cross_sell");

  options.onPhase?.("catalog", 2, 5);
  const ladderInputs = Array.from(ctx.products, (p, i) => {
    if (p === undefined) return { price: Number.NaN, category: undefined, specs: EMPTY_SPECS, sellable: false, clearance: false };
    const item = ladderItem(p);
    item.sellable = ctx.sellable[i] === 1;
    return item;
  });
  const ladderFit = fitLadderBands(ladderInputs, baskets, options.behaviour);
  const ladders = buildLadders(ladderInputs, { ...ladderFit.options, ...options.ladder });
  const laddered = Uint8Array.from(ladderInputs, (item) => (item.category !== undefined && item.price > 0 && specWeight(item.specs) >= MIN_SHARED_WEIGHT ? 1 : 0));
  const reasonOf = new Map<string, number>();
  const toList = (entries: LadderEntry[], code: "down_sell" | "similar"): CandidateList | undefined => {
    if (entries.length === 0) return undefined;
    return {
      items: Uint32Array.from(entries, (e) => e.item),
      scores: Float32Array.from(entries, (e) => e.score),
      reasons: Uint32Array.from(entries, (e) => {
        const text = code === "down_sell" ? downSellReason(e) : similarReason(e);
        let r = reasonOf.get(`${code}|${text}`);
        if (r === undefined) reasonOf.set(`${code}|${text}`, (r = reasons.intern(code, text)));
        return r;
      }),
    };
  };
  lap("down_sell");

  options.onPhase?.("catalog", 3, 5);
  const bundles = mineBundles(ctx, options.bundles);
  lap("bundles");

  options.onPhase?.("catalog", 4, 5);
  const graph = knowledgeGraph(ctx, complements, shares);
  const complementRows: ComplementRow[] = [];
  for (const [a, edges] of complements) {
    for (const e of edges) {
      complementRows.push({ anchor_category: columns.categories[a], complement_category: columns.categories[e.category], weight: round(e.weight), source: e.source, official_first: e.officialFirst });
    }
  }
  lap("graph");

  const stock = new Int32Array(ctx.n).fill(-1);
  for (let i = 0; i < ctx.n; i++) {
    const s = ctx.products[i]?.stock;
    if (s !== undefined) stock[i] = Math.max(0, s);
  }
  const modelNames: string[] = [];
  const nameIndex = new Map<string, number>();
  const itemModelName = new Int32Array(ctx.n).fill(-1);
  for (let i = 0; i < ctx.n; i++) {
    const name = ctx.names[i];
    if (ctx.products[i] === undefined || name === ctx.products[i]!.title) continue;
    let k = nameIndex.get(name);
    if (k === undefined) {
      nameIndex.set(name, (k = modelNames.length));
      modelNames.push(name);
    }
    itemModelName[i] = k;
  }
  let downSellItems = 0;
  let similarItems = 0;
  for (let i = 0; i < ctx.n; i++) {
    if (ladders.downSell[i].length > 0) downSellItems++;
    if (ladders.similar[i].length > 0) similarItems++;
  }
  return {
    meta: { compat: ctx.compat, stock, scenarioLists: scenarios, bundles: bundles.map(metaBundle), modelNames, itemModelName, complements: metaComplements(complements), crossSellPolicy },
    ranker,
    ladders: ladderFit,
    laddered,
    lists(i) {
      const lists: ItemLists = {};
      const cross = crossSell.list(i);
      if (cross.items.length > 0) lists.cross_sell = cross;
      const down = toList(ladders.downSell[i], "down_sell");
      if (down !== undefined) lists.down_sell = down;
      const similar = toList(ladders.similar[i], "similar");
      if (similar !== undefined) lists.similar = similar;
      return lists;
    },
    publication: { graph, complements: complementRows, bundles: bundles.map(({ items: _items, ...rest }) => rest) },
    counts: {
      compat_tokens: ctx.compat.tokens.length,
      cross_sell_augmented: crossSell.augmented,
      cold_start_items: crossSell.coldStart,
      cross_sell_from_graph: crossSell.graphFallback,
      incompatible_removed: crossSell.removedIncompatible,
      one_per_order_categories: crossSellPolicy.exclusive.reduce((s, v) => s + v, 0),
      down_sell_items: downSellItems,
      similar_items: similarItems,
      scenario_lists: scenarios.size,
      bundles: bundles.length,
      complements: complementRows.length,
      kg_nodes: graph.nodes.length,
      kg_edges: graph.edges.length,
      excluded_by_rules: excluded.size,
    },
    timings,
  };
}

const EMPTY_SPECS = specsOf({ attrs: {} });

function notAdopted(decision: string): CatalogRankerFit {
  return {
    adopted: false,
    decision,
    weights: zeroWeights(),
    policy: { valueWeighting: false, repeatBound: -1, perCategory: 0, essentialAttach: 0 },
    validation: { requests: 0, folds: 0, hr_without: 0, ndcg_without: 0, hr_with: 0, ndcg_with: 0, wins: 0, losses: 0, z: 0, evaluated: 0 },
    milliseconds: 0,
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The complement map as the edge reads it (meta COMPLEMENTS): the lift-filtered, merchant-overridden edges. */
function metaComplements(complements: ReadonlyMap<number, ComplementEdge[]>): Map<number, CategoryComplements> {
  const out = new Map<number, CategoryComplements>();
  for (const [a, edges] of complements) {
    if (edges.length === 0) continue;
    out.set(a, { categories: Uint32Array.from(edges, (e) => e.category), attach: Float32Array.from(edges, (e) => Math.min(1, Math.max(0, e.weight))) });
  }
  return out;
}
