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

/** Members without a purchase count or a preferred flag a band reads at most, outward from its target price: a bound on the work per anchor. */
const BAND_SCAN = 400;

/**
 * Members of one category with the same fit requirement, as the bands read them, per preference (none, and each
 * flag a band prefers): `ranked`, the members a band ranks by more than price (a purchase count, or the preferred
 * flag) in the order the band ranks them before closeness (preferred first, then by purchase count), cut into
 * `groups` of equal rank, each group cheapest first; `plain`, the rest (unknown prices left out), cheapest first.
 */
interface BandOrder {
  ranked: Uint32Array;
  /** Group g is ranked[groups[g] .. groups[g + 1]). */
  groups: Uint32Array;
  plain: Uint32Array;
}

/** A category's members that require the same (`sample`'s clauses fit an anchor exactly when any of theirs do), one order per preference (key 0: none). */
interface BandPart {
  sample: number;
  orders: ReadonlyMap<number, BandOrder>;
}

export type BandIndex = readonly BandPart[];

/** The members' band orders (`members`: the category, end-of-life items left out), split by what they require. */
export function bandIndex(columns: BandColumns, members: ArrayLike<number>): BandIndex {
  const { compat } = columns;
  const byRequirement = new Map<string, number[]>();
  for (const item of Array.from(members)) {
    const key = compat === undefined ? "" : requirementKey(compat, item);
    const part = byRequirement.get(key);
    if (part === undefined) byRequirement.set(key, [item]);
    else part.push(item);
  }
  return [...byRequirement.values()].map((part) => ({ sample: part[0], orders: bandOrders(columns, part) }));
}

/** The clauses item x requires, as text (equal for items any anchor fits alike, when the anchor pins nothing). */
function requirementKey(compat: CompatIndex, x: number): string {
  if (x + 1 >= compat.clauseStart.length) return "";
  const clauses: string[] = [];
  for (let c = compat.clauseStart[x]; c < compat.clauseStart[x + 1]; c++) clauses.push(compat.clauseTokens.subarray(compat.clauseTokenStart[c], compat.clauseTokenStart[c + 1]).join(","));
  return clauses.join(";");
}

function bandOrders(columns: BandColumns, members: readonly number[]): Map<number, BandOrder> {
  const { prices, flags, popularity } = columns;
  const orders = new Map<number, BandOrder>();
  const preferences = new Set<number>([0]);
  for (const band of Object.values(PRICE_BANDS) as PriceBand[]) if (band.preferFlag !== undefined) preferences.add(band.preferFlag);
  for (const flag of preferences) {
    const preferred = (item: number) => (flag !== 0 && (flags[item] & flag) !== 0 ? 1 : 0);
    const ranked: number[] = [];
    const plain: number[] = [];
    for (const item of members) {
      if (!(prices[item] > 0)) continue;
      if (popularity[item] > 0 || preferred(item) === 1) ranked.push(item);
      else plain.push(item);
    }
    ranked.sort((a, b) => preferred(b) - preferred(a) || popularity[b] - popularity[a] || prices[a] - prices[b] || a - b);
    const groups: number[] = [0];
    for (let i = 1; i < ranked.length; i++) {
      const a = ranked[i - 1];
      const b = ranked[i];
      if (preferred(a) !== preferred(b) || popularity[a] !== popularity[b]) groups.push(i);
    }
    groups.push(ranked.length);
    plain.sort((a, b) => prices[a] - prices[b] || a - b);
    orders.set(flag, { ranked: Uint32Array.from(ranked), groups: Uint32Array.from(groups), plain: Uint32Array.from(plain) });
  }
  return orders;
}

/**
 * Per band, its `perBand` best members for `anchor` in the order the category rule ranks them (preferred flag,
 * purchase count, closeness to the target, index), before the request's checks; all bands' together, cheapest first
 * (ties by index). `index`: the anchor's category's `bandIndex`.
 *
 * An anchor that pins nothing fits a part's members exactly when it fits its sample, so only the parts it fits are
 * read. Their ranked members are read group by group (equal preference and purchase count), each group's price
 * range only, and in the group that fills the band from the target price outward until no closer member is left:
 * exact, and the work grows with what the band takes, not with the category. Members without either rank by
 * closeness alone and are read the same way, at most BAND_SCAN of them per band and part (a band whose members
 * mostly misfit an anchor that pins may miss some).
 */
export function bandMembers(columns: BandColumns, index: BandIndex, anchor: number, perBand: number): number[] {
  const { prices, compat, popularity, flags } = columns;
  const price = prices[anchor];
  if (!(price > 0)) return [];
  const anchorOnly = Uint32Array.of(anchor);
  const pins = compat !== undefined && anchor + 1 < compat.pinStart.length && compat.pinStart[anchor + 1] > compat.pinStart[anchor];
  const parts = pins || compat === undefined ? index : index.filter((part) => fitsCart(compat, part.sample, anchorOnly));
  const chosen = new Set<number>();
  for (const band of Object.values(PRICE_BANDS) as PriceBand[]) {
    const lo = band.lo * price;
    const hi = band.hi * price;
    const fits = (item: number) => {
      const p = prices[item];
      if (!(p >= lo && p <= hi) || item === anchor || (band.aboveOnly === true && p <= lo)) return false;
      return !pins || fitsCart(compat!, item, anchorOnly);
    };
    const score = (item: number) => bandScore(prices[item], price, band);
    const found: number[] = [];
    for (const part of parts) {
      const order = part.orders.get(band.preferFlag ?? 0);
      if (order !== undefined) found.push(...bandTop(order, prices, lo, hi, band.target * price, perBand, fits, score));
    }
    const preferred = (item: number) => (band.preferFlag !== undefined && (flags[item] & band.preferFlag) !== 0 ? 1 : 0);
    found.sort((a, b) => preferred(b) - preferred(a) || popularity[b] - popularity[a] || score(b) - score(a) || a - b);
    for (const item of found.slice(0, perBand)) chosen.add(item);
  }
  return [...chosen].sort((a, b) => prices[a] - prices[b] || a - b);
}

/** The `perBand` best members of one part's order priced in [lo, hi] that fit. */
function bandTop(
  order: BandOrder,
  prices: Float32Array,
  lo: number,
  hi: number,
  target: number,
  perBand: number,
  fits: (item: number) => boolean,
  score: (item: number) => number,
): number[] {
  const found: number[] = [];
  const { ranked, groups, plain } = order;
  for (let g = 0; g + 1 < groups.length && found.length < perBand; g++) {
    const group = ranked.subarray(groups[g], groups[g + 1]);
    const first = firstAtLeast(group, prices, lo);
    const end = firstAbove(group, prices, hi);
    if (end - first <= perBand - found.length) {
      for (let i = first; i < end; i++) if (fits(group[i])) found.push(group[i]);
      continue;
    }
    found.push(...closest(group, first, end, prices, target, perBand - found.length, fits, score));
  }
  // The rest rank after every ranked member, by closeness to the target price alone.
  const need = perBand - found.length;
  if (need > 0) found.push(...closest(plain, firstAtLeast(plain, prices, lo), firstAbove(plain, prices, hi), prices, target, need, fits, score, BAND_SCAN));
  return found;
}

/**
 * The `need` members of group[first .. end) (cheapest first, equal prices by index) that fit, closest to `target` by
 * `score` (ties by index): read outward from the target a level at a time, a level being the runs of equal price on
 * either side whose score is the best left (each side's scores fall outward). The level that fills the need gives
 * its lowest indices, read from the start of each run, so a price shared by thousands costs what it yields. At
 * most `maxReads` members are read.
 */
function closest(
  group: Uint32Array,
  first: number,
  end: number,
  prices: Float32Array,
  target: number,
  need: number,
  fits: (item: number) => boolean,
  score: (item: number) => number,
  maxReads = Number.POSITIVE_INFINITY,
): number[] {
  const taken: number[] = [];
  let right = first + firstAtLeast(group.subarray(first, end), prices, target);
  let left = right - 1;
  let reads = 0;
  while (taken.length < need && reads < maxReads && (left >= first || right < end)) {
    const level = Math.max(right < end ? score(group[right]) : Number.NEGATIVE_INFINITY, left >= first ? score(group[left]) : Number.NEGATIVE_INFINITY);
    const runs: Array<[number, number]> = [];
    while (right < end && score(group[right]) === level) {
      const runEnd = right + firstAbove(group.subarray(right, end), prices, prices[group[right]]);
      runs.push([right, runEnd]);
      right = runEnd;
    }
    while (left >= first && score(group[left]) === level) {
      const runStart = first + firstAtLeast(group.subarray(first, left + 1), prices, prices[group[left]]);
      runs.push([runStart, left + 1]);
      left = runStart - 1;
    }
    const room = need - taken.length;
    const found: number[] = [];
    for (const [from, to] of runs) {
      let got = 0;
      for (let i = from; i < to && got < room && reads < maxReads; i++) {
        reads++;
        if (!fits(group[i])) continue;
        found.push(group[i]);
        got++;
      }
    }
    found.sort((x, y) => x - y);
    for (let k = 0; k < found.length && k < room; k++) taken.push(found[k]);
  }
  return taken;
}

/** The first position of `sorted` (cheapest first) priced above `value`. */
function firstAbove(sorted: ArrayLike<number>, prices: Float32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prices[sorted[mid]] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
