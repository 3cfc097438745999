/**
 * @module
 * Restraint when filling a slot: at most `size` items, each eligible (not in the cart, not owned, not already in
 * this answer, in stock, under the session's frequency cap), and no two of one category (or brand) where the
 * slot plan says so. Items of unknown category never clash, nor do items of a category shoppers buy several of
 * per order; the cart's cross-sell slot may take a few of one category (the build's cross-sell policy says which
 * and how many: `cross-sell-policy.ts`).
 */
import { isExclusiveCategory, type SlotRestraint } from "./cross-sell-policy";
import type { Candidate, RequestContext } from "./request-context";

export type Distinct = "category" | "brand" | "none";

export class SlotFill {
  readonly picked: Candidate[] = [];
  private readonly items = new Set<number>();
  /** Items taken per group. */
  private readonly groups = new Map<number, number>();
  private readonly restraint: SlotRestraint;

  constructor(
    private readonly ctx: RequestContext,
    readonly size: number,
    restraint: Distinct | SlotRestraint,
  ) {
    this.restraint = typeof restraint === "string" ? { distinct: restraint, perGroup: 1, everyCategory: true } : restraint;
  }

  get full(): boolean {
    return this.picked.length >= this.size;
  }

  /** Takes candidates in order until the slot is full. */
  offer(candidates: readonly Candidate[]): void {
    for (let i = 0; i < candidates.length && !this.full; i++) this.add(candidates[i]);
  }

  /** Adds one candidate if restraint allows; true when it was added. */
  add(candidate: Candidate): boolean {
    const { item } = candidate;
    if (this.full || this.items.has(item) || !this.ctx.eligible(item)) return false;
    const group = this.groupOf(item);
    if (group >= 0 && (this.groups.get(group) ?? 0) >= this.restraint.perGroup) return false;
    this.items.add(item);
    if (group >= 0) this.groups.set(group, (this.groups.get(group) ?? 0) + 1);
    this.picked.push(candidate);
    return true;
  }

  /** Replaces the candidate at `position` (restraint checked against the others). */
  replace(position: number, candidate: Candidate): boolean {
    const old = this.picked[position];
    const group = this.groupOf(candidate.item);
    const oldGroup = this.groupOf(old.item);
    if (this.items.has(candidate.item) || !this.ctx.eligible(candidate.item)) return false;
    if (group >= 0 && group !== oldGroup && (this.groups.get(group) ?? 0) >= this.restraint.perGroup) return false;
    this.items.delete(old.item);
    if (oldGroup >= 0) this.groups.set(oldGroup, this.groups.get(oldGroup)! - 1);
    this.items.add(candidate.item);
    if (group >= 0) this.groups.set(group, (this.groups.get(group) ?? 0) + 1);
    this.picked[position] = candidate;
    return true;
  }

  hasCategory(category: number): boolean {
    for (const c of this.picked) if (this.ctx.categoryOf(c.item) === category) return true;
    return false;
  }

  private groupOf(item: number): number {
    const { distinct, everyCategory } = this.restraint;
    if (distinct === "category") {
      const c = this.ctx.build.meta.itemCategory[item];
      return everyCategory || isExclusiveCategory(this.ctx.build, c) ? c : -1;
    }
    if (distinct === "brand") return this.ctx.build.meta.itemBrand[item];
    return -1;
  }
}
