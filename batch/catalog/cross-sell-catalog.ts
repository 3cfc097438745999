/**
 * @module
 * Cross-sell that knows the catalogue, as a ranker. For every item i the candidates are its mined list plus what
 * the catalogue proposes (complement-category best sellers, fitting accessories: `cross-sell-features.ts`), each
 * scored
 *
 *   s(i, j) = m(i, j) + ref * sum_f theta_f x_f(i, j)
 *
 * with the weights theta fitted per shop on the build's validation split (`build/catalog-tuning.ts`; all 0 when
 * the catalogue did not prove itself there, and the list is then the mined one) and ref the median over items of
 * their best mined score. Removed, and only these: items that may not be sold (end of life, out of stock,
 * excluded by a merchant rule) and items proven not to fit i (both state fit facts that conflict: an iPhone 15
 * case with a Galaxy S24). The list keeps the `topN` best positive entries, then the mined negative corrections.
 *
 * Each entry's reason is what carries it: why a fitting accessory fits ("USB-C, 45 W: charges your Galaxy S24 at
 * full speed", code `compatible`), else the mined reason when the orders weigh most, else the category evidence
 * ("Goes with Smartphones: 38% of buyers add one", "Often bought after Gaming Laptops").
 *
 * An item with no orders whose list is still empty (an accessory launched yesterday in a category nothing is
 * bought with yet) falls back on the knowledge graph: its category's scenario list (`scenario-lists.ts`), then
 * the best sellers of the categories that list its category as a complement, each kept only if it fits the item,
 * scored ref * FALLBACK_WEIGHT * s_j / max s: never ahead of ranked evidence.
 */
import { attrString } from "../../core/catalog/attributes";
import { fitsCart, isConstrained, provenConflict, satisfiesAll } from "../../core/catalog/compat-index";
import { fitReason, fitReasonFromFacts } from "../../core/catalog/fit-reason";
import { type CandidateList, type CandidateLists, candidatesOf } from "../../core/candidates";
import type { CatalogRankerFit } from "../build/catalog-tuning";
import type { ReasonTable } from "../build/reason-table";
import { AnchorRanking, type ListShape } from "./anchor-ranking";
import type { CatalogContext } from "./catalog-context";
import type { CategoryStats } from "./category-stats";
import type { ComplementEdge } from "./complement-map";
import { type AnchorCandidates, CATALOG_FEATURES, CrossSellFeatures, FEATURE_COUNT, FEATURE_INDEX } from "./cross-sell-features";
import type { ItemSignals } from "./item-signals";

export interface CatalogCrossSellOptions {
  /** Scenario lists by category path, for items that end up with nothing else. */
  scenarioLists?: ReadonlyMap<string, CandidateList>;
  perCategory?: number;
}

export interface CatalogCrossSell {
  list(i: number): CandidateList;
  /** Items whose list holds candidates the orders did not mine, and items with no orders that got a list. */
  augmented: number;
  coldStart: number;
  /** Items whose list came from the scenario lists or reversed complements only. */
  graphFallback: number;
  /** Mined candidates removed as proven not to fit. */
  removedIncompatible: number;
}

const FALLBACK_WEIGHT = 0.01;

export function catalogCrossSell(
  ctx: CatalogContext,
  mined: CandidateLists,
  fit: CatalogRankerFit,
  stats: CategoryStats,
  signals: ItemSignals,
  scenarioShares: ReadonlyMap<number, ReadonlyMap<string, number>>,
  complements: ReadonlyMap<number, ComplementEdge[]>,
  reasons: ReasonTable,
  shape: ListShape,
  options: CatalogCrossSellOptions = {},
): CatalogCrossSell {
  const n = ctx.n;
  const perCategory = options.perCategory ?? 3;
  const features = new CrossSellFeatures(ctx, signals, stats, scenarioShares);
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const { scores } = candidatesOf(mined, i);
    if (scores.length > 0 && scores[0] > 0) best.push(scores[0]);
  }
  best.sort((a, b) => a - b);
  const ref = best.length > 0 ? best[best.length >> 1] : 1;
  const weights = Float64Array.from(CATALOG_FEATURES, (f) => fit.weights[f] * ref);
  const ranking = new AnchorRanking();
  const texts = new ReasonTexts(ctx, signals, reasons);

  const reversed = new Map<number, Array<{ category: number; weight: number }>>();
  for (const [a, edges] of complements) {
    for (const e of edges) {
      let list = reversed.get(e.category);
      if (list === undefined) reversed.set(e.category, (list = []));
      list.push({ category: a, weight: e.weight });
    }
  }
  for (const list of reversed.values()) list.sort((x, y) => y.weight - x.weight || x.category - y.category);
  const byCategory = new Map<number, number[]>();
  for (let j = 0; j < n; j++) {
    const c = ctx.category(j);
    if (c < 0 || ctx.sellable[j] === 0 || ctx.products[j] === undefined) continue;
    let pool = byCategory.get(c);
    if (pool === undefined) byCategory.set(c, (pool = []));
    pool.push(j);
  }
  for (const pool of byCategory.values()) pool.sort((a, b) => ctx.frequency[b] - ctx.frequency[a] || a - b);

  const result: CatalogCrossSell = { list: () => EMPTY, augmented: 0, coldStart: 0, graphFallback: 0, removedIncompatible: 0 };
  const lists: CandidateList[] = new Array(n);
  const single = new Uint32Array(1);
  for (let i = 0; i < n; i++) {
    const own = candidatesOf(mined, i);
    if (!fit.adopted) {
      lists[i] = minedOnly(i, own);
      continue;
    }
    const c = features.candidates(i, own);
    let minedKept = 0;
    for (let k = 0; k < c.count; k++) if (c.minedReason[k] >= 0) minedKept++;
    result.removedIncompatible += own.items.length - minedKept - unsellable(ctx, own);
    const count = ranking.rank(c, weights, shape);
    const entries: Array<{ item: number; score: number; reason: number }> = [];
    let added = 0;
    const at = new Map<number, number>();
    for (let k = 0; k < c.count; k++) at.set(c.items[k], k);
    for (let e = 0; e < count; e++) {
      const j = ranking.items[e];
      const k = at.get(j)!;
      if (c.minedReason[k] < 0) added++;
      entries.push({ item: j, score: ranking.scores[e], reason: texts.reason(i, c, k, weights) });
    }
    if (added > 0) result.augmented++;
    if (entries.length === 0 && ctx.frequency[i] === 0 && ctx.products[i] !== undefined && ctx.category(i) >= 0) {
      const fallback = graphFallback(i, ctx.category(i));
      if (fallback.length > 0) {
        entries.push(...fallback);
        result.graphFallback++;
      }
    }
    if (entries.length > 0 && ctx.frequency[i] === 0) result.coldStart++;
    lists[i] = entries.length === 0 ? EMPTY : { items: Uint32Array.from(entries, (e) => e.item), scores: Float32Array.from(entries, (e) => e.score), reasons: Uint32Array.from(entries, (e) => e.reason) };
  }
  result.list = (i) => lists[i] ?? EMPTY;
  return result;

  /** The mined list as it is, without what may not be sold or is proven not to fit; fitting accessories explained. */
  function minedOnly(i: number, own: CandidateList): CandidateList {
    const keep: number[] = [];
    for (let k = 0; k < own.items.length; k++) {
      const j = own.items[k];
      if (ctx.sellable[j] === 0) continue;
      if (provenConflict(ctx.compat, i, j)) {
        result.removedIncompatible++;
        continue;
      }
      keep.push(k);
    }
    if (keep.length === own.items.length && own.items.length === 0) return EMPTY;
    return {
      items: Uint32Array.from(keep, (k) => own.items[k]),
      scores: Float32Array.from(keep, (k) => own.scores[k]),
      reasons: Uint32Array.from(keep, (k) => (satisfiesAll(ctx.compat, own.items[k], i) && isConstrained(ctx.compat, own.items[k]) ? (texts.fits(i, own.items[k]) ?? own.reasons[k]) : own.reasons[k])),
    };
  }

  function graphFallback(i: number, category: number): Array<{ item: number; score: number; reason: number }> {
    single[0] = i;
    const out: Array<{ item: number; score: number; reason: number }> = [];
    const usable = (j: number) => j !== i && ctx.sellable[j] === 1 && fitsCart(ctx.compat, j, single) && !out.some((e) => e.item === j);
    const scenario = options.scenarioLists?.get(ctx.columns.categories[category]);
    if (scenario !== undefined && scenario.items.length > 0) {
      const top = Math.max(1e-9, scenario.scores[0]);
      for (let k = 0; k < scenario.items.length && out.length < shape.topN; k++) {
        const j = scenario.items[k];
        if (usable(j)) out.push({ item: j, score: (ref * FALLBACK_WEIGHT * scenario.scores[k]) / top, reason: scenario.reasons[k] });
      }
    }
    for (const { category: b, weight } of reversed.get(category) ?? []) {
      const pool = byCategory.get(b) ?? [];
      let taken = 0;
      for (let r = 0; r < pool.length && taken < perCategory && out.length < shape.topN; r++) {
        const j = pool[r];
        if (!usable(j)) continue;
        out.push({ item: j, score: (ref * FALLBACK_WEIGHT * weight) / (1 + r), reason: texts.often(category) });
        taken++;
      }
    }
    return out;
  }
}

function unsellable(ctx: CatalogContext, list: CandidateList): number {
  let count = 0;
  for (const j of list.items) if (ctx.sellable[j] === 0) count++;
  return count;
}

const EMPTY: CandidateList = { items: new Uint32Array(0), scores: new Float32Array(0), reasons: new Uint32Array(0) };

const NOUNS: Record<string, string> = { smartphone: "phone", "mirrorless-camera": "camera", "action-camera": "camera", "graphics-card": "graphics card", cpu: "CPU", smartwatch: "watch" };

function deviceNoun(device: { attrs: Readonly<Record<string, unknown>> }, factsKind: string | undefined): string {
  const kind = attrString(device.attrs, "kind") ?? factsKind ?? "device";
  return NOUNS[kind] ?? (kind.endsWith("laptop") || kind === "ultrabook" || kind === "chromebook" ? "laptop" : kind.replace(/-/g, " "));
}

/** Reason texts, interned once per distinct text: the fit where it fits, else the largest term's evidence. */
class ReasonTexts {
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly ctx: CatalogContext,
    private readonly signals: ItemSignals,
    private readonly table: ReasonTable,
  ) {}

  reason(i: number, c: AnchorCandidates, k: number, weights: Float64Array): number {
    const { ctx } = this;
    const j = c.items[k];
    const x = (f: number) => c.features[k * FEATURE_COUNT + f];
    if (x(FEATURE_INDEX.fit) > 0) {
      const fits = this.fits(i, j);
      if (fits !== undefined) return fits;
    }
    let catalogue = 0;
    let largest = -1;
    let largestTerm = 0;
    for (let f = 0; f < FEATURE_COUNT; f++) {
      const term = weights[f] * x(f);
      catalogue += term;
      if (term > largestTerm) {
        largestTerm = term;
        largest = f;
      }
    }
    if (c.minedReason[k] >= 0 && c.mined[k] >= catalogue) return c.minedReason[k];
    const anchorCategory = ctx.category(i);
    const leaf = anchorCategory >= 0 ? ctx.leaf[anchorCategory] : "{anchor}";
    if (largest === FEATURE_INDEX.follow_up) return this.intern("category_complement", `Often bought after ${leaf}`);
    if (largest === FEATURE_INDEX.attach || largest === FEATURE_INDEX.lift) {
      return this.intern("category_complement", `Goes with ${leaf}: ${Math.max(1, Math.round(x(FEATURE_INDEX.attach) * 100))}% of buyers add one`);
    }
    if (c.minedReason[k] >= 0) return c.minedReason[k];
    return this.intern("category_complement", `Goes with ${leaf}`);
  }

  often(category: number): number {
    return this.intern("category_complement", `Often bought with ${this.ctx.leaf[category]}`);
  }

  /**
   * Why j fits i's device (i itself, or the model an accessory anchor is made for), from the curated vocabulary
   * where both speak it, else from their fit facts; undefined when nothing names the fit.
   */
  fits(i: number, j: number): number | undefined {
    const { ctx, signals } = this;
    const deviceIndex = signals.deviceOf(i);
    const accessory = ctx.products[j];
    if (deviceIndex < 0 || accessory === undefined) return undefined;
    const device = ctx.products[deviceIndex]!;
    // The list's own device is named at serve time ("{anchor}": its model name), an accessory's device by its kind.
    const name = deviceIndex === i ? "{anchor}" : deviceNoun(device, signals.facts[deviceIndex]?.kind);
    let text = fitReason(device, accessory, name);
    const facts = signals.facts[deviceIndex];
    const accessoryFacts = signals.facts[j];
    if (text === undefined && facts !== undefined && accessoryFacts !== undefined) text = fitReasonFromFacts(facts, accessoryFacts, name);
    return text === undefined ? undefined : this.intern("compatible", text);
  }

  private intern(code: "compatible" | "category_complement", text: string): number {
    const key = `${code}|${text}`;
    let r = this.cache.get(key);
    if (r === undefined) this.cache.set(key, (r = this.table.intern(code, text)));
    return r;
  }
}
