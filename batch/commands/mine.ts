/**
 * @module
 * `edgerec mine`: exact frequent itemsets (FP-Growth) and association rules of a basket file, one JSON line each.
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Command, numberFlag, parseFlags, requireFlag, UsageError } from "../cli/command";
import { formatSeconds, measured, withProgress } from "../cli/progress";
import { checkReadReport } from "../io/input-error";
import { readOrders } from "../io/read-orders";
import { type AssociationRules, associationRules, confidence, conviction, leverage, lift, support } from "../mining/association-rules";
import { fpGrowth } from "../mining/fpgrowth";
import { countBySize, type FrequentItemsets } from "../mining/frequent-itemsets";

const usage = `
edgerec mine --input F --min-support S [--min-confidence C] [--min-lift L] [--max-size K] [--max-consequent M]
             [--rules] [--out F] [--quiet]

Mines every frequent itemset of a basket file exactly (FP-Growth) and, with --rules or --min-confidence, the
association rules X -> Y between them. Writes one JSON line per itemset (in mining order), then one per rule,
to --out or stdout:
  {"items":[ids],"count":n,"support":s}
  {"antecedent":[ids],"consequent":[ids],"support":s,"confidence":c,"lift":l,"leverage":v,"conviction":k}
(conviction is null where confidence is 1). Counts, times and peak memory go to stderr.

  --input F            orders as JSON Lines (.jsonl: {"order_id"|"basket_id", "items": [...]}) or .tsv baskets
                       (one basket per line, items separated by tabs); bad lines are reported and skipped
  --min-support S      a fraction of baskets when < 1 (threshold = ceil(S x N) baskets), a basket count when >= 1
  --min-confidence C   write rules with confidence >= C (default 0.5 when only --rules is given)
  --min-lift L         keep rules with lift >= L (default: no limit)
  --max-size K         largest itemset mined (default: no limit)
  --max-consequent M   most items on a rule's right-hand side (default 1)
  --rules              write rules too
  --out F              output file (default: stdout)
  --quiet              no progress or summary on stderr
`;

export const command: Command = {
  name: "mine",
  usage,
  async run(argv) {
    const values = parseFlags(argv, { strings: ["input", "min-support", "min-confidence", "min-lift", "max-size", "max-consequent", "out"], booleans: ["rules", "quiet"] });
    const input = requireFlag(values.input, "input");
    const minSupport = numberFlag(requireFlag(values["min-support"], "min-support"), "min-support", 0);
    if (!(minSupport > 0)) throw new UsageError(`--min-support must be positive, got ${values["min-support"]}`);
    if (minSupport >= 1 && !Number.isInteger(minSupport)) {
      throw new UsageError(`--min-support must be a fraction below 1 or a whole basket count, got ${values["min-support"]}`);
    }
    const withRules = values.rules === true || values["min-confidence"] !== undefined;
    const minConfidence = numberFlag(values["min-confidence"], "min-confidence", 0.5, { min: 0, max: 1 });
    const minLift = numberFlag(values["min-lift"], "min-lift", 0, { min: 0 });
    const maxSize = numberFlag(values["max-size"], "max-size", Number.POSITIVE_INFINITY, { min: 1, integer: true });
    const maxConsequent = numberFlag(values["max-consequent"], "max-consequent", 1, { min: 1, integer: true });
    const quiet = values.quiet === true;

    return measured(
      "mine",
      async () => {
        const started = performance.now();
        const { baskets, report } = await withProgress(`reading ${input}`, quiet, (reading) => readOrders(input, { onProgress: (done, total) => reading.update(done, total) }));
        const readSeconds = (performance.now() - started) / 1000;
        checkReadReport("basket", input, report, { required: true, maxBadShare: 1 });
        for (const problem of report.problems) process.stderr.write(`edgerec mine: skipped ${problem.message}\n`);
        if (report.skipped > report.problems.length) {
          process.stderr.write(`edgerec mine: skipped ${report.skipped} bad lines in all (the first ${report.problems.length} are listed)\n`);
        }

        const miningStarted = performance.now();
        const sets = await withProgress("mining", quiet, (mining) => fpGrowth(baskets, { minSupport, maxSize, onProgress: (done, total) => mining.update(done, total) }));
        const miningSeconds = (performance.now() - miningStarted) / 1000;

        let rules: AssociationRules | undefined;
        let ruleSeconds = 0;
        if (withRules) {
          const rulesStarted = performance.now();
          rules = associationRules(sets, { minConfidence, minLift, maxConsequentSize: maxConsequent });
          ruleSeconds = (performance.now() - rulesStarted) / 1000;
        }

        const lineTotal = sets.counts.length + (rules?.counts.length ?? 0);
        await withProgress(`writing ${values.out ?? "stdout"}`, quiet, async (writing) => {
          const chunks = Readable.from(inChunks(linesOf(sets, rules, baskets.itemIds), (written) => writing.update(written, lineTotal)));
          try {
            if (values.out === undefined) await pipeline(chunks, process.stdout, { end: false });
            else await pipeline(chunks, createWriteStream(values.out));
          } catch (error) {
            // A reader that stops early (`edgerec mine ... | head`) ends the output quietly.
            if ((error as { code?: string }).code !== "EPIPE") throw error;
          }
        });

        if (!quiet) {
          const bySize = countBySize(sets).slice(1);
          process.stderr.write(
            `mine: ${baskets.offsets.length - 1} baskets, ${baskets.itemIds.length} items, threshold ${sets.threshold} baskets\n` +
              `itemsets: ${sets.counts.length} (by size ${bySize.map((n, k) => `${k + 1}: ${n}`).join(", ")})\n` +
              (rules ? `rules: ${rules.counts.length} (confidence >= ${minConfidence}${minLift > 0 ? `, lift >= ${minLift}` : ""})\n` : ""),
          );
        }
        return {
          baskets: baskets.offsets.length - 1,
          itemsets: sets.counts.length,
          ...(rules ? { rules: rules.counts.length } : {}),
          read: formatSeconds(readSeconds),
          mining: formatSeconds(miningSeconds),
          ...(rules ? { rule_generation: formatSeconds(ruleSeconds) } : {}),
        };
      },
      { quiet },
    );
  },
};

function* linesOf(sets: FrequentItemsets, rules: AssociationRules | undefined, itemIds: string[]): Generator<string> {
  const json = itemIds.map((id) => JSON.stringify(id));
  const list = (items: Uint32Array, from: number, to: number): string => {
    let text = "[";
    for (let j = from; j < to; j++) text += (j > from ? "," : "") + json[items[j]];
    return `${text}]`;
  };
  const n = sets.basketCount;
  for (let s = 0; s < sets.counts.length; s++) {
    const count = sets.counts[s];
    yield `{"items":${list(sets.items, sets.offsets[s], sets.offsets[s + 1])},"count":${count},"support":${support(count, n)}}\n`;
  }
  if (rules === undefined) return;
  for (let r = 0; r < rules.counts.length; r++) {
    const count = rules.counts[r];
    const x = rules.antecedentCounts[r];
    const y = rules.consequentCounts[r];
    const k = conviction(count, x, y, n);
    yield (
      `{"antecedent":${list(rules.antecedentItems, rules.antecedentOffsets[r], rules.antecedentOffsets[r + 1])},` +
      `"consequent":${list(rules.consequentItems, rules.consequentOffsets[r], rules.consequentOffsets[r + 1])},` +
      `"support":${support(count, n)},"confidence":${confidence(count, x)},"lift":${lift(count, x, y, n)},` +
      `"leverage":${leverage(count, x, y, n)},"conviction":${Number.isFinite(k) ? k : null}}\n`
    );
  }
}

/** The lines joined in chunks of about 64 KiB (one write each), with the count of lines handed out so far. */
function* inChunks(lines: Iterable<string>, onProgress: (written: number) => void): Generator<string> {
  let chunk = "";
  let written = 0;
  for (const line of lines) {
    chunk += line;
    written++;
    if (chunk.length < 1 << 16) continue;
    onProgress(written);
    yield chunk;
    chunk = "";
  }
  onProgress(written);
  if (chunk.length > 0) yield chunk;
}
