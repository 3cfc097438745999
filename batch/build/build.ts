/**
 * @module
 * `edgerec build`: from orders (and optionally a catalogue) to everything the edge needs, in memory. The
 * command writes the result with `writeArtifacts`; `evaluate` calls this directly on a training split.
 */
import { type CandidateList, candidatesOf } from "../../core/candidates";
import { encodeItemBlob, ITEM_BLOB_VERSION, type ItemLists } from "../../core/blob/item-blob";
import { type BuildMeta, encodeMetaBlob, ItemFlag, META_BLOB_VERSION } from "../../core/blob/meta-blob";
import type { CountTables } from "../counts/count-tables";
import { CountedOrders } from "../counts/counted-orders";
import { readCountFiles } from "../counts/duckdb-counts";
import { type Baskets, BasketsBuilder, itemFrequencies } from "../io/baskets";
import { type BadLinePolicy, checkReadReport, type ReadReport } from "../io/input-error";
import type { CatalogProduct } from "../io/read-catalog";
import { type CatalogFileOptions, readCatalogFile } from "../io/feeds/read-catalog-feed";
import { readOrders } from "../io/read-orders";
import { type ItemSequence, readOrderSequences, readViewSequences } from "../io/read-sequences";
import { catalogIntelligence, type CatalogIntelligenceOptions } from "../catalog/catalog-intelligence";
import type { Behaviour } from "../catalog/ladder-fit";
import { readMerchantComplements, readMerchRules } from "../io/read-merchant-config";
import type { Artifacts, Manifest } from "./artifacts";
import { catalogColumns } from "./catalog-columns";
import { displayColumns } from "./display-columns";
import { type CrossSellOptions, crossSellCandidates } from "./cross-sell";
import { coViewCandidates, readEventSignals, withCoView } from "./event-signals";
import { nextItemCandidates, type NextItemOptions } from "./next-item-lists";
import { phaseTimer } from "./phase-timer";
import type { PreviousParameters } from "./previous-build";
import { popularLists } from "./popular";
import { reasonsByUse } from "./reason-order";
import { ReasonTable } from "./reason-table";
import { loadGruTrainer } from "../sequence/load-trainer";
import { type GruTrainer, type SequenceModelOptions, sequenceModelFor, withNextItemEmbeddings } from "../sequence/sequence-model-build";

export interface BuildInputs {
  orders: string;
  /** JSON Lines, a Google Merchant Center feed or a Shopify product CSV (`io/feeds/read-catalog-feed.ts`). */
  catalog?: string;
  /** How to read the catalogue (format, Shopify's shop URL and currency); default: told from its content. */
  catalogOptions?: Omit<CatalogFileOptions, "onBadLine">;
  /** Merchant category complements (JSON Lines, `read-merchant-config.ts`). */
  complements?: string;
  /** Merchandising rules (JSON Lines or a `cfg/rules` document); permanent excludes act at build time. */
  rules?: string;
  /** Events logged by the edge (DESIGN's events lines): purchases only they know, and co-views (event-signals.ts). */
  events?: string;
  /** Count tables of the orders (`edgerec count`, or the counting job of a distributed engine): the cross-sell lists count from them. */
  counts?: string;
}

export interface BuildOptions {
  buildId?: string;
  now?: Date;
  onBadLine?: BadLinePolicy;
  /** The share of bad lines an input file may have before the build refuses it (default 10%). */
  maxBadShare?: number;
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
  /** Sessions in order (order lines' `sequence`, the events' view sessions): the `next_item` lists learn from them. */
  sequences?: ItemSequence[];
  /** Next-item list settings (sources, tuning, fixed parameters). */
  nextItem?: NextItemOptions;
  /** Orders counted elsewhere; their items must be in the baskets' dictionary. */
  counts?: CountTables;
  /** The next-item sequence model's settings, or false for none (`batch/sequence/sequence-model-build.ts`). */
  sequenceModel?: SequenceModelOptions | false;
  /** Its trainer; `buildFromFiles` loads TensorFlow.js for it when the input has sessions. */
  sequenceTrainer?: { train: GruTrainer; backend: string };
  /** The tuned parameters of the build this one follows: kept unless beaten by more than noise (`previous-build.ts`). */
  previous?: PreviousParameters;
}

/** Reads the inputs and builds. */
export async function buildFromFiles(inputs: BuildInputs, options: BuildOptions = {}): Promise<Artifacts> {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  let catalog: CatalogProduct[] | undefined;
  const reports: Record<string, { path: string; report: ReadReport }> = {};
  const builder = new BasketsBuilder();
  if (inputs.catalog !== undefined) {
    const read = await readCatalogFile(inputs.catalog, { ...inputs.catalogOptions, onBadLine: options.onBadLine });
    checkReadReport("catalogue line", inputs.catalog, read.report, { required: true, maxBadShare: options.maxBadShare });
    catalog = read.products;
    // Variants' ids and SKUs name their product; a catalogue id stays its own product.
    const productIds = new Set(catalog.map((p) => p.id));
    for (const product of catalog) {
      for (const variant of product.variants ?? []) {
        if (!productIds.has(variant.id)) builder.alias(variant.id, product.id);
        if (variant.sku != null && !productIds.has(variant.sku)) builder.alias(variant.sku, product.id);
      }
    }
    reports.catalog = { path: inputs.catalog, report: read.report };
  }
  const orders = await readOrders(inputs.orders, {
    onBadLine: options.onBadLine,
    builder,
    onProgress: (done, total) => options.onPhase?.("read orders", done, total),
  });
  checkReadReport("order", inputs.orders, orders.report, { required: true, maxBadShare: options.maxBadShare });
  reports.orders = { path: inputs.orders, report: orders.report };
  let baskets = orders.baskets;
  const counts = inputs.counts === undefined ? undefined : await readCountFiles(inputs.counts);
  if (counts !== undefined) {
    for (const id of counts.items.ids) builder.intern(id);
    baskets = builder.build();
  }
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
    checkReadReport("event", inputs.events, signals.report, { maxBadShare: options.maxBadShare });
    if (signals.purchasesAdded > 0) baskets = builder.build();
    viewSessions = signals.viewSessions;
    purchaseSessions = signals.purchaseSessions;
    reports.events = { path: inputs.events, report: signals.report };
  }
  const sequences = (await readOrderSequences(inputs.orders, { onBadLine: options.onBadLine, sequenceFieldOnly: true })).sequences;
  if (inputs.events !== undefined) sequences.push(...(await readViewSequences(inputs.events, { onBadLine: options.onBadLine })).sequences);
  // Items only ever viewed join the dictionary: they can have lists and be suggested.
  let unseen = 0;
  for (const sequence of sequences) {
    for (const id of sequence.items) {
      if (baskets.itemIndex.has(id)) continue;
      builder.intern(id);
      unseen++;
    }
  }
  if (unseen > 0) baskets = builder.build();
  const intelligence: CatalogIntelligenceOptions = { ...options.intelligence };
  if (inputs.complements !== undefined) intelligence.complements = await readMerchantComplements(inputs.complements);
  if (inputs.rules !== undefined) intelligence.rules = await readMerchRules(inputs.rules);
  timings.read = Math.round(performance.now() - t0);
  if (viewSessions !== undefined && purchaseSessions !== undefined) intelligence.behaviour = { viewSessions, purchaseSessions };
  const sequenceTrainer = options.sequenceTrainer ?? (options.sequenceModel !== false && sequences.some((s) => s.items.length >= 2) ? await loadGruTrainer() : undefined);
  const artifacts = buildFromBaskets(baskets, catalog, { ...options, intelligence, viewSessions, sequences, sequenceTrainer, ...(counts !== undefined ? { counts } : {}) });
  if (counts !== undefined && inputs.counts !== undefined) {
    artifacts.manifest.inputs.counts = { path: inputs.counts, lines: counts.items.ids.length, accepted: counts.items.ids.length, skipped: 0 };
  }
  artifacts.manifest.timings_ms = { ...timings, ...artifacts.manifest.timings_ms };
  for (const [name, { path, report }] of Object.entries(reports)) {
    artifacts.manifest.inputs[name] = { path, lines: report.lines, accepted: report.accepted, skipped: report.skipped };
    if (report.problems.length > 0) artifacts.manifest.inputs[name].first_problems = report.problems.slice(0, 5).map((p) => p.message);
  }
  return artifacts;
}

/** Builds from baskets already in memory (catalogue-only items may sit anywhere in their dictionary). */
export function buildFromBaskets(baskets: Baskets, catalog: CatalogProduct[] | undefined, options: BuildOptions = {}): Artifacts {
  const now = options.now ?? new Date();
  const buildId = options.buildId ?? newBuildId(now);
  const { timings, lap } = phaseTimer();

  const n = baskets.itemIds.length;
  const reasons = new ReasonTable();
  const columns = catalogColumns(baskets.itemIds, catalog ?? []);
  const sellable = (i: number) => (columns.flags[i] & ItemFlag.EOL) === 0;

  options.onPhase?.("cross-sell", 0, 1);
  const counted = options.counts === undefined ? undefined : new CountedOrders(options.counts, baskets.itemIndex, n);
  // With a catalogue, the blend's validation folds stay for the catalogue ranker's tuning.
  const previousBlend = options.previous?.crossSell;
  const tuning = options.crossSell?.tuning === false ? false : { ...options.crossSell?.tuning, keepFolds: catalog !== undefined, ...(previousBlend !== undefined ? { previous: previousBlend } : {}) };
  const crossSell = crossSellCandidates(baskets, reasons, { servedPrior: true, ...options.crossSell, tuning, ...(counted !== undefined ? { counts: counted } : {}) });
  lap("cross_sell");

  const frequencies = counted !== undefined ? Uint32Array.from(counted.frequency) : itemFrequencies(baskets);
  const popular = popularLists(
    frequencies,
    columns.itemCategory,
    { overall: reasons.intern("popular", "Popular right now"), inCategory: reasons.intern("popular_in_category", "Popular in this category") },
    sellable,
  );
  lap("popular");

  const previousRanker = options.previous?.ranker;
  const intelligenceOptions = previousRanker === undefined ? options.intelligence : { ...options.intelligence, ranker: { ...options.intelligence?.ranker, previous: previousRanker } };
  const intelligence = catalog === undefined ? undefined : catalogIntelligence(baskets, catalog, columns, crossSell, reasons, { ...intelligenceOptions, onPhase: options.onPhase });
  if (intelligence !== undefined) {
    for (const [name, ms] of Object.entries(intelligence.timings)) timings[`catalog_${name}`] = ms;
    for (let i = 0; i < n; i++) if (intelligence.laddered[i] === 1) columns.flags[i] |= ItemFlag.SPEC_LADDER;
  }
  delete crossSell.validation;
  lap("catalog");
  const coView = options.viewSessions === undefined ? undefined : coViewCandidates(options.viewSessions, baskets, reasons);
  options.onPhase?.("next-item", 0, 1);
  const nextItem = options.sequences === undefined ? undefined : nextItemCandidates(options.sequences, baskets.itemIndex, n, reasons, sellable, options.previous?.nextItem === undefined ? options.nextItem : { ...options.nextItem, previous: options.previous.nextItem });
  lap("next_item");
  options.onPhase?.("sequence model", 0, 1);
  const sequence = sequenceModelFor(
    { sequences: options.sequences ?? [], itemIndex: baskets.itemIndex, items: n, sellable, nextItem: nextItem && { parameters: nextItem.parameters, topN: options.nextItem?.topN ?? 50 } },
    options.sequenceTrainer,
    options.sequenceModel === false || options.previous?.sequenceModel === undefined ? options.sequenceModel : { ...options.sequenceModel, previous: options.previous.sequenceModel },
  );
  lap("sequence_model");

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
    if (nextItem !== undefined) {
      const next = candidatesOf(nextItem.lists, i);
      if (next.items.length > 0) lists = { ...lists, next_item: next };
    }
    if (Object.values(lists).some((list) => list.items.length > 0)) listsByItem[i] = lists;
  }
  const scenarioLists = intelligence?.meta.scenarioLists;
  const crossSellPrior = sellableOnly(crossSell.popular, sellable);
  const metaLists = [popular.overall, crossSellPrior, ...popular.byCategory.values(), ...(scenarioLists?.values() ?? [])];
  const order = reasonsByUse(reasons.toArray(), [...listsByItem.flatMap((lists) => (lists === undefined ? [] : Object.values(lists))), ...metaLists], options.previous?.reasons);

  const itemBlobs: Array<Uint8Array | undefined> = new Array(n);
  let candidates = 0;
  let itemBytes = 0;
  let itemsWithLists = 0;
  for (let i = 0; i < n; i++) {
    const lists = listsByItem[i];
    if (lists === undefined) continue;
    let count = 0;
    for (const list of Object.values(lists)) count += list.items.length;
    const blob = encodeItemBlob(withNextItemEmbeddings(order.lists(lists), sequence, i));
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
    ...(catalog !== undefined ? { display: displayColumns(baskets.itemIds, catalog) } : {}),
    ...(sequence.model !== undefined ? { sequenceModel: sequence.model } : {}),
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
      uncatalogued_items: catalog === undefined ? 0 : uncatalogued(frequencies, columns.flags),
      items_with_lists: itemsWithLists,
      candidates,
      reasons: reasons.size,
      ...intelligence?.counts,
    },
    bytes: { meta: metaBytes.length, items: itemBytes, candidates: candidates > 0 ? Number((itemBytes / candidates).toFixed(3)) : 0 },
    parameters: {
      ...(options.previous !== undefined ? { previous: { build: options.previous.build, ...(options.previous.problems.length > 0 ? { problems: options.previous.problems } : {}) } } : {}),
      cross_sell: crossSell.parameters,
      ...(crossSell.tuning !== undefined ? { cross_sell_tuning: crossSell.tuning } : {}),
      ...(nextItem !== undefined ? { next_item: nextItem.parameters, ...(nextItem.tuning !== undefined ? { next_item_tuning: nextItem.tuning } : {}) } : {}),
      sequence_model: sequence.report,
      ...(intelligence !== undefined ? { catalog_ranker: intelligence.ranker, down_sell: intelligence.ladders } : {}),
    },
    timings_ms: timings,
  };
  const artifacts: Artifacts = { manifest, meta: metaBytes, itemBlobs };
  if (catalog !== undefined) artifacts.catalog = catalog;
  if (intelligence !== undefined) artifacts.publication = intelligence.publication;
  return artifacts;
}

/** Items ordered that the catalogue lacks: served from their orders alone (cross-sell, popular), never dropped. */
function uncatalogued(frequencies: Uint32Array, flags: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < frequencies.length; i++) if (frequencies[i] > 0 && (flags[i] & ItemFlag.IN_CATALOG) === 0) n++;
  return n;
}

/** Sortable and unique enough: UTC time to the second plus 4 random hex digits. */
function newBuildId(now: Date): string {
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
