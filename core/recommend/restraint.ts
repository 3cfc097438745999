/**
 * @module
 * Restraint when filling a slot: at most `size` items, each eligible (not in the cart, not owned, not already in
 * this answer, in stock, under the session's frequency cap), and no two of one category (or brand) where the
 * slot plan says so. Items of unknown category never clash, nor do items of a category shoppers buy several of
 * per order (the build's cross-sell policy says which: `cross-sell-policy.ts`).
 */
import { isExclusiveCategory } from "./cross-sell-policy";
import type { Candidate, RequestContext } from "./request-context";

export type Distinct = "category" | "brand" | "none";

export class SlotFill {
  readonly picked: Candidate[] = [];
  private readonly items = new Set<number>();
  private readonly groups = new Set<number>();

  constructor(
    private readonly ctx: RequestContext,
    readonly size: number,
    private readonly distinct: Distinct,
  ) {}

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
    if (group >= 0 && this.groups.has(group)) return false;
    this.items.add(item);
    if (group >= 0) this.groups.add(group);
    this.picked.push(candidate);
    return true;
  }

  /** Replaces the candidate at `position` (restraint checked against the others). */
  replace(position: number, candidate: Candidate): boolean {
    const old = this.picked[position];
    const group = this.groupOf(candidate.item);
    const oldGroup = this.groupOf(old.item);
    if (this.items.has(candidate.item) || !this.ctx.eligible(candidate.item)) return false;
    if (group >= 0 && group !== oldGroup && this.groups.has(group)) return false;
    this.items.delete(old.item);
    if (oldGroup >= 0) this.groups.delete(oldGroup);
    this.items.add(candidate.item);
    if (group >= 0) this.groups.add(group);
    this.picked[position] = candidate;
    return true;
  }

  hasCategory(category: number): boolean {
    for (const c of this.picked) if (this.ctx.categoryOf(c.item) === category) return true;
    return false;
  }

  private groupOf(item: number): number {
    if (this.distinct === "category") {
      const c = this.ctx.build.meta.itemCategory[item];
      return isExclusiveCategory(this.ctx.build, c) ? c : -1;
    }
    if (this.distinct === "brand") return this.ctx.build.meta.itemBrand[item];
    return -1;
  }
}
