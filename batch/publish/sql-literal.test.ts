import { describe, expect, it } from "vitest";
import { MAX_STATEMENT_BYTES } from "../../db/insert-chunks";
import { categoryComplements, kgNodes } from "../../db/schema";
import { insertStatements, sqlLiteral } from "./sql-literal";

describe("insertStatements", () => {
  it("names the schema's table and columns and converts values as Drizzle binds them (JSON text, booleans as 0/1)", () => {
    const [statement] = insertStatements(categoryComplements, [
      { anchorCategory: "phones", complementCategory: "o'cases", weight: 0.5, source: "merchant", officialFirst: true },
      { anchorCategory: "phones", complementCategory: "chargers", weight: 0.25, source: "learned", officialFirst: false },
    ]);
    expect(statement).toBe(
      "INSERT OR REPLACE INTO category_complements (anchor_category,complement_category,weight,source,official_first) VALUES\n" +
        "('phones','o''cases',0.5,'merchant',1),\n('phones','chargers',0.25,'learned',0);\n",
    );
    expect(insertStatements(kgNodes, [{ id: "product:a", kind: "product", label: "A", attrs: { tags: ["x"] } }], "ignore")).toEqual([
      "INSERT OR IGNORE INTO kg_nodes (id,kind,label,attrs) VALUES\n('product:a','product','A','{\"tags\":[\"x\"]}');\n",
    ]);
    expect(insertStatements(kgNodes, [])).toEqual([]);
  });

  it("keeps every statement within 200 rows and D1's statement size", () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({ id: `n${i}`, kind: "spec" as const, label: "x".repeat(i < 200 ? 10 : 1000), attrs: {} }));
    const statements = insertStatements(kgNodes, rows);
    for (const statement of statements) expect(new TextEncoder().encode(statement).length).toBeLessThanOrEqual(MAX_STATEMENT_BYTES);
    expect(statements[0].match(/^\('n\d+'/gm)).toHaveLength(200);
    expect(statements.join("").match(/^\('n\d+'/gm)).toHaveLength(450);
  });
});

describe("sqlLiteral", () => {
  it("quotes text, doubles quotes, and writes NULL for what SQLite cannot hold", () => {
    expect([sqlLiteral("it's"), sqlLiteral(3.5), sqlLiteral(Number.NaN), sqlLiteral(null), sqlLiteral(undefined), sqlLiteral(false), sqlLiteral({ a: "'" })]).toEqual(["'it''s'", "3.5", "NULL", "NULL", "NULL", "0", `'{"a":"''"}'`]);
  });
});
