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

/** Members a band examines beyond those it must (the best sellers and flagged items): a bound on the work per anchor. */
const BAND_SCAN = 400;

/**
 * Per band, its `perBand` best members for `anchor` in the order the category rule ranks them (preferred flag,
 * purchase count, closeness to the target, index), before the request's checks; all bands' together, cheapest first
 * (ties by index). `members`: the anchor's category, cheapest first (unknown prices last), end-of-life items left
 * out; `ranked`: those of them with a purchase count or a flag a band prefers (`bandRanked`), the same order.
 *
 * Members without either rank by closeness to the target price alone, so they are read outward from the target's
 * position; at most BAND_SCAN of them per band (a band whose members mostly misfit the anchor may miss some).
 */
export function bandMembers(columns: BandColumns, members: ArrayLike<number>, ranked: ArrayLike<number>, anchor: number, perBand: number): number[] {
  const { prices, flags, compat, popularity } = columns;
  const price = prices[anchor];
  if (!(price > 0)) return [];
  const anchorOnly = Uint32Array.of(anchor);
  const chosen = new Set<number>();
  for (const band of Object.values(PRICE_BANDS) as PriceBand[]) {
    const lo = band.lo * price;
    const hi = band.hi * price;
    const fits = (item: number) => {
      const p = prices[item];
      if (!(p >= lo && p <= hi) || item === anchor || (band.aboveOnly === true && p <= lo)) return false;
      return compat === undefined || fitsCart(compat, item, anchorOnly);
    };
    const preferred = (item: number) => (band.preferFlag !== undefined && (flags[item] & band.preferFlag) !== 0 ? 1 : 0);
    const score = (item: number) => bandScore(prices[item], price, band);
    const order = (a: number, b: number) => preferred(b) - preferred(a) || popularity[b] - popularity[a] || score(b) - score(a) || a - b;
    const special = new Set<number>();
    const found: number[] = [];
    for (let i = firstAtLeast(ranked, prices, lo); i < ranked.length && prices[ranked[i]] <= hi; i++) {
      const item = ranked[i];
      if (popularity[item] === 0 && preferred(item) === 0) continue;
      special.add(item);
      if (fits(item)) found.push(item);
    }
    // The rest by closeness to the target price: outward from it, nearer first.
    const target = band.target * price;
    let right = firstAtLeast(members, prices, target);
    let left = right - 1;
    const start = firstAtLeast(members, prices, lo);
    let plain = 0;
    for (let read = 0; read < BAND_SCAN && plain < perBand && (left >= start || (right < members.length && prices[members[right]] <= hi)); read++) {
      const takeRight = left < start || (right < members.length && prices[members[right]] <= hi && prices[members[right]] - target <= target - prices[members[left]]);
      const item = takeRight ? members[right++] : members[left--];
      if (special.has(item) || !fits(item)) continue;
      found.push(item);
      plain++;
    }
    found.sort(order);
    for (const item of found.slice(0, perBand)) chosen.add(item);
  }
  return [...chosen].sort((a, b) => prices[a] - prices[b] || a - b);
}

/** The first position of `sorted` (cheapest first, unknown prices last) priced at least `value`. */
export function firstAtLeast(sorted: ArrayLike<number>, prices: Float32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prices[sorted[mid]] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The members a band ranks by more than closeness: a purchase count, or a flag some band prefers. */
export function bandRanked(columns: BandColumns, members: ArrayLike<number>): Uint32Array {
  let flagged = 0;
  for (const band of Object.values(PRICE_BANDS) as PriceBand[]) flagged |= band.preferFlag ?? 0;
  return Uint32Array.from(Array.from(members).filter((item) => columns.popularity[item] > 0 || (columns.flags[item] & flagged) !== 0));
}
