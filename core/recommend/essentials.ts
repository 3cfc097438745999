/**
 * @module
 * Missing essentials at checkout: for each cart item, the complement categories bought with its category in at
 * least ESSENTIAL_ATTACH of orders (a phone's case and screen protector) that neither the cart nor the slot
 * holds get their best candidate from that cart item's own cross-sell list, in place of the slot's weakest
 * non-essential items (at most half the slot).
 */
import { ItemFlag } from "../blob/meta-blob";
import type { Candidate, RequestContext } from "./request-context";
import type { SlotFill } from "./restraint";

export const ESSENTIAL_ATTACH = 0.2;

export function completeEssentials(ctx: RequestContext, fill: SlotFill, anchors: readonly number[]): void {
  const complements = ctx.build.meta.complements;
  if (complements === undefined || complements.size === 0 || anchors.length === 0) return;
  const held = new Set<number>();
  for (const item of ctx.held) held.add(ctx.categoryOf(item));
  let placed = 0;
  const budget = Math.floor(fill.size / 2);
  for (const anchor of anchors) {
    if ((ctx.build.meta.flags[anchor] & ItemFlag.HAS_LISTS) === 0) continue;
    const category = ctx.categoryOf(anchor);
    const mine = category >= 0 ? complements.get(category) : undefined;
    if (mine === undefined) continue;
    for (let c = 0; c < mine.categories.length && placed < budget; c++) {
      const essential = mine.categories[c];
      if (mine.attach[c] < ESSENTIAL_ATTACH || held.has(essential) || fill.hasCategory(essential)) continue;
      const candidate = bestOfCategory(ctx, anchor, essential);
      if (candidate === undefined) continue;
      if (fill.full ? fill.replace(fill.size - 1 - placed, candidate) : fill.add(candidate)) placed++;
    }
  }
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
