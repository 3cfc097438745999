/**
 * @module
 * `edgerec evaluate`: basket completion (the checkout cross-sell task) on an orders file, through the same build
 * and `recommend()` as `edgerec build` / `edgerec recommend`, for the blend, each cross-sell source alone and the
 * popularity fallback. The split is `basket_completion.py`'s, draw for draw, so the two can be compared.
 * `--task next-item` scores the `home` answer on what a shopper looks at next (`evaluate-next-item.ts`).
 */
import { CROSS_SELL_SOURCES, type CrossSellSource } from "../build/cross-sell";
import { type Command, numberFlag, parseFlags, requireFlag, UsageError } from "../cli/command";
import { measured, withProgress } from "../cli/progress";
import { type EvaluationVariant, evaluateBasketCompletion, type VariantRun } from "../evaluate/basket-completion";
import { meanMetrics } from "../evaluate/metrics";
import { readCatalog } from "../io/read-catalog";
import { readOrders } from "../io/read-orders";
import { NEXT_ITEM_VARIANTS, runNextItemEvaluation } from "./evaluate-next-item";

const VARIANTS = ["blend", ...CROSS_SELL_SOURCES, "popularity"] as const;

export const command: Command = {
  name: "evaluate",
  usage: `
edgerec evaluate --orders F [--catalog F] [--seeds 42,1,2,3,4] [--k 10] [--sources LIST]
edgerec evaluate --task next-item --orders F [--events F] [--catalog F] [--seeds 42,1,2] [--k 10] [--rate 0.2]

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

--task next-item: which item does the shopper look at next? Sequences are the events file's view sessions
(time order, with dwell) when --events is given, else the orders file's lines (their "sequence" where present,
else their items in order). For each seed: a sequence with >= 2 items whose last item is new to it is a test
session with probability --rate (Python's random.Random(seed)); test sessions leave training whole (and with
events, the orders they purchased leave the orders file); the rest is built exactly as edgerec build builds it,
and each test session's earlier items are replayed, in order with dwell, as "viewed" in a home request answered
by the same recommend() as edgerec recommend. HR@k over the answer's slots in order (viewed items dropped), MRR
over the first 20, coverage of the first k. Baselines on the same split: popularity, item-kNN on the last item,
V-SKNN (k 100, sample 500, linear decay).

  --events F     storefront events (JSON Lines): their view sessions are the sequences
  --rate R       share of eligible sequences held out (default 0.2)
  --sources LIST from ${NEXT_ITEM_VARIANTS.join(", ")} (default all)
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["orders", "catalog", "seeds", "k", "sources", "task", "events", "rate"], booleans: ["quiet"] });
    const ordersPath = requireFlag(flags.orders, "orders");
    const task = flags.task ?? "basket-completion";
    if (task !== "basket-completion" && task !== "next-item") throw new UsageError(`--task must be basket-completion or next-item, got "${task}"`);
    if (task === "next-item") {
      const seeds = parseSeeds(flags.seeds ?? "42,1,2");
      const k = numberFlag(flags.k, "k", 10, { min: 1, max: 20, integer: true });
      const rate = numberFlag(flags.rate, "rate", 0.2, { min: 0.01, max: 0.9 });
      const inputs = { orders: ordersPath, ...(flags.events === undefined ? {} : { events: flags.events }), ...(flags.catalog === undefined ? {} : { catalog: flags.catalog }) };
      return measured("evaluate", async () => {
        const runs = await runNextItemEvaluation(inputs, { seeds, k, rate, sources: flags.sources, quiet: flags.quiet });
        return { task: "next-item", seeds: seeds.length, runs: runs.length };
      });
    }
    if (flags.events !== undefined || flags.rate !== undefined) throw new UsageError("--events and --rate belong to --task next-item");
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
