/**
 * @module
 * The release store on local state: one Miniflare runtime on the state folder `wrangler dev --persist-to` serves,
 * with the project's KV and D1 bindings (read from its wrangler config) and a small Worker that does each
 * operation inside the runtime. Every operation is one request to it: a put of thousands of KV values costs one
 * round trip from Node, not one each (per-key calls through a platform proxy cost ~2.5 ms of Node time apiece).
 * D1 writes run as one batch (a transaction); a statement that meets the write lock of a running `wrangler dev` is
 * tried again. Migrations not applied yet are applied the way `wrangler d1 migrations apply` does (its table, its
 * statement splitter), so either can apply the next one. A signal that ends the process stops the runtime first.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { KeyPage, KvEntry, ReleaseStore } from "./release-store";
import { OFFLINE_ENV, PROJECT_ROOT, stopOnSignal, type WranglerOptions } from "./wrangler-cli";

/** KV values sent to the runtime per request (a request body holds them all as JSON). */
const ENTRIES_PER_REQUEST = 2_000;
/** Statements per D1 batch (each batch is one transaction; a publish's catalogue is a few hundred statements). */
const BATCH_STATEMENTS = 500;
/** The table `wrangler d1 migrations apply` records applied migrations in. */
const MIGRATIONS_TABLE = "d1_migrations";

/** Runs inside the runtime: one operation per request, its result as JSON, a failure as 500 with its message. */
const STORE_WORKER = `
const PARALLEL = 32;
async function each(items, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
const operations = {
  get: (env, { key }) => env.KV.get(key, "text"),
  put: (env, { entries }) => each(entries, (e) => env.KV.put(e.key, e.value)).then(() => null),
  delete: (env, { keys }) => each(keys, (key) => env.KV.delete(key)).then(() => null),
  list: (env, { prefix, cursor }) => env.KV.list({ prefix, limit: 1000, ...(cursor ? { cursor } : {}) }),
  batch: async (env, { statements }) => (await env.DB.batch(statements.map((s) => env.DB.prepare(s)))).map((r) => r.results),
};
export default {
  async fetch(request, env) {
    const { op, ...args } = await request.json();
    try {
      return Response.json({ value: await operations[op](env, args) });
    } catch (error) {
      return Response.json({ error: String(error && error.message ? error.message : error) }, { status: 500 });
    }
  },
};
`;

interface ListResult {
  keys: Array<{ name: string }>;
  list_complete: boolean;
  cursor?: string;
}

export async function localReleaseStore(options: WranglerOptions): Promise<ReleaseStore> {
  Object.assign(process.env, OFFLINE_ENV);
  const configPath = options.config ?? path.join(PROJECT_ROOT, "wrangler.toml");
  const { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } = await import("wrangler");
  const { Miniflare } = await import("miniflare");
  // Quiet while wrangler reads the config ("Using secrets defined in .dev.vars"), but not for wrangler calls made later.
  const logLevel = process.env.WRANGLER_LOG;
  process.env.WRANGLER_LOG ??= "warn";
  let workerOptions: ReturnType<typeof unstable_getMiniflareWorkerOptions>["workerOptions"];
  try {
    workerOptions = unstable_getMiniflareWorkerOptions(configPath).workerOptions;
  } finally {
    if (logLevel === undefined) delete process.env.WRANGLER_LOG;
    else process.env.WRANGLER_LOG = logLevel;
  }
  const persistRoot = options.persistTo !== undefined ? path.resolve(options.persistTo) : path.join(path.dirname(configPath), ".wrangler", "state");
  const runtime = new Miniflare({
    modules: true,
    script: STORE_WORKER,
    compatibilityDate: workerOptions.compatibilityDate,
    kvNamespaces: workerOptions.kvNamespaces,
    d1Databases: workerOptions.d1Databases,
    defaultPersistRoot: path.join(persistRoot, "v3"),
  });
  const unregister = stopOnSignal(() => runtime.dispose());
  await runtime.ready;

  async function call<T>(op: string, args: Record<string, unknown>): Promise<T> {
    const response = await runtime.dispatchFetch("http://store.local/", { method: "POST", body: JSON.stringify({ op, ...args }) });
    const body = (await response.json()) as { value?: T; error?: string };
    if (!response.ok) throw new Error(`local ${op}: ${body.error ?? response.status}`);
    return body.value as T;
  }
  const batch = <Row>(statements: readonly string[]) => whenNotBusy(() => call<Row[][]>("batch", { statements }));
  const inChunks = async <T>(items: readonly T[], op: string, field: string) => {
    for (let i = 0; i < items.length; i += ENTRIES_PER_REQUEST) await call(op, { [field]: items.slice(i, i + ENTRIES_PER_REQUEST) });
  };

  return {
    getText: (key) => call<string | null>("get", { key }),
    put: (entries: readonly KvEntry[]) => inChunks(entries, "put", "entries"),
    async listKeys(prefix, cursor): Promise<KeyPage> {
      const page = await call<ListResult>("list", { prefix, cursor });
      const names = page.keys.map((k) => k.name);
      return page.list_complete || page.cursor === undefined ? { names } : { names, cursor: page.cursor };
    },
    delete: (keys) => inChunks(keys, "delete", "keys"),
    query: <Row>(statements: readonly string[]) => batch<Row>(statements),
    async execute(statements) {
      for (let i = 0; i < statements.length; i += BATCH_STATEMENTS) await batch(statements.slice(i, i + BATCH_STATEMENTS));
    },
    async migrate() {
      const folder = path.join(PROJECT_ROOT, "migrations");
      const files = (await readdir(folder)).filter((f) => f.endsWith(".sql")).sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
      const [, applied] = await batch<{ name: string }>([
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE}(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)`,
        `SELECT name FROM ${MIGRATIONS_TABLE}`,
      ]);
      const done = new Set(applied.map((m) => m.name));
      for (const file of files) {
        if (done.has(file)) continue;
        const sql = await readFile(path.join(folder, file), "utf8");
        await batch([...unstable_splitSqlQuery(sql), `INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES ('${file.replace(/'/g, "''")}')`]);
      }
    },
    async close() {
      await runtime.dispose();
      unregister();
    },
  };
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
