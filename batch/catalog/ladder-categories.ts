/**
 * @module
 * What every down-sell list is searched within: the items of each leaf category that have a positive price, and
 * the category's median margin m_med = the margin at rank floor(k / 2) of its k known margins, ascending
 * (`down-sell.ts`).
 */
import type { LadderItem } from "./ladder-search";

/** Per leaf category, the indexes of its priced items in ascending order; items without a category or price are in none. */
export function pricedCategoryGroups(items: readonly LadderItem[]): IterableIterator<number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < items.length; i++) {
    const { category, price } = items[i];
    if (category === undefined || !(price > 0)) continue;
    let group = groups.get(category);
    if (group === undefined) groups.set(category, (group = []));
    group.push(i);
  }
  return groups.values();
}

/** m_med of the group's items, undefined when none has a margin. */
export function categoryMedianMargin(items: readonly LadderItem[], group: readonly number[]): number | undefined {
  const margins = group
    .map((i) => items[i].margin)
    .filter((m): m is number => m !== undefined)
    .sort((a, b) => a - b);
  return margins.length > 0 ? margins[margins.length >> 1] : undefined;
}
