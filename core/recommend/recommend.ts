/**
 * @module
 * The one recommendation function: the worker and `edgerec recommend` both call it on the same blobs, so what
 * is measured offline is what the edge serves. Pure: no I/O, no clock, no randomness (the caller passes ids).
 *
 * For the request's placement it takes the slot plan (configured, else `DEFAULT_SLOT_PLANS`), reads the
 * shopper's intent (`classifyIntent`), orders the slots by plan priority times the intent's multiplier, and
 * fills each from its source with restraint (compatibility with the shopper's devices, stock, merchandising
 * rules, one category per slot, frequency caps), falling back to category rules and popular items.
 */
import { classifyIntent } from "../intent/classify-intent";
import { slotPriority } from "../intent/slot-priority";
import type { SessionState } from "../session/session-state";
import type { Intent } from "../types";
import type { RecommendationRequest } from "../request-schema";
import type { RecommendationResponse, RecommendedItem, Slot } from "../recommendation-response";
import type { VariantConfig } from "../experiments/experiment-config";
import { essentialAttach, slotRestraint } from "./cross-sell-policy";
import { completeEssentials } from "./essentials";
import { itemDisplay } from "./item-display";
import { displayName } from "./loaded-build";
import { reasonCode, renderReason } from "./reasons";
import { type Candidate, RequestContext } from "./request-context";
import { SlotFill } from "./slot-fill";
import { RuleReason, ruleReason } from "./rule-reasons";
import type { ServingData } from "./serving-data";
import { resolveSlotPlans, type SlotPlan, type SlotSpec } from "./slot-plans";
import { type SourceResult, sourceCandidates } from "./slot-sources";

const MAX_K = 50;

export interface RecommendOptions {
  recId: string;
  /** The experiment variant's name, echoed in the answer. */
  variant?: string;
  /** What the variant changes: holdout, slot size and count, down-sell timing, copy, weights by source. */
  config?: VariantConfig;
  /** The session read from its signed token (frequency capping). Its views are merged into the request by the caller (`withSessionSignals`). */
  session?: SessionState;
  /** Unix seconds, for merchandising rules' time windows (default: the build's creation time). */
  now?: number;
}

export function recommend(request: RecommendationRequest, data: ServingData, options: RecommendOptions): RecommendationResponse {
  const response: RecommendationResponse = { rec_id: options.recId, slots: [] };
  if (options.variant !== undefined) response.variant = options.variant;
  const build = data.build;
  if (build === null) {
    response.degraded = true;
    return response;
  }
  response.build = build.meta.buildId;
  const config = options.config ?? {};
  if (config.holdout === true) return response;

  const plan = resolveSlotPlans(data.slotPlans)[request.placement];
  const reading = classifyIntent(request, build, { hesitationDwellMs: config.down_sell_after_dwell_ms });
  response.intent = reading.intent;
  const ctx = new RequestContext(build, request, data, plan, config, reading, options.session, options.now ?? build.meta.createdAt);
  const maxSlots = Math.min(plan.max_slots, config.max_slots ?? Number.POSITIVE_INFINITY);
  for (const spec of orderedSlots(plan, reading.intent)) {
    if (response.slots.length >= maxSlots) break;
    const slot = fillSlot(ctx, spec, slotSize(spec, request, config));
    if (slot.items.length > 0) response.slots.push(slot);
  }
  if (data.degraded || ctx.degraded) response.degraded = true;
  return response;
}

/** Plan priority times the intent multiplier (when the plan reorders by intent), highest first; ties keep plan order. */
function orderedSlots(plan: SlotPlan, intent: Intent | undefined): SlotSpec[] {
  const ranked = plan.slots.map((spec, position) => ({ spec, position, priority: slotPriority(spec.kind, spec.priority, plan.by_intent ? intent : undefined) }));
  ranked.sort((a, b) => b.priority - a.priority || a.position - b.position);
  return ranked.map((r) => r.spec);
}

/** The variant's slot size, else the request's k, else the plan's size; never above the plan's cap or MAX_K. */
function slotSize(spec: SlotSpec, request: RecommendationRequest, config: VariantConfig): number {
  const wanted = config.slot_size ?? request.k ?? spec.size;
  return Math.max(1, Math.min(MAX_K, spec.max, Math.floor(wanted)));
}

function fillSlot(ctx: RequestContext, spec: SlotSpec, size: number): Slot {
  const rules = ctx.beginSlot(spec.kind);
  const source = sourceCandidates(spec.source, ctx, size);
  const weights = ctx.config.weights;
  let pool = weights === undefined || Object.keys(weights).length === 0 ? source.pool : reweighted(ctx, source.pool, weights);
  if (rules !== undefined) pool = rules.rerank(pool, ctx.units, (item) => (ctx.eligible(item) ? { item, score: 0, reason: ruleReason(RuleReason.PINNED), anchor: -1 } : undefined));
  const fill = new SlotFill(ctx, size, slotRestraint(ctx.build, spec.distinct, spec.source === "cart_cross_sell"));
  fill.offer(pool);
  if (spec.source === "cart_cross_sell" && source.anchors !== undefined) completeEssentials(ctx, fill, source.anchors, essentialAttach(ctx.build));
  for (const fallback of source.fallbacks) {
    if (fill.full) break;
    fill.offer(fallback());
  }
  const items: RecommendedItem[] = fill.picked.map((c) => toItem(ctx, c));
  for (const c of fill.picked) ctx.shown.add(c.item);
  const slot: Slot = { kind: spec.kind, title: slotTitle(ctx, ctx.config.copy?.[spec.kind] ?? spec.title, source), items };
  if (source.bundle !== undefined && source.bundle.discountPct > 0) slot.discount_pct = source.bundle.discountPct;
  return slot;
}

/** A variant's multipliers by reason code, applied to the pool's scores (a stable re-sort). */
function reweighted(ctx: RequestContext, pool: readonly Candidate[], weights: NonNullable<VariantConfig["weights"]>): Candidate[] {
  const out = pool.map((c) => ({ ...c, score: c.score * (weights[reasonCode(ctx.build, c.reason)] ?? 1) }));
  out.sort((a, b) => b.score - a.score);
  return out;
}

function slotTitle(ctx: RequestContext, template: string, source: SourceResult): string {
  if (!template.includes("{")) return template;
  const category = ctx.scope === undefined ? "this category" : (ctx.scope.name ?? "the shop");
  return template
    .replaceAll("{anchor}", source.anchor >= 0 ? displayName(ctx.build, source.anchor) : "this")
    .replaceAll("{category}", category)
    .replaceAll("{bundle}", source.bundle?.title ?? "Bundle and save");
}

function toItem(ctx: RequestContext, c: Candidate): RecommendedItem {
  const rendered = renderReason(ctx.build, c.reason, c.anchor >= 0 ? c.anchor : undefined);
  return { id: ctx.build.meta.items[c.item], score: Math.round(c.score * 1e4) / 1e4, reason: rendered.text, reason_code: rendered.code, ...itemDisplay(ctx.build, c.item) };
}
