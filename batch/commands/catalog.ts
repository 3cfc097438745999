/**
 * @module
 * `edgerec catalog convert`: a catalogue feed (GMC XML or TSV, Shopify CSV, or JSON Lines) as the normalised
 * catalogue JSON Lines `edgerec build --catalog` reads, with every row it could not use reported by line and field.
 */
import { writeFileSync } from "node:fs";
import { type Command, parseFlags, requireFlag, UsageError } from "../cli/command";
import { catalogLineJson, readCatalogFile } from "../io/feeds/read-catalog-feed";
import { CATALOG_FLAGS_USAGE, catalogFileOptions } from "./catalog-flags";

export const command: Command = {
  name: "catalog",
  usage: `
edgerec catalog convert --in F [--format gmc|shopify|jsonl] --out F [flags]

Reads a Google Merchant Center feed (XML, RSS 2.0 or Atom, or tab-separated text), a Shopify product CSV export
(older or current headers) or catalogue JSON Lines, merges the variants of one item_group_id / handle into one
product, and writes one normalised catalogue line per product. Every row it could not use is listed on stderr
with its line and field; the exit code is 1 when there was one.

  --in F          the feed
  --format F      gmc, shopify or jsonl (default: told from the content)
  --out F         the catalogue JSON Lines to write
${CATALOG_FLAGS_USAGE.split("\n").slice(1).join("\n")}
  --strict        stop at the first row that cannot be used
`,
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub !== "convert") throw new UsageError(sub === undefined ? "missing sub-command: convert" : `unknown sub-command "${sub}"`);
    const flags = parseFlags(rest, { strings: ["in", "format", "out", "shop-url", "currency"], booleans: ["strict"] });
    const input = requireFlag(flags.in, "in");
    const out = requireFlag(flags.out, "out");
    const options = catalogFileOptions({ "catalog-format": flags.format, "shop-url": flags["shop-url"], currency: flags.currency });
    let told = 0;
    const { products, report, format } = await readCatalogFile(input, {
      ...options,
      onBadLine: flags.strict ? "fail" : "skip",
      onProblem: (problem) => {
        told++;
        process.stderr.write(`skipped ${problem.message}\n`);
      },
    });
    writeFileSync(out, products.map((p) => `${JSON.stringify(catalogLineJson(p))}\n`).join(""));
    if (told === 0) for (const problem of report.problems) process.stderr.write(`skipped ${problem.message}\n`);
    const variants = products.reduce((n, p) => n + (p.variants?.length ?? 0), 0);
    process.stderr.write(`catalog convert: ${format} ${input}: ${report.lines} rows, ${report.skipped} skipped -> ${products.length} products (${variants} variants merged) in ${out}\n`);
    return report.skipped > 0 ? 1 : 0;
  },
};
