/**
 * @module
 * Starts `wrangler dev` (real workerd, local KV/D1) for tests, benchmarks and the simulator: on a free loopback
 * port, in its own process group, against a given local state folder; waits for /healthz; stops the whole group.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { OFFLINE_ENV, PROJECT_ROOT } from "../../batch/publish/wrangler-cli";

export interface DevServer {
  url: string;
  port: number;
  /** The DevTools protocol port wrangler proxies to the Worker's isolate (heap usage, profiles). */
  inspectorPort: number;
  /** Everything wrangler printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** Local state folder (wrangler's --persist-to); default: wrangler's own `.wrangler/state`. */
  persistTo?: string;
  port?: number;
  /** Extra `--var NAME:VALUE` bindings. */
  vars?: Record<string, string>;
  startTimeoutMs?: number;
  /** Another wrangler config (default: the project's wrangler.toml), e.g. a frozen bundle's (frozen-worker.ts). */
  configPath?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const port = options.port ?? (await freePort());
  const inspectorPort = await freePort();
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort), "--config", options.configPath ?? path.join(PROJECT_ROOT, "wrangler.toml")];
  if (options.persistTo !== undefined) args.push("--persist-to", options.persistTo);
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push("--var", `${name}:${value}`);
  const child: ChildProcess = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/wrangler"), args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...OFFLINE_ENV },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  let exited = false;
  child.on("exit", () => (exited = true));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    }, 3000);
    await gone;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) throw new Error(`wrangler dev exited before answering:\n${log}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return { url, port, inspectorPort, output: () => log, stop };
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`wrangler dev did not answer /healthz within the timeout:\n${log}`);
}
