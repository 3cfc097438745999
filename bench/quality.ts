/**
 * @module
 * `npm run bench:quality`: basket completion (HR@10, NDCG@10, MRR, coverage; mean of seeds 42, 1, 2, 3, 4) on the
 * real data sets, through the same build and `recommend()` as `edgerec build` / `edgerec recommend`, for the blend,
 * each cross-sell source alone and the popularity fallback, beside the peer figures of ../shared/data/README.md.
 * "blend, prior served" is the blend tuned for, and merged with, the once-per-item prior (cross-sell lists plus
 * `mergeCandidateLists` in process). Every data set with a catalogue (groceries and completejourney with their
 * item files, the category levels sent as the path a shop would send, root first; the demo store) is measured
 * with and without it, with the catalogue ranker's decision per seed. Then a scale check of the cross-sell build
 * alone on a synthetic 100,000-item catalogue with 1,000,000 orders. Every data set and the scale check run in
 * their own child process, so peak memory belongs to one of them only.
 *
 *   npm run bench:quality [-- --datasets groceries,completejourney,demo] [--seeds 42,1] [--no-scale]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { candidatesOf } from "../core/candidates";
import { Rng } from "../core/random/rng";
import { mergeCandidateLists } from "../core/recommend/merge-cart";
import { type BlendParameters, crossSellCandidates } from "../batch/build/cross-sell";
import { ReasonTable } from "../batch/build/reason-table";
import { formatBytes } from "../batch/cli/progress";
import { evaluateBasketCompletion, type EvaluationVariant } from "../batch/evaluate/basket-completion";
import { drawHoldOuts, trainingBaskets } from "../batch/evaluate/holdout-split";
import { MetricsAccumulator, meanMetrics, type RankingMetrics } from "../batch/evaluate/metrics";
import { type Baskets, BasketsBuilder } from "../batch/io/baskets";
import { type CatalogProduct, parseProduct, readCatalog } from "../batch/io/read-catalog";
import { readOrders } from "../batch/io/read-orders";
import type { CatalogRankerFit } from "../batch/build/catalog-tuning";
import { generateDemo } from "../tools/demo/generate";

const ROOT = path.resolve(import.meta.dirname, "..");
const DATA = path.resolve(ROOT, "../shared/data/baskets");
const CATALOGS = path.resolve(ROOT, "../shared/data/catalog");
const SELF = fileURLToPath(import.meta.url);
const SEEDS = [42, 1, 2, 3, 4];

/** HR@10, mean of 5 seeds, from the data README (EASE at its best L2 weight). */
const PEERS: Record<string, { sar: number; popularity: number; ease: number; easeLambda: number }> = {
  groceries: { sar: 0.377, popularity: 0.379, ease: 0.404, easeLambda: 500 },
  diginetica_sample: { sar: 0.088, popularity: 0.013, ease: 0.11, easeLambda: 100 },
  amazon_electronics_ratings: { sar: 0.16, popularity: 0.09, ease: 0.197, easeLambda: 100 },
};

/** Data sets with a catalogue: their item file (or the generated demo store). */
const WITH_CATALOGUE: Record<string, { items?: string; demo?: boolean }> = {
  groceries: { items: "groceries_items.jsonl" },
  completejourney: { items: "completejourney_items.jsonl" },
  demo: { demo: true },
};

const VARIANTS: EvaluationVariant[] = [
  { name: "blend", crossSell: {} },
  { name: "ease", crossSell: { sources: ["ease"] } },
  { name: "walk", crossSell: { sources: ["walk"] } },
  { name: "association", crossSell: { sources: ["association"] } },
  { name: "rules", crossSell: { sources: ["rules"] } },
  { name: "sequential", crossSell: { sources: ["sequential"] } },
  { name: "popularity", crossSell: { sources: [] } },
];

interface Row {
  name: string;
  metrics: RankingMetrics;
  buildMs: number;
}

interface DatasetResult {
  dataset: string;
  rows: Row[];
  peakBytes: number;
  parameters: string[];
}

interface ScaleResult {
  items: number;
  orders: number;
  lines: number;
  generateMs: number;
  crossSellMs: number;
  tuningMs: number;
  baselineBytes: number;
  peakBytes: number;
  candidates: number;
  parameters: string;
}

/**
 * An item file of ../shared/data/catalog as a shop would send its catalogue: the category levels as the path, root
 * first (`category_l1 > category_l2 > category`), brand and price where the file has them.
 */
export function itemCatalogue(file: string): CatalogProduct[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const products: CatalogProduct[] = [];
  lines.forEach((line, index) => {
    if (line.trim().length === 0) return;
    const row = JSON.parse(line) as Record<string, unknown>;
    const category = ["category_l1", "category_l2", "category"].map((key) => row[key]).filter((v): v is string => typeof v === "string" && v.length > 0);
    const shop = { id: row.item_id, category, ...(typeof row.brand === "string" ? { brand: row.brand } : {}), ...(typeof row.price === "number" ? { price: row.price } : {}) };
    products.push(parseProduct(JSON.stringify(shop), file, index + 1));
  });
  return products;
}

interface CatalogueResult {
  dataset: string;
  without: RankingMetrics;
  with: RankingMetrics;
  decisions: string[];
  buildMs: { without: number; with: number };
  peakBytes: number;
}

async function catalogueChild(dataset: string, seeds: number[]): Promise<CatalogueResult> {
  const spec = WITH_CATALOGUE[dataset];
  let ordersPath = path.join(DATA, `${dataset}.jsonl`);
  let catalog: CatalogProduct[];
  let cleanup = () => {};
  if (spec.demo === true) {
    const dir = mkdtempSync(path.join(tmpdir(), "edgerec-quality-demo-"));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    await generateDemo({ out: dir });
    ordersPath = path.join(dir, "orders.jsonl");
    catalog = (await readCatalog(path.join(dir, "catalog.jsonl"))).products;
  } else catalog = itemCatalogue(path.join(CATALOGS, spec.items!));
  const { baskets } = await readOrders(ordersPath);
  cleanup();
  const blend = [{ name: "blend", crossSell: {} }];
  const without = evaluateBasketCompletion(baskets, { seeds, variants: blend });
  const withCatalog = evaluateBasketCompletion(baskets, { seeds, variants: blend, catalog });
  const decisions = withCatalog.map((run) => {
    const fit = run.parameters.catalog_ranker as CatalogRankerFit | undefined;
    if (fit === undefined) return `seed ${run.seed}: no ranker`;
    const v = fit.validation;
    const weights = Object.entries(fit.weights).filter(([, w]) => w !== 0).map(([f, w]) => `${f}=${w.toPrecision(2)}`).join(" ");
    const policy = fit.adopted ? ` one-per-order repeat <= ${fit.policy.repeatBound}${fit.policy.perCategory > 0 ? `, at most ${fit.policy.perCategory} per category in the slot` : ""}${fit.policy.valueWeighting ? ", value weights" : ""}` : "";
    return `seed ${run.seed}: ${fit.adopted ? "adopted" : "not adopted"}, validation HR ${v.hr_without.toFixed(4)} -> ${v.hr_with.toFixed(4)} on ${v.requests} requests (${v.wins} won, ${v.losses} lost)${weights.length > 0 ? `; ${weights}` : ""}${policy}`;
  });
  return {
    dataset,
    without: meanMetrics(without.map((r) => r.metrics)),
    with: meanMetrics(withCatalog.map((r) => r.metrics)),
    decisions,
    buildMs: { without: mean(without.map((r) => r.buildMs)), with: mean(withCatalog.map((r) => r.buildMs)) },
    peakBytes: process.resourceUsage().maxRSS * 1024,
  };
}

async function datasetChild(dataset: string, seeds: number[]): Promise<DatasetResult> {
  const { baskets } = await readOrders(path.join(DATA, `${dataset}.jsonl`));
  const runs = evaluateBasketCompletion(baskets, { seeds, variants: VARIANTS });
  const rows: Row[] = VARIANTS.map((v) => {
    const own = runs.filter((r) => r.variant === v.name);
    return { name: v.name, metrics: meanMetrics(own.map((r) => r.metrics)), buildMs: mean(own.map((r) => r.buildMs)) };
  });
  const parameters = runs.filter((r) => r.variant === "blend").map((r) => `seed ${r.seed}: ${describe(r.crossSell?.parameters)}`);
  const served: RankingMetrics[] = [];
  const servedMs: number[] = [];
  for (const seed of seeds) {
    const started = performance.now();
    const split = drawHoldOuts(baskets, seed);
    const lists = crossSellCandidates(trainingBaskets(baskets, split.heldOut), new ReasonTable(), { servedPrior: true });
    servedMs.push(performance.now() - started);
    parameters.push(`seed ${seed}, prior served: ${describe(lists.parameters)}`);
    const metrics = new MetricsAccumulator(10);
    for (const { cart, item } of split.holdOuts) {
      const inCart = new Set(cart);
      const merged = mergeCandidateLists([...cart].map((a) => ({ list: candidatesOf(lists, a), weight: 1 })), (i) => inCart.has(i), 10, lists.popular);
      metrics.add(merged.map((m) => m.item), item);
    }
    served.push(metrics.result(baskets.itemIds.length));
  }
  rows.splice(1, 0, { name: "blend, prior served", metrics: meanMetrics(served), buildMs: mean(servedMs) });
  return { dataset, rows, peakBytes: process.resourceUsage().maxRSS * 1024, parameters };
}

function describe(p: BlendParameters | undefined): string {
  if (p === undefined) return "-";
  return `lambda=${p.lambda.toPrecision(3)} intercept=${p.intercept} alpha=${p.prior} walk=${p.walk.toPrecision(2)} beta=${p.walkBeta} association=${p.association.toPrecision(2)} rules=${p.rules.toPrecision(2)} sequential=${p.sequential.toPrecision(2)} tau=${p.threshold.toPrecision(2)}`;
}

/**
 * Synthetic orders over `items` products: products come in themes of 20 with Zipf-like theme popularity; an
 * order picks two themes and draws 1 + Exp(2.5) lines mostly from the first; 200,000 customers over a year.
 */
function syntheticOrders(items: number, orders: number): Baskets {
  const rng = new Rng(0x9e3779b9, "synthetic orders");
  const random = () => rng.float();
  const themeSize = 20;
  const themes = Math.ceil(items / themeSize);
  const cumulative = new Float64Array(themes);
  let total = 0;
  for (let t = 0; t < themes; t++) cumulative[t] = total += 1 / (t + 1) ** 0.9;
  const theme = () => {
    const x = random() * total;
    let lo = 0;
    let hi = themes - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const builder = new BasketsBuilder();
  for (let i = 0; i < items; i++) builder.intern(`p${i}`);
  const customers = Math.max(1, Math.floor(orders / 5));
  for (let o = 0; o < orders; o++) {
    const size = 1 + Math.floor(-Math.log(1 - random()) * 2.5);
    const first = theme();
    const second = theme();
    const lines: Array<{ id: string }> = [];
    for (let k = 0; k < size; k++) {
      const t = random() < 0.7 ? first : random() < 0.6 ? second : theme();
      lines.push({ id: `p${Math.min(items - 1, t * themeSize + Math.floor(themeSize * random() ** 2))}` });
    }
    builder.add(`o${o}`, lines, `c${Math.floor(random() * customers)}`, 1.7e9 + random() * 365 * 86400);
  }
  return builder.build();
}

function scaleChild(items: number, orders: number): ScaleResult {
  const started = performance.now();
  const baskets = syntheticOrders(items, orders);
  const generated = performance.now();
  global.gc?.();
  const baselineBytes = process.memoryUsage.rss();
  const lists = crossSellCandidates(baskets, new ReasonTable(), { servedPrior: true });
  const done = performance.now();
  return {
    items,
    orders,
    lines: baskets.items.length,
    generateMs: generated - started,
    crossSellMs: done - generated,
    tuningMs: lists.tuning?.milliseconds ?? 0,
    baselineBytes,
    peakBytes: process.resourceUsage().maxRSS * 1024,
    candidates: lists.items.length,
    parameters: describe(lists.parameters),
  };
}

function child<T>(args: string[]): T {
  const result = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", SELF, "--child", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`bench child ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
const f4 = (x: number) => x.toFixed(4);

function report(result: DatasetResult): string {
  const peer = PEERS[result.dataset];
  const lines = [
    `\n${result.dataset} (mean of ${SEEDS.length} seeds; peak memory ${formatBytes(result.peakBytes)})`,
    "  source                 HR@10    NDCG@10  MRR      coverage  build",
  ];
  for (const row of result.rows) {
    const m = row.metrics;
    lines.push(`  ${row.name.padEnd(22)} ${f4(m.hr)}   ${f4(m.ndcg)}   ${f4(m.mrr)}   ${m.coverage.toFixed(3)}     ${(row.buildMs / 1000).toFixed(2)} s`);
  }
  if (peer !== undefined) {
    lines.push(`  peers (HR@10, data README): EASE ${peer.ease.toFixed(3)} (L2 ${peer.easeLambda}), SAR ${peer.sar.toFixed(3)}, popularity ${peer.popularity.toFixed(3)}`);
    const blend = result.rows.find((r) => r.name === "blend")!.metrics.hr;
    const served = result.rows.find((r) => r.name === "blend, prior served")!.metrics.hr;
    lines.push(`  blend - EASE: ${(blend - peer.ease >= 0 ? "+" : "") + (blend - peer.ease).toFixed(4)}; prior served - EASE: ${(served - peer.ease >= 0 ? "+" : "") + (served - peer.ease).toFixed(4)}`);
  }
  lines.push("  tuned blends:", ...result.parameters.map((p) => `    ${p}`));
  return lines.join("\n");
}

function catalogueReport(result: CatalogueResult): string {
  const peer = PEERS[result.dataset];
  const best = peer === undefined ? undefined : Math.max(peer.ease, peer.sar, peer.popularity);
  const signed = (x: number) => (x >= 0 ? "+" : "") + x.toFixed(4);
  const row = (name: string, m: RankingMetrics, ms: number) => `  ${name.padEnd(22)} ${f4(m.hr)}   ${f4(m.ndcg)}   ${f4(m.mrr)}   ${m.coverage.toFixed(3)}     ${(ms / 1000).toFixed(2)} s`;
  const title = WITH_CATALOGUE[result.dataset].demo === true ? "demo store (generated, seed 42) with its catalogue" : `${result.dataset} + ${WITH_CATALOGUE[result.dataset].items}`;
  const verdict = result.with.hr >= result.without.hr && (best === undefined || result.with.hr >= best) ? "holds" : "FAILS";
  return [
    `\n${title} (mean of ${result.decisions.length} seeds; peak memory ${formatBytes(result.peakBytes)})`,
    "  build                  HR@10    NDCG@10  MRR      coverage  build",
    row("without catalogue", result.without, result.buildMs.without),
    row("with catalogue", result.with, result.buildMs.with),
    `  with - without: ${signed(result.with.hr - result.without.hr)}${best === undefined ? "" : `; with - best peer (${best.toFixed(3)}): ${signed(result.with.hr - best)}`}  -> ${verdict}`,
    "  catalogue ranker:",
    ...result.decisions.map((d) => `    ${d}`),
  ].join("\n");
}

async function parent(argv: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const datasets = (flag("datasets") ?? [...Object.keys(PEERS), ...Object.keys(WITH_CATALOGUE)].join(",")).split(",");
  const seeds = flag("seeds") ?? SEEDS.join(",");
  for (const dataset of datasets) {
    const catalogue = WITH_CATALOGUE[dataset];
    const missing = catalogue?.demo === true ? undefined : [path.join(DATA, `${dataset}.jsonl`), ...(catalogue?.items !== undefined ? [path.join(CATALOGS, catalogue.items)] : [])].find((f) => !existsSync(f));
    if (missing !== undefined) {
      process.stdout.write(`\n${dataset}: SKIPPED (${missing} is absent)\n`);
      continue;
    }
    const started = performance.now();
    if (PEERS[dataset] !== undefined) {
      const result = child<DatasetResult>(["dataset", dataset, seeds]);
      process.stdout.write(`${report(result)}\n  (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
    if (catalogue !== undefined) {
      const result = child<CatalogueResult>(["catalogue", dataset, seeds]);
      process.stdout.write(`${catalogueReport(result)}\n  (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  }
  if (!argv.includes("--no-scale")) {
    const s = child<ScaleResult>(["scale", "100000", "1000000"]);
    process.stdout.write(
      `${[
        `\nscale check: cross-sell build on synthetic orders (${s.items.toLocaleString("en")} items, ${s.orders.toLocaleString("en")} orders, ${s.lines.toLocaleString("en")} lines)`,
        `  cross-sell ${(s.crossSellMs / 1000).toFixed(1)} s (of which tuning ${(s.tuningMs / 1000).toFixed(1)} s), ${s.candidates.toLocaleString("en")} candidates`,
        `  memory: ${formatBytes(s.baselineBytes)} with the orders loaded, peak ${formatBytes(s.peakBytes)}`,
        `  tuned: ${s.parameters}   (generating the orders took ${(s.generateMs / 1000).toFixed(1)} s)`,
      ].join("\n")}\n`,
    );
  }
  return 0;
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  const [, role, a, b] = args;
  const result =
    role === "dataset" ? await datasetChild(a, b.split(",").map(Number)) : role === "catalogue" ? await catalogueChild(a, b.split(",").map(Number)) : scaleChild(Number(a), Number(b));
  process.stdout.write(JSON.stringify(result));
} else {
  process.exitCode = await parent(args);
}
