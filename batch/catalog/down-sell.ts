/**
 * @module
 * Down-sell ladders and similar items from catalogue specs alone (so they exist for a product launched
 * yesterday). For an anchor i priced p_i, a candidate j qualifies for the ladder when it
 *
 *   - is in the same leaf category, sellable (in stock, not end of life) and not i itself,
 *   - is priced in the band  minPriceRatio * p_i <= p_j <= maxPriceRatio * p_i   (default 0.5 .. 0.95),
 *   - is within the spec distance  D(i, j) <= maxDistance   (default 0.3, `spec-distance.ts`),
 *   - needs the same fit as i when either has a fit requirement (a cheaper case must fit the same phone),
 *
 * and is ranked by
 *
 *   score(j | i) = (1 - D(i, j) / maxDistance) * (1 + b_clear [j on clearance]) * (1 + b_margin * clamp(m_j - m_med, -0.3, 0.3))
 *
 * with m_j j's margin, m_med the median margin of the category (the term is 0 where margins are unknown),
 * b_clear = 0.25, b_margin = 1. When nothing qualifies (an accessory with few specs, where another brand alone
 * costs D = 0.4), the ladder relaxes once to D(i, j) <= relaxedMaxDistance (0.5), scored the same against that
 * bound and halved, so a relaxed pick never outranks a strict one. At most one item per device model is kept
 * (the best variant). Reasons name what the pair shares that stands out in its category (`sharedSpecDetails`:
 * the same rare chipset before the same common RAM). `similar` is the
 * same without the price band or the boosts: same category, priced within a factor 2 either way, D <=
 * similarMaxDistance (0.35), other models only and not on the item's down-sell ladder (the value pick and the
 * similar items are different items), ranked by 1 - D.
 *
 * Lists never leave a block (one category, one fit), and within a block `ladder-search.ts` finds each list
 * without scoring every pair: the same lists as a scan of every anchor's price window, in time that grows with
 * the block's spec classes rather than with its products squared.
 */
import { EXACT_CLASS_LIMIT } from "./class-neighbours";
import { categoryMedianMargin, pricedCategoryGroups } from "./ladder-categories";
import { type LadderEntry, type LadderItem, type LadderOptions, LadderBlock } from "./ladder-search";
import { type SharedSpec, SpecRarity } from "./spec-distance";

export type { LadderEntry, LadderItem, LadderOptions } from "./ladder-search";

export const LADDER_DEFAULTS = {
  minPriceRatio: 0.5,
  maxPriceRatio: 0.95,
  maxDistance: 0.3,
  relaxedMaxDistance: 0.5,
  perItem: 5,
  similarMaxDistance: 0.35,
  similarPerItem: 8,
  clearanceBoost: 0.25,
  marginBoost: 1,
  exactClassLimit: EXACT_CLASS_LIMIT,
} as const;

export interface Ladders {
  /** Per item; items with equal lists may share one array (read only). */
  downSell: LadderEntry[][];
  similar: LadderEntry[][];
  stats: LadderStats;
}

interface LadderStats {
  /** Items of one category with the same fit: lists never cross blocks. */
  blocks: number;
  /** Spec classes summed over blocks (`spec-classes.ts`). */
  classes: number;
  /** Blocks whose neighbouring classes came from the approximate graph. */
  approximateBlocks: number;
}

export function buildLadders(items: readonly LadderItem[], options: LadderOptions = {}): Ladders {
  const o = { ...LADDER_DEFAULTS, ...options };
  const n = items.length;
  const downSell: LadderEntry[][] = new Array(n).fill(NONE);
  const similar: LadderEntry[][] = new Array(n).fill(NONE);
  const stats: LadderStats = { blocks: 0, classes: 0, approximateBlocks: 0 };
  for (const group of pricedCategoryGroups(items)) {
    const rarity = new SpecRarity(group.map((i) => items[i].specs));
    const medianMargin = categoryMedianMargin(items, group);
    const blocks = new Map<string | undefined, number[]>();
    for (const i of group) {
      const block = blocks.get(items[i].fitKey);
      if (block === undefined) blocks.set(items[i].fitKey, [i]);
      else block.push(i);
    }
    for (const block of blocks.values()) {
      const search = new LadderBlock(items, block, medianMargin, o, rarity);
      search.fill(block, downSell, similar);
      stats.blocks++;
      stats.classes += search.result.classes;
      if (search.result.approximate) stats.approximateBlocks++;
    }
  }
  return { downSell, similar, stats };
}

/** The list of an item without a ladder (shared, never written to). */
const NONE: LadderEntry[] = Object.freeze([]) as unknown as LadderEntry[];

/** "Same RTX 4060 and 16 GB RAM, 24% cheaper" (or "Close specs, 24% cheaper" when nothing is identical). */
export function downSellReason(entry: LadderEntry): string {
  const saving = `${Math.max(1, Math.round(entry.saving * 100))}% cheaper`;
  return `${sharedText(entry.shared) ?? "Close specs"}, ${saving}`;
}

/** "Same Snapdragon 8 Gen 3 and 6.7-inch screen", "Also Samsung, same 200 MP camera" (or "Similar specs"). */
export function similarReason(entry: LadderEntry): string {
  return sharedText(entry.shared) ?? "Similar specs";
}

function sharedText(shared: readonly SharedSpec[]): string | undefined {
  const brand = shared.find((s) => s.brand);
  const specs = shared.filter((s) => !s.brand).map((s) => s.label);
  if (brand === undefined) return specs.length === 0 ? undefined : `Same ${joinAnd(specs)}`;
  return specs.length === 0 ? `Also ${brand.label}` : `Also ${brand.label}, same ${joinAnd(specs)}`;
}

function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
