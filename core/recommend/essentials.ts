/**
 * @module
 * Missing essentials at checkout: for each cart item, the complement categories bought with its category in at
 * least a threshold share of orders (a phone's case and screen protector; ESSENTIAL_ATTACH, or what the build's
 * policy fitted, `cross-sell-policy.ts`) that neither the cart nor the slot
 * holds get their best candidate from that cart item's own cross-sell list, in place of the slot's weakest item
 * of a non-essential category or of a category it holds twice (at most half the slot changes).
 */
import type { Candidate, RequestContext } from "./request-context";
import type { SlotFill } from "./slot-fill";
import { ESSENTIAL_ATTACH } from "./cross-sell-policy";

/** `threshold`: the least attach rate of an essential category (the build's policy, else ESSENTIAL_ATTACH). */
export function completeEssentials(ctx: RequestContext, fill: SlotFill, anchors: readonly number[], threshold = ESSENTIAL_ATTACH): void {
  const complements = ctx.build.meta.complements;
  if (complements === undefined || complements.size === 0 || anchors.length === 0 || !(threshold > 0)) return;
  const held = new Set<number>();
  for (const item of ctx.held) held.add(ctx.categoryOf(item));
  const wanted: Array<{ anchor: number; category: number }> = [];
  const essential = new Set<number>();
  for (const anchor of anchors) {
    const category = ctx.categoryOf(anchor);
    const mine = category >= 0 ? complements.get(category) : undefined;
    if (mine === undefined) continue;
    for (let c = 0; c < mine.categories.length; c++) {
      const target = mine.categories[c];
      if (mine.attach[c] < threshold || held.has(target) || essential.has(target)) continue;
      essential.add(target);
      wanted.push({ anchor, category: target });
    }
  }
  let budget = Math.floor(fill.size / 2);
  for (const { anchor, category } of wanted) {
    if (budget === 0) break;
    if (fill.hasCategory(category)) continue;
    const candidate = bestOfCategory(ctx, anchor, category);
    if (candidate === undefined) continue;
    if (!fill.full) {
      if (fill.add(candidate)) budget--;
      continue;
    }
    const weakest = weakestOutside(ctx, fill, essential);
    if (weakest >= 0 && fill.replace(weakest, candidate)) budget--;
  }
}

/** The last picked item whose category is not essential or is in the slot twice, or -1. */
function weakestOutside(ctx: RequestContext, fill: SlotFill, essential: ReadonlySet<number>): number {
  const seen = new Map<number, number>();
  for (const c of fill.picked) seen.set(ctx.categoryOf(c.item), (seen.get(ctx.categoryOf(c.item)) ?? 0) + 1);
  for (let i = fill.picked.length - 1; i >= 0; i--) {
    const c = ctx.categoryOf(fill.picked[i].item);
    if (!essential.has(c) || (seen.get(c) ?? 0) > 1) return i;
  }
  return -1;
}

function bestOfCategory(ctx: RequestContext, anchor: number, category: number): Candidate | undefined {
  const list = ctx.lists(anchor)?.cross_sell;
  if (list === undefined) return undefined;
  for (let i = 0; i < list.items.length; i++) {
    const item = list.items[i];
    if (ctx.categoryOf(item) === category && ctx.eligible(item)) return { item, score: list.scores[i], reason: list.reasons[i], anchor };
  }
  return undefined;
}
