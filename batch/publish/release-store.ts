/**
 * @module
 * What publish and rollback do to KV and D1, behind one interface with two ways of doing it:
 *
 *   - remote: the wrangler CLI, one call per operation (`wrangler-release-store.ts`);
 *   - local: one Miniflare runtime on the state folder (`local-release-store.ts`), so a publish starts the Workers
 *     runtime once instead of once per operation (each wrangler call starts node and workerd, a second or more).
 *
 * `execute` runs its statements as one unit (a D1 batch locally, one `--file` remotely); `query` returns one result
 * set per statement.
 */
export interface KvEntry {
  key: string;
  value: string;
}

export interface KeyPage {
  names: string[];
  /** Where the next page starts; absent on the last page. */
  cursor?: string;
}

export interface ReleaseStore {
  getText(key: string): Promise<string | null>;
  put(entries: readonly KvEntry[]): Promise<void>;
  listKeys(prefix: string, cursor?: string): Promise<KeyPage>;
  delete(keys: readonly string[]): Promise<void>;
  query<Row = Record<string, unknown>>(statements: readonly string[]): Promise<Row[][]>;
  execute(statements: readonly string[]): Promise<void>;
  /** Applies the D1 migrations not applied yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Deletes every KV key under `prefix`, a listed page at a time; returns how many. */
export async function deletePrefix(store: ReleaseStore, prefix: string): Promise<number> {
  let deleted = 0;
  let previous: string | undefined;
  for (;;) {
    const page = await store.listKeys(prefix);
    if (page.names.length === 0) return deleted;
    if (page.names[0] === previous) throw new Error(`KV keys under ${prefix} were listed again after their deletion (${page.names[0]})`);
    previous = page.names[0];
    await store.delete(page.names);
    deleted += page.names.length;
    if (page.cursor === undefined) return deleted;
  }
}
