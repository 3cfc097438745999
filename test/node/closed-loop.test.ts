/**
 * The scheduled closed loop (`scripts/closed-loop.sh`) fails loudly and publishes nothing when a step fails: no
 * feed, an empty feed, and (here, with no Cloudflare account) the remote events export.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FEEDS = path.join(ROOT, "test/fixtures/feeds");

function loop(env: Record<string, string>) {
  const work = mkdtempSync(path.join(tmpdir(), "edgerec-loop-"));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("EDGEREC_") && !name.startsWith("CLOUDFLARE_")));
  const run = spawnSync("bash", ["scripts/closed-loop.sh"], { cwd: ROOT, env: { ...clean, EDGEREC_WORK: work, ...env }, encoding: "utf8", timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}`, work };
}

describe("scripts/closed-loop.sh", () => {
  it("stops before anything when no feed is named", () => {
    const run = loop({ EDGEREC_ORDERS: path.join(FEEDS, "orders.csv") });
    expect(run.status).toBe(1);
    expect(run.output).toContain("CLOSED LOOP FAILED: no feed: set EDGEREC_FEED_URL or EDGEREC_FEED; the live build was left alone");
    expect(run.output).not.toContain("2/5");
  });

  it("stops on an empty feed", () => {
    const empty = path.join(mkdtempSync(path.join(tmpdir(), "edgerec-loop-")), "feed.xml");
    writeFileSync(empty, "");
    const run = loop({ EDGEREC_FEED: empty, EDGEREC_ORDERS: path.join(FEEDS, "orders.csv") });
    expect(run.status).toBe(1);
    expect(run.output).toContain("CLOSED LOOP FAILED: the feed is empty");
  });

  it("stops when the remote events export fails, before building or publishing", () => {
    const run = loop({ EDGEREC_FEED: path.join(FEEDS, "gmc-rss.xml"), EDGEREC_ORDERS: path.join(FEEDS, "orders.csv") });
    expect(run.status).toBe(1);
    expect(run.output).toContain("== 2/5 exporting");
    expect(run.output).toMatch(/CLOSED LOOP FAILED: step exited with status \d+ at line \d+; the live build was left alone/);
    expect(run.output).not.toContain("== 3/5");
    expect(run.output).not.toContain("== 5/5");
  });
});
