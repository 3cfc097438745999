/**
 * @module
 * The release store on local state through one `getPlatformProxy` (the same SQLite files `wrangler dev
 * --persist-to` serves): the Workers runtime starts once for a whole publish. D1 writes run as one batch (a
 * transaction); a statement that meets the write lock of a running `wrangler dev` is tried again. Migrations not
 * applied yet are applied by `wrangler d1 migrations apply`, the one wrangler call a first publish makes. A signal
 * that ends the process stops the proxy's workerd first.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { KeyPage, KvEntry, ReleaseStore } from "./release-store";
import { OFFLINE_ENV, PROJECT_ROOT, stopOnSignal, wrangler, type WranglerOptions } from "./wrangler-cli";

interface ProxyKv {
  get(key: string, type: "text"): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  list(options: { prefix: string; cursor?: string; limit?: number }): Promise<{ keys: Array<{ name: string }>; list_complete: boolean; cursor?: string }>;
}

interface ProxyStatement {
  all<T>(): Promise<{ results: T[] }>;
}

interface ProxyD1 {
  prepare(sql: string): ProxyStatement;
  batch<T>(statements: ProxyStatement[]): Promise<Array<{ results: T[] }>>;
}

/** Writes in flight at once through the proxy. */
const PARALLEL_WRITES = 64;
/** Statements per D1 batch (each batch is one transaction; a publish's catalogue is a few hundred statements). */
const BATCH_STATEMENTS = 500;

export async function localReleaseStore(options: WranglerOptions): Promise<ReleaseStore> {
  Object.assign(process.env, OFFLINE_ENV);
  // Quiet while the proxy starts ("Using secrets defined in .dev.vars"), but not for the wrangler calls this
  // process makes later, whose --json output is logged at the info level.
  const logLevel = process.env.WRANGLER_LOG;
  process.env.WRANGLER_LOG ??= "warn";
  const { getPlatformProxy } = await import("wrangler");
  const proxy = await getPlatformProxy<{ KV: ProxyKv; DB: ProxyD1 }>({
    configPath: options.config ?? path.join(PROJECT_ROOT, "wrangler.toml"),
    persist: options.persistTo !== undefined ? { path: path.join(path.resolve(options.persistTo), "v3") } : true,
    remoteBindings: false,
  }).finally(() => {
    if (logLevel === undefined) delete process.env.WRANGLER_LOG;
    else process.env.WRANGLER_LOG = logLevel;
  });
  const unregister = stopOnSignal(() => proxy.dispose());
  const { KV: kv, DB: db } = proxy.env;
  const batch = <Row>(statements: readonly string[]) => whenNotBusy(() => db.batch<Row>(statements.map((s) => db.prepare(s))));
  return {
    getText: (key) => kv.get(key, "text"),
    put: (entries: readonly KvEntry[]) => inParallel(entries, (e) => kv.put(e.key, e.value)),
    async listKeys(prefix, cursor): Promise<KeyPage> {
      const page = await kv.list({ prefix, limit: 1000, ...(cursor !== undefined ? { cursor } : {}) });
      const names = page.keys.map((k) => k.name);
      return page.list_complete || page.cursor === undefined ? { names } : { names, cursor: page.cursor };
    },
    delete: (keys) => inParallel(keys, (key) => kv.delete(key)),
    async query<Row>(statements: readonly string[]) {
      return (await batch<Row>(statements)).map((r) => r.results);
    },
    async execute(statements) {
      for (let i = 0; i < statements.length; i += BATCH_STATEMENTS) await batch(statements.slice(i, i + BATCH_STATEMENTS));
    },
    async migrate() {
      const files = (await readdir(path.join(PROJECT_ROOT, "migrations"))).filter((f) => f.endsWith(".sql"));
      const applied = await whenNotBusy(() => db.prepare("SELECT name FROM d1_migrations").all<{ name: string }>()).then(
        (r) => new Set(r.results.map((m) => m.name)),
        () => new Set<string>(),
      );
      if (files.some((f) => !applied.has(f))) await wrangler(["d1", "migrations", "apply", "DB"], "local", options);
    },
    async close() {
      await proxy.dispose();
      unregister();
    },
  };
}

async function inParallel<T>(items: readonly T[], write: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await write(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, items.length) }, worker));
}

/** A running `wrangler dev` writes the same SQLite file: a call that meets its lock ("internal error") is tried again. */
async function whenNotBusy<T>(call: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const message = String((error as Error).message ?? error);
      if (attempt >= attempts || !/internal error|SQLITE_BUSY|database is locked/i.test(message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** Math.min(attempt, 6)));
    }
  }
}
