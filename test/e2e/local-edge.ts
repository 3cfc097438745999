/**
 * @module
 * What the end-to-end suites do to a local edge: run `edgerec` in-process (every call must succeed), write a
 * hand-made shop's input files, build a shop and publish the build to a local state folder (the one
 * `wrangler dev --persist-to` serves), read that state's D1, and the Chromium they drive.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { main } from "../../batch/cli/main";
import { wrangler } from "../../batch/publish/wrangler-cli";
import { tinyShopFiles } from "../fixtures/tiny-shop";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface ShopFiles {
  orders: string;
  catalog?: string;
}

export async function edgerec(...argv: string[]): Promise<void> {
  expect(await main(argv), `edgerec ${argv.join(" ")}`).toBe(0);
}

/** Writes the tiny shop (`test/fixtures/tiny-shop.ts`) as catalog.jsonl and orders.jsonl in `dir`. */
export function writeTinyShop(dir: string): Required<ShopFiles> {
  const text = tinyShopFiles();
  const files = { catalog: path.join(dir, "catalog.jsonl"), orders: path.join(dir, "orders.jsonl") };
  writeFileSync(files.catalog, text.catalog);
  writeFileSync(files.orders, text.orders);
  return files;
}

/** `edgerec build` of a shop's files into `out`, with any further flags. */
export function buildShop(files: ShopFiles, out: string, ...flags: string[]): Promise<void> {
  return edgerec("build", "--orders", files.orders, ...(files.catalog === undefined ? [] : ["--catalog", files.catalog]), "--out", out, "--quiet", ...flags);
}

/** `edgerec publish --local` of an artifacts folder into the local state folder `state`. */
export function publishLocal(artifacts: string, state: string): Promise<void> {
  return edgerec("publish", "--artifacts", artifacts, "--local", "--persist-to", state, "--quiet");
}

/** Runs the statements on the local D1 of `state` in one wrangler call; one result set per statement. */
export async function queryLocalD1<Row = Record<string, unknown>>(state: string, ...statements: string[]): Promise<Row[][]> {
  const out = await wrangler(["d1", "execute", "DB", "--json", "--command", statements.join(";\n")], "local", { persistTo: state });
  return (JSON.parse(out) as Array<{ results: Row[] }>).map((r) => r.results);
}
