/**
 * Recounts, from the written files alone and with the compatibility rules as docs/catalog-attributes.md states
 * them, what planted.json says was planted, on the default demo (60,000 orders).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemo } from "./generate";

interface Row { id: string; title: string; brand: string; category: string[]; price: number; lifecycle: string; stock: number; launched_at: string; attrs: Record<string, unknown> }
interface Order { order_id: string; user_id: string; ts: string; items: { id: string; qty: number; price: number }[] }
interface Event { event_id: string; type: string; session_id: string; user_id?: string; ts: string; item_id?: string; dwell_ms?: number; query?: string; order_value?: number; order_id?: string }
interface SlotReport { category: string[]; planted_rate: number; applicable_orders: number; orders_with_compatible: number; observed_rate: number | null }
interface Planted {
  counts: Record<string, unknown>;
  attach: Record<string, { device_categories: string[][]; device_orders: number; slots: Record<string, SlotReport> }>;
  incompatible_cooccurrence: { incompatible_lines: number; device_orders: number };
  bundles: Record<string, { family: string; components: { slot: string }[]; planted_rate: number; trigger_orders: number; orders_with_all: number }>;
  follow_up: Record<string, { trigger_category: string[]; target_categories: string[][]; max_gap_days: number; planted_rate: number; trigger_orders: number; eligible_trigger_orders: number; converted: number; observed_rate: number; observed_gap_days: Record<string, number> }>;
  hesitation: { rule: { min_dwell_ms: number }; planted_session_share: number; planted_dwell_ms: { median: number }; planted_price_ratio: [number, number]; sessions: number; dwell_ms: { median: number }; pairs: { viewed: string; bought: string; sessions: number }[] };
  lifecycle: { new_launches: string[]; clearance: string[]; eol: { id: string; last_sale_day: string }[] };
  by_model: { device_model: string; family: string; device_orders: number; top: Record<string, { id: string; orders: number }[]> }[];
  window: { start: string; end: string };
}

const dir = mkdtempSync(path.join(tmpdir(), "edgerec-planted-"));
const lines = <T>(file: string): T[] => readFileSync(path.join(dir, file), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as T);
let catalog: Row[];
let byId: Map<string, Row>;
let orders: Order[];
let events: Event[];
let planted: Planted;

beforeAll(async () => {
  await generateDemo({ out: dir });
  catalog = lines<Row>("catalog.jsonl");
  byId = new Map(catalog.map((r) => [r.id, r]));
  orders = lines<Order>("orders.jsonl");
  events = lines<Event>("events.jsonl");
  planted = JSON.parse(readFileSync(path.join(dir, "planted.json"), "utf8"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
const num = (v: unknown) => (typeof v === "number" ? v : Number.NaN);
const samePath = (a: string[], b: string[]) => a.join(" > ") === b.join(" > ");
const slugOf = (brand: string) => brand.toLowerCase().replace(/\+/g, " plus ").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const tolerance = (p: number, n: number) => Math.max(0.03, 4 * Math.sqrt((p * (1 - p)) / Math.max(1, n)));

/** The rules of docs/catalog-attributes.md, written out again independently of the generator. */
type A = Record<string, unknown>;
const byModel = (d: A, x: A) => list(x.fits_models).includes(d.device_model as string);
const RULES: Record<string, (d: A, x: A) => boolean> = {
  case: byModel, screen_protector: byModel, tablet_case: byModel, tablet_protector: byModel, tablet_keyboard: byModel, drone_battery: byModel,
  charger: (d, x) => (x.charging === "wired" ? list(x.connectors).includes(d.connector as string) : x.charging === "magsafe" ? d.magsafe === true : d.wireless_charging === true),
  cable: (d, x) => list(x.connectors).includes(d.connector as string),
  power_bank: (d, x) => list(x.connectors).includes(d.connector as string) || (x.magsafe === true && d.magsafe === true),
  earbuds: (d, x) => x.wireless === true || list(x.connectors).includes(d.connector as string),
  stylus: (d, x) => list(d.stylus_support).includes(x.stylus_protocol as string),
  laptop_bag: (d, x) => num(x.fits_screen_in_min) <= num(d.screen_in) && num(d.screen_in) <= num(x.fits_screen_in_max),
  mouse: () => true,
  dock: (d, x) => list(d.ports).includes(x.host_connector as string),
  memory_card: (d, x) => typeof d.card_type === "string" && d.card_type === x.card_type,
  camera_bag: () => true,
  lens: (d, x) => d.lens_mount === x.lens_mount,
  tripod: () => true,
  watch_band: (d, x) => d.band_fit === x.band_fit,
  controller: (d, x) => list(x.platforms).includes(d.platform as string),
  gaming_headset: (d, x) => list(x.platforms).includes(d.platform as string),
  motherboard: (d, x) => d.socket === x.socket && list(d.memory_types).includes(x.memory_type as string),
  ram: (d, x) => list(d.memory_types).includes(x.memory_type as string),
  cpu_cooler: (d, x) => list(x.sockets).includes(d.socket as string),
  psu: (d, x) => num(x.output_w) >= num(d.psu_w_min),
};

describe("default demo: size and shape", () => {
  it("has at least 50,000 orders over at least six months, in time order, from repeat customers", () => {
    expect(orders.length).toBe(60_000);
    expect(new Set(orders.map((o) => o.order_id)).size).toBe(orders.length);
    const first = Date.parse(orders[0]!.ts);
    const last = Date.parse(orders.at(-1)!.ts);
    expect(last - first).toBeGreaterThan(183 * DAY);
    expect(first).toBeGreaterThanOrEqual(Date.parse(planted.window.start));
    expect(last).toBeLessThanOrEqual(Date.parse(planted.window.end));
    for (let i = 1; i < orders.length; i++) if (orders[i]!.ts < orders[i - 1]!.ts) throw new Error(`orders out of time order at ${orders[i]!.order_id}`);
    const perUser = new Map<string, number>();
    for (const o of orders) perUser.set(o.user_id, (perUser.get(o.user_id) ?? 0) + 1);
    const fromRepeat = orders.filter((o) => perUser.get(o.user_id)! > 1).length;
    expect(fromRepeat / orders.length).toBeGreaterThan(0.6);
  });

  it("references only catalog products, with positive quantities and prices", () => {
    const bad = orders.filter((o) => o.items.length === 0 || o.items.some((i) => !byId.has(i.id) || !(i.qty >= 1) || !(i.price > 0)));
    expect(bad.map((o) => o.order_id)).toEqual([]);
  });

  it("has realistic baskets: mostly single items, accessories often alone, devices often with accessories", () => {
    const single = orders.filter((o) => o.items.length === 1);
    expect(single.length / orders.length).toBeGreaterThan(0.45);
    expect(single.length / orders.length).toBeLessThan(0.85);
    const isDevice = (id: string) => byId.get(id)!.attrs.device_model !== undefined;
    const deviceOrders = orders.filter((o) => o.items.some((i) => isDevice(i.id)));
    const withAccessory = deviceOrders.filter((o) => o.items.length > 1);
    expect(withAccessory.length / deviceOrders.length).toBeGreaterThan(0.4);
    const accessoryOnly = orders.filter((o) => o.items.every((i) => list(byId.get(i.id)!.attrs.fits_models).length > 0));
    expect(accessoryOnly.length).toBeGreaterThan(2000);
  });

  it("never sells a new launch, nor an end-of-life item after its last sale day", () => {
    const newOnes = new Set(catalog.filter((r) => r.lifecycle === "new").map((r) => r.id));
    expect(new Set(planted.lifecycle.new_launches)).toEqual(newOnes);
    expect(new Set(planted.lifecycle.clearance)).toEqual(new Set(catalog.filter((r) => r.lifecycle === "clearance").map((r) => r.id)));
    const lastDay = new Map(planted.lifecycle.eol.map((e) => [e.id, e.last_sale_day]));
    for (const o of orders) {
      for (const item of o.items) {
        if (newOnes.has(item.id)) throw new Error(`new launch ${item.id} ordered in ${o.order_id}`);
        const until = lastDay.get(item.id);
        if (until !== undefined && o.ts.slice(0, 10) > until) throw new Error(`eol ${item.id} sold on ${o.ts} after ${until}`);
      }
    }
  });

  it("writes events in the contract, purchases tied to real orders", () => {
    const types = new Set(["view", "search", "add_to_cart", "remove_from_cart", "purchase"]);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    const orderById = new Map(orders.map((o) => [o.order_id, o]));
    const problems: string[] = [];
    let purchases = 0;
    for (const e of events) {
      if (!types.has(e.type)) problems.push(`${e.event_id}: type ${e.type}`);
      if (e.type === "view" && !(e.dwell_ms! > 0)) problems.push(`${e.event_id}: view without dwell_ms`);
      if (e.type === "search" && !e.query) problems.push(`${e.event_id}: search without query`);
      if (e.item_id !== undefined && !byId.has(e.item_id)) problems.push(`${e.event_id}: unknown item ${e.item_id}`);
      if (e.type !== "purchase") continue;
      purchases++;
      const order = orderById.get(e.order_id!);
      if (!order) {
        problems.push(`${e.event_id}: unknown order ${e.order_id}`);
        continue;
      }
      if (e.ts !== order.ts || e.user_id !== order.user_id) problems.push(`${e.event_id}: ts/user differ from ${order.order_id}`);
      const value = order.items.reduce((sum, i) => sum + i.qty * i.price, 0);
      if (Math.abs(e.order_value! - value) > 0.005) problems.push(`${e.event_id}: order_value ${e.order_value} != ${value}`);
    }
    expect(problems).toEqual([]);
    expect(purchases).toBeGreaterThan(3000);
    for (let i = 1; i < events.length; i++) if (events[i]!.ts < events[i - 1]!.ts) throw new Error(`events out of time order at ${events[i]!.event_id}`);
  });
});

describe("default demo: planted accessory attach", () => {
  const deviceOrders = () => {
    const familyOf = new Map<string, string>();
    for (const [family, a] of Object.entries(planted.attach)) for (const c of a.device_categories) familyOf.set(c.join(" > "), family);
    return orders.flatMap((o) => {
      const rows = o.items.map((i) => byId.get(i.id)!);
      return rows.filter((r) => familyOf.has(r.category.join(" > "))).map((device) => ({ order: o, device, family: familyOf.get(device.category.join(" > "))!, others: rows.filter((r) => !familyOf.has(r.category.join(" > "))) }));
    });
  };

  it("recounts every family's slot rates from the files, and they match what was planted", () => {
    const found = deviceOrders();
    const sellable = catalog.filter((r) => r.lifecycle !== "new");
    for (const [family, report] of Object.entries(planted.attach)) {
      const mine = found.filter((f) => f.family === family);
      expect(mine.length, family).toBe(report.device_orders);
      expect(mine.length, family).toBeGreaterThan(300);
      for (const [slot, s] of Object.entries(report.slots)) {
        const rule = RULES[slot]!;
        let applicable = 0;
        let hit = 0;
        const exists = new Map<string, boolean>();
        for (const { device, others } of mine) {
          const key = device.attrs.device_model as string;
          if (!exists.has(key)) exists.set(key, sellable.some((x) => samePath(x.category, s.category) && rule(device.attrs, x.attrs)));
          if (!exists.get(key)) continue;
          applicable++;
          if (others.some((x) => samePath(x.category, s.category) && rule(device.attrs, x.attrs))) hit++;
        }
        expect([applicable, hit], `${family}.${slot}`).toEqual([s.applicable_orders, s.orders_with_compatible]);
        expect(Math.abs(hit / applicable - s.planted_rate), `${family}.${slot} ${hit}/${applicable} vs ${s.planted_rate}`).toBeLessThan(tolerance(s.planted_rate, applicable));
      }
    }
  });

  it("never puts an incompatible accessory next to a device", () => {
    let incompatible = 0;
    for (const { device, family, others } of deviceOrders()) {
      const slots = Object.entries(planted.attach[family]!.slots);
      for (const x of others) {
        const candidates = slots.filter(([, s]) => samePath(s.category, x.category));
        if (candidates.length > 0 && !candidates.some(([slot]) => RULES[slot]!(device.attrs, x.attrs))) incompatible++;
      }
    }
    expect(incompatible).toBe(0);
    expect(planted.incompatible_cooccurrence.incompatible_lines).toBe(0);
  });

  it("names, per phone model, a top case that fits that very model", () => {
    const phones = planted.by_model.filter((m) => m.family === "phone" && m.device_orders >= 100);
    expect(phones.length).toBeGreaterThan(10);
    for (const m of phones) {
      const topCase = m.top.case?.[0];
      expect(topCase, m.device_model).toBeDefined();
      expect(list(byId.get(topCase!.id)!.attrs.fits_models)).toEqual([m.device_model]);
    }
  });

  it("recounts the scenario bundles (camera kit, drone kit, PC build)", () => {
    expect(Object.keys(planted.bundles).sort()).toEqual(["camera_kit", "drone_kit", "pc_build"]);
    const found = deviceOrders();
    for (const [name, b] of Object.entries(planted.bundles)) {
      const slots = planted.attach[b.family]!.slots;
      const mine = found.filter((f) => f.family === b.family);
      const all = mine.filter(({ device, others }) => b.components.every(({ slot }) => others.some((x) => samePath(x.category, slots[slot]!.category) && RULES[slot]!(device.attrs, x.attrs))));
      expect([mine.length, all.length], name).toEqual([b.trigger_orders, b.orders_with_all]);
      expect(Math.abs(all.length / mine.length - b.planted_rate), name).toBeLessThan(tolerance(b.planted_rate, mine.length));
    }
    const builds = found.filter((f) => f.family === "cpu");
    for (const { device, others } of builds) {
      const board = others.find((x) => x.attrs.kind === "motherboard");
      const ram = others.filter((x) => x.attrs.kind === "ram");
      if (board) for (const r of ram) expect(r.attrs.memory_type, device.id).toBe(board.attrs.memory_type);
    }
  });
});

describe("default demo: gaming laptop -> keyboard and mouse follow-up", () => {
  it("recounts the follow-up rate and day gaps from orders.jsonl", () => {
    const plan = planted.follow_up.gaming_laptop_peripherals!;
    const start = Date.parse(planted.window.start);
    const dayOf = (ts: string) => Math.floor((Date.parse(ts) - start) / DAY);
    const lastDay = dayOf(planted.window.end);
    const catOf = (id: string) => byId.get(id)!.category.join(" > ");
    const [keyboards, mice] = plan.target_categories.map((c) => c.join(" > "));
    const trigger = plan.trigger_category.join(" > ");
    const open = new Map<string, { day: number; ts: string; kb: number; mouse: number }>();
    let triggers = 0;
    let eligible = 0;
    let converted = 0;
    const gaps = new Map<number, number>();
    const close = (o: { day: number; kb: number; mouse: number }) => {
      triggers++;
      if (o.day > lastDay - plan.max_gap_days) return;
      eligible++;
      if (o.kb < 0 || o.mouse < 0) return;
      converted++;
      const gap = Math.max(o.kb, o.mouse) - o.day;
      gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    };
    for (const o of orders) {
      const day = dayOf(o.ts);
      const current = open.get(o.user_id);
      if (current && o.ts > current.ts && day - current.day <= plan.max_gap_days) {
        if (current.kb < 0 && o.items.some((i) => catOf(i.id) === keyboards)) current.kb = day;
        if (current.mouse < 0 && o.items.some((i) => catOf(i.id) === mice)) current.mouse = day;
      }
      if (o.items.some((i) => catOf(i.id) === trigger)) {
        if (current) close(current);
        open.set(o.user_id, { day, ts: o.ts, kb: -1, mouse: -1 });
      }
    }
    for (const o of open.values()) close(o);
    expect([triggers, eligible, converted]).toEqual([plan.trigger_orders, plan.eligible_trigger_orders, plan.converted]);
    expect(Object.fromEntries([...gaps].map(([g, n]) => [String(g), n]))).toEqual(Object.fromEntries(Object.entries(plan.observed_gap_days).filter(([, n]) => n > 0)));
    expect(eligible).toBeGreaterThan(500);
    expect(Math.abs(converted / eligible - plan.planted_rate)).toBeLessThan(tolerance(plan.planted_rate, eligible));
    expect((gaps.get(0) ?? 0) + (gaps.get(1) ?? 0)).toBeGreaterThan(converted * 0.2);
    expect([...gaps.keys()].every((g) => g >= 0 && g <= plan.max_gap_days)).toBe(true);
  });
});

describe("default demo: hesitation sessions", () => {
  it("finds the hesitation sessions by the stated rule: long dwell, no cart, a cheaper item of the same category bought", () => {
    const rule = planted.hesitation.rule;
    const sessions = new Map<string, Event[]>();
    for (const e of events) sessions.set(e.session_id, [...(sessions.get(e.session_id) ?? []), e]);
    const dwell: number[] = [];
    const ratios: number[] = [];
    let found = 0;
    for (const evs of sessions.values()) {
      if (!evs.some((e) => e.type === "purchase")) continue;
      const carted = new Set(evs.filter((e) => e.type === "add_to_cart").map((e) => e.item_id!));
      for (const e of evs) if (e.type === "remove_from_cart") carted.delete(e.item_id!);
      const everCarted = new Set(evs.filter((e) => e.type === "add_to_cart").map((e) => e.item_id!));
      const long = evs.filter((e) => e.type === "view" && e.dwell_ms! >= rule.min_dwell_ms && !everCarted.has(e.item_id!));
      const hit = long.find((v) => {
        const x = byId.get(v.item_id!)!;
        return [...carted].some((id) => samePath(byId.get(id)!.category, x.category) && byId.get(id)!.price < x.price);
      });
      if (!hit) continue;
      found++;
      dwell.push(hit.dwell_ms!);
      const x = byId.get(hit.item_id!)!;
      const y = [...carted].map((id) => byId.get(id)!).find((r) => samePath(r.category, x.category) && r.price < x.price)!;
      ratios.push(y.price / x.price);
    }
    expect(found).toBe(planted.hesitation.sessions);
    expect(found).toBeGreaterThan(500);
    expect(Math.abs(found / sessions.size - planted.hesitation.planted_session_share)).toBeLessThan(0.015);
    dwell.sort((a, b) => a - b);
    const median = dwell[Math.floor(dwell.length / 2)]!;
    expect(median / planted.hesitation.planted_dwell_ms.median).toBeGreaterThan(0.8);
    expect(median / planted.hesitation.planted_dwell_ms.median).toBeLessThan(1.25);
    const [lo, hi] = planted.hesitation.planted_price_ratio;
    for (const r of ratios) expect(r >= lo - 0.001 && r <= hi + 0.001, String(r)).toBe(true);
  });

  it("repeats down-sell pairs often enough to be learned", () => {
    const top = planted.hesitation.pairs[0]!;
    expect(top.sessions).toBeGreaterThanOrEqual(5);
    expect(byId.get(top.bought)!.price).toBeLessThan(byId.get(top.viewed)!.price);
    expect(samePath(byId.get(top.bought)!.category, byId.get(top.viewed)!.category)).toBe(true);
  });
});

describe("default demo: brand-official accessories", () => {
  it("sells mostly the maker's own case with Apple and Samsung phones", () => {
    for (const brand of ["Apple", "Samsung"]) {
      const models = planted.by_model.filter((m) => m.family === "phone" && m.device_model.startsWith(slugOf(brand)) && m.top.case);
      const official = models.filter((m) => byId.get(m.top.case![0]!.id)!.attrs.official_for_brand === slugOf(brand));
      expect(official.length / models.length, brand).toBeGreaterThan(0.5);
    }
  });
});
