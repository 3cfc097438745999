/**
 * @module
 * The analytics SqlClient for the CLI: local state through getPlatformProxy (the same SQLite files `wrangler dev`
 * and `edgerec publish --local` use; `--persist-to DIR` as wrangler's), or the account's D1 through
 * `wrangler d1 execute --remote` with the parameters written in as SQL literals.
 */
import path from "node:path";
import type { D1Like, SqlClient } from "../../db/analytics/sql-client";
import { d1Client } from "../../db/analytics/sql-client";
import { sqlLiteral } from "../publish/sql-literal";
import { OFFLINE_ENV, PROJECT_ROOT, type Target, wrangler } from "../publish/wrangler-cli";

export interface OpenedSql {
  sql: SqlClient;
  close(): Promise<void>;
}

export async function openSql(target: Target, options: { persistTo?: string } = {}): Promise<OpenedSql> {
  if (target === "remote") return { sql: remoteSqlClient(), close: async () => {} };
  Object.assign(process.env, OFFLINE_ENV);
  // wrangler logs notices ("Using secrets defined in .dev.vars") to stdout, which belongs to the report.
  process.env.WRANGLER_LOG ??= "warn";
  const { getPlatformProxy } = await import("wrangler");
  const proxy = await getPlatformProxy<{ DB: D1Like }>({
    configPath: path.join(PROJECT_ROOT, "wrangler.toml"),
    persist: options.persistTo !== undefined ? { path: path.join(path.resolve(options.persistTo), "v3") } : true,
    remoteBindings: false,
  });
  return { sql: retryWhenBusy(d1Client(proxy.env.DB)), close: () => proxy.dispose() };
}

/**
 * A running `wrangler dev` writes the same SQLite file; a read that meets its write lock fails (SQLITE_BUSY,
 * surfaced by the proxy as "internal error") and is simply tried again. Only reads go through this client.
 */
function retryWhenBusy(sql: SqlClient, attempts = 10): SqlClient {
  return {
    async all<T>(query: string, params?: readonly unknown[]) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await sql.all<T>(query, params);
        } catch (error) {
          const message = String((error as Error).message ?? error);
          if (attempt >= attempts || !/internal error|SQLITE_BUSY|database is locked/i.test(message)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** Math.min(attempt, 6)));
        }
      }
    },
  };
}

/** `?N` parameters replaced by literals, for `wrangler d1 execute --command`. */
export function inlineParameters(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\?(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`SQL parameter ?${n} has no value`);
    return sqlLiteral(params[index]);
  });
}

function remoteSqlClient(): SqlClient {
  return {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      const out = await wrangler(["d1", "execute", "DB", "--json", "--command", inlineParameters(sql, params)], "remote");
      const parsed = JSON.parse(out) as Array<{ results: T[] }>;
      return parsed[0]?.results ?? [];
    },
  };
}
