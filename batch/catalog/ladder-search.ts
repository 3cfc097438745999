/**
 * @module
 * The ladder and similar lists of one block (items of one leaf category with the same fit), without comparing
 * every pair of items. Items fall into spec classes (`spec-classes.ts`); a distance is computed per pair of
 * classes that can meet (`class-neighbours.ts`); each anchor's list is then a lazy k-way merge over the
 * neighbouring classes, each class a stream of its sellable members in the anchor's price window, best first:
 *
 *   ladder:   score(j) = base(D) * boost(j),  base(D) = (1 - D / bound) * (1 strict | 0.5 relaxed),
 *             boost(j) = (1 + b_clear [clearance]) * (1 + b_margin clamp(m_j - m_med, -0.3, 0.3)),
 *             a class's stream in descending boost, so base(D) * boost(next) bounds what it still holds;
 *   similar:  score(j) = 1 - D, a class's stream in ascending index.
 *
 * An entry leaves the merge only when no open stream and no unopened class can still beat it, so each list is
 * exactly the top of the full ranking (score, then distance, then index; one per device model) that the formulas
 * of `down-sell.ts` define, whatever the block's size. Anchors of one class with the same price and model get the
 * same list, computed once.
 */
import { lowerBound } from "../../core/lower-bound";
import { BinaryHeap } from "../mining/binary-heap";
import { type ClassNeighbours, classNeighbours } from "./class-neighbours";
import { specClasses } from "./spec-classes";
import { type SharedSpec, sharedSpecDetails, type SpecRarity, type Specs } from "./spec-distance";

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
  /** Blocks with more spec classes than this find neighbouring classes approximately (`class-neighbours.ts`). */
  exactClassLimit?: number;
}

export interface LadderEntry {
  item: number;
  distance: number;
  score: number;
  /** 1 - p_j / p_i. */
  saving: number;
  /** Specs the two share exactly, what makes the pair stand out in its category first. */
  shared: SharedSpec[];
}

/** Similar items are looked for among prices within this factor of the anchor's. */
const SIMILAR_PRICE_SPAN = 2;

/** A range of at most this many items (or an eighth of the class) is read in full instead of streamed. */
const SMALL_RANGE = 32;

type Pass = "strict" | "relaxed" | "similar";

interface ClassMembers {
  /** Sellable members by ascending price (then index), with their prices. */
  byPrice: Uint32Array;
  prices: Float64Array;
  /** Sellable members by descending boost, then ascending index. */
  byBoost: Uint32Array;
  /** Sellable members by ascending index. */
  byIndex: Uint32Array;
  maxBoost: number;
}

interface Neighbour {
  cls: number;
  distance: number;
  base: number;
  ub: number;
}

interface Stream {
  order: ArrayLike<number>;
  pos: number;
  distance: number;
  base: number;
  /** An upper bound on the score of every entry the stream still holds. */
  ub: number;
}

export interface BlockResult {
  classes: number;
  approximate: boolean;
}

export class LadderBlock {
  private readonly members: ClassMembers[];
  private readonly classOf: Map<number, number>;
  private readonly specs: Specs[];
  private readonly neighbours: ClassNeighbours;
  private readonly plans = new Map<string, Neighbour[]>();
  private readonly boost: (j: number) => number;
  private readonly lowRatio: number;

  constructor(
    private readonly items: readonly LadderItem[],
    block: readonly number[],
    private readonly medianMargin: number | undefined,
    private readonly o: Required<LadderOptions>,
    /** How common each spec value is in the block's category: reasons name what stands out first. */
    private readonly rarity?: SpecRarity,
  ) {
    const classes = specClasses(block, (i) => items[i].specs);
    this.specs = classes.specs;
    this.classOf = new Map(block.map((item, m) => [item, classes.classOf[m]]));
    this.lowRatio = Math.min(o.minPriceRatio, 1 / SIMILAR_PRICE_SPAN);
    this.boost = (j) => {
      const c = items[j];
      let f = c.clearance ? 1 + o.clearanceBoost : 1;
      if (medianMargin !== undefined && c.margin !== undefined) f *= 1 + o.marginBoost * Math.max(-0.3, Math.min(0.3, c.margin - medianMargin));
      return f;
    };
    const count = this.specs.length;
    const grouped: number[][] = Array.from({ length: count }, () => []);
    const anchorMin = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
    const anchorMax = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
    const candidateMin = new Float64Array(count).fill(Number.NaN);
    const candidateMax = new Float64Array(count).fill(Number.NaN);
    block.forEach((i, m) => {
      const c = classes.classOf[m];
      const price = items[i].price;
      anchorMin[c] = Math.min(anchorMin[c], price);
      anchorMax[c] = Math.max(anchorMax[c], price);
      if (!items[i].sellable) return;
      grouped[c].push(i);
      candidateMin[c] = Number.isNaN(candidateMin[c]) ? price : Math.min(candidateMin[c], price);
      candidateMax[c] = Number.isNaN(candidateMax[c]) ? price : Math.max(candidateMax[c], price);
    });
    this.members = grouped.map((list) => {
      const byIndex = Uint32Array.from(list).sort();
      const byPrice = Uint32Array.from(byIndex).sort((a, b) => items[a].price - items[b].price || a - b);
      const boosts = new Map(list.map((j) => [j, this.boost(j)]));
      const byBoost = Uint32Array.from(byIndex).sort((a, b) => boosts.get(b)! - boosts.get(a)! || a - b);
      return {
        byPrice,
        prices: Float64Array.from(byPrice, (j) => items[j].price),
        byBoost,
        byIndex,
        maxBoost: byBoost.length > 0 ? boosts.get(byBoost[0])! : Number.NEGATIVE_INFINITY,
      };
    });
    this.neighbours = classNeighbours(
      this.specs,
      { anchorMin, anchorMax, candidateMin, candidateMax },
      {
        maxDistance: Math.max(o.maxDistance, o.relaxedMaxDistance, o.similarMaxDistance),
        lowRatio: this.lowRatio,
        highRatio: SIMILAR_PRICE_SPAN,
        exactLimit: o.exactClassLimit,
      },
    );
  }

  get result(): BlockResult {
    return { classes: this.specs.length, approximate: this.neighbours.approximate };
  }

  /** Writes the ladder and similar list of every anchor of the block; similar items leave the ladder's out. */
  fill(block: readonly number[], downSell: LadderEntry[][], similar: LadderEntry[][]): void {
    const { o, items } = this;
    const selfInBand = o.minPriceRatio <= 1 && 1 <= o.maxPriceRatio;
    const ladders = new Map<string, LadderEntry[]>();
    const nears = new Map<string, LadderEntry[]>();
    for (const i of block) {
      const anchor = items[i];
      const key = `${this.classOf.get(i)}|${anchor.price}|${anchor.model ?? ""}`;
      let down = selfInBand ? undefined : ladders.get(key);
      if (down === undefined) {
        down = selfInBand ? this.ladder(i, i) : this.ladder(i, -1);
        if (!selfInBand) ladders.set(key, down);
      }
      if (down.length > 0) downSell[i] = down;
      const nearKey = down.length === 0 ? key : `${key}|${down.map((e) => e.item).join(",")}`;
      let near = nears.get(nearKey);
      if (near === undefined) {
        // The anchor itself may come out of the shared computation (it is removed below), so one more is asked for.
        near = this.top("similar", i, -1, o.similarPerItem + 1, down.length === 0 ? undefined : new Set(down.map((e) => e.item)));
        nears.set(nearKey, near);
      }
      const list = withoutSelf(near, i, o.similarPerItem);
      if (list.length > 0) similar[i] = list;
    }
  }

  /** The strict ladder, or the relaxed one when nothing is close enough. */
  private ladder(anchor: number, excluded: number): LadderEntry[] {
    const strict = this.top("strict", anchor, excluded, this.o.perItem);
    return strict.length > 0 ? strict : this.top("relaxed", anchor, excluded, this.o.perItem);
  }

  /** Neighbouring classes of a class for a pass, by descending upper bound. */
  private plan(cls: number, pass: Pass): Neighbour[] {
    const key = `${cls}|${pass}`;
    let plan = this.plans.get(key);
    if (plan !== undefined) return plan;
    const { o } = this;
    plan = [];
    const { offsets, classes, distances } = this.neighbours;
    for (let x = offsets[cls]; x < offsets[cls + 1]; x++) {
      const distance = distances[x];
      const target = classes[x];
      if (pass === "similar") {
        if (distance <= o.similarMaxDistance) plan.push({ cls: target, distance, base: 1 - distance, ub: above(1 - distance) });
        continue;
      }
      const inPass = pass === "strict" ? distance <= o.maxDistance : distance > o.maxDistance && distance <= o.relaxedMaxDistance;
      if (!inPass) continue;
      const bound = distance <= o.maxDistance ? o.maxDistance : o.relaxedMaxDistance;
      const base = (1 - distance / bound) * (bound === o.maxDistance ? 1 : 0.5);
      plan.push({ cls: target, distance, base, ub: above(base * this.members[target].maxBoost) });
    }
    plan.sort((a, b) => b.ub - a.ub || a.distance - b.distance || a.cls - b.cls);
    this.plans.set(key, plan);
    return plan;
  }

  /** The best `limit` entries of a pass for the anchor, never `excluded` nor a `skipped` item, one per device model. */
  private top(pass: Pass, anchor: number, excluded: number, limit: number, skipped?: ReadonlySet<number>): LadderEntry[] {
    const { items, o } = this;
    const a = items[anchor];
    const p = a.price;
    const similar = pass === "similar";
    const accepts = (j: number): boolean => {
      if (j === excluded || skipped?.has(j)) return false;
      const q = items[j].price;
      if (!(q >= p * this.lowRatio && q < p * SIMILAR_PRICE_SPAN + 1e-9)) return false;
      if (similar) return a.model === undefined || items[j].model !== a.model;
      const ratio = q / p;
      return ratio >= o.minPriceRatio && ratio <= o.maxPriceRatio;
    };
    const entryOf = (j: number, stream: Stream): LadderEntry => {
      const c = items[j];
      const ratio = c.price / p;
      if (similar) return { item: j, distance: stream.distance, score: 1 - stream.distance, saving: 1 - ratio, shared: [] };
      let score = stream.base;
      if (c.clearance) score *= 1 + o.clearanceBoost;
      if (this.medianMargin !== undefined && c.margin !== undefined) score *= 1 + o.marginBoost * Math.max(-0.3, Math.min(0.3, c.margin - this.medianMargin));
      return { item: j, distance: stream.distance, score, saving: 1 - ratio, shared: [] };
    };
    const ubOf = (stream: Stream) => (similar ? above(stream.base) : above(stream.base * this.boost(stream.order[stream.pos])));
    /** Moves to the next acceptable member; false when the stream is done. */
    const advance = (stream: Stream): boolean => {
      while (stream.pos < stream.order.length && !accepts(stream.order[stream.pos])) stream.pos++;
      if (stream.pos >= stream.order.length) return false;
      stream.ub = ubOf(stream);
      return true;
    };
    const open = (neighbour: Neighbour): Stream => {
      const m = this.members[neighbour.cls];
      const lo = lowerBound(m.prices, p * (similar ? this.lowRatio : Math.max(this.lowRatio, o.minPriceRatio)) * (1 - 1e-12));
      const hi = lowerBound(m.prices, similar ? p * SIMILAR_PRICE_SPAN + 1e-9 : Math.min(p * SIMILAR_PRICE_SPAN + 1e-9, p * o.maxPriceRatio * (1 + 1e-12) + 1e-300));
      let order: ArrayLike<number> = similar ? m.byIndex : m.byBoost;
      if (hi - lo <= SMALL_RANGE || (hi - lo) * 8 <= m.byPrice.length) {
        const range = Array.from(m.byPrice.subarray(lo, hi));
        order = similar ? range.sort((x, y) => x - y) : range.sort((x, y) => this.boost(y) - this.boost(x) || x - y);
      }
      return { order, pos: 0, distance: neighbour.distance, base: neighbour.base, ub: 0 };
    };

    const plan = this.plan(this.classOf.get(anchor)!, pass);
    const entries = new BinaryHeap<LadderEntry>(
      (x, y) => x.score > y.score || (x.score === y.score && (x.distance < y.distance || (x.distance === y.distance && x.item < y.item))),
    );
    const streams = new BinaryHeap<Stream>((x, y) => x.ub > y.ub);
    const out: LadderEntry[] = [];
    const models = new Set<string>();
    let next = 0;
    while (out.length < limit) {
      const best = entries.peek();
      const floor = best === undefined ? Number.NEGATIVE_INFINITY : best.score;
      const stream = streams.peek();
      const streamUb = stream === undefined ? Number.NEGATIVE_INFINITY : stream.ub;
      const classUb = next < plan.length ? plan[next].ub : Number.NEGATIVE_INFINITY;
      if (stream !== undefined && streamUb >= floor && streamUb >= classUb) {
        streams.pop();
        entries.push(entryOf(stream.order[stream.pos], stream));
        stream.pos++;
        if (advance(stream)) streams.push(stream);
        continue;
      }
      if (next < plan.length && classUb >= floor) {
        const opened = open(plan[next++]);
        if (advance(opened)) streams.push(opened);
        continue;
      }
      if (best === undefined) break;
      entries.pop();
      const model = items[best.item].model;
      if (model !== undefined) {
        if (models.has(model)) continue;
        models.add(model);
      }
      best.shared = sharedSpecDetails(a.specs, items[best.item].specs, 2, this.rarity);
      out.push(best);
    }
    return out;
  }
}

/** x plus a margin for rounding, so that an upper bound computed as one product bounds the same factors multiplied in turn. */
function above(x: number): number {
  return x + Math.abs(x) * 1e-12;
}

function withoutSelf(list: LadderEntry[], self: number, limit: number): LadderEntry[] {
  const at = list.findIndex((e) => e.item === self);
  if (at >= 0) return list.filter((e) => e.item !== self).slice(0, limit);
  return list.length > limit ? list.slice(0, limit) : list;
}
