/**
 * @module
 * The counting stage on embedded DuckDB (`@duckdb/node-api`, whose native library ships inside its platform
 * package on the registry): reads an orders file into the `orders` / `order_lines` tables of `count-sql.ts`, runs
 * the counting SQL, and writes the tables to a folder or returns them. DuckDB spills to disk and uses every core,
 * so order histories larger than this process's heap count without holding them in memory.
 *
 * Inputs, by extension:
 *   .jsonl (.ndjson)   orders as DESIGN's contract, one per line; a line is one order in input position order
 *   .tsv               one basket per line, items separated by tabs
 *   .csv / .parquet    order lines: order_id, item_id, and optionally user_id and ts (unix seconds or ISO-8601);
 *                      a file, a folder of part files or a glob; an order's position is its first row's
 * A line the count cannot read (bad JSON, no order id, no items array, a bad item, a bad timestamp) stops the
 * count with its file and line, like `--strict`.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../io/input-error";
import { type CountSettings, countingSteps, OUTPUT_TABLES } from "./count-sql";
import { COUNT_DEFAULTS, type CountOptions, type CountTables } from "./count-tables";

export interface DuckDbOptions {
  /** DuckDB's memory limit, e.g. "4GB" (default: DuckDB's, 80% of RAM). */
  memoryLimit?: string;
  /** Where DuckDB may spill (default: DuckDB's own choice). */
  tempDirectory?: string;
  threads?: number;
}

export type TableFormat = "parquet" | "csv";

/** Columns holding item ids (text); every other output column is a count. */
const ID_COLUMNS = new Set(["item_id", "item_a", "item_b", "antecedent", "consequent"]);

/** Counts an orders file and writes the tables to `out` as <table>.parquet (or .csv). */
export async function countOrdersToFiles(input: string, out: string, options: CountOptions & DuckDbOptions & { format?: TableFormat } = {}): Promise<CountTables["totals"]> {
  const format = options.format ?? "parquet";
  return withDuckDb(options, async (db) => {
    await loadOrders(db, input);
    await runCounting(db, { ...COUNT_DEFAULTS, ...options });
    mkdirSync(out, { recursive: true });
    for (const table of Object.keys(OUTPUT_TABLES)) {
      const file = path.join(out, `${table}.${format}`);
      await db.run(`COPY ${table} TO ${literal(file)} (FORMAT ${format === "csv" ? "csv, HEADER true" : "parquet"})`);
    }
    return await readTotals(db);
  });
}

/** Counts an orders file and returns the tables. */
export async function countOrdersWithDuckDb(input: string, options: CountOptions & DuckDbOptions = {}): Promise<CountTables> {
  return withDuckDb(options, async (db) => {
    await loadOrders(db, input);
    await runCounting(db, { ...COUNT_DEFAULTS, ...options });
    return readTables(db);
  });
}

/** Reads tables a counting job wrote: DIR/<table>.parquet or .csv, or DIR/<table>/ holding part files of either. */
export async function readCountFiles(dir: string, options: DuckDbOptions = {}): Promise<CountTables> {
  if (!existsSync(dir)) throw new Error(`${dir}: no such counts folder (edgerec count --out ${dir} writes one)`);
  return withDuckDb(options, async (db) => {
    for (const [table, columns] of Object.entries(OUTPUT_TABLES)) {
      const source = tableSource(dir, table);
      try {
        const found = new Set((await db.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${source.sql})`)).getRows().map((r) => String(r[0])));
        for (const column of columns) if (!found.has(column)) throw new Error(`the ${table} table lacks column ${column}`);
        const typed = columns.map((column) => `CAST(${column} AS ${ID_COLUMNS.has(column) ? "VARCHAR" : "BIGINT"}) AS ${column}`);
        await db.run(`CREATE TABLE ${table} AS SELECT ${typed.join(", ")} FROM ${source.sql}`);
      } catch (error) {
        throw new Error(`${source.location}: ${(error as Error).message}`);
      }
    }
    return readTables(db);
  });
}

export async function withDuckDb<T>(options: DuckDbOptions, work: (db: DuckDBConnection) => Promise<T>): Promise<T> {
  let api: typeof import("@duckdb/node-api");
  try {
    api = await import("@duckdb/node-api");
  } catch (error) {
    throw new Error(`DuckDB is not installed (npm ci installs @duckdb/node-api): ${(error as Error).message}`);
  }
  const instance = await api.DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    if (options.memoryLimit !== undefined) await db.run(`SET memory_limit = ${literal(options.memoryLimit)}`);
    if (options.tempDirectory !== undefined) await db.run(`SET temp_directory = ${literal(options.tempDirectory)}`);
    if (options.threads !== undefined) await db.run(`SET threads = ${Math.max(1, Math.floor(options.threads))}`);
    await db.run("SET TimeZone = 'UTC'");
    return await work(db);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** Makes the `orders` and `order_lines` tables from an orders file. */
async function loadOrders(db: DuckDBConnection, input: string): Promise<void> {
  const extension = path.extname(input.replace(/[*?].*$/, "")).toLowerCase();
  if (extension === ".jsonl" || extension === ".ndjson" || extension === ".tsv") {
    if (!existsSync(input)) throw new Error(`${input}: no such file`);
    await db.run(`CREATE TABLE lines AS
SELECT ordinality AS line_number, rtrim(line, chr(13)) AS line
FROM read_csv(${literal(input)}, columns = {'line': 'VARCHAR'}, header = false, delim = chr(1), quote = '', escape = '',
  auto_detect = false, max_line_size = 67108864) WITH ORDINALITY`);
    await db.run(`DELETE FROM lines WHERE line IS NULL OR regexp_full_match(line, '\\s*')`);
    if (extension === ".tsv") await loadTsv(db);
    else await loadJsonLines(db, input);
  } else if (extension === ".csv" || extension === ".parquet" || (existsSync(input) && statSync(input).isDirectory())) {
    await loadOrderLines(db, input);
  } else {
    throw new Error(`${input}: orders for counting are .jsonl, .tsv, .csv or .parquet`);
  }
}

async function loadTsv(db: DuckDBConnection): Promise<void> {
  await db.run("CREATE TABLE orders AS SELECT line_number AS basket, CAST(NULL AS VARCHAR) AS user_id, CAST(NULL AS DOUBLE) AS ts FROM lines");
  await db.run(`CREATE TABLE order_lines AS
SELECT basket, item_id, position FROM (
  SELECT line_number AS basket, unnest(string_split(line, chr(9))) AS item_id, unnest(range(1, len(string_split(line, chr(9))) + 1)) AS position FROM lines
) WHERE item_id <> ''`);
}

/** Unix seconds of a JSON timestamp (ISO-8601 text or a number), NULL when absent; -1 when unreadable. */
const TS = `CASE coalesce(json_type(line, '$.ts'), 'NULL')
  WHEN 'NULL' THEN NULL
  WHEN 'VARCHAR' THEN CASE WHEN length(line ->> '$.ts') BETWEEN 1 AND 40 THEN coalesce(epoch(TRY_CAST(line ->> '$.ts' AS TIMESTAMPTZ)), -1) ELSE -1 END
  WHEN 'BIGINT' THEN CAST(line ->> '$.ts' AS DOUBLE) WHEN 'UBIGINT' THEN CAST(line ->> '$.ts' AS DOUBLE) WHEN 'DOUBLE' THEN CAST(line ->> '$.ts' AS DOUBLE)
  ELSE -1 END`;
const TIMESTAMP_MAX = 4_102_444_800;
const GOOD_ITEM = `lambda e: json_type(e) IN ('UBIGINT', 'BIGINT', 'DOUBLE') OR (json_type(e) = 'VARCHAR' AND length(e ->> '$') > 0)
  OR (json_type(e) = 'OBJECT' AND json_type(e, '$.id') = 'VARCHAR' AND length(e ->> '$.id') > 0)`;

async function loadJsonLines(db: DuckDBConnection, input: string): Promise<void> {
  await db.run(`CREATE TABLE parsed AS SELECT line_number, line, (${TS}) AS ts FROM lines WHERE json_valid(line)`);
  const bad = await db.runAndReadAll(`SELECT line_number, problem FROM (
  SELECT l.line_number, CASE
    WHEN p.line IS NULL THEN 'not valid JSON'
    WHEN json_type(p.line) <> 'OBJECT' THEN 'not a JSON object'
    WHEN coalesce(json_type(p.line, '$.order_id'), 'NULL') = 'NULL' AND coalesce(json_type(p.line, '$.basket_id'), 'NULL') = 'NULL' THEN 'order_id: missing (order_id or basket_id)'
    WHEN coalesce(json_type(p.line, '$.items'), 'NULL') <> 'ARRAY' THEN 'items: expected an array'
    WHEN NOT coalesce(list_bool_and(list_transform(json_extract(p.line, '$.items[*]'), ${GOOD_ITEM})), true) THEN 'items: each item is an id or {"id", "qty"?, "price"?}'
    WHEN coalesce(json_type(p.line, '$.user_id'), 'NULL') NOT IN ('NULL', 'VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE') THEN 'user_id: expected a string or a number'
    WHEN p.ts IS NOT NULL AND NOT (p.ts BETWEEN 0 AND ${TIMESTAMP_MAX}) THEN 'ts: must be ISO-8601 or unix seconds between 1970 and 2100'
  END AS problem
  FROM lines l LEFT JOIN parsed p ON p.line_number = l.line_number
) WHERE problem IS NOT NULL ORDER BY line_number LIMIT 1`);
  const rows = bad.getRows();
  if (rows.length > 0) {
    const [line, problem] = rows[0] as [bigint, string];
    const field = /^(\w+):/.exec(problem)?.[1];
    throw new InputError(input, Number(line), field, field === undefined ? problem : problem.slice(field.length + 2));
  }
  await db.run(`CREATE TABLE orders AS
SELECT line_number AS basket, CASE WHEN json_type(line, '$.user_id') = 'NULL' THEN NULL ELSE line ->> '$.user_id' END AS user_id, ts FROM parsed`);
  await db.run(`CREATE TABLE order_lines AS
SELECT basket, CASE WHEN json_type(e) = 'OBJECT' THEN e ->> '$.id' ELSE e ->> '$' END AS item_id, position FROM (
  SELECT line_number AS basket, unnest(json_extract(line, '$.items[*]')) AS e, unnest(range(1, CAST(json_array_length(line, '$.items') AS BIGINT) + 1)) AS position FROM parsed
)`);
  await db.run("DROP TABLE parsed");
  await db.run("DROP TABLE lines");
}

async function loadOrderLines(db: DuckDBConnection, input: string): Promise<void> {
  await db.run(`CREATE TABLE source AS SELECT *, ordinality AS row_number FROM ${tableSource(input, undefined).sql} WITH ORDINALITY`);
  const columns = new Set((await db.runAndReadAll("SELECT column_name FROM (DESCRIBE source)")).getRows().map((r) => String(r[0])));
  for (const required of ["order_id", "item_id"])
    if (!columns.has(required)) throw new Error(`${input}: order lines need an ${required} column (found ${[...columns].join(", ")})`);
  const user = columns.has("user_id") ? "CAST(user_id AS VARCHAR)" : "CAST(NULL AS VARCHAR)";
  const ts = columns.has("ts") ? "coalesce(TRY_CAST(ts AS DOUBLE), epoch(TRY_CAST(ts AS TIMESTAMPTZ)))" : "CAST(NULL AS DOUBLE)";
  await db.run(`CREATE TABLE orders AS SELECT MIN(row_number) AS basket, ANY_VALUE(${user}) AS user_id, ANY_VALUE(${ts}) AS ts FROM source GROUP BY order_id`);
  await db.run(`CREATE TABLE order_lines AS
SELECT f.basket, CAST(s.item_id AS VARCHAR) AS item_id, s.row_number AS position
FROM source s JOIN (SELECT order_id, MIN(row_number) AS basket FROM source GROUP BY order_id) f ON f.order_id = s.order_id
WHERE s.item_id IS NOT NULL`);
  await db.run("DROP TABLE source");
}

/** Runs `count-sql.ts` over the loaded orders. */
async function runCounting(db: DuckDBConnection, settings: CountSettings): Promise<void> {
  for (const step of countingSteps(settings)) await db.run(`CREATE TABLE ${step.table} AS ${step.select}`);
}

async function readTotals(db: DuckDBConnection): Promise<CountTables["totals"]> {
  const rows = (await db.runAndReadAll("SELECT baskets, users, window_days, max_basket_size, max_pairs_per_user FROM totals")).getRows();
  if (rows.length !== 1) throw new Error(`the totals table must hold one row, it holds ${rows.length}`);
  const [baskets, users, windowDays, maxBasketSize, maxPairsPerUser] = rows[0].map(Number);
  return { baskets, users, windowDays, maxBasketSize, maxPairsPerUser };
}

/** The four tables, items numbered in id order. */
async function readTables(db: DuckDBConnection): Promise<CountTables> {
  const totals = await readTotals(db);
  await db.run(
    "CREATE TABLE item_index AS SELECT CAST(item_id AS VARCHAR) AS item_id, CAST(ROW_NUMBER() OVER (ORDER BY CAST(item_id AS VARCHAR)) - 1 AS INTEGER) AS i, baskets, buyers FROM items",
  );
  const itemCount = Number((await db.runAndReadAll("SELECT COUNT(*) FROM item_index")).getRows()[0][0]);
  const ids: string[] = new Array(itemCount);
  const baskets = new Uint32Array(itemCount);
  const buyers = new Uint32Array(itemCount);
  await readColumns(db, "SELECT i, item_id, CAST(baskets AS INTEGER), CAST(buyers AS INTEGER) FROM item_index", (columns, rows) => {
    for (let r = 0; r < rows; r++) {
      const i = columns[0][r] as number;
      ids[i] = columns[1][r] as string;
      baskets[i] = columns[2][r] as number;
      buyers[i] = columns[3][r] as number;
    }
  });
  const pairs = await readTriples(
    db,
    `SELECT a.i, b.i, CAST(p.baskets AS INTEGER) FROM pairs p
JOIN item_index a ON a.item_id = CAST(p.item_a AS VARCHAR) JOIN item_index b ON b.item_id = CAST(p.item_b AS VARCHAR)`,
  );
  const sequential = await readTriples(
    db,
    `SELECT a.i, b.i, CAST(s.users AS INTEGER) FROM sequential_pairs s
JOIN item_index a ON a.item_id = CAST(s.antecedent AS VARCHAR) JOIN item_index b ON b.item_id = CAST(s.consequent AS VARCHAR)`,
  );
  return {
    totals,
    items: { ids, baskets, buyers },
    pairs: { a: pairs[0], b: pairs[1], baskets: pairs[2] },
    sequential: { antecedents: sequential[0], consequents: sequential[1], users: sequential[2] },
  };
}

async function readTriples(db: DuckDBConnection, select: string): Promise<[Uint32Array, Uint32Array, Uint32Array]> {
  const total = Number((await db.runAndReadAll(`SELECT COUNT(*) FROM (${select})`)).getRows()[0][0]);
  const out: [Uint32Array, Uint32Array, Uint32Array] = [new Uint32Array(total), new Uint32Array(total), new Uint32Array(total)];
  let at = 0;
  await readColumns(db, select, (columns, rows) => {
    for (let c = 0; c < 3; c++) for (let r = 0; r < rows; r++) out[c][at + r] = columns[c][r] as number;
    at += rows;
  });
  if (at !== total) throw new Error(`read ${at} rows where ${total} were counted`);
  return out;
}

async function readColumns(db: DuckDBConnection, select: string, onChunk: (columns: unknown[][], rows: number) => void): Promise<void> {
  const result = await db.stream(select);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    onChunk(chunk.getColumns(), chunk.rowCount);
  }
}

/** A DuckDB table expression for a table file, a folder of part files, or a glob, and where it was found. */
function tableSource(location: string, table: string | undefined): { sql: string; location: string } {
  const candidates = table === undefined ? [location] : [`${table}.parquet`, `${table}.csv`, table].map((name) => path.join(location, name));
  for (const candidate of candidates) {
    if (/[*?]/.test(candidate)) return { sql: reader(candidate), location: candidate };
    if (!existsSync(candidate)) continue;
    if (!statSync(candidate).isDirectory()) return { sql: reader(candidate), location: candidate };
    const parts = readdirSync(candidate);
    for (const ext of ["parquet", "csv"])
      if (parts.some((name) => name.toLowerCase().endsWith(`.${ext}`))) return { sql: reader(path.join(candidate, `*.${ext}`)), location: candidate };
  }
  throw new Error(`${location}: no ${table ?? "order lines"} table (${table ?? "orders"}.parquet, .csv, or a folder of part files)`);
}

function reader(file: string): string {
  return file.toLowerCase().endsWith(".csv") ? `read_csv(${literal(file)}, header = true, all_varchar = true)` : `read_parquet(${literal(file)})`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
