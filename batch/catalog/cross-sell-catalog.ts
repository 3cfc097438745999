/**
 * @module
 * Cross-sell that knows the catalogue. For every item i the mined list (co-purchase blend) is
 *
 *   1. filtered: an accessory that does not fit i (`fitsCart(x, [i])`, the check the edge runs on carts) goes;
 *      so does an item that may not be sold (out of stock, end of life, permanently excluded), and, when both
 *      have a category, an item that neither fits i by a compatibility rule, nor belongs to a complement category
 *      of i's (the map's lift filter), nor is there because customers buy it after i (a sequential rule: the
 *      gaming mouse bought a week after the laptop): chance co-purchases (a smart plug with a camera) and
 *      substitutes reached through shared accessories (another laptop for a laptop) are not cross-sell;
 *   2. explained: a fitting accessory's reason says why it fits ("USB-C, 45 W: charges your Galaxy S24 at full
 *      speed", code `compatible`);
 *   3. augmented, for items with a catalogue category: accessories from i's complement categories (learned or
 *      merchant, `complement-map.ts`) and from every category holding accessories that fit i, up to
 *      `perCategory` each, scored
 *
 *        s(j | i) = ref * w(A -> B_j) / (1 + r_j) * (1.25 if j is brand-official for i) * (1.2 if j charges i at full speed)
 *
 *      where ref is the median over items of their best mined score (so catalogue candidates sit on the mined
 *      scale), w the complement weight (attach rate; 0.05 for a category reached only through fit), r_j j's rank
 *      in its category by (official first where the merchant asks, then orders, then index). A product with no
 *      orders (a launch) gets exactly these: compatible accessories, official and popular first.
 *
 * An item whose list is still empty (an accessory launched yesterday in a category nothing is bought with yet)
 * falls back on the knowledge graph: its category's scenario list (`scenario-lists.ts`: items of other
 * categories used in the same scenarios), then the best sellers of the categories that list its category as a
 * complement, each kept only if it fits the item, scored ref * fitWeight * s_j / max s.
 *
 * The list keeps the `length` best positive entries; the mined list's negative corrections stay at its end.
 */
import { fitsCart, isConstrained } from "../../core/catalog/compat-index";
import { chargesAtFullSpeed, fitSlot } from "../../core/catalog/compatibility";
import { fitReason, isOfficialFor } from "../../core/catalog/fit-reason";
import { type CandidateList, type CandidateLists, candidatesOf } from "../../core/candidates";
import type { ReasonTable } from "../build/reason-table";
import type { CatalogContext } from "./catalog-context";
import type { ComplementEdge } from "./complement-map";

export interface CatalogCrossSellOptions {
  length?: number;
  perCategory?: number;
  /** Complement weight of a category reached only because its accessories fit. */
  fitWeight?: number;
  /** Scenario lists by category path, for items that end up with nothing else. */
  scenarioLists?: ReadonlyMap<string, CandidateList>;
}

export interface CatalogCrossSell {
  list(i: number): CandidateList;
  /** Items whose list gained catalogue candidates, and items with no orders that got a list from the catalogue. */
  augmented: number;
  coldStart: number;
  /** Items whose list came from the scenario lists or reversed complements only. */
  graphFallback: number;
  removedIncompatible: number;
  /** Mined candidates dropped because their category does not complement the item's and no rule says they fit. */
  removedOffCategory: number;
}

export function catalogCrossSell(
  ctx: CatalogContext,
  mined: CandidateLists,
  complements: ReadonlyMap<number, ComplementEdge[]>,
  reasons: ReasonTable,
  options: CatalogCrossSellOptions = {},
): CatalogCrossSell {
  const length = options.length ?? 40;
  const perCategory = options.perCategory ?? 4;
  const fitWeight = options.fitWeight ?? 0.05;
  const { compat, n } = ctx;

  // Pools: constrained accessories by the tokens of their first clause; every sellable item by category; both by
  // orders, most first.
  const byOrders = (a: number, b: number) => ctx.frequency[b] - ctx.frequency[a] || a - b;
  const byToken = new Map<number, number[]>();
  const byCategory = new Map<number, number[]>();
  for (let j = 0; j < n; j++) {
    if (ctx.sellable[j] === 0 || ctx.products[j] === undefined) continue;
    const c = ctx.category(j);
    if (c >= 0) {
      let pool = byCategory.get(c);
      if (pool === undefined) byCategory.set(c, (pool = []));
      pool.push(j);
    }
    if (!isConstrained(compat, j)) continue;
    const c0 = compat.clauseStart[j];
    for (let k = compat.clauseTokenStart[c0]; k < compat.clauseTokenStart[c0 + 1]; k++) {
      const t = compat.clauseTokens[k];
      let pool = byToken.get(t);
      if (pool === undefined) byToken.set(t, (pool = []));
      pool.push(j);
    }
  }
  for (const pool of byToken.values()) pool.sort(byOrders);
  for (const pool of byCategory.values()) pool.sort(byOrders);

  const bestMined: number[] = [];
  for (let i = 0; i < n; i++) {
    const { scores } = candidatesOf(mined, i);
    if (scores.length > 0 && scores[0] > 0) bestMined.push(scores[0]);
  }
  bestMined.sort((a, b) => a - b);
  const ref = bestMined.length > 0 ? bestMined[bestMined.length >> 1] : 1;

  const reasonCache = new Map<string, number>();
  const intern = (code: "compatible" | "category_complement", text: string) => {
    const key = `${code}|${text}`;
    let r = reasonCache.get(key);
    if (r === undefined) reasonCache.set(key, (r = reasons.intern(code, text)));
    return r;
  };

  const reversed = new Map<number, Array<{ category: number; weight: number }>>();
  for (const [a, edges] of complements) {
    for (const e of edges) {
      let list = reversed.get(e.category);
      if (list === undefined) reversed.set(e.category, (list = []));
      list.push({ category: a, weight: e.weight });
    }
  }
  for (const list of reversed.values()) list.sort((x, y) => y.weight - x.weight || x.category - y.category);

  const complementSets = new Map<number, Set<number>>();
  for (const [a, edges] of complements) complementSets.set(a, new Set(edges.filter((e) => e.weight > 0).map((e) => e.category)));
  /** Whether mined candidate j (reason `reason`) may stay in i's list (it already fits i). */
  const complementsOrFits = (i: number, j: number, reason: number): boolean => {
    const a = ctx.category(i);
    const b = ctx.category(j);
    if (ctx.products[i] === undefined || ctx.products[j] === undefined || a < 0 || b < 0) return true;
    return isConstrained(compat, j) || complementSets.get(a)?.has(b) === true || reasons.codeOf(reason) === "sequential";
  };

  const result: CatalogCrossSell = { list: () => EMPTY, augmented: 0, coldStart: 0, graphFallback: 0, removedIncompatible: 0, removedOffCategory: 0 };
  const lists: CandidateList[] = new Array(n);
  const single = new Uint32Array(1);
  const scoreOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    single[0] = i;
    const own = candidatesOf(mined, i);
    const product = ctx.products[i];
    const deviceIndex = ctx.deviceFor(i);
    const device = deviceIndex === undefined ? undefined : ctx.products[deviceIndex];
    // The list's own device is named at serve time ("{anchor}": its model name) and an accessory's device by its
    // kind ("phone"), so the texts are shared by every model.
    const deviceName = deviceIndex === undefined ? "" : deviceIndex === i ? "{anchor}" : deviceNoun(device!);
    const explain = (j: number, fallback: number) => {
      const accessory = ctx.products[j];
      if (device === undefined || accessory === undefined) return fallback;
      const text = fitReason(device, accessory, deviceName);
      return text === undefined ? fallback : intern("compatible", text);
    };

    const entries: Array<{ item: number; score: number; reason: number }> = [];
    const negative: Array<{ item: number; score: number; reason: number }> = [];
    scoreOf.clear();
    for (let k = 0; k < own.items.length; k++) {
      const j = own.items[k];
      if (ctx.sellable[j] === 0) continue;
      if (!fitsCart(compat, j, single)) {
        result.removedIncompatible++;
        continue;
      }
      const entry = { item: j, score: own.scores[k], reason: explain(j, own.reasons[k]) };
      if (entry.score > 0 && !complementsOrFits(i, j, own.reasons[k])) {
        result.removedOffCategory++;
        continue;
      }
      if (entry.score > 0) {
        entries.push(entry);
        scoreOf.set(j, entries.length - 1);
      } else negative.push(entry);
    }

    const category = ctx.category(i);
    if (product !== undefined && category >= 0) {
      const sources = new Map<number, ComplementEdge | undefined>();
      for (const edge of complements.get(category) ?? []) sources.set(edge.category, edge);
      const fitting = new Map<number, number[]>();
      for (let p = compat.provideStart[i]; p < compat.provideStart[i + 1]; p++) {
        for (const j of byToken.get(compat.provideTokens[p]) ?? []) {
          if (j === i || !fitsCart(compat, j, single)) continue;
          const b = ctx.category(j);
          if (b < 0 || b === category) continue;
          let group = fitting.get(b);
          if (group === undefined) fitting.set(b, (group = []));
          if (!group.includes(j)) group.push(j);
          if (!sources.has(b)) sources.set(b, undefined);
        }
      }
      let added = 0;
      for (const [b, edge] of sources) {
        const weight = edge?.weight ?? fitWeight;
        let pool = fitting.get(b);
        if (pool === undefined) {
          if (edge === undefined) continue;
          pool = (byCategory.get(b) ?? []).filter((j) => j !== i && !isConstrained(compat, j));
        } else {
          pool = [...pool].sort(byOrders);
          if (edge !== undefined) for (const j of byCategory.get(b) ?? []) if (!isConstrained(compat, j) && j !== i && !pool.includes(j)) pool.push(j);
        }
        if (device !== undefined && edge?.officialFirst === true) {
          pool = [...pool].sort((x, y) => Number(isOfficialFor(ctx.products[y]!, device)) - Number(isOfficialFor(ctx.products[x]!, device)) || byOrders(x, y));
        }
        const take = Math.min(perCategory, pool.length);
        for (let r = 0; r < take; r++) {
          const j = pool[r];
          const accessory = ctx.products[j]!;
          let score = (ref * weight) / (1 + r);
          if (device !== undefined && isOfficialFor(accessory, device)) score *= 1.25;
          if (device !== undefined && fitSlot(accessory) === "charger" && chargesAtFullSpeed(device, accessory)) score *= 1.2;
          const at = scoreOf.get(j);
          if (at !== undefined) {
            if (score > entries[at].score) entries[at].score = score;
            continue;
          }
          const fallback = intern("category_complement", complementText(ctx.leaf[category], edge));
          entries.push({ item: j, score, reason: explain(j, fallback) });
          scoreOf.set(j, entries.length - 1);
          added++;
        }
      }
      if (added > 0) {
        result.augmented++;
        if (ctx.frequency[i] === 0) result.coldStart++;
      }
    }

    if (entries.length === 0 && product !== undefined && category >= 0) {
      const fallback = graphFallback(i, category);
      if (fallback.length > 0) {
        entries.push(...fallback);
        result.graphFallback++;
        if (ctx.frequency[i] === 0) result.coldStart++;
      }
    }

    entries.sort((a, b) => b.score - a.score || a.item - b.item);
    if (entries.length > length) entries.length = length;
    const all = entries.concat(negative);
    lists[i] = all.length === 0 ? EMPTY : { items: Uint32Array.from(all, (e) => e.item), scores: Float32Array.from(all, (e) => e.score), reasons: Uint32Array.from(all, (e) => e.reason) };
  }
  result.list = (i) => lists[i] ?? EMPTY;
  return result;

  function graphFallback(i: number, category: number): Array<{ item: number; score: number; reason: number }> {
    const out: Array<{ item: number; score: number; reason: number }> = [];
    const usable = (j: number) => j !== i && ctx.sellable[j] === 1 && fitsCart(compat, j, single) && !out.some((e) => e.item === j);
    const scenario = options.scenarioLists?.get(ctx.columns.categories[category]);
    if (scenario !== undefined && scenario.items.length > 0) {
      const top = Math.max(1e-9, scenario.scores[0]);
      for (let k = 0; k < scenario.items.length && out.length < length; k++) {
        const j = scenario.items[k];
        if (usable(j)) out.push({ item: j, score: (ref * fitWeight * scenario.scores[k]) / top, reason: scenario.reasons[k] });
      }
    }
    const leaf = ctx.leaf[category];
    for (const { category: b, weight } of reversed.get(category) ?? []) {
      const pool = byCategory.get(b) ?? [];
      let taken = 0;
      for (let r = 0; r < pool.length && taken < perCategory; r++) {
        const j = pool[r];
        if (!usable(j)) continue;
        out.push({ item: j, score: (ref * fitWeight * weight) / (1 + r), reason: intern("category_complement", `Often bought with ${leaf}`) });
        taken++;
      }
    }
    return out;
  }
}

const NOUNS: Record<string, string> = { smartphone: "phone", "mirrorless-camera": "camera", "action-camera": "camera", "graphics-card": "graphics card", cpu: "CPU", smartwatch: "watch" };

function deviceNoun(device: { attrs: Readonly<Record<string, unknown>> }): string {
  const kind = typeof device.attrs.kind === "string" ? device.attrs.kind : "device";
  return NOUNS[kind] ?? (kind.endsWith("laptop") || kind === "ultrabook" || kind === "chromebook" ? "laptop" : kind.replace(/-/g, " "));
}

const EMPTY: CandidateList = { items: new Uint32Array(0), scores: new Float32Array(0), reasons: new Uint32Array(0) };

function complementText(anchorLeaf: string, edge: ComplementEdge | undefined): string {
  if (edge === undefined || edge.source === "merchant") return `Goes with ${anchorLeaf}`;
  return `Goes with ${anchorLeaf}: ${Math.max(1, Math.round(edge.weight * 100))}% of buyers add one`;
}
