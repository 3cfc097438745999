/**
 * @module
 * Orders as a CSV export, one row per order line: order id, SKU, quantity, unit price, creation time and
 * customer, under the names shops' exports give them (case and spacing ignored): `order_id` / `order` / `Name`
 * (Shopify's "#1001"), `sku` / `Lineitem sku` / `item_id` / `product_id`, `quantity` / `qty` / `Lineitem
 * quantity`, `price` / `unit_price` / `Lineitem price`, `created_at` / `Created at` / `date` / `ts`,
 * `customer` / `customer_id` / `user_id` / `Email`. Rows of one order need not be adjacent; a row that leaves the
 * time or customer blank takes its order's (Shopify fills them on the first line only). Each order is then held
 * to the orders contract (`core/input/order-line.ts`), and a bad row is reported by its line and column.
 */
import { orderLineSchema } from "../../../core/input/order-line";
import { fieldProblems } from "../../../core/field-problems";
import type { BasketLine, BasketsBuilder } from "../baskets";
import { type BadLinePolicy, InputError, type ReadReport, newReport, recordProblem } from "../input-error";
import { csvRecords } from "./csv-records";
import { decimal, units } from "./feed-item";

const ALIASES = {
  order: ["order_id", "order", "order_number", "name", "id"],
  sku: ["sku", "lineitem_sku", "item_id", "product_id", "variant_sku"],
  quantity: ["quantity", "qty", "lineitem_quantity"],
  price: ["price", "unit_price", "lineitem_price"],
  created: ["created_at", "date", "ts", "order_date", "processed_at"],
  customer: ["customer", "customer_id", "user_id", "email"],
} as const;

type Column = keyof typeof ALIASES;

interface PendingOrder {
  line: number;
  lines: BasketLine[];
  ts?: string;
  customer?: string;
}

export async function readOrdersCsv(path: string, builder: BasketsBuilder, options: { onBadLine?: BadLinePolicy } = {}): Promise<ReadReport> {
  const policy = options.onBadLine ?? "skip";
  const report = newReport();
  let index: Partial<Record<Column, number>> | undefined;
  let headers: string[] = [];
  const orders = new Map<string, PendingOrder>();
  for await (const { fields, line, unterminated } of csvRecords(path, ",")) {
    if (index === undefined) {
      headers = fields.map((f) => f.trim());
      const names = fields.map(normalise);
      index = {};
      for (const [column, aliases] of Object.entries(ALIASES) as Array<[Column, readonly string[]]>) {
        const at = aliases.map((a) => names.indexOf(a)).find((i) => i >= 0);
        if (at !== undefined) index[column] = at;
      }
      if (index.order === undefined) throw new InputError(path, line, "order_id", "the header has no order id column");
      if (index.sku === undefined) throw new InputError(path, line, "sku", "the header has no SKU column");
      continue;
    }
    report.lines++;
    try {
      if (unterminated) throw new InputError(path, line, undefined, "a quoted field is never closed");
      if (fields.length !== headers.length) throw new InputError(path, line, undefined, `${fields.length} fields for the header's ${headers.length}`);
      const at = index;
      const get = (column: Column) => (at[column] === undefined ? "" : fields[at[column]!].trim());
      const name = (column: Column) => headers[at[column]!] ?? column;
      const orderId = get("order");
      if (orderId.length === 0) throw new InputError(path, line, name("order"), "missing");
      const sku = get("sku");
      if (sku.length === 0) throw new InputError(path, line, name("sku"), "missing");
      const qty = units(get("quantity"), path, line, name("quantity"));
      if (qty === 0) throw new InputError(path, line, name("quantity"), "must be at least 1");
      const price = decimal(get("price"), path, line, name("price"));
      let order = orders.get(orderId);
      if (order === undefined) {
        order = { line, lines: [] };
        orders.set(orderId, order);
      }
      order.lines.push({ id: sku, ...(qty !== undefined ? { qty } : {}), ...(price !== undefined ? { price } : {}) });
      const created = get("created");
      if (created.length > 0) order.ts ??= created;
      const customer = get("customer");
      if (customer.length > 0) order.customer ??= customer;
      report.accepted++;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      recordProblem(report, error, policy);
    }
  }
  for (const [orderId, order] of orders) {
    const parsed = orderLineSchema.safeParse({ order_id: orderId, user_id: order.customer, ts: order.ts === undefined ? undefined : /^\d+$/.test(order.ts) ? Number(order.ts) : order.ts, items: order.lines });
    if (!parsed.success) {
      const [first] = fieldProblems(parsed.error);
      recordProblem(report, new InputError(path, order.line, first.field === "ts" ? (index?.created === undefined ? "created_at" : headers[index.created]) : first.field, first.message), policy);
      continue;
    }
    builder.add(orderId, order.lines, order.customer, parsed.data.ts ?? undefined);
  }
  return report;
}

function normalise(header: string): string {
  return header.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
}
