/**
 * @module
 * The one thing the analytics queries need from a database: run a read-only statement with numbered
 * parameters (`?1`, `?2`, ...) and return its rows. The worker wraps its D1 binding; the CLI wraps
 * getPlatformProxy's D1 (local state) or `wrangler d1 execute --remote`.
 */
export interface SqlClient {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** The part of a D1 binding (the worker's, or getPlatformProxy's) the client uses. */
export interface D1Like {
  prepare(sql: string): { bind(...values: unknown[]): { all<T>(): Promise<{ results: T[] }> } };
}

export function d1Client(db: D1Like): SqlClient {
  return {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await db.prepare(sql).bind(...params).all<T>()).results;
    },
  };
}
