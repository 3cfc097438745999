/**
 * @module
 * The release store through the wrangler CLI (`--remote`, the Cloudflare account): one wrangler call per operation,
 * KV writes and deletes as bulk files, D1 writes as one `--file`.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { KeyPage, KvEntry, ReleaseStore } from "./release-store";
import { type Target, wrangler, type WranglerOptions } from "./wrangler-cli";

/** The most keys one `kv key list` of local state returns (wrangler takes no cursor). */
const LIST_PAGE = 1000;

export async function wranglerReleaseStore(target: Target, options: WranglerOptions): Promise<ReleaseStore> {
  const work = await mkdtemp(path.join(tmpdir(), "edgerec-release-"));
  let files = 0;
  const file = async (name: string, text: string) => {
    const at = path.join(work, `${files++}-${name}`);
    await writeFile(at, text);
    return at;
  };
  return {
    async getText(key) {
      try {
        return await wrangler(["kv", "key", "get", key, "--binding", "KV", "--text"], target, options);
      } catch {
        return null;
      }
    },
    async put(entries: readonly KvEntry[]) {
      if (entries.length > 0) await wrangler(["kv", "bulk", "put", await file("put.json", JSON.stringify(entries)), "--binding", "KV"], target, options);
    },
    async listKeys(prefix): Promise<KeyPage> {
      const names = (JSON.parse(await wrangler(["kv", "key", "list", "--binding", "KV", "--prefix", prefix], target, options)) as Array<{ name: string }>).map((k) => k.name);
      return target === "local" && names.length >= LIST_PAGE ? { names, cursor: names.at(-1) } : { names };
    },
    async delete(keys) {
      if (keys.length > 0) await wrangler(["kv", "bulk", "delete", await file("delete.json", JSON.stringify(keys)), "--binding", "KV", "--force"], target, options);
    },
    async query<Row>(statements: readonly string[]) {
      const out = await wrangler(["d1", "execute", "DB", "--json", "--command", statements.join("\n")], target, options);
      return (JSON.parse(out) as Array<{ results: Row[] }>).map((r) => r.results);
    },
    async execute(statements) {
      if (statements.length > 0) await wrangler(["d1", "execute", "DB", "--file", await file("write.sql", statements.join("\n"))], target, options);
    },
    async migrate() {
      await wrangler(["d1", "migrations", "apply", "DB"], target, options);
    },
    close: () => rm(work, { recursive: true, force: true }),
  };
}
