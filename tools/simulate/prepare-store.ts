/**
 * @module
 * A shop to simulate against: the demo store generated, built and published to a local state folder that a
 * `wrangler dev` started on the same folder serves.
 */
import path from "node:path";
import { writeArtifacts } from "../../batch/build/artifacts";
import { buildFromFiles } from "../../batch/build/build";
import { generateDemo } from "../demo/generate";
import { type CatalogProduct, readCatalog } from "../../batch/io/read-catalog";
import { publish } from "../../batch/publish/publish";

export interface PreparedStore {
  state: string;
  orders: string;
  dataDir: string;
  artifactsDir: string;
  catalog: CatalogProduct[];
}

export async function prepareDemoStore(options: { work: string; seed: number; orders: number; log?: (line: string) => void }): Promise<PreparedStore> {
  const log = options.log ?? (() => {});
  const dataDir = path.join(options.work, "demo");
  const artifactsDir = path.join(options.work, "artifacts");
  const state = path.join(options.work, "state");
  let t = performance.now();
  const lap = () => {
    const s = ((performance.now() - t) / 1000).toFixed(1);
    t = performance.now();
    return s;
  };
  const summary = await generateDemo({ out: dataDir, seed: options.seed, orders: options.orders });
  log(`demo store: ${summary.products} products, ${summary.orders} orders (${lap()} s)`);
  const artifacts = await buildFromFiles({ orders: path.join(dataDir, "orders.jsonl"), catalog: path.join(dataDir, "catalog.jsonl") });
  await writeArtifacts(artifactsDir, artifacts);
  log(`build ${artifacts.manifest.build_id}: ${artifacts.manifest.counts.items_with_lists} items with lists (${lap()} s)`);
  await publish(artifacts, "local", { persistTo: state });
  log(`published to ${state} (${lap()} s)`);
  const catalog = (await readCatalog(path.join(dataDir, "catalog.jsonl"))).products;
  return { state, orders: path.join(dataDir, "orders.jsonl"), dataDir, artifactsDir, catalog };
}
