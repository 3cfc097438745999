/**
 * @module
 * A snapshot of the worker for long benchmarks: `wrangler dev` rebuilds and reloads the worker whenever a source
 * file changes, and a reload drops the Queues simulation's in-flight batches. Bundling the worker once
 * (`wrangler deploy --dry-run`) and serving that bundle from a copy of the config keeps a benchmark's edge fixed
 * while the source tree moves. The copy keeps every binding id, so it reads and writes the same local state.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { OFFLINE_ENV, PROJECT_ROOT } from "../../batch/publish/wrangler-cli";

export async function freezeWorker(workDir: string): Promise<string> {
  const bundle = path.join(workDir, "frozen-worker");
  await promisify(execFile)(path.join(PROJECT_ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", bundle, "--config", path.join(PROJECT_ROOT, "wrangler.toml")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...OFFLINE_ENV },
    maxBuffer: 64 << 20,
  });
  let config = readFileSync(path.join(PROJECT_ROOT, "wrangler.toml"), "utf8");
  const replace = (pattern: RegExp, value: string) => {
    if (!pattern.test(config)) throw new Error(`wrangler.toml has no line matching ${pattern}`);
    config = config.replace(pattern, value);
  };
  replace(/^main = .*$/m, `main = ${JSON.stringify(path.join(bundle, "index.js"))}`);
  replace(/^directory = "public"$/m, `directory = ${JSON.stringify(path.join(PROJECT_ROOT, "public"))}`);
  replace(/^migrations_dir = .*$/m, `migrations_dir = ${JSON.stringify(path.join(PROJECT_ROOT, "migrations"))}`);
  replace(/^#:schema .*$/m, "");
  const configPath = path.join(workDir, "wrangler.frozen.toml");
  writeFileSync(configPath, config);
  return configPath;
}
