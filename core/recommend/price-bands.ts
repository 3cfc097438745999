/**
 * @module
 * The category rule's price bands (`category-rules.ts`): which items of the anchor's category stand in for a
 * missing or short list, and in what order before the request's own checks (stock, rules, what is held or shown).
 * `bandMembers` takes each band's best members over the whole catalogue at build time, so the edge format's
 * anchor blob carries them (`price_band` list) and the edge needs no category's full membership.
 */
import { ItemFlag } from "../blob/meta-blob";
import { type CompatIndex, fitsCart } from "../catalog/compat-index";

export interface PriceBand {
  lo: number;
  hi: number;
  target: number;
  /** Items carrying this flag rank first (ItemFlag.NEW for upgrades, CLEARANCE for deals). */
  preferFlag?: number;
  /** Exclusive lower bound (an upgrade must cost more). */
  aboveOnly?: boolean;
}

export const PRICE_BANDS = {
  downSell: { lo: 0.45, hi: 0.85, target: 0.65 },
  similar: { lo: 0.7, hi: 1.4, target: 1 },
  upgrade: { lo: 1.15, hi: 3, target: 1.5, preferFlag: ItemFlag.NEW, aboveOnly: true },
  clearance: { lo: 0.3, hi: 0.9, target: 0.7, preferFlag: ItemFlag.CLEARANCE },
} as const satisfies Record<string, PriceBand>;

/** How close an item priced p is to the band's target around the anchor's price (1 at the target). */
export function bandScore(p: number, anchorPrice: number, band: PriceBand): number {
  return 1 - Math.min(1, Math.abs(p / anchorPrice - band.target));
}

export interface BandColumns {
  prices: Float32Array;
  flags: Uint8Array;
  compat?: CompatIndex;
  popularity: Float32Array;
}

/**
 * Per band, its `perBand` best members for `anchor` in the order the category rule ranks them (preferred flag,
 * purchase count, closeness to the target, index), before the request's checks; all bands' together, cheapest first
 * (ties by index). `members`: the anchor's category, cheapest first, end-of-life items left out.
 */
export function bandMembers(columns: BandColumns, members: ArrayLike<number>, anchor: number, perBand: number): number[] {
  const { prices, flags, compat, popularity } = columns;
  const price = prices[anchor];
  if (!(price > 0)) return [];
  const anchorOnly = Uint32Array.of(anchor);
  const chosen = new Set<number>();
  for (const band of Object.values(PRICE_BANDS) as PriceBand[]) {
    const lo = band.lo * price;
    const hi = band.hi * price;
    const found: number[] = [];
    for (let i = 0; i < members.length; i++) {
      const item = members[i];
      const p = prices[item];
      if (!(p >= lo && p <= hi) || item === anchor || (band.aboveOnly === true && p <= lo)) continue;
      if (compat !== undefined && !fitsCart(compat, item, anchorOnly)) continue;
      found.push(item);
    }
    const preferred = (item: number) => (band.preferFlag !== undefined && (flags[item] & band.preferFlag) !== 0 ? 1 : 0);
    found.sort((a, b) => preferred(b) - preferred(a) || popularity[b] - popularity[a] || bandScore(prices[b], price, band) - bandScore(prices[a], price, band) || a - b);
    for (const item of found.slice(0, perBand)) chosen.add(item);
  }
  return [...chosen].sort((a, b) => prices[a] - prices[b] || a - b);
}
