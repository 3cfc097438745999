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
 */
import { type SharedSpec, type Specs, SpecRarity, sharedSpecDetails, specDistance } from "./spec-distance";

export interface LadderItem {
  price: number;
  /** Leaf category key; items without one get no lists. */
  category: string | undefined;
  specs: Specs;
  /** May be suggested: in stock (or unknown) and not end of life. */
  sellable: boolean;
  clearance: boolean;
  margin?: number;
  /** Variants of one device model share it. */
  model?: string;
  /** Identical for items that need the same fit (undefined: no fit requirement). */
  fitKey?: string;
}

export interface LadderOptions {
  minPriceRatio?: number;
  maxPriceRatio?: number;
  maxDistance?: number;
  perItem?: number;
  /** The distance bound of the relaxed ladder, tried only when the strict one is empty. */
  relaxedMaxDistance?: number;
  similarMaxDistance?: number;
  similarPerItem?: number;
  clearanceBoost?: number;
  marginBoost?: number;
}

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
} as const;

/** Similar items are looked for among prices within this factor of the anchor's. */
const SIMILAR_PRICE_SPAN = 2;

export interface LadderEntry {
  item: number;
  distance: number;
  score: number;
  /** 1 - p_j / p_i. */
  saving: number;
  /** Specs the two share exactly, what makes the pair stand out in its category first. */
  shared: SharedSpec[];
}

export interface Ladders {
  downSell: LadderEntry[][];
  similar: LadderEntry[][];
}

export function buildLadders(items: readonly LadderItem[], options: LadderOptions = {}): Ladders {
  const o = { ...LADDER_DEFAULTS, ...options };
  const n = items.length;
  const downSell: LadderEntry[][] = Array.from({ length: n }, () => []);
  const similar: LadderEntry[][] = Array.from({ length: n }, () => []);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const { category, price } = items[i];
    if (category === undefined || !(price > 0)) continue;
    let group = groups.get(category);
    if (group === undefined) groups.set(category, (group = []));
    group.push(i);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => items[a].price - items[b].price || a - b);
    const prices = Float64Array.from(group, (i) => items[i].price);
    const margins = group.map((i) => items[i].margin).filter((m): m is number => m !== undefined).sort((a, b) => a - b);
    const rarity = new SpecRarity(group.map((i) => items[i].specs));
    const medianMargin = margins.length > 0 ? margins[margins.length >> 1] : undefined;
    for (const i of group) {
      const anchor = items[i];
      const p = anchor.price;
      const ladder: LadderEntry[] = [];
      const relaxed: LadderEntry[] = [];
      const near: LadderEntry[] = [];
      const from = lowerBound(prices, p * Math.min(o.minPriceRatio, 1 / SIMILAR_PRICE_SPAN));
      const to = lowerBound(prices, p * SIMILAR_PRICE_SPAN + 1e-9);
      for (let g = from; g < to; g++) {
        const j = group[g];
        const candidate = items[j];
        if (j === i || !candidate.sellable || candidate.fitKey !== anchor.fitKey) continue;
        const distance = specDistance(anchor.specs, candidate.specs);
        if (!(distance <= Math.max(o.maxDistance, o.relaxedMaxDistance, o.similarMaxDistance))) continue;
        const ratio = candidate.price / p;
        if (ratio >= o.minPriceRatio && ratio <= o.maxPriceRatio) {
          const bound = distance <= o.maxDistance ? o.maxDistance : o.relaxedMaxDistance;
          let score = (1 - distance / bound) * (bound === o.maxDistance ? 1 : 0.5);
          if (candidate.clearance) score *= 1 + o.clearanceBoost;
          if (medianMargin !== undefined && candidate.margin !== undefined) score *= 1 + o.marginBoost * Math.max(-0.3, Math.min(0.3, candidate.margin - medianMargin));
          if (distance <= o.maxDistance) ladder.push({ item: j, distance, score, saving: 1 - ratio, shared: [] });
          else if (distance <= o.relaxedMaxDistance) relaxed.push({ item: j, distance, score, saving: 1 - ratio, shared: [] });
        }
        if (distance <= o.similarMaxDistance && (anchor.model === undefined || candidate.model !== anchor.model)) {
          near.push({ item: j, distance, score: 1 - distance, saving: 1 - ratio, shared: [] });
        }
      }
      downSell[i] = best(ladder.length > 0 ? ladder : relaxed, items, o.perItem, anchor.specs, rarity);
      const onLadder = new Set(downSell[i].map((e) => e.item));
      similar[i] = best(near.filter((e) => !onLadder.has(e.item)), items, o.similarPerItem, anchor.specs, rarity);
    }
  }
  return { downSell, similar };
}

/** The top `limit` by score (ties: smaller distance, then index), one per device model. */
function best(entries: LadderEntry[], items: readonly LadderItem[], limit: number, anchor: Specs, rarity: SpecRarity): LadderEntry[] {
  entries.sort((a, b) => b.score - a.score || a.distance - b.distance || a.item - b.item);
  const models = new Set<string>();
  const out: LadderEntry[] = [];
  for (const entry of entries) {
    if (out.length >= limit) break;
    const model = items[entry.item].model;
    if (model !== undefined) {
      if (models.has(model)) continue;
      models.add(model);
    }
    entry.shared = sharedSpecDetails(anchor, items[entry.item].specs, 2, rarity);
    out.push(entry);
  }
  return out;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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
