/**
 * @module
 * `edgerec build`: from orders (and optionally a catalogue) to everything the edge needs, in memory. The
 * command writes the result with `writeArtifacts`; `evaluate` calls this directly on a training split.
 */
import { type CandidateList, candidatesOf } from "../../core/candidates";
import { encodeItemBlob, ITEM_BLOB_VERSION, type ItemLists } from "../../core/blob/item-blob";
import { type BuildMeta, encodeMetaBlob, ItemFlag, META_BLOB_VERSION } from "../../core/blob/meta-blob";
import { type Baskets, BasketsBuilder, itemFrequencies } from "../io/baskets";
import type { BadLinePolicy, ReadReport } from "../io/input-error";
import { type CatalogProduct, readCatalog } from "../io/read-catalog";
import { readOrders } from "../io/read-orders";
import { catalogIntelligence, type CatalogIntelligenceOptions } from "../catalog/catalog-intelligence";
import type { Behaviour } from "../catalog/ladder-fit";
import { readMerchantComplements, readMerchRules } from "../io/read-merchant-config";
import { type Artifacts, type Manifest } from "./artifacts";
import { catalogColumns } from "./catalog-columns";
import { type CrossSellOptions, crossSellCandidates } from "./cross-sell";
import { coViewCandidates, readEventSignals, withCoView } from "./event-signals";
import { popularLists } from "./popular";
import { reasonsByUse } from "./reason-order";
import { ReasonTable } from "./reason-table";

export interface BuildInputs {
  orders: string;
  catalog?: string;
  /** Merchant category complements (JSON Lines, `read-merchant-config.ts`). */
  complements?: string;
  /** Merchandising rules (JSON Lines or a `cfg/rules` document); permanent excludes act at build time. */
  rules?: string;
  /** Events logged by the edge (DESIGN's events lines): purchases only they know, and co-views (event-signals.ts). */
  events?: string;
}

export interface BuildOptions {
  buildId?: string;
  now?: Date;
  onBadLine?: BadLinePolicy;
  /** Called with a phase name and progress within it (0..1). */
  onPhase?: (phase: string, done: number, total: number) => void;
  /** Catalogue intelligence settings (merchant complements, rules, ladder and bundle options). */
  intelligence?: CatalogIntelligenceOptions;
  /** Items viewed together per session, from the events file: co-view `similar` lists. */
  viewSessions?: string[][];
  /** Sessions that viewed and then bought, from the events file: the down-sell bands are checked against them. */
  purchaseSessions?: Behaviour["purchaseSessions"];
  /** Cross-sell blend settings (sources, tuning, fixed parameters); the prior is served unless it says otherwise. */
  crossSell?: CrossSellOptions;
}

/** Reads the inputs and builds. */
export async function buildFromFiles(inputs: BuildInputs, options: BuildOptions = {}): Promise<Artifacts> {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  let catalog: CatalogProduct[] | undefined;
  const reports: Record<string, { path: string; report: ReadReport }> = {};
  const builder = new BasketsBuilder();
  if (inputs.catalog !== undefined) {
    const read = await readCatalog(inputs.catalog, { onBadLine: options.onBadLine });
    catalog = read.products;
    reports.catalog = { path: inputs.catalog, report: read.report };
  }
  const orders = await readOrders(inputs.orders, {
    onBadLine: options.onBadLine,
    builder,
    onProgress: (done, total) => options.onPhase?.("read orders", done, total),
  });
  reports.orders = { path: inputs.orders, report: orders.report };
  let baskets = orders.baskets;
  // Items interned in the orders' order, catalogue-only items after them: the same indices (and so the same
  // tie-breaks) as a build of the same orders without the catalogue.
  if (catalog !== undefined) {
    for (const product of catalog) builder.intern(product.id);
    baskets = builder.build();
  }
  let viewSessions: string[][] | undefined;
  let purchaseSessions: Behaviour["purchaseSessions"] | undefined;
  if (inputs.events !== undefined) {
    const signals = await readEventSignals(inputs.events, builder, new Set(baskets.orderIds), { onBadLine: options.onBadLine });
    if (signals.purchasesAdded > 0) baskets = builder.build();
    viewSessions = signals.viewSessions;
    purchaseSessions = signals.purchaseSessions;
    reports.events = { path: inputs.events, report: signals.report };
  }
  const intelligence: CatalogIntelligenceOptions = { ...options.intelligence };
  if (inputs.complements !== undefined) intelligence.complements = await readMerchantComplements(inputs.complements);
  if (inputs.rules !== undefined) intelligence.rules = await readMerchRules(inputs.rules);
  timings.read = Math.round(performance.now() - t0);
  if (viewSessions !== undefined && purchaseSessions !== undefined) intelligence.behaviour = { viewSessions, purchaseSessions };
  const artifacts = buildFromBaskets(baskets, catalog, { ...options, intelligence, viewSessions });
  artifacts.manifest.timings_ms = { ...timings, ...artifacts.manifest.timings_ms };
  for (const [name, { path, report }] of Object.entries(reports)) {
    artifacts.manifest.inputs[name] = { path, lines: report.lines, accepted: report.accepted, skipped: report.skipped };
  }
  return artifacts;
}

/** Builds from baskets already in memory (catalogue-only items may sit anywhere in their dictionary). */
export function buildFromBaskets(baskets: Baskets, catalog: CatalogProduct[] | undefined, options: BuildOptions = {}): Artifacts {
  const now = options.now ?? new Date();
  const buildId = options.buildId ?? newBuildId(now);
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const next = performance.now();
    timings[name] = Math.round(next - t);
    t = next;
  };

  const n = baskets.itemIds.length;
  const reasons = new ReasonTable();
  const columns = catalogColumns(baskets.itemIds, catalog ?? []);
  const sellable = (i: number) => (columns.flags[i] & ItemFlag.EOL) === 0;

  options.onPhase?.("cross-sell", 0, 1);
  // With a catalogue, the blend's validation folds stay for the catalogue ranker's tuning.
  const tuning = options.crossSell?.tuning === false ? false : { ...options.crossSell?.tuning, keepFolds: catalog !== undefined };
  const crossSell = crossSellCandidates(baskets, reasons, { servedPrior: true, ...options.crossSell, tuning });
  lap("cross_sell");

  const popular = popularLists(
    itemFrequencies(baskets),
    columns.itemCategory,
    { overall: reasons.intern("popular", "Popular right now"), inCategory: reasons.intern("popular_in_category", "Popular in this category") },
    sellable,
  );
  lap("popular");

  const intelligence = catalog === undefined ? undefined : catalogIntelligence(baskets, catalog, columns, crossSell, reasons, { ...options.intelligence, onPhase: options.onPhase });
  if (intelligence !== undefined) {
    for (const [name, ms] of Object.entries(intelligence.timings)) timings[`catalog_${name}`] = ms;
    for (let i = 0; i < n; i++) if (intelligence.laddered[i] === 1) columns.flags[i] |= ItemFlag.SPEC_LADDER;
  }
  delete crossSell.validation;
  lap("catalog");
  const coView = options.viewSessions === undefined ? undefined : coViewCandidates(options.viewSessions, baskets, reasons);

  options.onPhase?.("encode", 0, n);
  const listsByItem: Array<ItemLists | undefined> = new Array(n);
  for (let i = 0; i < n; i++) {
    let lists: ItemLists = {};
    if (intelligence !== undefined) lists = intelligence.lists(i);
    else {
      const cross = candidatesOf(crossSell, i);
      if (cross.items.length > 0) lists.cross_sell = cross;
    }
    lists = withCoView(lists, coView, i);
    if (Object.values(lists).some((list) => list.items.length > 0)) listsByItem[i] = lists;
  }
  const scenarioLists = intelligence?.meta.scenarioLists;
  const crossSellPrior = sellableOnly(crossSell.popular, sellable);
  const metaLists = [popular.overall, crossSellPrior, ...popular.byCategory.values(), ...(scenarioLists?.values() ?? [])];
  const order = reasonsByUse(reasons.toArray(), [...listsByItem.flatMap((lists) => (lists === undefined ? [] : Object.values(lists))), ...metaLists]);

  const itemBlobs: Array<Uint8Array | undefined> = new Array(n);
  let candidates = 0;
  let itemBytes = 0;
  let itemsWithLists = 0;
  for (let i = 0; i < n; i++) {
    const lists = listsByItem[i];
    if (lists === undefined) continue;
    let count = 0;
    for (const list of Object.values(lists)) count += list.items.length;
    const blob = encodeItemBlob(order.lists(lists));
    itemBlobs[i] = blob;
    columns.flags[i] |= ItemFlag.HAS_LISTS;
    candidates += count;
    itemBytes += blob.length;
    itemsWithLists++;
  }
  const meta: BuildMeta = {
    buildId,
    createdAt: Math.floor(now.getTime() / 1000),
    items: baskets.itemIds,
    ...columns,
    ...intelligence?.meta,
    reasons: order.reasons,
    popular: order.list(popular.overall),
    crossSellPrior: order.list(crossSellPrior),
    popularByCategory: new Map([...popular.byCategory].map(([category, list]) => [category, order.list(list)])),
    ...(scenarioLists !== undefined ? { scenarioLists: new Map([...scenarioLists].map(([key, list]) => [key, order.list(list)])) } : {}),
  };
  const metaBytes = encodeMetaBlob(meta);
  lap("encode");

  const manifest: Manifest = {
    build_id: buildId,
    created_at: now.toISOString(),
    format: { meta: META_BLOB_VERSION, item: ITEM_BLOB_VERSION, pack: 1 },
    inputs: {},
    counts: {
      orders: baskets.offsets.length - 1,
      order_lines: baskets.items.length,
      items: n,
      catalog_products: catalog?.length ?? 0,
      items_with_lists: itemsWithLists,
      candidates,
      reasons: reasons.size,
      ...intelligence?.counts,
    },
    bytes: { meta: metaBytes.length, items: itemBytes, candidates: candidates > 0 ? Number((itemBytes / candidates).toFixed(3)) : 0 },
    parameters: {
      cross_sell: crossSell.parameters,
      ...(crossSell.tuning !== undefined ? { cross_sell_tuning: crossSell.tuning } : {}),
      ...(intelligence !== undefined ? { catalog_ranker: intelligence.ranker, down_sell: intelligence.ladders } : {}),
    },
    timings_ms: timings,
  };
  const artifacts: Artifacts = { manifest, meta: metaBytes, itemBlobs };
  if (catalog !== undefined) artifacts.catalog = catalog;
  if (intelligence !== undefined) artifacts.publication = intelligence.publication;
  return artifacts;
}

/** Sortable and unique enough: UTC time to the second plus 4 random hex digits. */
export function newBuildId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const suffix = Math.floor(Math.random() * 0x10000).toString(16).padStart(4, "0");
  return `${stamp}-${suffix}`;
}

/** The prior without items that must never be suggested. */
function sellableOnly(list: CandidateList, sellable: (item: number) => boolean): CandidateList {
  const keep: number[] = [];
  for (let i = 0; i < list.items.length; i++) if (sellable(list.items[i])) keep.push(i);
  return {
    items: Uint32Array.from(keep, (i) => list.items[i]),
    scores: Float32Array.from(keep, (i) => list.scores[i]),
    reasons: Uint32Array.from(keep, (i) => list.reasons[i]),
  };
}
