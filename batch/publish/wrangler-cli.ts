/**
 * @module
 * Runs the project's own wrangler (node_modules/.bin) against the project's wrangler.toml, offline and
 * non-interactive, and fails with wrangler's own output when it fails.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

export const OFFLINE_ENV = {
  CI: "true",
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
} as const;

export type Target = "local" | "remote";

export interface WranglerOptions {
  /** Local state folder (wrangler's --persist-to); default: wrangler's own `.wrangler/state`. */
  persistTo?: string;
  config?: string;
}

export class WranglerError extends Error {
  override name = "WranglerError";
}

export async function wrangler(args: string[], target: Target, options: WranglerOptions = {}): Promise<string> {
  const bin = path.join(PROJECT_ROOT, "node_modules", ".bin", "wrangler");
  if (!existsSync(bin)) throw new WranglerError(`wrangler is not installed at ${bin}: run npm ci`);
  const full = [...args, `--${target}`, "--config", options.config ?? path.join(PROJECT_ROOT, "wrangler.toml")];
  if (target === "local" && options.persistTo !== undefined) full.push("--persist-to", options.persistTo);
  const env = { ...process.env, ...(target === "local" ? OFFLINE_ENV : { WRANGLER_SEND_METRICS: "false" }) };
  return new Promise((resolve, reject) => {
    execFile(bin, full, { cwd: PROJECT_ROOT, env, encoding: "utf8", maxBuffer: 256 << 20 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new WranglerError(`wrangler ${args.slice(0, 3).join(" ")} failed (exit ${error.code}):\n${stderr || stdout}`));
    });
  });
}
