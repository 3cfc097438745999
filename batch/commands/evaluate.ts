/**
 * @module
 * `edgerec evaluate`: basket completion (the checkout cross-sell task) on an orders file, through the same build
 * and `recommend()` as `edgerec build` / `edgerec recommend`, for the blend, each cross-sell source alone and the
 * popularity fallback. The split is `basket_completion.py`'s, draw for draw, so the two can be compared.
 */
import { CROSS_SELL_SOURCES, type CrossSellSource } from "../build/cross-sell";
import { type Command, numberFlag, parseFlags, requireFlag, UsageError } from "../cli/command";
import { measured, withProgress } from "../cli/progress";
import { type EvaluationVariant, evaluateBasketCompletion, type VariantRun } from "../evaluate/basket-completion";
import { meanMetrics } from "../evaluate/metrics";
import { readCatalog } from "../io/read-catalog";
import { readOrders } from "../io/read-orders";

const VARIANTS = ["blend", ...CROSS_SELL_SOURCES, "popularity"] as const;

export const command: Command = {
  name: "evaluate",
  summary: "basket-completion HR@k / NDCG / MRR / coverage of the blend, each source and popularity",
  usage: `
edgerec evaluate --orders F [--catalog F] [--seeds 42,1,2,3,4] [--k 10] [--sources LIST]

For each seed: among orders with >= 2 distinct items, each is picked with probability 0.2 and one random item
is held out (Python's random.Random(seed), the draw of basket_completion.py); the rest is built with the same
pipeline as edgerec build, and each picked order's remaining items are a checkout request answered by the same
recommend() as edgerec recommend. HR@k = share of requests whose held-out item is among the k answers.

  --orders F     orders (JSON Lines or TSV baskets)
  --catalog F    catalogue, as for edgerec build
  --seeds LIST   comma-separated integer seeds (default 42,1,2,3,4)
  --k N          answers per request (default 10)
  --sources LIST what to score, from ${VARIANTS.join(", ")} (default all)
  --quiet        no progress output
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["orders", "catalog", "seeds", "k", "sources"], booleans: ["quiet"] });
    const ordersPath = requireFlag(flags.orders, "orders");
    const seeds = parseSeeds(flags.seeds ?? "42,1,2,3,4");
    const k = numberFlag(flags.k, "k", 10, { min: 1, max: 50, integer: true });
    const variants = parseVariants(flags.sources);
    return measured("evaluate", async () => {
      const { baskets } = await withProgress("read orders", flags.quiet, (reading) => readOrders(ordersPath, { onProgress: (done, total) => reading.update(done, total) }));
      const catalog = flags.catalog === undefined ? undefined : (await readCatalog(flags.catalog)).products;
      const runs = await withProgress("evaluate", flags.quiet, (progress) =>
        evaluateBasketCompletion(baskets, {
          seeds,
          k,
          catalog,
          variants,
          onRun: (run, done, total) => {
            progress.update(done, total);
            if (!flags.quiet) process.stderr.write(`${formatRun(run, k)}\n`);
          },
        }),
      );
      process.stdout.write(`${table(runs, variants, k)}\n`);
      const blend = runs.filter((r) => r.variant === variants[0].name);
      return { seeds: seeds.length, variants: variants.length, requests: Math.round(meanMetrics(blend.map((r) => r.metrics)).requests) };
    });
  },
};

function parseSeeds(text: string): number[] {
  const seeds = text.split(",").map((s) => Number(s.trim()));
  for (const seed of seeds) if (!Number.isSafeInteger(seed)) throw new UsageError(`--seeds must be integers, got "${text}"`);
  return seeds;
}

function parseVariants(text: string | undefined): EvaluationVariant[] {
  const names = text === undefined ? [...VARIANTS] : text.split(",").map((s) => s.trim());
  return names.map((name) => {
    if (name === "blend") return { name, crossSell: {} };
    if (name === "popularity") return { name, crossSell: { sources: [] } };
    if ((CROSS_SELL_SOURCES as readonly string[]).includes(name)) return { name, crossSell: { sources: [name as CrossSellSource] } };
    throw new UsageError(`--sources: unknown "${name}" (one of ${VARIANTS.join(", ")})`);
  });
}

function formatRun(run: VariantRun, k: number): string {
  const m = run.metrics;
  const p = run.crossSell?.parameters;
  const blend =
    p === undefined || p.ease + p.walk + p.association + p.rules + p.sequential === 0
      ? ""
      : p.threshold === Number.POSITIVE_INFINITY
        ? " no lists: popularity wins the internal validation"
      : ` lambda=${p.lambda.toPrecision(3)} intercept=${p.intercept} prior=${p.prior} walk=${p.walk.toPrecision(2)}(beta ${p.walkBeta}) association=${p.association.toPrecision(2)} rules=${p.rules.toPrecision(2)} sequential=${p.sequential.toPrecision(2)} threshold=${p.threshold.toPrecision(2)}`;
  return `seed ${run.seed} ${run.variant}: requests=${m.requests} HR@${k}=${m.hr.toFixed(4)} NDCG@${k}=${m.ndcg.toFixed(4)} MRR=${m.mrr.toFixed(4)} coverage=${m.coverage.toFixed(3)} build=${(run.buildMs / 1000).toFixed(1)}s recommend=${(run.recommendMs / 1000).toFixed(1)}s${blend}`;
}

function table(runs: VariantRun[], variants: EvaluationVariant[], k: number): string {
  const seeds = [...new Set(runs.map((r) => r.seed))];
  const lines = [`variant        seed   HR@${k}    NDCG@${k}  MRR     coverage`];
  for (const variant of variants) {
    const own = runs.filter((r) => r.variant === variant.name);
    for (const seed of seeds) {
      const run = own.find((r) => r.seed === seed);
      if (run !== undefined) lines.push(row(variant.name, String(seed), run.metrics));
    }
    lines.push(row(variant.name, "mean", meanMetrics(own.map((r) => r.metrics))));
  }
  return lines.join("\n");
}

function row(name: string, seed: string, m: { hr: number; ndcg: number; mrr: number; coverage: number }): string {
  return `${name.padEnd(14)} ${seed.padEnd(6)} ${m.hr.toFixed(4)}  ${m.ndcg.toFixed(4)}  ${m.mrr.toFixed(4)}  ${m.coverage.toFixed(3)}`;
}
