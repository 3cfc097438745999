/**
 * @module
 * The knowledge graph of products, parts, specs and usage scenarios, written to D1 (`kg_nodes`, `kg_edges`) by
 * publish. Node ids: `product:<id>`, `category:<path>`, `brand:<slug>`, `spec:<token>` (a compatibility token:
 * `spec:conn:usb-c`, `spec:model:apple-iphone-17`, `spec:laptop_screen_in:15.6`), `scenario:<name>`,
 * `part:<slot>` (an accessory slot: charger, lens, memory_card...). Edges (weight in brackets):
 *
 *   product  in_category  category     [1]         product  made_by    brand     [1]
 *   product  used_for     scenario     [1]         product  is_part    part      [1]
 *   product  provides     spec         [1]         a device's (or board's) compatibility tokens
 *   product  requires     spec         [1 / |clause|] an accessory's clauses: it needs one spec of each clause
 *   category complements  category     [attach or merchant weight]
 *   category used_for     scenario     [share of the category's products listing it]
 *   category needs        part         [attach of the complement category holding that part]
 *
 * The build's cross-sell, cold start and scenario lists read the same relations from memory; the graph is what
 * merchandisers and later builds can query.
 */
import { brandSlug } from "../../core/catalog/attributes";
import { COMPLETE_FACTS } from "../../core/catalog/compat-index";
import { fitSlot, tokenNamespace } from "../../core/catalog/compatibility";
import type { CatalogContext } from "./catalog-context";
import type { ComplementEdge } from "./complement-map";
import { scenariosOf } from "./spec-features";

type KgNodeKind = "product" | "category" | "brand" | "spec" | "scenario" | "part";

interface KgNode {
  id: string;
  kind: KgNodeKind;
  label: string;
  attrs: Record<string, unknown>;
}

interface KgEdge {
  src: string;
  rel: string;
  dst: string;
  weight: number;
}

export interface KnowledgeGraph {
  nodes: KgNode[];
  edges: KgEdge[];
}

const NAMESPACE_LABELS: Record<string, string> = {
  model: "model",
  conn: "connector",
  charge: "charging",
  stylus: "stylus protocol",
  port: "host port",
  card: "card slot",
  mount: "lens mount",
  band: "band fit",
  platform: "platform",
  socket: "CPU socket",
  mem: "memory",
  laptop_screen_in: "laptop screen (in)",
  psu_w_min: "power supply needed (W)",
};

export function knowledgeGraph(ctx: CatalogContext, complements: ReadonlyMap<number, ComplementEdge[]>, scenarioShares: ReadonlyMap<number, ReadonlyMap<string, number>>): KnowledgeGraph {
  const nodes = new Map<string, KgNode>();
  const edges = new Map<string, KgEdge>();
  const node = (id: string, kind: KgNodeKind, label: string, attrs: Record<string, unknown> = {}) => {
    if (!nodes.has(id)) nodes.set(id, { id, kind, label, attrs });
    return id;
  };
  const edge = (src: string, rel: string, dst: string, weight: number) => {
    const key = `${src}\u0000${rel}\u0000${dst}`;
    const existing = edges.get(key);
    if (existing === undefined) edges.set(key, { src, rel, dst, weight: round(weight) });
    else existing.weight = Math.max(existing.weight, round(weight));
  };
  const { compat, columns } = ctx;
  const category = (c: number) => node(`category:${columns.categories[c]}`, "category", ctx.leaf[c], { path: columns.categories[c] });
  const spec = (t: number) => {
    const token = compat.tokens[t];
    const ns = tokenNamespace(token);
    return node(`spec:${token}`, "spec", `${NAMESPACE_LABELS[ns] ?? ns} ${token.slice(ns.length + 1)}`);
  };
  const slotOfCategory = new Map<number, Map<string, number>>();

  for (let i = 0; i < ctx.n; i++) {
    const p = ctx.products[i];
    if (p === undefined) continue;
    const id = node(`product:${p.id}`, "product", p.title, { ...(p.price !== undefined ? { price: p.price } : {}), lifecycle: p.lifecycle });
    const c = ctx.category(i);
    if (c >= 0) edge(id, "in_category", category(c), 1);
    if (p.brand !== undefined) edge(id, "made_by", node(`brand:${brandSlug(p.brand)}`, "brand", p.brand), 1);
    for (const s of scenariosOf(p.attrs)) edge(id, "used_for", node(`scenario:${s}`, "scenario", s), 1);
    const slot = fitSlot(p);
    if (slot !== undefined) {
      edge(id, "is_part", node(`part:${slot}`, "part", slot.replace(/_/g, " ")), 1);
      if (c >= 0) {
        let counts = slotOfCategory.get(c);
        if (counts === undefined) slotOfCategory.set(c, (counts = new Map()));
        counts.set(slot, (counts.get(slot) ?? 0) + 1);
      }
    }
    const isDevice = compat.clauseStart[i + 1] === compat.clauseStart[i];
    if (isDevice) {
      for (let k = compat.provideStart[i]; k < compat.provideStart[i + 1]; k++) {
        // The marker that a record states every fact is not a spec of the product.
        if (compat.tokens[compat.provideTokens[k]] !== COMPLETE_FACTS) edge(id, "provides", spec(compat.provideTokens[k]), 1);
      }
    }
    for (let cl = compat.clauseStart[i]; cl < compat.clauseStart[i + 1]; cl++) {
      const from = compat.clauseTokenStart[cl];
      const to = compat.clauseTokenStart[cl + 1];
      for (let k = from; k < to; k++) edge(id, "requires", spec(compat.clauseTokens[k]), 1 / (to - from));
    }
  }
  for (const [a, list] of complements) {
    for (const e of list) {
      edge(category(a), "complements", category(e.category), e.weight);
      const slots = slotOfCategory.get(e.category);
      if (slots === undefined) continue;
      const main = [...slots].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0];
      edge(category(a), "needs", node(`part:${main}`, "part", main.replace(/_/g, " ")), e.weight);
    }
  }
  for (const [c, shares] of scenarioShares) {
    for (const [s, share] of shares) edge(category(c), "used_for", node(`scenario:${s}`, "scenario", s), share);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
