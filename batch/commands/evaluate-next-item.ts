/**
 * @module
 * `edgerec evaluate --task next-item`: the next-item task (`evaluate/next-item.ts`) for the served blend, the
 * sequence model alone (from the blend's build), each next-item source alone, the build without next-item
 * lists, the popular fallback, and the baselines popularity, item-kNN and V-SKNN; a table of HR@k, MRR@20 and
 * coverage per seed and their mean.
 */
import { NEXT_ITEM_SOURCES } from "../build/next-item-lists";
import { UsageError } from "../cli/command";
import { NEXT_ITEM_BASELINES, type NextItemBaseline } from "../evaluate/next-item-baselines";
import { evaluateNextItem, MRR_K, type NextItemInputs, type NextItemMetrics, type NextItemRun, SEQUENCE_MODEL_RUN, type ServedVariant } from "../evaluate/next-item";

export const NEXT_ITEM_VARIANTS = ["blend", SEQUENCE_MODEL_RUN, ...NEXT_ITEM_SOURCES.map((s) => `next-item:${s}`), "without-next-item", "edge-popular", ...NEXT_ITEM_BASELINES] as const;

export interface NextItemCommandOptions {
  seeds: number[];
  k: number;
  rate?: number;
  sources?: string;
  quiet?: boolean;
}

/** Runs the evaluation and prints the table; resolves to the blend's mean (or the first variant's). */
export async function runNextItemEvaluation(inputs: NextItemInputs, options: NextItemCommandOptions): Promise<NextItemRun[]> {
  const names = options.sources === undefined ? [...NEXT_ITEM_VARIANTS] : options.sources.split(",").map((s) => s.trim());
  const variants: ServedVariant[] = [];
  const baselines: NextItemBaseline[] = [];
  for (const name of names) {
    if ((NEXT_ITEM_BASELINES as readonly string[]).includes(name)) baselines.push(name as NextItemBaseline);
    else if (name !== SEQUENCE_MODEL_RUN) variants.push(servedVariant(name));
  }
  // The model alone is measured on the blend's own build.
  if (names.includes(SEQUENCE_MODEL_RUN) && !names.includes("blend")) variants.push(servedVariant("blend"));
  const runs = await evaluateNextItem(inputs, {
    seeds: options.seeds,
    k: options.k,
    rate: options.rate,
    variants,
    baselines,
    onSkipped: (report) => {
      process.stderr.write(`skipped ${report.skipped} bad line(s) of ${report.lines}:\n${report.problems.map((p) => `  ${p.message}`).join("\n")}\n`);
    },
    onRun: (run, done, total) => {
      if (!options.quiet) process.stderr.write(`[${done}/${total}] seed ${run.seed} ${run.variant}: ${formatMetrics(run.metrics, options.k)} ${(run.milliseconds / 1000).toFixed(1)}s${run.parameters === undefined ? "" : ` next_item=${JSON.stringify(run.parameters)}`}\n`);
    },
  });
  process.stdout.write(`${nextItemTable(runs, names, options.k)}\n`);
  return runs;
}

/** The blend's build keeps the sequence model even at weight 0 (it serves the same answers) so it can be measured alone; the other variants go without it. */
function servedVariant(name: string): ServedVariant {
  if (name === "blend") return { name, build: { sequenceModel: { keepUnused: true } } };
  if (name === "without-next-item") return { name, build: { nextItem: { sources: [] }, sequenceModel: false } };
  if (name === "edge-popular") return { name, build: { nextItem: { sources: [] }, crossSell: { sources: [] }, sequenceModel: false } };
  const source = name.startsWith("next-item:") ? name.slice("next-item:".length) : undefined;
  if (source !== undefined && (NEXT_ITEM_SOURCES as readonly string[]).includes(source)) return { name, build: { nextItem: { sources: [source as (typeof NEXT_ITEM_SOURCES)[number]] }, sequenceModel: false } };
  throw new UsageError(`--sources: unknown "${name}" (one of ${NEXT_ITEM_VARIANTS.join(", ")})`);
}

export function meanNextItem(runs: readonly NextItemRun[]): NextItemMetrics {
  const mean = (f: (m: NextItemMetrics) => number) => runs.reduce((s, r) => s + f(r.metrics), 0) / Math.max(1, runs.length);
  return { requests: mean((m) => m.requests), hr: mean((m) => m.hr), mrr: mean((m) => m.mrr), coverage: mean((m) => m.coverage), cold: mean((m) => m.cold) };
}

function formatMetrics(m: NextItemMetrics, k: number): string {
  return `requests=${m.requests} HR@${k}=${m.hr.toFixed(4)} MRR@${MRR_K}=${m.mrr.toFixed(4)} coverage=${m.coverage.toFixed(3)} cold=${m.cold}`;
}

function nextItemTable(runs: readonly NextItemRun[], names: readonly string[], k: number): string {
  const seeds = [...new Set(runs.map((r) => r.seed))];
  const lines = [`${"variant".padEnd(24)} seed   HR@${k}    MRR@${MRR_K}  coverage  requests  cold`];
  for (const name of names) {
    const own = runs.filter((r) => r.variant === name);
    for (const seed of seeds) {
      const run = own.find((r) => r.seed === seed);
      if (run !== undefined) lines.push(row(name, String(seed), run.metrics));
    }
    lines.push(row(name, "mean", meanNextItem(own)));
  }
  return lines.join("\n");
}

function row(name: string, seed: string, m: NextItemMetrics): string {
  return `${name.padEnd(24)} ${seed.padEnd(6)} ${m.hr.toFixed(4)}  ${m.mrr.toFixed(4)}  ${m.coverage.toFixed(3)}     ${String(Math.round(m.requests)).padEnd(8)}  ${Math.round(m.cold)}`;
}
