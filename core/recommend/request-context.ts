/**
 * @module
 * Everything one request's slots share: the build and its derived index, the request's anchors by role, the
 * items never to suggest (in the cart, the product itself, already owned), the items this answer already shows,
 * and the session's frequency cap. A slot source reads anchors' lists through `lists()`, which notices a
 * missing or unreadable blob and marks the answer degraded.
 */
import type { ItemLists } from "../blob/item-blob";
import { ItemFlag } from "../blob/meta-blob";
import type { IntentReading } from "../intent/classify-intent";
import { type SessionState, suggestionHash } from "../session/session-state";
import type { RecommendationRequest, VariantConfig } from "../types";
import { type BuildIndex, buildIndex } from "./build-index";
import { listingCategory } from "./listing-category";
import type { LoadedBuild } from "./loaded-build";
import type { ServingData } from "./serving-data";
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
  /** The browsed category of a listing (by name, slug or search query). */
  readonly listing: number | undefined;
  degraded = false;

  constructor(
    readonly build: LoadedBuild,
    readonly request: RecommendationRequest,
    private readonly data: ServingData,
    readonly plan: SlotPlan,
    readonly config: VariantConfig,
    readonly intent: IntentReading,
    private readonly session: SessionState | undefined,
  ) {
    this.index = buildIndex(build);
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
    this.listing = request.placement === "listing" ? listingCategory(build, request) : undefined;
  }

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

  /** May `item` be suggested in this answer? Not held, not shown yet, sellable, not capped for this session. */
  eligible = (item: number): boolean => {
    if (this.held.has(item) || this.shown.has(item)) return false;
    const flags = this.build.meta.flags[item];
    if ((flags & (ItemFlag.OUT_OF_STOCK | ItemFlag.EOL)) !== 0) return false;
    return !this.capped(item);
  };

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
