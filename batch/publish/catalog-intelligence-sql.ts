/**
 * @module
 * The build's catalogue intelligence as SQL for D1: the knowledge graph replaces the previous one; learned
 * category complements replace the previous learned ones (a merchant row for the same pair wins, and the build's
 * merchant rows are written as such); mined bundles replace the previous proposals, leaving bundles a merchant
 * activated or retired as they are.
 */
import type { CatalogPublication } from "../catalog/catalog-intelligence";
import { insertStatements } from "./catalog-sql";

export function catalogIntelligenceSql(publication: CatalogPublication): string {
  const { graph, complements, bundles } = publication;
  const parts: string[] = ["DELETE FROM kg_edges;\n", "DELETE FROM kg_nodes;\n"];
  parts.push(...insertStatements("kg_nodes", ["id", "kind", "label", "attrs"], graph.nodes.map((n) => [n.id, n.kind, n.label, JSON.stringify(n.attrs)])));
  parts.push(...insertStatements("kg_edges", ["src", "rel", "dst", "weight"], graph.edges.map((e) => [e.src, e.rel, e.dst, e.weight])));
  parts.push("DELETE FROM category_complements WHERE source = 'learned';\n");
  const merchant = complements.filter((c) => c.source === "merchant");
  const learned = complements.filter((c) => c.source === "learned");
  const columns = ["anchor_category", "complement_category", "weight", "source", "official_first"];
  const row = (c: (typeof complements)[number]) => [c.anchor_category, c.complement_category, c.weight, c.source, c.official_first];
  parts.push(...insertStatements("category_complements", columns, merchant.map(row)));
  parts.push(...insertStatements("category_complements", columns, learned.map(row), "ignore"));
  parts.push("DELETE FROM bundles WHERE source = 'mined' AND status = 'proposed';\n");
  parts.push(
    ...insertStatements(
      "bundles",
      ["id", "title", "items", "discount_pct", "score", "support", "lift", "source", "status"],
      bundles.map((b) => [b.id, b.title, JSON.stringify(b.ids), b.discountPct, b.score, b.support, b.lift, "mined", "proposed"]),
      "ignore",
    ),
  );
  return parts.join("");
}
