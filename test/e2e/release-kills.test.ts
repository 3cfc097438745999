/**
 * Kills `edgerec publish` and `edgerec build` at random points, as a crash, a Ctrl-C or a CI timeout would, and
 * checks after every kill what a release promises: the live pointer names a build whose blobs and catalogue rows
 * are all there; every rollback target is complete; `rollback` after the kill goes back to a complete build; no
 * wrangler or workerd is left running; a build folder is the previous build, the new one, or absent, never parts
 * of two. The kill points are drawn from a seeded generator (the seed is printed).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, type FSWatcher, mkdtempSync, rmSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { readArtifacts } from "../../batch/build/artifacts";
import { edgeBlobsOf } from "../../batch/build/kv-footprint";
import { main } from "../../batch/cli/main";
import { PROJECT_ROOT } from "../../batch/publish/wrangler-cli";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { LIVE_POINTER_KEY, parseLivePointer } from "../../core/keys";
import { Rng } from "../../core/random/rng";
import { buildShop, publishLocal, writeTinyShop } from "./local-edge";

const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-kills-"));
const state = path.join(work, "state");
const SEED = Date.now() % 100_000;
const rng = new Rng(SEED);
const BIN = path.join(PROJECT_ROOT, "bin/edgerec.mjs");

/** Runs `edgerec` as its own process group; resolves when it has exited. */
function spawnEdgerec(args: string[]): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, detached: true, stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited };
}

/** SIGKILL to the process group; a build that already finished has no group left, which is fine. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Every running process: pid -> [parent pid, command line]. */
function processTable(): Map<number, [number, string]> {
  const table = new Map<number, [number, string]>();
  for (const line of execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" }).split("\n")) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (match !== null) table.set(Number(match[1]), [Number(match[2]), match[3]]);
  }
  return table;
}

/** The processes `pid` started, and theirs (wrangler, its workerd), as the table has them now. */
function descendants(pid: number): Map<number, string> {
  const table = processTable();
  const found = new Map<number, string>();
  let frontier = [pid];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const [child, [parent, args]] of table) {
      if (frontier.includes(parent) && !found.has(child)) {
        found.set(child, args);
        next.push(child);
      }
    }
    frontier = next;
  }
  return found;
}

/** Those of `pids` still running after up to 10 s. */
async function stillRunning(pids: ReadonlyMap<number, string>): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  const alive = () => {
    const table = processTable();
    return [...pids].filter(([pid, args]) => table.get(pid)?.[1] === args).map(([pid, args]) => `${pid} ${args.slice(0, 120)}`);
  };
  let left = alive();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    left = alive();
  }
  return left;
}

/** KV keys each build wrote, from its artifacts: the meta blob and one key per item with lists. */
const expectedKeys = new Map<string, number>();
const expectedProducts = new Map<string, number>();

interface Release {
  live: string | null;
  builds: Array<{ id: string; status: string; written_at: number | null; live_at: number | null }>;
  keys: Map<string, number>;
  products: Map<string, number>;
}

/** What this suite reads of the runtime's bindings (Miniflare's own types need the Workers types, which Node's checks leave out). */
interface LocalKv {
  get(key: string): Promise<string | null>;
  list(options: { prefix: string; cursor?: string }): Promise<{ keys: Array<{ name: string }>; list_complete: boolean; cursor?: string }>;
}
interface LocalD1 {
  prepare(sql: string): unknown;
  batch<Row>(statements: unknown[]): Promise<Array<{ results: Row[] }>>;
}

/**
 * The release as the local state holds it, read through one Miniflare runtime with the project's KV and D1
 * bindings on the state folder (the files `wrangler ... --local --persist-to` reads): one runtime start per look
 * instead of a wrangler process per read.
 */
async function release(): Promise<Release> {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(path.join(PROJECT_ROOT, "wrangler.toml"));
  const runtime = new Miniflare({
    modules: true,
    script: "export default { fetch: () => new Response(null, { status: 404 }) };",
    compatibilityDate: workerOptions.compatibilityDate,
    kvNamespaces: workerOptions.kvNamespaces,
    d1Databases: workerOptions.d1Databases,
    defaultPersistRoot: path.join(state, "v3"),
  });
  try {
    const kv = (await runtime.getKVNamespace("KV")) as unknown as LocalKv;
    const db = (await runtime.getD1Database("DB")) as unknown as LocalD1;
    const pointer = await kv.get(LIVE_POINTER_KEY);
    const [builds, products] = await db.batch<Record<string, unknown>>([db.prepare("SELECT id, status, written_at, live_at FROM builds"), db.prepare("SELECT build_id, COUNT(*) AS n FROM products GROUP BY build_id")]);
    const keys = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await kv.list({ prefix: "b/", ...(cursor !== undefined ? { cursor } : {}) });
      for (const { name } of page.keys) {
        const build = name.split("/")[1];
        keys.set(build, (keys.get(build) ?? 0) + 1);
      }
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor !== undefined);
    return {
      live: parseLivePointer(pointer)?.build ?? null,
      builds: builds.results as Release["builds"],
      keys,
      products: new Map(products.results.map((r) => [r.build_id as string, r.n as number])),
    };
  } finally {
    await runtime.dispose();
  }
}

/** The promises of a release, checked on the state as a kill left it. */
function expectConsistent(r: Release, when: string): void {
  expect(r.live, when).not.toBeNull();
  const live = r.live!;
  const complete = (id: string) => r.keys.get(id) === expectedKeys.get(id) && r.products.get(id) === expectedProducts.get(id);
  expect(complete(live), `${when}: the live build ${live} is complete`).toBe(true);
  expect(r.builds.find((b) => b.id === live)?.written_at, `${when}: the live build ${live} is recorded written`).not.toBeNull();
  for (const b of r.builds) {
    const target = b.written_at !== null && b.live_at !== null && (b.status === "published" || b.status === "live");
    if (target) expect(complete(b.id), `${when}: rollback target ${b.id} is complete`).toBe(true);
  }
}

async function rollbackNow(): Promise<number> {
  return main(["rollback", "--local", "--persist-to", state]);
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a killed publish leaves a complete live build, complete rollback targets and no process", () => {
  let fullPublishMs = 0;

  beforeAll(async () => {
    console.log(`release-kills: seed ${SEED}`);
    const files = writeTinyShop(work);
    for (const id of ["kill-a", "kill-b", "kill-c"]) {
      const out = path.join(work, id);
      await buildShop(files, out, "--build-id", id);
      const artifacts = readArtifacts(out);
      expectedKeys.set(id, [...edgeBlobsOf(decodeMetaBlob(artifacts.meta), artifacts.itemBlobs)].length);
      expectedProducts.set(id, artifacts.catalog!.length);
    }
    // The first publish also applies the D1 migrations; the kill points are drawn from a publish like the ones killed.
    await publishLocal(path.join(work, "kill-a"), state);
    const started = performance.now();
    await publishLocal(path.join(work, "kill-a"), state);
    fullPublishMs = performance.now() - started;
  }, 300_000);


  it("kills publish at random points, by SIGKILL to its group or SIGTERM to it; rollback then goes to a complete build", async () => {
    const points = [0.2, 0.45, 0.7, 0.9].map((share) => Math.round(fullPublishMs * (share + (rng.float() - 0.5) * 0.15)));
    for (const [k, delay] of points.entries()) {
      const build = k % 2 === 0 ? "kill-b" : "kill-c";
      const signal = k % 2 === 0 ? "SIGKILL" : "SIGTERM";
      const run = spawnEdgerec(["publish", "--artifacts", path.join(work, build), "--local", "--persist-to", state, "--quiet"]);
      await new Promise((resolve) => setTimeout(resolve, delay));
      const started = descendants(run.child.pid!);
      if (signal === "SIGKILL") process.kill(-run.child.pid!, "SIGKILL");
      else run.child.kill("SIGTERM");
      await run.exited;
      const when = `publish of ${build} killed by ${signal} after ${delay} ms (of ${fullPublishMs.toFixed(0)})`;
      expect(await stillRunning(started), `${when}: processes left`).toEqual([]);
      expectConsistent(await release(), when);
      const code = await rollbackNow();
      const after = await release();
      if (code === 0) expectConsistent(after, `${when}, then rollback`);
      else expect(after.builds.filter((b) => b.id !== after.live && b.written_at !== null && b.live_at !== null && b.status !== "retired")).toEqual([]);
    }
  }, 600_000);

  it("publishes again after the kills: leftovers purged, the keep count honoured", async () => {
    await publishLocal(path.join(work, "kill-c"), state);
    await publishLocal(path.join(work, "kill-b"), state);
    const r = await release();
    expectConsistent(r, "after two full publishes");
    expect(r.live).toBe("kill-b");
    const notRetired = r.builds.filter((b) => b.status !== "retired").map((b) => b.id).sort();
    expect(notRetired).toEqual(["kill-a", "kill-b", "kill-c"].filter((id) => r.keys.has(id)).sort());
    for (const [build] of r.keys) expect(notRetired, `blobs of ${build} in KV`).toContain(build);
    expect(await rollbackNow()).toBe(0);
    expect((await release()).live).toBe("kill-c");
  }, 300_000);
});

describe("a killed build never leaves a folder that publishes parts of two builds", () => {
  it("kills build at random points and while it writes: the folder is the previous build, the new one, or none", async () => {
    const files = writeTinyShop(work);
    const out = path.join(work, "rebuilt");
    await buildShop(files, out, "--build-id", "previous");
    const points = [0, 1, 2].map(() => rng.between(300, 2800));
    for (const [k, delay] of [...points, -1].entries()) {
      // The kill that matters most: while the new folder is being written beside the old one. A small shop's
      // folder exists for milliseconds, so its creation is watched for rather than polled.
      let writing: Promise<void> | undefined;
      let watcher: FSWatcher | undefined;
      if (delay < 0) writing = new Promise((resolve) => (watcher = watch(work, (_, name) => name?.startsWith("rebuilt.tmp-") && resolve())));
      const run = spawnEdgerec(["build", "--orders", files.orders, "--catalog", files.catalog, "--out", out, "--build-id", `next-${k}`, "--quiet"]);
      if (delay >= 0) await new Promise((resolve) => setTimeout(resolve, delay));
      else await Promise.race([writing, run.exited]);
      watcher?.close();
      killGroup(run.child.pid!);
      await run.exited;
      if (!existsSync(out)) continue;
      const id = readArtifacts(out).manifest.build_id;
      expect(["previous", `next-${k}`, ...points.map((_, j) => `next-${j}`)], `kill ${k} after ${delay} ms`).toContain(id);
    }
  }, 300_000);
});
