/**
 * @module
 * `generateDemo`: writes the demo store to a directory (catalog.jsonl, orders.jsonl, events.jsonl, planted.json,
 * README.md). Walks the window day by day and streams each day out as soon as it is made, through one `pipeline`
 * per file from the same source of days: a day is made only when both files have room for it, so memory stays
 * flat however many orders.
 */
import { createWriteStream } from "node:fs";
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { BasketMaker } from "./baskets";
import { allocate, dayWeights, WINDOW_DAYS } from "./calendar";
import { buildCatalog, DEFAULT_PRODUCTS } from "./catalog";
import { Customers } from "./customers";
import { DayWalk } from "./day-walk";
import { FollowUps } from "./follow-ups";
import { PlantedReport } from "./planted-report";
import { Rng } from "../../core/random/rng";
import { demoReadme } from "./readme";
import { catalogLine, eventLine, orderLine } from "./serialize";
import { SessionMaker, type DemoEvent, type SessionDraft } from "./sessions";
import { ShopIndex } from "./shop-index";

export const DEFAULT_SEED = 42;
export const DEFAULT_ORDERS = 60_000;

export function defaultSessions(orders: number): number {
  return Math.min(50_000, Math.max(2_000, Math.round(orders / 3)));
}

export interface DemoOptions {
  out: string;
  seed?: number;
  orders?: number;
  sessions?: number;
  products?: number;
  /** Called after each day with orders written so far and the total. */
  onProgress?: (ordersDone: number, ordersTotal: number) => void;
}

export interface DemoSummary {
  seed: number;
  products: number;
  leafCategories: number;
  brands: number;
  orders: number;
  customers: number;
  sessions: number;
  hesitationSessions: number;
  events: number;
  files: Record<string, number>;
}

export async function generateDemo(options: DemoOptions): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const totalOrders = options.orders ?? DEFAULT_ORDERS;
  const totalSessions = options.sessions ?? defaultSessions(totalOrders);
  const productCount = options.products ?? DEFAULT_PRODUCTS;
  await mkdir(options.out, { recursive: true });

  const catalog = buildCatalog(seed, productCount);
  await pipeline(Readable.from([jsonLines(catalog.products.map(catalogLine))]), createWriteStream(path.join(options.out, "catalog.jsonl")));

  const index = new ShopIndex(catalog);
  const customers = new Customers(seed, totalOrders);
  const baskets = new BasketMaker(index, customers);
  const report = new PlantedReport(index);
  const weights = dayWeights();
  const ordersPerDay = allocate(totalOrders, weights);
  const sessionsPerDay = allocate(totalSessions, weights);
  let orderCount = 0;
  let sessionCount = 0;
  let eventCount = 0;
  let hesitationCount = 0;

  const walk = new DayWalk({ index, customers, baskets, sessions: new SessionMaker(index), followUps: new FollowUps(), orderRng: new Rng(seed, "orders"), sessionRng: new Rng(seed, "sessions") });

  async function* days(): AsyncGenerator<DayLines> {
    for (let day = 0; day < WINDOW_DAYS; day++) {
      const { orders: drafts, sessions } = walk.walk(day, ordersPerDay[day]!, sessionsPerDay[day]!);
      const orders: string[] = [];
      for (const order of drafts) {
        order.id = `ord-${String(++orderCount).padStart(7, "0")}`;
        customers.orders[order.customer]!++;
        orders.push(orderLine(order));
        report.observeOrder(order);
      }
      const drafted: [SessionDraft, DemoEvent, number][] = [];
      sessions.forEach((session, order) => {
        session.id = `sess-${String(++sessionCount).padStart(7, "0")}`;
        for (const e of session.events) drafted.push([session, e, order]);
      });
      drafted.sort((a, b) => a[1].ts - b[1].ts || a[2] - b[2] || a[1].seq - b[1].seq);
      const events = drafted.map(([session, e]) => eventLine(`ev-${String(++eventCount).padStart(8, "0")}`, session, e));
      for (const session of sessions) {
        report.observeSession(session);
        if (session.hesitation) hesitationCount++;
      }
      yield { orders, events };
      options.onProgress?.(orderCount, totalOrders);
    }
  }
  const source = Readable.from(days(), { highWaterMark: 1 });
  await Promise.all([
    pipeline(source, linesOf("orders"), createWriteStream(path.join(options.out, "orders.jsonl"))),
    pipeline(source, linesOf("events"), createWriteStream(path.join(options.out, "events.jsonl"))),
  ]);

  const meta = { seed, orders: totalOrders, sessions: totalSessions, products: productCount };
  const planted = report.render(meta, customers);
  await writeFile(path.join(options.out, "planted.json"), `${JSON.stringify(planted, null, 1)}\n`);
  await writeFile(path.join(options.out, "README.md"), demoReadme(meta));
  const files: Record<string, number> = {};
  for (const name of ["catalog.jsonl", "orders.jsonl", "events.jsonl", "planted.json", "README.md"]) files[name] = (await stat(path.join(options.out, name))).size;
  return {
    seed,
    products: catalog.products.length,
    leafCategories: new Set(catalog.products.map((p) => p.leaf)).size,
    brands: new Set(catalog.products.map((p) => p.brand)).size,
    orders: orderCount,
    customers: customers.count,
    sessions: sessionCount,
    hesitationSessions: hesitationCount,
    events: eventCount,
    files,
  };
}

/** One day of the shop: its order lines and its event lines. */
interface DayLines {
  orders: string[];
  events: string[];
}

function jsonLines(lines: readonly string[]): string {
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** Takes one file's lines out of each day, as JSON Lines text. */
function linesOf(file: keyof DayLines): Transform {
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 1,
    transform(day: DayLines, _encoding, done) {
      const text = jsonLines(day[file]);
      done(null, text.length > 0 ? text : undefined);
    },
  });
}
