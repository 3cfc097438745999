/**
 * @module
 * `edgerec`: the batch CLI. Dispatches to one module per command.
 */
import { type Command, runCommand } from "./command";

/** Each command's one-line summary (for `edgerec --help`, which loads no command) and its module. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  build: { summary: "mine orders (+ catalogue) into the blobs the edge serves", load: () => import("../commands/build") },
  recommend: { summary: "answer request lines offline from an artifacts folder, as the edge would", load: () => import("../commands/recommend") },
  publish: { summary: "write a build to KV and D1 (local or remote) and make it live", load: () => import("../commands/publish") },
  rollback: { summary: "make the previous (or a named) build live again, without rebuilding", load: () => import("../commands/rollback") },
  mine: { summary: "exact frequent itemsets (FP-Growth) and association rules of a basket file", load: () => import("../commands/mine") },
  evaluate: { summary: "basket completion or next-item HR@k / MRR / coverage of the blend, each source and baselines", load: () => import("../commands/evaluate") },
  report: { summary: "A/B metrics of an experiment, attach matrix, candidate bundles and clearance from D1", load: () => import("../commands/report") },
  "export-events": { summary: "write the events stored in D1 as an events JSONL file (input of build --events)", load: () => import("../commands/export-events") },
  count: { summary: "item, pair and sequential-pair counts of orders (DuckDB), as tables for build --counts", load: () => import("../commands/count") },
  catalog: { summary: "convert a GMC feed or Shopify CSV into the catalogue JSON Lines", load: () => import("../commands/catalog") },
  "edge-part": { summary: "(run by build) encode a range of a build folder's item blobs, or its group blobs", load: () => import("../commands/edge-part") },
};

const GLOBAL_USAGE = `edgerec <command> [flags]   (edgerec <command> --help for its flags)`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${GLOBAL_USAGE}\n\n${listCommands()}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (entry === undefined) {
    process.stderr.write(`edgerec: unknown command "${name}"\n\n${listCommands()}\n`);
    return 2;
  }
  return runCommand((await entry.load()).command, rest);
}

function listCommands(): string {
  const rows = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(13)} ${summary}`);
  return `commands:\n${rows.join("\n")}`;
}
