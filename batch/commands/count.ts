/**
 * @module
 * `edgerec count`: the counting stage on its own (item, pair and sequential-pair counts over orders), on embedded
 * DuckDB or in this process, written as the tables `edgerec build --counts DIR` reads (batch/counts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Command, numberFlag, parseFlags, requireFlag, UsageError } from "../cli/command";
import { measured } from "../cli/progress";
import { COUNT_DEFAULTS, type CountTables, countTables, ordered } from "../counts/count-tables";
import { countOrdersToFiles, type TableFormat } from "../counts/duckdb-counts";
import { readOrders } from "../io/read-orders";

const usage = `
edgerec count --orders F --out DIR [--engine duckdb|node] [--format parquet|csv] [--window-days W]
              [--max-basket-size M] [--max-pairs-per-user P] [--memory-limit 4GB] [--temp-dir D] [--quiet]

Counts what mining needs from the orders and writes four tables to DIR (docs/counting-job.md):
  totals            baskets, users, window_days, max_basket_size, max_pairs_per_user
  items             item_id, baskets (orders holding it), buyers (users who bought it in a dated order)
  pairs             item_a < item_b, baskets holding both (orders of 2 .. M distinct items)
  sequential_pairs  antecedent, consequent, users who bought the consequent 0 < t <= W days after the antecedent
The same tables from a distributed engine (the SQL in docs/counting-job.md) serve too.

  --orders F           .jsonl orders, .tsv baskets, or .csv / .parquet order lines (order_id, item_id, user_id?,
                       ts?; a file, a folder of part files or a glob; DuckDB only)
  --out DIR            where the tables go (DIR/<table>.parquet or .csv)
  --engine E           duckdb (default: spills to disk, all cores) or node (in memory, .jsonl / .tsv only)
  --format F           parquet (default) or csv
  --window-days W      sequential window (default ${COUNT_DEFAULTS.windowDays})
  --max-basket-size M  larger orders count for items, not pairs (default ${COUNT_DEFAULTS.maxBasketSize})
  --max-pairs-per-user P  sequential pairs counted per user, earliest first (default ${COUNT_DEFAULTS.maxPairsPerUser})
  --memory-limit L     DuckDB memory limit (default: 80% of RAM)
  --temp-dir D         where DuckDB spills
  --quiet              no summary
`;

export const command: Command = {
  name: "count",
  usage,
  async run(argv) {
    const flags = parseFlags(argv, {
      strings: ["orders", "out", "engine", "format", "window-days", "max-basket-size", "max-pairs-per-user", "memory-limit", "temp-dir"],
      booleans: ["quiet"],
    });
    const orders = requireFlag(flags.orders, "orders");
    const out = requireFlag(flags.out, "out");
    const engine = flags.engine ?? "duckdb";
    if (engine !== "duckdb" && engine !== "node") throw new UsageError(`--engine must be duckdb or node, got ${engine}`);
    const format = (flags.format ?? "parquet") as TableFormat;
    if (format !== "parquet" && format !== "csv") throw new UsageError(`--format must be parquet or csv, got ${format}`);
    const settings = {
      windowDays: numberFlag(flags["window-days"], "window-days", COUNT_DEFAULTS.windowDays, { integer: true, min: 1 }),
      maxBasketSize: numberFlag(flags["max-basket-size"], "max-basket-size", COUNT_DEFAULTS.maxBasketSize, { integer: true, min: 2 }),
      maxPairsPerUser: numberFlag(flags["max-pairs-per-user"], "max-pairs-per-user", COUNT_DEFAULTS.maxPairsPerUser, { integer: true, min: 1 }),
    };
    return measured("count", async (): Promise<Record<string, string | number>> => {
      if (engine === "duckdb") {
        const totals = await countOrdersToFiles(orders, out, { ...settings, format, memoryLimit: flags["memory-limit"], tempDirectory: flags["temp-dir"] });
        return { engine, baskets: totals.baskets, users: totals.users };
      }
      if (!/\.(jsonl|tsv)$/i.test(orders)) throw new UsageError("--engine node reads .jsonl or .tsv orders");
      const read = await readOrders(orders, { onBadLine: "fail" });
      const tables = countTables(read.baskets, settings);
      writeTablesCsv(out, tables);
      return { engine, baskets: tables.totals.baskets, users: tables.totals.users, items: tables.items.ids.length, pairs: tables.pairs.a.length };
    });
  },
};

/** The tables as CSV with a header row, in the column order of `count-sql.ts`. */
function writeTablesCsv(dir: string, tables: CountTables): void {
  mkdirSync(dir, { recursive: true });
  const ids = tables.items.ids;
  const field = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const write = (name: string, header: string, rows: Iterable<string>) => {
    const lines = [header];
    for (const row of rows) lines.push(row);
    writeFileSync(path.join(dir, `${name}.csv`), `${lines.join("\n")}\n`);
  };
  const t = tables.totals;
  write("totals", "baskets,users,window_days,max_basket_size,max_pairs_per_user", [`${t.baskets},${t.users},${t.windowDays},${t.maxBasketSize},${t.maxPairsPerUser}`]);
  write(
    "items",
    "item_id,baskets,buyers",
    ids.map((id, i) => `${field(id)},${tables.items.baskets[i]},${tables.items.buyers[i]}`),
  );
  write(
    "pairs",
    "item_a,item_b,baskets",
    Array.from(tables.pairs.a, (a, p) => {
      const [x, y] = ordered(ids[a], ids[tables.pairs.b[p]]);
      return `${field(x)},${field(y)},${tables.pairs.baskets[p]}`;
    }),
  );
  write(
    "sequential_pairs",
    "antecedent,consequent,users",
    Array.from(tables.sequential.antecedents, (a, p) => `${field(ids[a])},${field(ids[tables.sequential.consequents[p]])},${tables.sequential.users[p]}`),
  );
}
