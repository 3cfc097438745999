/**
 * @module
 * Where each slot's candidates come from (`SlotSource` in a slot plan). A source returns a ranked pool (the
 * precomputed lists, merged) and fallbacks tried in order when the pool cannot fill the slot: the category rules
 * (`category-rules.ts`), then popular items. Selection and restraint happen afterwards (`slot-fill.ts`).
 */
import type { CandidateList } from "../candidates";
import type { ListKind } from "../blob/item-blob";
import { type Bundle, ItemFlag } from "../blob/meta-blob";
import { anchorWeights, viewAges } from "./anchor-weights";
import { complementCandidates, popularCandidates, priceBandCandidates } from "./category-rules";
import { listingPopular } from "./listing-popular";
import { listingSetup } from "./listing-setup";
import { isExclusiveCategory, weighsByValue } from "./cross-sell-policy";
import { mergeCandidateLists, type WeightedAnchor } from "./merge-cart";
import type { Candidate, RequestContext } from "./request-context";
import { RuleReason, ruleReason } from "./rule-reasons";
import { ANCHOR_CAPS } from "./serving-data";
import { sessionAnchors } from "./session-anchors";
import type { SlotSource } from "./slot-plans";
import { blendWithSequence, sessionEmbeddings } from "../sequence/sequence-blend";
import { PRICE_BANDS, type PriceBand } from "./price-bands";

export interface SourceResult {
  pool: Candidate[];
  /** Tried in order after the pool. */
  fallbacks: Array<() => Candidate[]>;
  /** The slot's main anchor (for `{anchor}` in titles), -1 when none. */
  anchor: number;
  /** Cart cross-sell: the anchors whose essentials the slot completes. */
  anchors?: readonly number[];
  bundle?: Bundle;
}

/** Candidates merged per slot, as a multiple of its size: room for restraint to skip some. */
export const POOL_FACTOR = 4;

const EMPTY: SourceResult = { pool: [], fallbacks: [], anchor: -1 };

export function sourceCandidates(source: SlotSource, ctx: RequestContext, size: number): SourceResult {
  switch (source) {
    case "cart_cross_sell":
      return cartCrossSell(ctx, size);
    case "accessories":
      return accessories(ctx, size);
    case "bundle":
      return bundleWithAnchors(ctx);
    case "down_sell":
      return downSell(ctx, size);
    case "similar":
      return ctx.product === undefined ? EMPTY : similar(ctx, ctx.product, size);
    case "scenario":
      return scenario(ctx, size);
    case "upgrade":
      return upgrade(ctx, size);
    case "clearance":
      return clearance(ctx, size);
    case "popular":
      return popular(ctx, size);
    case "next_item":
      return nextItem(ctx, size);
  }
}

/**
 * Checkout and cart: every cart item's cross-sell list merged (`merge-cart.ts`), each weighted by its value and
 * how recently the session looked at it (`anchor-weights.ts`), nothing of a category the cart already holds where
 * shoppers take one of it per order (no second phone or second memory card). This is the path offline basket
 * completion measures. A build with a fitted policy (`cross-sell-policy.ts`) is served exactly as its validation
 * replayed it; without one, what only the prior supports must also belong to a category that goes with the cart.
 */
function cartCrossSell(ctx: RequestContext, size: number): SourceResult {
  const anchors = [...ctx.cart];
  if (ctx.product !== undefined && !anchors.includes(ctx.product)) anchors.push(ctx.product);
  const weights = anchorWeights(anchors.map((a) => (weighsByValue(ctx.build) ? ctx.priceOf(a) : Number.NaN)), viewAges(anchors, ctx.viewed));
  const held = new Set(anchors.map((a) => ctx.categoryOf(a)).filter((c) => isExclusiveCategory(ctx.build, c)));
  const merged = mergeLists(ctx, anchors, weights, "cross_sell", size * POOL_FACTOR, held, ctx.build.meta.crossSellPrior);
  const category = ctx.request.category === undefined ? undefined : requestCategory(ctx);
  const byCategory = () => popularCandidates(ctx, category === undefined ? undefined : ctx.build.meta.popularByCategory.get(category), size * POOL_FACTOR, held);
  const popular = () => popularCandidates(ctx, ctx.build.meta.popular, size * POOL_FACTOR, held);
  const result = { anchors, anchor: anchors.length > 0 ? anchors[anchors.length - 1] : -1 };
  if (ctx.build.meta.crossSellPolicy !== undefined) {
    return { ...result, pool: merged.pool, fallbacks: [() => complementCandidates(ctx, merged.missing, held), byCategory, popular] };
  }
  const complements = complementCategories(ctx, anchors);
  // With a catalogue, what only the prior supports must belong to a category that goes with the cart.
  const pool = complements === undefined ? merged.pool : merged.pool.filter((c) => c.anchor >= 0 || complements.has(ctx.categoryOf(c.item)));
  const fallbacks = [() => complementCandidates(ctx, complements === undefined ? merged.missing : anchors, held), byCategory];
  if (complements === undefined) fallbacks.push(popular);
  return { ...result, pool, fallbacks };
}

/**
 * The categories that complement any of the anchors' categories, or undefined when the build knows none (no
 * catalogue, or no co-purchase for these categories yet): then popular items are a fair fallback; with known
 * complements they would be off-topic.
 */
function complementCategories(ctx: RequestContext, anchors: readonly number[]): Set<number> | undefined {
  const out = new Set<number>();
  for (const anchor of anchors) {
    const category = ctx.categoryOf(anchor);
    const complements = category < 0 ? undefined : ctx.build.meta.complements?.get(category);
    if (complements !== undefined) for (const c of complements.categories) out.add(c);
  }
  return out.size > 0 ? out : undefined;
}

/**
 * Product page: accessories for the product; home: for what the user owns and carts. Never the anchors' own
 * categories; nothing without an anchor (shop-wide best sellers are no accessories of anything).
 */
function accessories(ctx: RequestContext, size: number): SourceResult {
  const anchors = ctx.request.placement === "product" ? (ctx.product === undefined ? [] : [ctx.product]) : [...ctx.owned, ...ctx.cart];
  if (anchors.length === 0) return EMPTY;
  const skip = new Set(anchors.map((a) => ctx.categoryOf(a)).filter((c) => c >= 0));
  const weights = anchorWeights(anchors.map((a) => (weighsByValue(ctx.build) ? ctx.priceOf(a) : Number.NaN)), viewAges(anchors, ctx.viewed));
  const { pool, missing } = mergeLists(ctx, anchors, weights, "cross_sell", size * POOL_FACTOR, skip);
  const withoutLists = anchors.filter((a) => missing.includes(a) || ctx.lists(a)?.cross_sell === undefined);
  const complements = complementCategories(ctx, anchors);
  const fallbacks = [() => complementCandidates(ctx, complements === undefined ? withoutLists : anchors, skip)];
  if (ctx.request.placement === "product" && complements === undefined) fallbacks.push(() => popularCandidates(ctx, ctx.build.meta.popular, size * POOL_FACTOR, skip));
  return { pool, fallbacks, anchor: anchors.length > 0 ? anchors[anchors.length - 1] : -1 };
}

/** The best bundle holding a cart item (or the product): most held items first, then its score. */
function bundleWithAnchors(ctx: RequestContext): SourceResult {
  const bundles = ctx.build.meta.bundles ?? [];
  const anchors = ctx.product === undefined ? ctx.cart : [...ctx.cart, ctx.product];
  let best: Bundle | undefined;
  let bestHeld = 0;
  let bestAnchor = -1;
  for (const anchor of anchors) {
    for (const b of ctx.index.bundlesByItem.get(anchor) ?? []) {
      const bundle = bundles[b];
      let held = 0;
      let open = 0;
      for (const item of bundle.items) {
        if (ctx.held.has(item)) held++;
        else if (ctx.eligible(item)) open++;
      }
      if (open === 0 || held + open < bundle.items.length) continue;
      if (held > bestHeld || (held === bestHeld && best !== undefined && bundle.score > best.score) || best === undefined) {
        best = bundle;
        bestHeld = held;
        bestAnchor = anchor;
      }
    }
  }
  if (best === undefined) return EMPTY;
  const pool: Candidate[] = [];
  for (const item of best.items) if (!ctx.held.has(item)) pool.push({ item, score: best.score, reason: ruleReason(RuleReason.BUNDLE), anchor: bestAnchor });
  return { pool, fallbacks: [], anchor: bestAnchor, bundle: best };
}

/**
 * A cheaper alternative to the item the shopper hesitates on (else the product on screen, else the dearest cart
 * item). With a variant's `down_sell_after_dwell_ms`, only once the shopper has dwelt that long on it.
 */
function downSell(ctx: RequestContext, size: number): SourceResult {
  let anchor = ctx.intent.hesitation?.item ?? ctx.product;
  if (anchor === undefined && ctx.cart.length > 0) anchor = ctx.cart.reduce((a, b) => (ctx.priceOf(b) > ctx.priceOf(a) ? b : a));
  if (anchor === undefined) return EMPTY;
  const after = ctx.config.down_sell_after_dwell_ms;
  if (after !== undefined && ctx.dwellOn(anchor) < after) return EMPTY;
  return listThenBand(ctx, anchor, "down_sell", PRICE_BANDS.downSell, RuleReason.DOWN_SELL, size);
}

/**
 * Listing: accessories of the devices the listing is about (`listing-setup.ts`). Elsewhere (a configured plan):
 * the scenario or cross-sell lists of the latest viewed items, never their categories.
 */
function scenario(ctx: RequestContext, size: number): SourceResult {
  if (ctx.request.placement === "listing") return listingSetup(ctx, size * POOL_FACTOR);
  const anchors = [...new Set(ctx.viewed.slice(-3).reverse().map((v) => v.item))];
  if (anchors.length === 0) return EMPTY;
  const skip = new Set(anchors.map((a) => ctx.categoryOf(a)).filter((c) => c >= 0));
  const weighted: WeightedAnchor[] = [];
  const listed: number[] = [];
  for (let a = 0; a < anchors.length; a++) {
    const lists = ctx.lists(anchors[a]);
    const list = lists?.scenario ?? lists?.cross_sell;
    if (list === undefined) continue;
    weighted.push({ list, weight: 1 / (1 + 0.2 * a) });
    listed.push(anchors[a]);
  }
  const pool = toCandidates(mergeCandidateLists(weighted, excluding(ctx, skip), size * POOL_FACTOR, undefined, ctx.tieOrder), listed);
  const fallbacks = [
    () => {
      const out = complementCandidates(ctx, anchors, skip);
      for (const c of out) c.reason = ruleReason(RuleReason.SCENARIO);
      return out;
    },
  ];
  return { pool, fallbacks, anchor: anchors[0] };
}

/** Similar items: the product's list, then the price band without the product's value picks (they have their own slot). */
function similar(ctx: RequestContext, product: number, size: number): SourceResult {
  const result = listThenBand(ctx, product, "similar", PRICE_BANDS.similar, RuleReason.SIMILAR, size);
  const valuePicks = new Set(ctx.lists(product)?.down_sell?.items ?? []);
  if (valuePicks.size === 0) return result;
  return { ...result, fallbacks: result.fallbacks.map((fallback) => () => fallback().filter((c) => !valuePicks.has(c.item))) };
}

/** Home: newer or better items of the categories the user owns (their upgrade lists, else the price band). */
function upgrade(ctx: RequestContext, size: number): SourceResult {
  const owned = ctx.owned.slice(-3).reverse();
  if (owned.length === 0) return EMPTY;
  const pool: Candidate[] = [];
  for (const anchor of owned) {
    const { pool: listed, fallbacks } = listThenBand(ctx, anchor, "upgrade", PRICE_BANDS.upgrade, RuleReason.UPGRADE, size);
    pool.push(...listed, ...fallbacks[0]());
  }
  return { pool, fallbacks: [], anchor: owned[0] };
}

/** Home: cheaper items, clearance first, for what the shopper browsed (the item they hesitated on first). */
function clearance(ctx: RequestContext, size: number): SourceResult {
  const browsed: number[] = [];
  if (ctx.intent.hesitation !== undefined) browsed.push(ctx.intent.hesitation.item);
  for (let v = ctx.viewed.length - 1; v >= 0 && browsed.length < 3; v--) {
    const item = ctx.viewed[v].item;
    if (!browsed.includes(item) && !ctx.held.has(item)) browsed.push(item);
  }
  if (browsed.length === 0) return EMPTY;
  const pool: Candidate[] = [];
  for (const anchor of browsed) {
    pool.push(...priceBandCandidates(ctx, anchor, PRICE_BANDS.clearance, RuleReason.CLEARANCE, size).map((c) => (isClearance(ctx, c.item) ? c : { ...c, reason: ruleReason(RuleReason.DOWN_SELL) })));
  }
  return { pool, fallbacks: [], anchor: browsed[0] };
}

/**
 * Home: what shoppers look at next after this session's recent views: the views' `next_item` lists merged with
 * linear recency weights (`session-anchors.ts`), never an item the session already viewed, re-ranked by the
 * build's sequence model where it ships one with a weight (`sequence-blend.ts`); popular items fill the rest.
 * Nothing when no recent view has a list: the slot then yields to the others.
 */
function nextItem(ctx: RequestContext, size: number): SourceResult {
  const recent = (ctx.request.viewed ?? []).slice(-ANCHOR_CAPS.viewed).map((view) => ctx.build.index.get(view.id));
  const { anchors, weights } = sessionAnchors(recent);
  const viewed = new Set(ctx.viewed.map((view) => view.item));
  const weighted: WeightedAnchor[] = [];
  const listed: number[] = [];
  for (let a = 0; a < anchors.length; a++) {
    const list = ctx.lists(anchors[a])?.next_item;
    if (list === undefined) continue;
    weighted.push({ list, weight: weights[a] });
    listed.push(anchors[a]);
  }
  if (weighted.length === 0) return EMPTY;
  let merged = mergeCandidateLists(weighted, (item) => viewed.has(item) || !ctx.eligible(item), size * POOL_FACTOR, undefined, ctx.tieOrder);
  const model = ctx.build.meta.sequenceModel;
  if (model !== undefined && model.blendWeight > 0) {
    const session = sessionEmbeddings(recent, (item) => ctx.lists(item)?.next_item?.embeddings?.anchor);
    merged = blendWithSequence(model, session, merged, weighted.map((w) => w.list));
  }
  const pool = toCandidates(merged, listed);
  const fallback = () => popularCandidates(ctx, ctx.build.meta.popular, size * POOL_FACTOR + viewed.size).filter((c) => !viewed.has(c.item));
  return { pool, fallbacks: [fallback], anchor: listed[0] };
}

/** Listing: the listed categories' best sellers matching the query (`listing-popular.ts`); elsewhere the shop's or the request category's. */
function popular(ctx: RequestContext, size: number): SourceResult {
  if (ctx.request.placement === "listing") return { pool: listingPopular(ctx, size * POOL_FACTOR), fallbacks: [], anchor: -1 };
  const category = ctx.request.category === undefined ? undefined : requestCategory(ctx);
  const list = category === undefined ? ctx.build.meta.popular : ctx.build.meta.popularByCategory.get(category);
  return { pool: popularCandidates(ctx, list, size * POOL_FACTOR), fallbacks: [], anchor: -1 };
}

function listCandidates(ctx: RequestContext, list: CandidateList, anchor: number, limit: number, skipCategories?: ReadonlySet<number>): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < list.items.length && out.length < limit; i++) {
    const item = list.items[i];
    if (ctx.eligible(item) && !skipCategories?.has(ctx.categoryOf(item))) out.push({ item, score: list.scores[i], reason: list.reasons[i], anchor });
  }
  return out;
}

/**
 * The anchor's precomputed list of `kind` first, then the category rule's price band; not for the down-sell list
 * of an item whose specs the build compared (SPEC_LADDER): the price band knows no specs, so it would offer a far
 * weaker machine as a value pick.
 */
function listThenBand(ctx: RequestContext, anchor: number, kind: ListKind, band: PriceBand, rule: number, size: number): SourceResult {
  const list = ctx.lists(anchor)?.[kind];
  const pool = list === undefined ? [] : listCandidates(ctx, list, anchor, size * POOL_FACTOR);
  const compared = kind === "down_sell" && (ctx.build.meta.flags[anchor] & ItemFlag.SPEC_LADDER) !== 0;
  return { pool, fallbacks: compared ? [] : [() => priceBandCandidates(ctx, anchor, band, rule, size * POOL_FACTOR)], anchor };
}

/** Merges the `kind` lists of anchors (weights aligned with anchors); anchors whose blob is missing come back in `missing`. */
function mergeLists(ctx: RequestContext, anchors: readonly number[], weights: ArrayLike<number>, kind: ListKind, limit: number, skipCategories?: ReadonlySet<number>, prior?: CandidateList) {
  const weighted: WeightedAnchor[] = [];
  const listed: number[] = [];
  const missing: number[] = [];
  for (let a = 0; a < anchors.length; a++) {
    const lists = ctx.lists(anchors[a]);
    if (lists === undefined) {
      if (ctx.listsMissing(anchors[a])) missing.push(anchors[a]);
      continue;
    }
    const list = lists[kind];
    if (list === undefined) continue;
    weighted.push({ list, weight: weights[a] });
    listed.push(anchors[a]);
  }
  const pool = toCandidates(mergeCandidateLists(weighted, excluding(ctx, skipCategories), limit, prior, ctx.tieOrder), listed);
  return { pool, missing };
}

function excluding(ctx: RequestContext, skipCategories: ReadonlySet<number> | undefined): (item: number) => boolean {
  if (skipCategories === undefined || skipCategories.size === 0) return (item) => !ctx.eligible(item);
  return (item) => !ctx.eligible(item) || skipCategories.has(ctx.categoryOf(item));
}

function toCandidates(merged: ReturnType<typeof mergeCandidateLists>, anchors: readonly number[]): Candidate[] {
  const out: Candidate[] = new Array(merged.length);
  for (let i = 0; i < merged.length; i++) {
    const m = merged[i];
    out[i] = { item: m.item, score: m.score, reason: m.reason, anchor: m.anchor >= 0 ? anchors[m.anchor] : -1 };
  }
  return out;
}

function requestCategory(ctx: RequestContext): number | undefined {
  const wanted = ctx.request.category;
  if (wanted === undefined) return undefined;
  const index = ctx.build.meta.categories.findIndex((c) => c === wanted || c.endsWith(` > ${wanted}`));
  return index >= 0 ? index : undefined;
}

function isClearance(ctx: RequestContext, item: number): boolean {
  return (ctx.build.meta.flags[item] & PRICE_BANDS.clearance.preferFlag) !== 0;
}
