/**
 * @module
 * `generateDemo`: writes the demo store to a directory (catalog.jsonl, orders.jsonl, events.jsonl, planted.json,
 * README.md). Walks the window day by day: each day's orders (follow-ups due, hesitation purchases, fresh
 * orders) and sessions are made, sorted by time and streamed out, so memory stays flat however many orders.
 */
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { BasketMaker, pickOnSale, type DraftOrder } from "./baskets";
import { allocate, dayStartMs, DAY_MS, dayWeights, randomTimeOfDayMs, WINDOW_DAYS } from "./calendar";
import { buildCatalog, DEFAULT_PRODUCTS } from "./catalog";
import { Customers } from "./customers";
import { FollowUps, type PeripheralPicker } from "./follow-ups";
import { JsonlWriter } from "./jsonl-writer";
import { FOLLOW_UP, HESITATION, PERSONAS, SESSIONS } from "./planted-plan";
import { PlantedReport } from "./planted-report";
import type { Product } from "./product";
import { Rng } from "./prng";
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

const HOUR_MS = 3_600_000;
const GAMING = PERSONAS.indexOf("gaming");

export async function generateDemo(options: DemoOptions): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const totalOrders = options.orders ?? DEFAULT_ORDERS;
  const totalSessions = options.sessions ?? defaultSessions(totalOrders);
  const productCount = options.products ?? DEFAULT_PRODUCTS;
  await mkdir(options.out, { recursive: true });

  const catalog = buildCatalog(seed, productCount);
  const catalogOut = new JsonlWriter(path.join(options.out, "catalog.jsonl"));
  for (const p of catalog.products) catalogOut.push(catalogLine(p));
  await catalogOut.close();

  const index = new ShopIndex(catalog);
  const customers = new Customers(seed, totalOrders);
  const baskets = new BasketMaker(index, customers);
  const sessionMaker = new SessionMaker(index);
  const followUps = new FollowUps();
  const report = new PlantedReport(index);
  const orderRng = new Rng(seed, "orders");
  const sessionRng = new Rng(seed, "sessions");
  const weights = dayWeights();
  const ordersPerDay = allocate(totalOrders, weights);
  const sessionsPerDay = allocate(totalSessions, weights);
  const ordersOut = new JsonlWriter(path.join(options.out, "orders.jsonl"));
  const eventsOut = new JsonlWriter(path.join(options.out, "events.jsonl"));
  let orderCount = 0;
  let sessionCount = 0;
  let eventCount = 0;
  let hesitationCount = 0;
  let day = 0;

  const picker: PeripheralPicker = {
    keyboard: () => pickOnSale(index.leaf("gaming-keyboards", GAMING), orderRng, day),
    mouse: () => pickOnSale(index.leaf("gaming-mice", GAMING), orderRng, day),
    headset: () => pickOnSale(index.leaf("gaming-headsets", GAMING), orderRng, day),
    mousePad: () => pickOnSale(index.leaf("mouse-pads", GAMING), orderRng, day),
  };

  for (day = 0; day < WINDOW_DAYS; day++) {
    const start = dayStartMs(day);
    baskets.startDay(day);
    const drafts: DraftOrder[] = [];
    const add = (customer: number, ts: number, lines: DraftOrder["lines"], hasSession: boolean): DraftOrder => {
      const draft: DraftOrder = { customer, ts, lines, seq: drafts.length, hasSession };
      drafts.push(draft);
      if (lines.some((l) => l.product.leaf === FOLLOW_UP.triggerLeaf) && orderRng.chance(FOLLOW_UP.rate)) followUps.schedule(customer, day, ts, orderRng, picker);
      return draft;
    };

    const kinds = Array.from({ length: sessionsPerDay[day]! }, () => {
      const r = sessionRng.float();
      return r < HESITATION.sessionShare ? "hesitation" : r < HESITATION.sessionShare + SESSIONS.purchaseShare ? "purchase" : "browse";
    });
    let hesitationsLeft = kinds.filter((k) => k === "hesitation").length;
    let purchasesLeft = kinds.filter((k) => k === "purchase").length;
    let browsesLeft = kinds.length - hesitationsLeft - purchasesLeft;
    const hesitations: { order: DraftOrder; viewed: Product }[] = [];
    let empty = 0;

    while (drafts.length < ordersPerDay[day]!) {
      const due = followUps.take(day);
      if (due) {
        add(due.customer, due.ts, due.products.map((p) => baskets.line(p)), false);
        continue;
      }
      if (hesitationsLeft > 0) {
        hesitationsLeft--;
        const viewed = index.hesitationTable.pick(sessionRng);
        const options = index.downSell.get(viewed)!;
        const bought = options[Math.min(options.length - 1, sessionRng.weighted(HESITATION.alternativeWeights))]!;
        if (bought.sellUntilDay < day) {
          browsesLeft++;
          continue;
        }
        const customer = customers.pick(sessionRng);
        const ts = start + HOUR_MS + randomTimeOfDayMs(sessionRng) % (DAY_MS - HOUR_MS);
        const lines = bought.attrs.device_model !== undefined ? baskets.withDevice(customer, bought, orderRng) : [baskets.line(bought)];
        hesitations.push({ order: add(customer, ts, lines, true), viewed });
        continue;
      }
      const customer = customers.pick(orderRng);
      const lines = baskets.fresh(customer, orderRng);
      if (lines.length === 0) {
        if (++empty > 1000) throw new Error("the catalog cannot fill an order");
        continue;
      }
      add(customer, start + randomTimeOfDayMs(orderRng), lines, false);
    }
    browsesLeft += hesitationsLeft;
    followUps.carryOver(day, orderRng);

    const sessions: SessionDraft[] = hesitations.map((h) => sessionMaker.hesitation(h.order, h.viewed, 0, sessionRng));
    const candidates = drafts.filter((d) => !d.hasSession && d.ts - start >= HOUR_MS);
    for (let i = 0; i < candidates.length && purchasesLeft > 0; i++, purchasesLeft--) {
      const j = i + sessionRng.int(candidates.length - i);
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
      const order = candidates[i]!;
      order.hasSession = true;
      sessions.push(sessionMaker.purchase(order, 0, sessionRng));
    }
    browsesLeft += purchasesLeft;
    for (let i = 0; i < browsesLeft; i++) {
      const customer = sessionRng.chance(SESSIONS.browseLoggedInShare) ? customers.pick(sessionRng) : -1;
      const begin = start + Math.min(randomTimeOfDayMs(sessionRng), DAY_MS - HOUR_MS);
      sessions.push(sessionMaker.browse(customer, begin, 0, sessionRng));
    }

    drafts.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    for (const order of drafts) {
      order.id = `ord-${String(++orderCount).padStart(7, "0")}`;
      customers.orders[order.customer]!++;
      ordersOut.push(orderLine(order));
      report.observeOrder(order);
    }
    sessions.forEach((s, i) => (s.seq = i));
    sessions.sort((a, b) => a.start - b.start || a.seq - b.seq);
    const events: [SessionDraft, DemoEvent, number][] = [];
    sessions.forEach((s, order) => {
      s.id = `sess-${String(++sessionCount).padStart(7, "0")}`;
      for (const e of s.events) events.push([s, e, order]);
    });
    events.sort((a, b) => a[1].ts - b[1].ts || a[2] - b[2] || a[1].seq - b[1].seq);
    for (const [s, e] of events) eventsOut.push(eventLine(`ev-${String(++eventCount).padStart(8, "0")}`, s, e));
    for (const s of sessions) {
      report.observeSession(s);
      if (s.hesitation) hesitationCount++;
    }
    await ordersOut.flush();
    await eventsOut.flush();
    options.onProgress?.(orderCount, totalOrders);
  }
  await ordersOut.close();
  await eventsOut.close();

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
