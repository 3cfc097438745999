/**
 * @module
 * SQLite literals for the SQL files `publish` hands to `wrangler d1 execute`.
 */
export function sqlLiteral(value: unknown): string {
  if (value === undefined || value === null) return "NULL";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

export function insertStatement(table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>, conflict: "replace" | "ignore" = "replace"): string {
  if (rows.length === 0) return "";
  const verb = conflict === "replace" ? "INSERT OR REPLACE" : "INSERT OR IGNORE";
  const values = rows.map((row) => `(${row.map(sqlLiteral).join(",")})`).join(",\n");
  return `${verb} INTO ${table} (${columns.join(",")}) VALUES\n${values};\n`;
}
