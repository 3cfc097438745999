/**
 * @module
 * Runs the project's own wrangler (node_modules/.bin) against the project's wrangler.toml, offline and
 * non-interactive, and fails with wrangler's own output when it fails. Wrangler runs in this process's process
 * group (so a Ctrl-C or a kill of the group stops it and the workerd it starts), and while any call runs, a
 * SIGTERM, SIGINT or SIGHUP to this process is passed on to it before this process ends: a killed command
 * leaves no wrangler or workerd behind.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** The folder holding wrangler.toml above this module (the source file, or the compiled CLI in `.cli/`). */
export const PROJECT_ROOT = projectRoot(import.meta.dirname);

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "wrangler.toml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "../..");
  }
}

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

class WranglerError extends Error {
  override name = "WranglerError";
}

/** Wrangler calls still running, so a failure can stop its siblings and a signal can reach them. */
const running = new Set<ChildProcess>();
/** Other runtimes this process started (the local release store's workerd), stopped on a signal like wrangler calls. */
const stoppers = new Set<() => Promise<void>>();

/** Local state is SQLite: a read while `wrangler dev` writes can meet a lock; such calls are retried. */
const BUSY_RETRIES = 4;

export async function wrangler(args: string[], target: Target, options: WranglerOptions = {}): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runWrangler(args, target, options);
    } catch (error) {
      const busy = error instanceof WranglerError && target === "local" && /SQLITE_BUSY|database is locked/.test(error.message);
      if (!busy || attempt >= BUSY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

async function runWrangler(args: string[], target: Target, options: WranglerOptions): Promise<string> {
  const bin = path.join(PROJECT_ROOT, "node_modules", ".bin", "wrangler");
  if (!existsSync(bin)) throw new WranglerError(`wrangler is not installed at ${bin}: run npm ci`);
  const full = [...args, `--${target}`, "--config", options.config ?? path.join(PROJECT_ROOT, "wrangler.toml")];
  if (target === "local" && options.persistTo !== undefined) full.push("--persist-to", options.persistTo);
  const env = { ...process.env, ...(target === "local" ? OFFLINE_ENV : { WRANGLER_SEND_METRICS: "false" }) };
  return new Promise((resolve, reject) => {
    const child = spawn(bin, full, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    track(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      untrack(child);
      reject(new WranglerError(`wrangler ${args.slice(0, 3).join(" ")} could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      untrack(child);
      const stdout = Buffer.concat(out).toString("utf8");
      if (code === 0) resolve(stdout);
      else reject(new WranglerError(`wrangler ${args.slice(0, 3).join(" ")} failed (${signal ?? `exit ${code}`}):\n${Buffer.concat(err).toString("utf8") || stdout}`));
    });
  });
}

/** Like Promise.all for wrangler calls, but the first failure stops every wrangler call still running. */
export async function allOrAbort<T extends readonly unknown[]>(calls: readonly [...{ [K in keyof T]: Promise<T[K]> }]): Promise<T> {
  try {
    return (await Promise.all(calls)) as unknown as T;
  } catch (error) {
    await stopRunningWrangler();
    await Promise.allSettled(calls);
    throw error;
  }
}

/**
 * Registers `stop` to run when a signal ends this process while it is registered, as for a running wrangler call;
 * returns the function that unregisters it.
 */
export function stopOnSignal(stop: () => Promise<void>): () => void {
  if (running.size + stoppers.size === 0) for (const name of SIGNALS) process.on(name, onSignal);
  stoppers.add(stop);
  return () => {
    stoppers.delete(stop);
    if (running.size + stoppers.size === 0) for (const name of SIGNALS) process.removeListener(name, onSignal);
  };
}

/** Stops every running wrangler call (wrangler stops the workerd it started on SIGTERM). */
async function stopRunningWrangler(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.pid === undefined) return resolve();
          child.once("close", () => resolve());
          if (!child.kill("SIGTERM")) resolve();
        }),
    ),
  );
}

const SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;

/** While wrangler runs: a signal stops it first, then ends this process as the signal would have. */
async function onSignal(signal: NodeJS.Signals): Promise<void> {
  const stopped = Promise.all([stopRunningWrangler(), ...[...stoppers].map((stop) => stop().catch(() => {}))]);
  const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
  await Promise.race([stopped, timeout]);
  for (const name of SIGNALS) process.removeListener(name, onSignal);
  process.kill(process.pid, signal);
}

function track(child: ChildProcess): void {
  if (running.size + stoppers.size === 0) for (const name of SIGNALS) process.on(name, onSignal);
  running.add(child);
}

function untrack(child: ChildProcess): void {
  running.delete(child);
  if (running.size + stoppers.size === 0) for (const name of SIGNALS) process.removeListener(name, onSignal);
}

process.once("exit", () => {
  for (const child of running) child.kill("SIGTERM");
});
