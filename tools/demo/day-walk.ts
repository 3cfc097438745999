/**
 * @module
 * One day of the shop: its orders (follow-ups that fall due, hesitation purchases, fresh orders, up to the day's
 * quota) and its sessions (hesitations, purchase sessions attached to that day's orders, plain browsing), each
 * list sorted by time. Every session ends before midnight, so day after day the files stay in time order.
 */
import { pickOnSale, type BasketMaker, type DraftOrder } from "./baskets";
import { DAY_MS, dayStartMs, randomTimeOfDayMs } from "./calendar";
import type { Customers } from "./customers";
import type { FollowUps, PeripheralPicker } from "./follow-ups";
import { FOLLOW_UP, HESITATION, PERSONAS, SESSIONS } from "./planted-plan";
import type { Product } from "./product";
import type { Rng } from "../../core/random/rng";
import type { SessionDraft, SessionMaker } from "./sessions";
import type { ShopIndex } from "./shop-index";

const HOUR_MS = 3_600_000;
const GAMING = PERSONAS.indexOf("gaming");

export interface DayWalkParts {
  index: ShopIndex;
  customers: Customers;
  baskets: BasketMaker;
  sessions: SessionMaker;
  followUps: FollowUps;
  orderRng: Rng;
  sessionRng: Rng;
}

export interface Day {
  orders: DraftOrder[];
  sessions: SessionDraft[];
}

export class DayWalk {
  private day = 0;
  private readonly picker: PeripheralPicker;

  constructor(private readonly parts: DayWalkParts) {
    const { index, orderRng } = parts;
    const pick = (leaf: Parameters<ShopIndex["leaf"]>[0]) => () => pickOnSale(index.leaf(leaf, GAMING), orderRng, this.day);
    this.picker = { keyboard: pick("gaming-keyboards"), mouse: pick("gaming-mice"), headset: pick("gaming-headsets"), mousePad: pick("mouse-pads") };
  }

  walk(day: number, orderQuota: number, sessionCount: number): Day {
    const { baskets, customers, followUps, index, orderRng, sessionRng } = this.parts;
    this.day = day;
    const start = dayStartMs(day);
    baskets.startDay(day);
    const orders: DraftOrder[] = [];
    const add = (customer: number, ts: number, lines: DraftOrder["lines"], hasSession: boolean): DraftOrder => {
      const order: DraftOrder = { customer, ts, lines, seq: orders.length, hasSession };
      orders.push(order);
      if (lines.some((l) => l.product.leaf === FOLLOW_UP.triggerLeaf) && orderRng.chance(FOLLOW_UP.rate)) followUps.schedule(customer, day, ts, orderRng, this.picker);
      return order;
    };

    let hesitationsLeft = 0;
    let purchasesLeft = 0;
    for (let i = 0; i < sessionCount; i++) {
      const r = sessionRng.float();
      if (r < HESITATION.sessionShare) hesitationsLeft++;
      else if (r < HESITATION.sessionShare + SESSIONS.purchaseShare) purchasesLeft++;
    }
    let browsesLeft = sessionCount - hesitationsLeft - purchasesLeft;
    const hesitations: { order: DraftOrder; viewed: Product }[] = [];
    let empty = 0;

    while (orders.length < orderQuota) {
      const due = followUps.take(day);
      if (due) {
        add(due.customer, due.ts, due.products.map((p) => baskets.line(p)), false);
        continue;
      }
      if (hesitationsLeft > 0) {
        hesitationsLeft--;
        const viewed = index.hesitationTable.pick(sessionRng);
        const alternatives = index.downSell.get(viewed)!;
        const bought = alternatives[Math.min(alternatives.length - 1, sessionRng.weighted(HESITATION.alternativeWeights))]!;
        if (bought.sellUntilDay < day) {
          browsesLeft++;
          continue;
        }
        const customer = customers.pick(sessionRng);
        let time = randomTimeOfDayMs(sessionRng);
        while (time < HOUR_MS) time = randomTimeOfDayMs(sessionRng);
        const lines = bought.attrs.device_model !== undefined ? baskets.withDevice(customer, bought, orderRng) : [baskets.line(bought)];
        hesitations.push({ order: add(customer, start + time, lines, true), viewed });
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

    const sessions = hesitations.map((h, i) => this.parts.sessions.hesitation(h.order, h.viewed, i, sessionRng));
    // Purchase sessions take orders placed after 01:00, so the session before them starts the same day.
    const candidates = orders.filter((o) => !o.hasSession && o.ts - start >= HOUR_MS);
    for (let i = 0; i < candidates.length && purchasesLeft > 0; i++, purchasesLeft--) {
      const j = i + sessionRng.int(candidates.length - i);
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
      const order = candidates[i]!;
      order.hasSession = true;
      sessions.push(this.parts.sessions.purchase(order, sessions.length, sessionRng));
    }
    browsesLeft += purchasesLeft;
    for (let i = 0; i < browsesLeft; i++) {
      const customer = sessionRng.chance(SESSIONS.browseLoggedInShare) ? customers.pick(sessionRng) : -1;
      const begin = start + Math.min(randomTimeOfDayMs(sessionRng), DAY_MS - HOUR_MS);
      sessions.push(this.parts.sessions.browse(customer, begin, sessions.length, sessionRng));
    }

    orders.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    sessions.sort((a, b) => a.start - b.start || a.seq - b.seq);
    return { orders, sessions };
  }
}
