/**
 * @module
 * SQL LIKE with the user's text matched literally: `%`, `_` and the escape character itself are escaped, and the
 * condition says which escape character it uses (SQLite has none by default).
 */
import { type AnyColumn, type SQL, sql } from "drizzle-orm";

const ESCAPE = "\\";

/** `text` with LIKE's wildcards escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => ESCAPE + c);
}

/** `column LIKE prefix || text || suffix ESCAPE '\'`, the text literal; prefix and suffix are "%" or "". */
export function likeLiteral(column: AnyColumn, text: string, { prefix = "", suffix = "" }: { prefix?: "%" | ""; suffix?: "%" | "" } = {}): SQL {
  return sql`${column} LIKE ${`${prefix}${escapeLike(text)}${suffix}`} ESCAPE ${ESCAPE}`;
}
