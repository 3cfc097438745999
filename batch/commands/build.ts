/**
 * @module
 * `edgerec build`: orders (+ catalogue) -> artifacts folder.
 */
import { buildFromFiles } from "../build/build";
import { writeArtifacts } from "../build/artifacts";
import { readPreviousParameters } from "../build/previous-build";
import { readPreviousEdge } from "../build/previous-edge";
import { readPreviousSequenceModel } from "../sequence/previous-sequence-model";
import { type Command, numberFlag, parseFlags, requireFlag } from "../cli/command";
import { DEFAULT_MAX_BAD_SHARE } from "../io/input-error";
import { catalogFileOptions, CATALOG_FLAGS_USAGE } from "./catalog-flags";
import { formatBytes, measured, startProgress } from "../cli/progress";
import type { SequenceModelReport } from "../sequence/sequence-model-build";

export const command: Command = {
  name: "build",
  usage: `
edgerec build --orders F [--catalog F] [--events F] [--counts DIR] --out DIR [flags]

Reads orders (JSON Lines or TSV baskets) and an optional catalogue, computes cross-sell lists per item and
popular fallbacks, and writes DIR/manifest.json, DIR/meta.bin, DIR/items.bin (and DIR/catalog.jsonl).

  --orders F      orders: {"order_id","user_id"?,"ts"?,"items":[id | {id,qty?,price?}]} per line, .tsv baskets,
                  or a .csv export of order lines (order id, sku, quantity, price, created_at, customer)
  --catalog F     catalogue: {"id","title"?,"brand"?,"category","price"?,"attrs"?,"stock"?,"lifecycle"?} per line,
                  a Google Merchant Center feed (XML or TSV) or a Shopify product CSV, told from its content
                  (with it: compatibility, down-sell ladders, scenario lists, bundles, knowledge graph)
${CATALOG_FLAGS_USAGE}
  --complements F merchant category complements: {"anchor_category","complement_category","weight"?,"official_first"?}
                  per line (weight 0 removes a learned pair; categories by path or leaf name)
  --rules F       merchandising rules (one per line, or a cfg/rules document): permanent excludes leave every list
  --events F      events the edge logged (edgerec export-events): purchases only they report join the orders,
                  items viewed in the same session become "similar" (co-view) lists
  --counts DIR    count tables of the orders (edgerec count, or docs/counting-job.md on a distributed engine):
                  co-occurrence, pair rules and sequential rules come from them; --orders still feeds tuning,
                  catalogue statistics and next-item lists, so it may be a recent sample of a longer history
  --out DIR       where to write the artifacts (created if missing)
  --build-id ID   name the build (default: UTC time + random suffix)
  --previous P    the build this one follows (its folder or its manifest.json): its tuned weights stay unless the
                  new data beats them by more than noise, so a rebuild on a little more data ranks as the last one did;
                  given its folder, its blobs that still serve alike stay where it published them
                  and publish writes only the rest
  --strict        stop at the first bad input line (default: skip it and report it)
  --max-bad-share S  refuse an input file of 20 lines or more whose share of bad lines exceeds S (default 0.1);
                  a file with no valid line is always refused
  --no-sequence-model  train no sequence model (next-item lists are still built): a faster build
  --edge-workers N  processes encoding the edge format's item blobs, one more its group blobs (default: every
                  core up to 4 from 50,000 items, else 1: everything in this process)
  --quiet         no progress output
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["orders", "catalog", "catalog-format", "shop-url", "currency", "complements", "rules", "events", "counts", "out", "build-id", "max-bad-share", "previous", "edge-workers"], booleans: ["strict", "quiet", "no-sequence-model"] });
    const orders = requireFlag(flags.orders, "orders");
    const out = requireFlag(flags.out, "out");
    const maxBadShare = numberFlag(flags["max-bad-share"], "max-bad-share", DEFAULT_MAX_BAD_SHARE, { min: 0, max: 1 });
    const edgeWorkers = flags["edge-workers"] === undefined ? undefined : numberFlag(flags["edge-workers"], "edge-workers", 1, { min: 1, max: 64, integer: true });
    const previous = flags.previous === undefined ? undefined : readPreviousParameters(flags.previous);
    for (const problem of previous?.problems ?? []) process.stderr.write(`warning: --previous ${flags.previous}: ${problem}; tuned afresh\n`);
    const previousEdge = flags.previous === undefined ? undefined : readPreviousEdge(flags.previous);
    if (typeof previousEdge === "string") process.stderr.write(`warning: --previous ${flags.previous}: ${previousEdge}; every blob written afresh\n`);
    const edge = typeof previousEdge === "string" ? undefined : previousEdge;
    const previousModel = edge === undefined || flags["no-sequence-model"] ? undefined : readPreviousSequenceModel(edge.folder);
    return measured("build", async () => {
      let progress = startProgress("read orders", { quiet: flags.quiet });
      let phase = "read orders";
      const artifacts = await buildFromFiles(
        { orders, catalog: flags.catalog, catalogOptions: catalogFileOptions(flags), complements: flags.complements, rules: flags.rules, events: flags.events, counts: flags.counts },
        {
          buildId: flags["build-id"],
          onBadLine: flags.strict ? "fail" : "skip",
          maxBadShare,
          ...(previous !== undefined ? { previous: { ...previous, ...(edge !== undefined ? { reasons: edge.global.reasons } : {}), ...(previousModel !== undefined ? { sequenceModel: previousModel } : {}) } } : {}),
          ...(flags["no-sequence-model"] ? { sequenceModel: false as const } : {}),
          onPhase: (name, done, total) => {
            if (name !== phase) {
              progress.finish();
              phase = name;
              progress = startProgress(name, { quiet: flags.quiet });
            }
            progress.update(done, total);
          },
        },
      );
      progress.finish();
      await writeArtifacts(out, artifacts, { ...(edgeWorkers !== undefined ? { edgeWorkers } : {}), ...(edge !== undefined ? { previous: edge } : {}) });
      const { manifest } = artifacts;
      for (const [name, input] of Object.entries(manifest.inputs)) {
        if (input.skipped === 0) continue;
        process.stderr.write(`warning: ${name}: skipped ${input.skipped} bad line(s) of ${input.lines} in ${input.path}\n`);
        for (const problem of input.first_problems ?? []) process.stderr.write(`warning:   ${problem}\n`);
      }
      process.stderr.write(`${sequenceModelLine(manifest.parameters.sequence_model as SequenceModelReport | undefined)}\n`);
      if (previous !== undefined) process.stderr.write(`${previousLine(previous.build, manifest.parameters)}${keptLine(manifest.kv)}\n`);
      process.stderr.write(`build ${manifest.build_id} -> ${out} (meta ${formatBytes(manifest.bytes.meta)}, items ${formatBytes(manifest.bytes.items)}, ${manifest.bytes.candidates} bytes/candidate)\n`);
      return { orders: manifest.counts.orders, items: manifest.counts.items, items_with_lists: manifest.counts.items_with_lists, candidates: manifest.counts.candidates };
    });
  },
};

/** How many of the build's blobs it keeps where the previous build published them. */
function keptLine(kv: { keys: number; kept_keys?: number } | undefined): string {
  if (kv?.kept_keys === undefined) return "";
  return `; ${kv.kept_keys} of ${kv.keys + kv.kept_keys} KV keys kept where they are, ${kv.keys} to write`;
}

/** What became of the sequence model, with its time and memory against the budget. */
function sequenceModelLine(report: SequenceModelReport | undefined): string {
  if (report === undefined) return "sequence model: skipped";
  const head = `sequence model: ${report.status} (${report.reason})`;
  const t = report.training;
  if (t === undefined) return head;
  return (
    `${head}; blend weight ${report.blend_weight}; trained ${t.epochs} epochs (best ${t.best_epoch + 1}, ${t.stopped_by.replace("_", " ")}) on ${t.sessions} sessions, ` +
    `${t.vocabulary} items, d ${t.dim}, ${t.backend}: ${(t.milliseconds / 1000).toFixed(1)} s of a ${t.budget.seconds} s budget, ` +
    `peak ${formatBytes(t.peak_tensor_bytes)} tensors / ${formatBytes(t.peak_rss_bytes)} process (memory budget ${formatBytes(t.budget.memory_bytes)}, estimated ${formatBytes(t.budget.estimated_bytes)})`
  );
}

/** Which of the previous build's tuned parameters this build kept. */
function previousLine(build: string, parameters: Record<string, unknown>): string {
  const verdict = (report: unknown) => {
    const previous = (report as { previous?: { kept: boolean; unusable?: string } } | undefined)?.previous;
    if (previous === undefined) return "tuned afresh";
    if (previous.unusable !== undefined) return `tuned afresh (${previous.unusable})`;
    return previous.kept ? "kept" : "replaced (the new data beats it by more than noise)";
  };
  const parts = [`blend ${verdict(parameters.cross_sell_tuning)}`];
  if (parameters.catalog_ranker !== undefined) parts.push(`catalogue ranker ${verdict(parameters.catalog_ranker)}`);
  const sequence = (parameters.sequence_model as SequenceModelReport | undefined)?.previous;
  if (sequence !== undefined) parts.push(`sequence model ${sequence.kept ? "kept" : "trained afresh"} (${sequence.reason})`);
  return `previous build ${build}: ${parts.join(", ")}`;
}
