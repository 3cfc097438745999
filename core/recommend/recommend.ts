/**
 * @module
 * The one recommendation function: the worker and `edgerec recommend` both call it on the same blobs, so what
 * is measured offline is what the edge serves. Pure: no I/O, no clock, no randomness (the caller passes ids).
 */
import type { CandidateList } from "../candidates";
import type { ListKind } from "../blob/item-blob";
import type { Placement, RecommendationRequest, RecommendationResponse, RecommendedItem, Slot, SlotKind } from "../types";
import { isOutOfStock, type LoadedBuild } from "./loaded-build";
import { mergeCandidateLists, type MergedCandidate, type WeightedAnchor } from "./merge-cart";
import { renderReason } from "./reasons";
import type { ServingData } from "./serving-data";
import { ItemFlag } from "../blob/meta-blob";

export const DEFAULT_K = 10;
export const MAX_K = 50;

export interface RecommendOptions {
  recId: string;
  variant?: string;
}

interface SlotSpec {
  kind: SlotKind;
  list: ListKind | "popular";
  title: string;
}

const SLOT_PLANS: Record<Placement, SlotSpec[]> = {
  checkout: [{ kind: "cross_sell", list: "cross_sell", title: "Complete your purchase" }],
  cart: [{ kind: "cross_sell", list: "cross_sell", title: "Frequently bought together" }],
  product: [
    { kind: "cross_sell", list: "cross_sell", title: "Accessories for this" },
    { kind: "down_sell", list: "down_sell", title: "Value pick" },
    { kind: "similar", list: "similar", title: "Similar items" },
  ],
  listing: [{ kind: "popular", list: "popular", title: "Popular in this category" }],
  home: [
    { kind: "cross_sell", list: "cross_sell", title: "Goes with what you viewed" },
    { kind: "popular", list: "popular", title: "Popular right now" },
  ],
};

export function recommend(request: RecommendationRequest, data: ServingData, options: RecommendOptions): RecommendationResponse {
  const k = Math.min(MAX_K, Math.max(1, Math.floor(request.k ?? DEFAULT_K)));
  const response: RecommendationResponse = { rec_id: options.recId, slots: [] };
  if (options.variant !== undefined) response.variant = options.variant;
  const build = data.build;
  if (build === null) {
    response.degraded = true;
    return response;
  }
  response.build = build.meta.buildId;
  const context = new RequestContext(request, data, build);
  const shown = new Set<number>();
  for (const spec of SLOT_PLANS[request.placement]) {
    const slot = context.slot(spec, k, shown);
    if (slot.items.length > 0) response.slots.push(slot);
  }
  if (data.degraded || context.degraded) response.degraded = true;
  return response;
}

class RequestContext {
  degraded = false;
  /** Indices of the request's anchors known to the build, with their weights. */
  private readonly anchors: Array<{ item: number; id: string; weight: number }> = [];
  private readonly excluded = new Set<number>();

  constructor(
    private readonly request: RecommendationRequest,
    private readonly data: ServingData,
    private readonly build: LoadedBuild,
  ) {
    const add = (id: string, weight: number) => {
      const item = build.index.get(id);
      if (item === undefined || this.excluded.has(item)) return;
      this.excluded.add(item);
      this.anchors.push({ item, id, weight });
    };
    if (request.product_id !== undefined) add(request.product_id, 1);
    for (const id of request.cart ?? []) add(id, 1);
    if (request.placement === "home" || request.placement === "listing") {
      for (const viewed of request.viewed ?? []) add(viewed.id, 0.5);
    }
  }

  slot(spec: SlotSpec, k: number, shown: Set<number>): Slot {
    const skip = (item: number) => this.excluded.has(item) || shown.has(item) || isOutOfStock(this.build, item);
    let merged: MergedCandidate[] = [];
    if (spec.list !== "popular") {
      const weighted: WeightedAnchor[] = [];
      for (const anchor of this.anchors) {
        const lists = this.data.lists.get(anchor.id);
        if (lists === null || (lists === undefined && (this.build.meta.flags[anchor.item] & ItemFlag.HAS_LISTS) !== 0)) {
          this.degraded = true;
          continue;
        }
        const list = lists?.[spec.list];
        if (list !== undefined) weighted.push({ list, weight: anchor.weight });
      }
      merged = mergeCandidateLists(weighted, skip, k);
    }
    const items: RecommendedItem[] = merged.map((m) => this.toItem(m.item, m.score, m.reason, this.anchors[m.anchor]?.item));
    if (items.length < k && (spec.kind === "cross_sell" || spec.kind === "popular")) {
      this.fill(items, k, skip);
    }
    for (const item of items) shown.add(this.build.index.get(item.id)!);
    return { kind: spec.kind, title: spec.title, items };
  }

  /** Tops a slot up from the popular lists: the anchors' categories first, then the whole shop. */
  private fill(items: RecommendedItem[], k: number, skip: (item: number) => boolean): void {
    const taken = new Set(items.map((i) => this.build.index.get(i.id)!));
    const sources: CandidateList[] = [];
    const category = this.requestCategory();
    if (category !== undefined) {
      const list = this.build.meta.popularByCategory.get(category);
      if (list !== undefined) sources.push(list);
    }
    sources.push(this.build.meta.popular);
    for (const list of sources) {
      for (let i = 0; i < list.items.length && items.length < k; i++) {
        const item = list.items[i];
        if (taken.has(item) || skip(item)) continue;
        taken.add(item);
        items.push(this.toItem(item, 0, list.reasons[i], undefined));
      }
    }
  }

  private requestCategory(): number | undefined {
    const { category } = this.request;
    if (category !== undefined) {
      const index = this.build.meta.categories.findIndex((c) => c === category || c.endsWith(` > ${category}`));
      if (index >= 0) return index;
    }
    return undefined;
  }

  private toItem(item: number, score: number, reason: number, anchor: number | undefined): RecommendedItem {
    const rendered = renderReason(this.build, reason, anchor);
    return { id: this.build.meta.items[item], score: Math.round(score * 1e4) / 1e4, reason: rendered.text, reason_code: rendered.code };
  }
}
