/**
 * @module
 * Browsing sessions as event sequences: plain browsing (views, searches, carts that are abandoned or emptied),
 * purchase sessions that end in an order, and hesitation sessions, where a long look at an expensive item,
 * never put in the cart, ends in buying a cheaper similar item of the same category.
 */
import { LEAVES } from "./category-tree";
import type { DraftOrder } from "./baskets";
import { HESITATION } from "./planted-plan";
import type { Product } from "./product";
import type { Rng } from "../../core/random/rng";
import type { ShopIndex } from "./shop-index";

type EventType = "view" | "search" | "add_to_cart" | "remove_from_cart" | "purchase";

export interface DemoEvent {
  ts: number;
  seq: number;
  type: EventType;
  item?: Product;
  dwellMs?: number;
  query?: string;
  order?: DraftOrder;
}

export interface SessionDraft {
  kind: "browse" | "purchase" | "hesitation";
  /** Customer index, or -1 for a shopper who is not logged in. */
  customer: number;
  start: number;
  seq: number;
  events: DemoEvent[];
  id?: string;
  hesitation?: { viewed: Product; bought: Product; dwellMs: number };
}

/** Builds one session's events on a relative clock, then places it in time. */
class Timeline {
  t = 0;
  readonly events: DemoEvent[] = [];
  constructor(private readonly rng: Rng) {}

  push(type: EventType, fields: Omit<DemoEvent, "ts" | "seq" | "type"> = {}): void {
    this.events.push({ ts: this.t, seq: this.events.length, type, ...fields });
  }

  view(item: Product, dwellMs: number): void {
    this.push("view", { item, dwellMs });
    this.t += dwellMs;
  }

  pause(): void {
    this.t += this.rng.between(2, 20) * 1000;
  }

  /** Shifts every event so the session starts at `start` (or ends at `end`), to whole seconds. */
  place(anchor: { start?: number; end?: number }): DemoEvent[] {
    const offset = anchor.start !== undefined ? anchor.start : (anchor.end as number) - this.t;
    for (const e of this.events) e.ts = Math.round((e.ts + offset) / 1000) * 1000;
    return this.events;
  }
}

function queryFor(item: Product, rng: Rng): string {
  const leaf = LEAVES[item.leaf];
  const r = rng.float();
  if (r < 0.5 && item.attrs.device_model !== undefined) {
    return item.title.split(",")[0]!.replace(/\s\d+\s(GB|TB).*$/, "").toLowerCase().split(/\s+/).slice(0, 4).join(" ");
  }
  if (r < 0.75) return `${item.brand.toLowerCase()} ${rng.pick(leaf.queries)}`;
  return rng.pick(leaf.queries);
}

export class SessionMaker {
  constructor(private readonly index: ShopIndex) {}

  private shortDwell(rng: Rng): number {
    return Math.round(Math.min(HESITATION.minDwellMs - 1000, Math.max(1500, rng.logNormal(9000, 0.8))));
  }

  private alternatives(item: Product, n: number, rng: Rng): Product[] {
    const table = this.index.views(item.leaf);
    const out: Product[] = [];
    for (let i = 0; i < n && table; i++) {
      const p = table.pick(rng);
      if (p !== item) out.push(p);
    }
    return out;
  }

  browse(customer: number, start: number, seq: number, rng: Rng): SessionDraft {
    const tl = new Timeline(rng);
    let leaf = this.index.browseLeaves.pick(rng);
    const viewed: Product[] = [];
    if (rng.chance(0.4)) {
      const probe = this.index.views(leaf)?.pick(rng);
      if (probe) tl.push("search", { query: queryFor(probe, rng) });
      tl.pause();
    }
    const views = Math.min(12, 1 + Math.floor(-Math.log(1 - rng.float()) * 2.5));
    for (let i = 0; i < views; i++) {
      if (i > 0 && rng.chance(0.2)) leaf = this.index.browseLeaves.pick(rng);
      const item = this.index.views(leaf)?.pick(rng);
      if (!item) continue;
      tl.view(item, Math.round(Math.min(240_000, Math.max(1500, rng.logNormal(9000, 0.95)))));
      viewed.push(item);
      tl.pause();
    }
    const cartable = viewed.filter((p) => p.lifecycle !== "new" && p.lifecycle !== "eol");
    if (cartable.length > 0 && rng.chance(0.12)) {
      const item = rng.pick(cartable);
      tl.push("add_to_cart", { item });
      if (rng.chance(0.6)) {
        tl.pause();
        tl.push("remove_from_cart", { item });
      }
    }
    return { kind: "browse", customer, start, seq, events: tl.place({ start }) };
  }

  purchase(order: DraftOrder, seq: number, rng: Rng): SessionDraft {
    const tl = new Timeline(rng);
    const main = order.lines[0]!.product;
    if (rng.chance(0.5)) {
      tl.push("search", { query: queryFor(main, rng) });
      tl.pause();
    }
    for (const alt of this.alternatives(main, rng.between(0, 3), rng)) {
      tl.view(alt, this.shortDwell(rng));
      tl.pause();
    }
    order.lines.forEach((line, i) => {
      tl.view(line.product, i === 0 ? Math.round(Math.min(180_000, Math.max(4000, rng.logNormal(25_000, 0.6)))) : this.shortDwell(rng));
      tl.push("add_to_cart", { item: line.product });
      tl.pause();
    });
    const [extra] = this.alternatives(main, rng.chance(0.12) ? 1 : 0, rng);
    if (extra && extra.lifecycle !== "new") {
      tl.view(extra, this.shortDwell(rng));
      tl.push("add_to_cart", { item: extra });
      tl.pause();
      tl.push("remove_from_cart", { item: extra });
      tl.pause();
    }
    tl.push("purchase", { order });
    const events = tl.place({ end: order.ts });
    return { kind: "purchase", customer: order.customer, start: events[0]!.ts, seq, events };
  }

  hesitation(order: DraftOrder, viewed: Product, seq: number, rng: Rng): SessionDraft {
    const tl = new Timeline(rng);
    const bought = order.lines[0]!.product;
    if (rng.chance(0.6)) {
      tl.push("search", { query: queryFor(viewed, rng) });
      tl.pause();
    }
    const dwellMs = Math.round(Math.min(HESITATION.dwellMaxMs, Math.max(HESITATION.minDwellMs + 5000, rng.logNormal(HESITATION.dwellMedianMs, HESITATION.dwellSigma))));
    tl.view(viewed, dwellMs);
    tl.pause();
    for (const alt of this.alternatives(viewed, rng.between(0, 2), rng)) {
      if (alt === bought) continue;
      tl.view(alt, this.shortDwell(rng));
      tl.pause();
    }
    if (rng.chance(0.3)) {
      tl.view(viewed, this.shortDwell(rng));
      tl.pause();
    }
    order.lines.forEach((line, i) => {
      tl.view(line.product, i === 0 ? Math.round(Math.max(4000, rng.logNormal(20_000, 0.5))) : this.shortDwell(rng));
      tl.push("add_to_cart", { item: line.product });
      tl.pause();
    });
    tl.push("purchase", { order });
    const events = tl.place({ end: order.ts });
    return { kind: "hesitation", customer: order.customer, start: events[0]!.ts, seq, events, hesitation: { viewed, bought, dwellMs } };
  }
}
