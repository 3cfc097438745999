/**
 * @module
 * Reads orders from JSON Lines, each line validated by core's `orderLineSchema` (`core/input/order-line.ts`), from
 * TSV (one basket per line, items separated by tabs), or from a CSV export of order lines (`feeds/read-orders-csv.ts`).
 */
import { orderLineSchema, type OrderItem } from "../../core/input/order-line";
import { type Baskets, BasketsBuilder, type BasketLine } from "./baskets";
import { type BadLinePolicy, InputError, invalidUtf8, type ReadReport, newReport, recordProblem } from "./input-error";
import { parseJsonLine } from "./json-line";
import { readLineBatches } from "./lines";
import { readOrdersCsv } from "./feeds/read-orders-csv";

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

export async function readOrders(path: string, options: ReadOrdersOptions = {}): Promise<OrdersRead> {
  const policy = options.onBadLine ?? "skip";
  const builder = options.builder ?? new BasketsBuilder();
  if (path.endsWith(".csv")) return { report: await readOrdersCsv(path, builder, { onBadLine: policy }), baskets: builder.build() };
  const report = newReport();
  const tsv = path.endsWith(".tsv");
  for await (const [lines, firstLine] of readLineBatches(path, options.onProgress, invalidUtf8(path, report, policy))) {
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
  const order = parseJsonLine(orderLineSchema, text, file, line);
  const lines: BasketLine[] = new Array(order.items.length);
  for (let i = 0; i < lines.length; i++) lines[i] = basketLine(order.items[i]);
  const userId = order.user_id == null ? undefined : String(order.user_id);
  builder.add(String(order.order_id ?? order.basket_id), lines, userId, order.ts ?? undefined);
}

function basketLine(item: OrderItem): BasketLine {
  if (typeof item === "object") return item;
  return { id: typeof item === "string" ? item : String(item) };
}
