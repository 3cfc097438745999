/**
 * @module
 * Everything one request's slots share: the build and its derived index, the request's anchors by role, the
 * items never to suggest (in the cart, the product itself, already owned), the items this answer already shows,
 * and the session's frequency cap. A slot source reads anchors' lists through `lists()`, which notices a
 * missing or unreadable blob and marks the answer degraded.
 */
import type { ItemLists } from "../blob/item-blob";
import { ItemFlag } from "../blob/meta-blob";
import { provenMisfit } from "../catalog/compat-index";
import { type StockView, stockView } from "../catalog/stock-overlay";
import type { IntentReading } from "../intent/classify-intent";
import { type CompiledRules, compileRules, type SlotRules } from "../rules/apply-rules";
import type { RulesOverlay } from "../rules/rules-overlay";
import { type SessionState, suggestionHash } from "../session/session-state";
import type { SlotKind } from "../types";
import type { RecommendationRequest } from "../request-schema";
import type { VariantConfig } from "../experiments/experiment-config";
import { type BuildIndex, buildIndex } from "./build-index";
import { type ListingDevices, listingDevices } from "./listing-devices";
import { type ListingScope, listingScope } from "./listing-scope";
import type { LoadedBuild } from "./loaded-build";
import { ANCHOR_CAPS, type ServingData } from "./serving-data";
import type { SlotPlan } from "./slot-plans";

/** A ranked suggestion before rendering. `reason`: see `rule-reasons.ts`; `anchor`: item index or -1. */
export interface Candidate {
  item: number;
  score: number;
  reason: number;
  anchor: number;
}

export interface ViewedAnchor {
  item: number;
  dwellMs: number;
}

export class RequestContext {
  readonly index: BuildIndex;
  /** Never suggested: the product on screen, the cart, what the user owns. */
  readonly held = new Set<number>();
  /** Already placed in an earlier slot of this answer. */
  readonly shown = new Set<number>();
  readonly product: number | undefined;
  /** Known items, oldest first. */
  readonly cart: number[] = [];
  readonly owned: number[] = [];
  readonly viewed: ViewedAnchor[] = [];
  /** What a listing is about: its categories and search query (`listing-scope.ts`); undefined off listings. */
  readonly scope: ListingScope | undefined;
  /** The devices a listing's setup serves (`listing-devices.ts`); undefined off listings. */
  readonly listingDevices: ListingDevices | undefined;
  readonly stock: StockView;
  /** The order ties between items go in: their index in the whole build (undefined: the build is whole). */
  readonly tieOrder: ArrayLike<number> | undefined;
  degraded = false;
  /** The items an accessory must not be proven to misfit (`provenMisfit`): what the shopper holds, else what they viewed. */
  private readonly fitContext: Uint32Array;
  private readonly rules: CompiledRules | undefined;
  private slotRules: SlotRules | undefined;
  /** The answer-wide checks' verdict per item `eligible` has asked about (a map: a request meets few items of any catalogue). */
  private readonly verdicts = new Map<number, boolean>();
  /** A bundle may repeat items shown in other slots: it offers them together. */
  private bundleSlot = false;

  constructor(
    readonly build: LoadedBuild,
    readonly request: RecommendationRequest,
    private readonly data: ServingData,
    readonly plan: SlotPlan,
    readonly config: VariantConfig,
    readonly intent: IntentReading,
    private readonly session: SessionState | undefined,
    /** Unix seconds, for the time windows of merchandising rules. */
    readonly now: number,
  ) {
    this.index = buildIndex(build);
    this.tieOrder = build.meta.edge?.ordinals;
    const known = (id: string) => build.index.get(id);
    this.product = request.product_id === undefined ? undefined : known(request.product_id);
    if (this.product !== undefined) this.held.add(this.product);
    for (const id of request.cart ?? []) {
      const item = known(id);
      if (item !== undefined && !this.cart.includes(item)) {
        this.cart.push(item);
        this.held.add(item);
      }
    }
    for (const id of request.owned ?? []) {
      const item = known(id);
      if (item !== undefined && !this.owned.includes(item)) {
        this.owned.push(item);
        this.held.add(item);
      }
    }
    for (const view of request.viewed ?? []) {
      const item = known(view.id);
      if (item !== undefined) this.viewed.push({ item, dwellMs: view.dwell_ms ?? 0 });
    }
    const listing = request.placement === "listing";
    this.scope = listing ? listingScope(build, request) : undefined;
    this.listingDevices = listing ? listingDevices(build, request, ANCHOR_CAPS.listing) : undefined;
    this.stock = stockView(build.meta, data.stock ?? null);
    this.fitContext = Uint32Array.from(this.held.size > 0 ? this.held : this.viewed.slice(-12).map((v) => v.item));
    this.rules = data.rules === undefined || data.rules === null ? undefined : compiledRules(data.rules, build);
  }

  /** Scopes merchandising rules to the slot being filled; returns them when any apply. */
  beginSlot(kind: SlotKind): SlotRules | undefined {
    this.bundleSlot = kind === "bundle";
    const rules = this.rules?.forSlot(this.request.placement, kind, this.now);
    this.slotRules = rules === undefined || rules.isEmpty ? undefined : rules;
    return this.slotRules;
  }

  units = (item: number): number => this.stock.units(item);

  /** The item's precomputed lists; undefined when it has none. A blob that should exist but is missing or unreadable marks the answer degraded. */
  lists(item: number): ItemLists | undefined {
    const id = this.build.meta.items[item];
    const lists = this.data.lists.get(id);
    if (lists === null || (lists === undefined && (this.build.meta.flags[item] & ItemFlag.HAS_LISTS) !== 0)) {
      this.degraded = true;
      return undefined;
    }
    return lists;
  }

  /** True when the item's lists were expected but could not be read (the category rules stand in). */
  listsMissing(item: number): boolean {
    const lists = this.data.lists.get(this.build.meta.items[item]);
    return lists === null || (lists === undefined && (this.build.meta.flags[item] & ItemFlag.HAS_LISTS) !== 0);
  }

  /**
   * May `item` be suggested in this answer? Not held, not shown yet (bundles excepted), sellable (stock overlay, not end of life),
   * not proven to misfit the shopper's devices, allowed by the slot's merchandising rules, not capped for this session.
   */
  eligible = (item: number): boolean => {
    if (this.shown.has(item) && !this.bundleSlot) return false;
    let verdict = this.verdicts.get(item);
    if (verdict === undefined) this.verdicts.set(item, (verdict = this.sellableHere(item)));
    if (!verdict) return false;
    return this.slotRules === undefined || this.slotRules.allows(item, this.units);
  };

  /** The part of `eligible` that holds for the whole answer: held, end of life, stock, fit, frequency cap. */
  private sellableHere(item: number): boolean {
    if (this.held.has(item) || item >= this.build.meta.items.length) return false;
    if ((this.build.meta.flags[item] & ItemFlag.EOL) !== 0 || this.stock.isOutOfStock(item)) return false;
    const compat = this.build.meta.compat;
    if (compat !== undefined && this.fitContext.length > 0 && provenMisfit(compat, item, this.fitContext)) return false;
    return !this.capped(item);
  }

  categoryOf(item: number): number {
    return this.build.meta.itemCategory[item];
  }

  priceOf(item: number): number {
    return this.build.meta.prices[item];
  }

  dwellOn(item: number): number {
    let dwell = 0;
    for (const view of this.viewed) if (view.item === item && view.dwellMs > dwell) dwell = view.dwellMs;
    return dwell;
  }

  /** Frequency cap: shown in `frequency_cap` earlier answers of this session. */
  private capped(item: number): boolean {
    const cap = this.plan.frequency_cap;
    if (this.session === undefined || cap <= 0 || this.session.shown.size === 0) return false;
    return (this.session.shown.get(suggestionHash(this.build.meta.items[item])) ?? 0) >= cap;
  }
}

const compiled = new WeakMap<RulesOverlay, WeakMap<LoadedBuild, CompiledRules>>();

/** The overlay's rules compiled against a build, once per overlay and build (time windows apply per slot). */
function compiledRules(overlay: RulesOverlay, build: LoadedBuild): CompiledRules {
  let perBuild = compiled.get(overlay);
  if (perBuild === undefined) compiled.set(overlay, (perBuild = new WeakMap()));
  let rules = perBuild.get(build);
  if (rules === undefined) perBuild.set(build, (rules = compileRules(overlay.rules, build.meta, build.index)));
  return rules;
}
