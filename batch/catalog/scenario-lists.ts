/**
 * @module
 * Scenario cross-sell for listing pages, from the knowledge graph's category -> scenario edges. For a category A
 * with scenario shares w(A, s) (the share of A's products that list scenario s), an item j of another category B
 * scores
 *
 *   score(j | A) = sum_s w(A, s) [s in S_j] * (0.5 + attach(A -> B)) * fit(j, A) * (0.1 + ln(1 + orders_j) / ln(1 + max orders))
 *
 * where fit(j, A) = 1 for an item without fit requirement, else the share of A's products it fits (a microSD card
 * for most drones scores, a battery for one drone model barely). Per category the best `length` items, at most
 * `perCategory` from one category, keyed by A's path; per scenario s the most ordered sellable items listing s
 * (no model-specific accessories), keyed `scenario:<s>`.
 */
import { fitsCart, isConstrained } from "../../core/catalog/compat-index";
import { attrList } from "../../core/catalog/attributes";
import type { CandidateList } from "../../core/candidates";
import type { ReasonTable } from "../build/reason-table";
import type { CatalogContext } from "./catalog-context";
import type { ComplementEdge } from "./complement-map";
import { scenariosOf } from "./spec-features";

export interface ScenarioListOptions {
  length?: number;
  perCategory?: number;
}

export function scenarioShares(ctx: CatalogContext): Map<number, Map<string, number>> {
  const counts = new Map<number, { total: number; by: Map<string, number> }>();
  for (let i = 0; i < ctx.n; i++) {
    const p = ctx.products[i];
    const c = ctx.category(i);
    if (p === undefined || c < 0) continue;
    let entry = counts.get(c);
    if (entry === undefined) counts.set(c, (entry = { total: 0, by: new Map() }));
    entry.total++;
    for (const s of scenariosOf(p.attrs)) entry.by.set(s, (entry.by.get(s) ?? 0) + 1);
  }
  const shares = new Map<number, Map<string, number>>();
  for (const [c, { total, by }] of counts) {
    if (by.size === 0) continue;
    shares.set(c, new Map([...by].map(([s, k]) => [s, k / total] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))));
  }
  return shares;
}

export function scenarioLists(ctx: CatalogContext, complements: ReadonlyMap<number, ComplementEdge[]>, reasons: ReasonTable, options: ScenarioListOptions = {}): Map<string, CandidateList> {
  const length = options.length ?? 20;
  const perCategory = options.perCategory ?? 3;
  const shares = scenarioShares(ctx);
  let maxOrders = 1;
  for (let j = 0; j < ctx.n; j++) if (ctx.frequency[j] > maxOrders) maxOrders = ctx.frequency[j];
  const popularity = (j: number) => 0.1 + Math.log1p(ctx.frequency[j]) / Math.log1p(maxOrders);
  const members = new Map<number, number[]>();
  const candidates: number[] = [];
  for (let j = 0; j < ctx.n; j++) {
    const p = ctx.products[j];
    const c = ctx.category(j);
    if (p === undefined || c < 0) continue;
    if (ctx.sellable[j] === 1) {
      let list = members.get(c);
      if (list === undefined) members.set(c, (list = []));
      list.push(j);
      if (scenariosOf(p.attrs).length > 0) candidates.push(j);
    }
  }
  const single = new Uint32Array(1);
  const out = new Map<string, CandidateList>();
  for (const [a, weights] of shares) {
    const inA = members.get(a) ?? [];
    if (inA.length === 0) continue;
    const attach = new Map((complements.get(a) ?? []).map((e) => [e.category, e.weight] as const));
    const scored: Array<{ item: number; score: number; top: string[] }> = [];
    for (const j of candidates) {
      const b = ctx.category(j);
      if (b === a) continue;
      let overlap = 0;
      const hits: string[] = [];
      for (const s of scenariosOf(ctx.products[j]!.attrs)) {
        const w = weights.get(s);
        if (w !== undefined) {
          overlap += w;
          hits.push(s);
        }
      }
      if (overlap <= 0) continue;
      let fit = 1;
      if (isConstrained(ctx.compat, j)) {
        let fitting = 0;
        for (const d of inA) {
          single[0] = d;
          if (fitsCart(ctx.compat, j, single)) fitting++;
        }
        fit = fitting / inA.length;
        if (fit === 0) continue;
      }
      hits.sort((x, y) => (weights.get(y) ?? 0) - (weights.get(x) ?? 0) || x.localeCompare(y));
      scored.push({ item: j, score: overlap * (0.5 + (attach.get(b) ?? 0)) * fit * popularity(j), top: hits.slice(0, 2) });
    }
    scored.sort((x, y) => y.score - x.score || x.item - y.item);
    const picked = pickSpread(scored, ctx, length, perCategory);
    if (picked.length === 0) continue;
    const leaf = ctx.leaf[a];
    out.set(ctx.columns.categories[a], {
      items: Uint32Array.from(picked, (e) => e.item),
      scores: Float32Array.from(picked, (e) => e.score),
      reasons: Uint32Array.from(picked, (e) => reasons.intern("scenario", `For ${joinAnd(e.top)} with ${leaf}`)),
    });
  }
  const byScenario = new Map<string, number[]>();
  for (const j of candidates) {
    if (attrList(ctx.products[j]!.attrs, "fits_models") !== undefined) continue;
    for (const s of scenariosOf(ctx.products[j]!.attrs)) {
      let list = byScenario.get(s);
      if (list === undefined) byScenario.set(s, (list = []));
      list.push(j);
    }
  }
  for (const [s, items] of [...byScenario].sort((x, y) => x[0].localeCompare(y[0]))) {
    const scored = items.map((item) => ({ item, score: popularity(item), top: [s] })).sort((x, y) => y.score - x.score || x.item - y.item);
    const picked = pickSpread(scored, ctx, length, perCategory);
    const reason = reasons.intern("scenario", `Popular for ${s.replace("-", " ")}`);
    out.set(`scenario:${s}`, { items: Uint32Array.from(picked, (e) => e.item), scores: Float32Array.from(picked, (e) => e.score), reasons: new Uint32Array(picked.length).fill(reason) });
  }
  return out;
}

function pickSpread<T extends { item: number }>(scored: readonly T[], ctx: CatalogContext, length: number, perCategory: number): T[] {
  const taken = new Map<number, number>();
  const picked: T[] = [];
  for (const entry of scored) {
    if (picked.length >= length) break;
    const b = ctx.category(entry.item);
    const k = taken.get(b) ?? 0;
    if (k >= perCategory) continue;
    taken.set(b, k + 1);
    picked.push(entry);
  }
  return picked;
}

function joinAnd(parts: readonly string[]): string {
  const words = parts.map((p) => p.replace("-", " "));
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
