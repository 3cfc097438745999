/**
 * @module
 * Reads orders from JSON Lines (`{"order_id", "user_id"?, "ts"?, "items": [id | {id, qty?, price?}]}`, with
 * `basket_id` accepted for `order_id`) or from TSV (one basket per line, items separated by tabs).
 */
import { type Baskets, BasketsBuilder } from "./baskets";
import { type BadLinePolicy, InputError, type ReadReport, newReport, recordProblem } from "./input-error";
import { readLineBatches } from "./lines";
import { toUnixSeconds } from "./timestamps";

export interface ReadOrdersOptions {
  onBadLine?: BadLinePolicy;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Reuse a builder to share one item dictionary across several files. */
  builder?: BasketsBuilder;
}

export interface OrdersRead {
  baskets: Baskets;
  report: ReadReport;
}

interface Line {
  id: string;
  qty?: number;
  price?: number;
}

export async function readOrders(path: string, options: ReadOrdersOptions = {}): Promise<OrdersRead> {
  const policy = options.onBadLine ?? "skip";
  const builder = options.builder ?? new BasketsBuilder();
  const report = newReport();
  const tsv = path.endsWith(".tsv");
  for await (const [lines, firstLine] of readLineBatches(path, options.onProgress)) {
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i];
      if (text.length === 0 || text.trim().length === 0) continue;
      const lineNumber = firstLine + i;
      report.lines++;
      try {
        if (tsv) builder.addIds(String(lineNumber), text.split("\t"));
        else addJsonOrder(builder, text, path, lineNumber);
        report.accepted++;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        recordProblem(report, error, policy);
      }
    }
  }
  return { baskets: builder.build(), report };
}

function addJsonOrder(builder: BasketsBuilder, text: string, file: string, line: number): void {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, line, undefined, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    throw new InputError(file, line, undefined, "expected a JSON object");
  }
  const order = row as Record<string, unknown>;
  const rawId = order.order_id ?? order.basket_id;
  if (typeof rawId !== "string" && typeof rawId !== "number") {
    throw new InputError(file, line, "order_id", "missing or not a string");
  }
  const items = order.items;
  if (!Array.isArray(items)) throw new InputError(file, line, "items", "missing or not an array");
  const lines: Line[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) lines[i] = parseLine(items[i], file, line, i);
  let userId: string | undefined;
  if (order.user_id !== undefined && order.user_id !== null) {
    if (typeof order.user_id !== "string" && typeof order.user_id !== "number") {
      throw new InputError(file, line, "user_id", "not a string");
    }
    userId = String(order.user_id);
  }
  let ts: number | undefined;
  if (order.ts !== undefined && order.ts !== null) {
    ts = toUnixSeconds(order.ts);
    if (ts === undefined) throw new InputError(file, line, "ts", "not ISO-8601 or unix seconds");
  }
  builder.add(String(rawId), lines, userId, ts);
}

function parseLine(item: unknown, file: string, line: number, position: number): Line {
  if (typeof item === "string") {
    if (item.length === 0) throw new InputError(file, line, `items[${position}]`, "empty item id");
    return { id: item };
  }
  if (typeof item === "number" && Number.isFinite(item)) return { id: String(item) };
  if (typeof item !== "object" || item === null) {
    throw new InputError(file, line, `items[${position}]`, "expected an item id or {id, qty?, price?}");
  }
  const record = item as Record<string, unknown>;
  if (typeof record.id !== "string" || record.id.length === 0) {
    throw new InputError(file, line, `items[${position}].id`, "missing or not a string");
  }
  const result: Line = { id: record.id };
  if (record.qty !== undefined) {
    if (typeof record.qty !== "number" || !Number.isInteger(record.qty) || record.qty < 1) {
      throw new InputError(file, line, `items[${position}].qty`, "not a positive integer");
    }
    result.qty = record.qty;
  }
  if (record.price !== undefined && record.price !== null) {
    if (typeof record.price !== "number" || !Number.isFinite(record.price) || record.price < 0) {
      throw new InputError(file, line, `items[${position}].price`, "not a non-negative number");
    }
    result.price = record.price;
  }
  return result;
}
