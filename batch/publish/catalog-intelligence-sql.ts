/**
 * @module
 * The build's catalogue intelligence as SQL for D1: the knowledge graph replaces the previous one; learned
 * category complements replace the previous learned ones (a merchant row for the same pair wins, and the build's
 * merchant rows are written as such); mined bundles replace the previous proposals, leaving bundles a merchant
 * activated or retired as they are.
 */
import { bundles as bundlesTable, categoryComplements, kgEdges, kgNodes } from "../../db/schema";
import type { CatalogPublication } from "../catalog/catalog-intelligence";
import { insertStatements } from "./sql-literal";

/** One SQL statement each. */
export function catalogIntelligenceSql(publication: CatalogPublication): string[] {
  const { graph, complements, bundles } = publication;
  const parts: string[] = ["DELETE FROM kg_edges;\n", "DELETE FROM kg_nodes;\n"];
  parts.push(...insertStatements(kgNodes, graph.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, attrs: n.attrs }))));
  parts.push(...insertStatements(kgEdges, graph.edges.map((e) => ({ src: e.src, rel: e.rel, dst: e.dst, weight: e.weight }))));
  parts.push("DELETE FROM category_complements WHERE source = 'learned';\n");
  const row = (c: (typeof complements)[number]): typeof categoryComplements.$inferInsert => ({
    anchorCategory: c.anchor_category,
    complementCategory: c.complement_category,
    weight: c.weight,
    source: c.source,
    officialFirst: c.official_first,
  });
  parts.push(...insertStatements(categoryComplements, complements.filter((c) => c.source === "merchant").map(row)));
  parts.push(...insertStatements(categoryComplements, complements.filter((c) => c.source === "learned").map(row), "ignore"));
  parts.push("DELETE FROM bundles WHERE source = 'mined' AND status = 'proposed';\n");
  parts.push(
    ...insertStatements(
      bundlesTable,
      bundles.map((b) => ({ id: b.id, title: b.title, items: b.ids, discountPct: b.discountPct, score: b.score, support: b.support, lift: b.lift, source: "mined" as const, status: "proposed" as const })),
      "ignore",
    ),
  );
  return parts;
}
