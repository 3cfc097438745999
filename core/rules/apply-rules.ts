/**
 * @module
 * Merchandising rules at serve time. `compileRules` turns the active rules into item predicates over a build
 * (once per rules overlay and build); `SlotRules` applies the ones in scope to one slot:
 *
 *   allows(item)   false when an `exclude` matches it or a `filter` does not   (used while merging candidates)
 *   rerank(list)   boost, then bury, then pin:
 *                    boost  s' = s * w (s >= 0) or s / w (s < 0), w = product of the matching boosts' weights;
 *                           stable sort by s' descending
 *                    bury   matched items after all others, each group in its order
 *                    pin    matched items (ids in `match.ids` order; inserted when not already candidates) moved
 *                           to position `weight` (1-based), rule by rule in id order
 *
 * Matching: every condition of `match` must hold. `category` selects the category with that path, every category
 * below it, and every category whose leaf has that name (case-insensitive); `brand` is case-insensitive;
 * `lifecycle` reads the build's flags (active = none of new, clearance, end of life); `stock_*` read the units the
 * caller reports (out of stock = 0, unknown never matches a stock bound).
 */
import { type BuildMeta, ItemFlag } from "../blob/meta-blob";
import type { Placement, SlotKind } from "../types";
import type { MerchRule, RuleAction } from "./merch-rule";
import { isActive } from "./merch-rule";

export interface CompiledRule {
  rule: MerchRule;
  /** Item indices of `match.ids` known to the build, in the given order. */
  ids: number[];
  matches(item: number, stock: (item: number) => number): boolean;
}

export class CompiledRules {
  private readonly scoped = new Map<string, { at: number; rules: SlotRules }>();

  constructor(readonly rules: readonly CompiledRule[]) {}

  /** The rules in scope for one slot at `now` (unix seconds); cached per placement and slot for the same second. */
  forSlot(placement: Placement, slot: SlotKind, now: number): SlotRules {
    const key = `${placement}/${slot}`;
    const cached = this.scoped.get(key);
    if (cached !== undefined && cached.at === now) return cached.rules;
    const rules = new SlotRules(
      this.rules.filter(({ rule }) => isActive(rule, now) && (rule.placement === null || rule.placement === placement) && (rule.match.slots === undefined || rule.match.slots.includes(slot))),
    );
    this.scoped.set(key, { at: now, rules });
    return rules;
  }
}

const LIFECYCLE_FLAGS = { new: ItemFlag.NEW, clearance: ItemFlag.CLEARANCE, eol: ItemFlag.EOL } as const;

export function compileRules(
  rules: readonly MerchRule[],
  meta: Pick<BuildMeta, "categories" | "itemCategory" | "brands" | "itemBrand" | "prices" | "flags">,
  index: { get(id: string): number | undefined },
): CompiledRules {
  const compiled: CompiledRule[] = [];
  for (const rule of [...rules].sort((a, b) => a.id - b.id)) {
    const { match } = rule;
    const ids: number[] = [];
    for (const id of match.ids ?? []) {
      const item = index.get(id);
      if (item !== undefined && !ids.includes(item)) ids.push(item);
    }
    const idSet = match.ids === undefined ? undefined : new Set(ids);
    let categories: Set<number> | undefined;
    if (match.category !== undefined) {
      const wanted = match.category.trim().toLowerCase();
      categories = new Set();
      meta.categories.forEach((path, c) => {
        const lower = path.toLowerCase();
        const leaf = lower.includes(" > ") ? lower.slice(lower.lastIndexOf(" > ") + 3) : lower;
        if (lower === wanted || lower.startsWith(`${wanted} > `) || leaf === wanted) categories!.add(c);
      });
    }
    let brands: Set<number> | undefined;
    if (match.brand !== undefined) {
      const wanted = match.brand.trim().toLowerCase();
      brands = new Set();
      meta.brands.forEach((brand, b) => {
        if (brand.toLowerCase() === wanted) brands!.add(b);
      });
    }
    let lifecycleMask = -1;
    let wantsActive = false;
    if (match.lifecycle !== undefined) {
      lifecycleMask = 0;
      for (const l of match.lifecycle) {
        if (l === "active") wantsActive = true;
        else lifecycleMask |= LIFECYCLE_FLAGS[l];
      }
    }
    const { price_min: priceMin, price_max: priceMax, stock_min: stockMin, stock_max: stockMax } = match;
    const lifecycleBits = ItemFlag.NEW | ItemFlag.CLEARANCE | ItemFlag.EOL;
    compiled.push({
      rule,
      ids,
      matches(item, stock) {
        if (idSet !== undefined && !idSet.has(item)) return false;
        if (categories !== undefined && !categories.has(meta.itemCategory[item])) return false;
        if (brands !== undefined && !brands.has(meta.itemBrand[item])) return false;
        if (priceMin !== undefined || priceMax !== undefined) {
          const p = meta.prices[item];
          if (Number.isNaN(p) || (priceMin !== undefined && p < priceMin) || (priceMax !== undefined && p > priceMax)) return false;
        }
        if (stockMin !== undefined || stockMax !== undefined) {
          const units = stock(item);
          if (units < 0 || (stockMin !== undefined && units < stockMin) || (stockMax !== undefined && units > stockMax)) return false;
        }
        if (lifecycleMask !== -1) {
          const bits = meta.flags[item] & lifecycleBits;
          if (!((bits & lifecycleMask) !== 0 || (wantsActive && bits === 0))) return false;
        }
        return true;
      },
    });
  }
  return new CompiledRules(compiled);
}

export interface Ranked {
  item: number;
  score: number;
}

const NO_STOCK = () => -1;

export class SlotRules {
  private readonly byAction: Record<RuleAction, CompiledRule[]> = { pin: [], boost: [], bury: [], exclude: [], filter: [] };

  constructor(rules: readonly CompiledRule[]) {
    for (const r of rules) this.byAction[r.rule.action].push(r);
  }

  get isEmpty(): boolean {
    const a = this.byAction;
    return a.pin.length + a.boost.length + a.bury.length + a.exclude.length + a.filter.length === 0;
  }

  /** True when no exclude matches the item and every filter does. */
  allows(item: number, stock: (item: number) => number = NO_STOCK): boolean {
    for (const r of this.byAction.exclude) if (r.matches(item, stock)) return false;
    for (const r of this.byAction.filter) if (!r.matches(item, stock)) return false;
    return true;
  }

  /**
   * Boosts, buries and pins a ranked slot (best first) into a new array (boosted entries get their new score).
   * `insert(item)` makes an entry for a pinned id that is not
   * among the candidates, or returns undefined when it may not be shown (out of stock, in the cart, not fitting).
   */
  rerank<T extends Ranked>(ranked: T[], stock: (item: number) => number = NO_STOCK, insert?: (item: number) => T | undefined): T[] {
    let out = ranked.slice();
    if (this.byAction.boost.length > 0) {
      const keyed = out.map((entry, position) => {
        let factor = 1;
        for (const r of this.byAction.boost) if (r.matches(entry.item, stock)) factor *= r.rule.weight ?? 2;
        if (factor !== 1) entry.score = entry.score >= 0 ? entry.score * factor : entry.score / factor;
        return { entry, position };
      });
      keyed.sort((a, b) => b.entry.score - a.entry.score || a.position - b.position);
      out = keyed.map((k) => k.entry);
    }
    if (this.byAction.bury.length > 0) {
      const kept: T[] = [];
      const buried: T[] = [];
      for (const entry of out) (this.byAction.bury.some((r) => r.matches(entry.item, stock)) ? buried : kept).push(entry);
      out = kept.concat(buried);
    }
    for (const r of this.byAction.pin) {
      const pinned: T[] = [];
      if (r.rule.match.ids !== undefined) {
        for (const item of r.ids) {
          if (!r.matches(item, stock) || !this.allows(item, stock)) continue;
          const at = out.findIndex((e) => e.item === item);
          if (at >= 0) pinned.push(out.splice(at, 1)[0]);
          else {
            const made = insert?.(item);
            if (made !== undefined) pinned.push(made);
          }
        }
      } else {
        const rest: T[] = [];
        for (const entry of out) (r.matches(entry.item, stock) ? pinned : rest).push(entry);
        out = rest;
      }
      if (pinned.length === 0) continue;
      const position = Math.min(out.length, Math.max(0, Math.round(r.rule.weight ?? 1) - 1));
      out.splice(position, 0, ...pinned);
    }
    return out;
  }
}
