/**
 * @module
 * Rows split into batched inserts that D1 accepts: at most 100 bound parameters per statement (the worker's
 * prepared inserts) and at most 100,000 bytes of SQL per statement (the files publish executes).
 */

/** D1 binds at most 100 parameters per statement. */
export const MAX_BOUND_PARAMETERS = 100;
/** D1 refuses a statement over 100,000 bytes (SQLITE_TOOBIG); stay well below it. */
export const MAX_STATEMENT_BYTES = 90_000;

export interface ChunkLimits<T> {
  /** Rows per statement. */
  rows: number;
  /** Bytes per statement, with each row's share: a row over the limit stands alone. */
  bytes?: { max: number; of: (row: T) => number };
}

/** Consecutive runs of rows, each within the limits. */
export function chunkRows<T>(rows: readonly T[], limits: ChunkLimits<T>): T[][] {
  const chunks: T[][] = [];
  const maxRows = Math.max(1, limits.rows);
  const maxBytes = limits.bytes?.max ?? Number.POSITIVE_INFINITY;
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = limits.bytes?.of(rows[i]) ?? 0;
    if (i > start && (i - start >= maxRows || bytes + rowBytes > maxBytes)) {
      chunks.push(rows.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (start < rows.length) chunks.push(rows.slice(start));
  return chunks;
}
