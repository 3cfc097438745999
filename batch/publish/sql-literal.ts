/**
 * @module
 * The SQL text `publish` hands to `wrangler d1 execute --file`: SQLite literals, and multi-row inserts whose table
 * and column names come from the Drizzle schema (`db/schema.ts`), values converted as Drizzle would bind them.
 */
import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { chunkRows, MAX_STATEMENT_BYTES } from "../../db/insert-chunks";

const ROWS_PER_STATEMENT = 200;

export function sqlLiteral(value: unknown): string {
  if (value === undefined || value === null) return "NULL";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * `INSERT OR REPLACE` (or `OR IGNORE`) statements for the rows, at most 200 rows and `MAX_STATEMENT_BYTES` each
 * (a longer row stands alone). The columns are the table's columns the first row names, in schema order.
 */
export function insertStatements<T extends SQLiteTable>(table: T, rows: ReadonlyArray<T["$inferInsert"]>, conflict: "replace" | "ignore" = "replace"): string[] {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]);
  const head = `${conflict === "replace" ? "INSERT OR REPLACE" : "INSERT OR IGNORE"} INTO ${getTableName(table)} (${columns.map(([, column]) => column.name).join(",")}) VALUES\n`;
  const tuples = rows.map((row) => {
    const values = columns.map(([key, column]) => {
      const value = (row as Record<string, unknown>)[key];
      return sqlLiteral(value === null || value === undefined ? value : column.mapToDriverValue(value));
    });
    return `(${values.join(",")})`;
  });
  const encoder = new TextEncoder();
  const headBytes = encoder.encode(head).length;
  const chunks = chunkRows(tuples, { rows: ROWS_PER_STATEMENT, bytes: { max: MAX_STATEMENT_BYTES, of: (tuple) => headBytes + encoder.encode(tuple).length + 2 } });
  return chunks.map((chunk) => `${head}${chunk.join(",\n")};\n`);
}
