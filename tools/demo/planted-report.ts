/**
 * @module
 * Counts, while the files are written, what was actually planted in them (attach rates per device family and
 * slot, bundles, the gaming-laptop follow-up, hesitation sessions) and renders planted.json: each planted rate
 * next to the observed one, with the rule a test can recount it by.
 */
import type { DraftOrder } from "./baskets";
import { dayOf, dayStartMs, isoDate, isoSeconds, WINDOW_DAYS, WINDOW_END_MS, WINDOW_START_MS } from "./calendar";
import { LEAVES, type LeafKey } from "./category-tree";
import { chargesAtFullSpeed, FAMILY_SLOTS, SLOTS, type Slot } from "./compatibility";
import type { Customers } from "./customers";
import { DEVICE_FAMILIES, FAMILY_LEAVES, FAMILY_OF_LEAF, type DeviceFamily } from "./devices";
import { MODEL_SPECIFIC_LEAVES } from "./model-specific";
import {
  ATTACH, CHARGER_FULL_SPEED_SHARE, EARBUDS_OFFICIAL_SHARE, expectedBundleRate, expectedSlotRate, FOLLOW_UP, HESITATION,
} from "./planted-plan";
import type { Product } from "./product";
import type { SessionDraft } from "./sessions";
import type { ShopIndex } from "./shop-index";
import { slug } from "./vocabulary";

interface Tally { applicable: number; hit: number }
interface OpenLaptop { day: number; ts: number; keyboardDay: number; mouseDay: number }

const rate = (hit: number, of: number) => (of === 0 ? null : Math.round((hit / of) * 10000) / 10000);
const path = (leaf: LeafKey) => LEAVES[leaf].path;

function quantiles(values: number[]): { min: number; p10: number; median: number; p90: number; max: number } | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))] as number;
  return { min: s[0] as number, p10: q(0.1), median: q(0.5), p90: q(0.9), max: s[s.length - 1] as number };
}

export class PlantedReport {
  private readonly families = new Map<DeviceFamily, { orders: number; slots: Map<Slot, Tally>; bundles: Map<string, Tally> }>();
  private readonly models = new Map<string, { family: DeviceFamily; orders: number; top: Map<Slot, Map<Product, number>> }>();
  private readonly incompatible = { deviceOrders: 0, accessoryLines: 0, incompatibleLines: 0 };
  private readonly chargers = { orders: 0, fullSpeed: 0 };
  private readonly earbuds = { orders: 0, official: 0 };
  private readonly open = new Map<number, OpenLaptop>();
  private readonly followUp = { laptopOrders: 0, eligible: 0, converted: 0, gaps: new Array<number>(FOLLOW_UP.maxGapDays + 1).fill(0) };
  private readonly hesitation = { sessions: 0, dwell: [] as number[], ratio: [] as number[], pairs: new Map<string, { viewed: Product; bought: Product; n: number }>(), examples: [] as object[] };
  private readonly basketSizes = [0, 0, 0, 0, 0];
  private orders = 0;
  private lines = 0;
  private sessions = 0;
  private events = 0;

  constructor(private readonly index: ShopIndex) {
    for (const family of DEVICE_FAMILIES) this.families.set(family, { orders: 0, slots: new Map(), bundles: new Map() });
  }

  observeOrder(order: DraftOrder): void {
    this.orders++;
    this.lines += order.lines.length;
    this.basketSizes[Math.min(4, order.lines.length - 1)]!++;
    const devices = order.lines.filter((l) => FAMILY_OF_LEAF[l.product.leaf] !== undefined).map((l) => l.product);
    const others = order.lines.map((l) => l.product).filter((p) => FAMILY_OF_LEAF[p.leaf] === undefined);
    for (const device of devices) this.observeDevice(device, others);
    this.observeFollowUp(order);
  }

  private observeDevice(device: Product, others: readonly Product[]): void {
    const family = FAMILY_OF_LEAF[device.leaf] as DeviceFamily;
    const model = this.index.modelOf(device)!;
    const stats = this.families.get(family)!;
    stats.orders++;
    const perModel = this.models.get(model.slug) ?? { family, orders: 0, top: new Map() };
    perModel.orders++;
    this.models.set(model.slug, perModel);
    const plan = ATTACH[family];
    const hits = new Map<Slot, Product[]>();
    for (const slot of FAMILY_SLOTS[family]) {
      const tally = stats.slots.get(slot) ?? { applicable: 0, hit: 0 };
      stats.slots.set(slot, tally);
      if (!this.index.compatible(model, slot)) continue;
      tally.applicable++;
      const fitting = others.filter((a) => a.leaf === SLOTS[slot].leaf && SLOTS[slot].fits(device, a));
      hits.set(slot, fitting);
      if (fitting.length === 0) continue;
      tally.hit++;
      const top = perModel.top.get(slot) ?? new Map<Product, number>();
      for (const a of fitting) top.set(a, (top.get(a) ?? 0) + 1);
      perModel.top.set(slot, top);
    }
    for (const bundle of plan.bundles ?? []) {
      const tally = stats.bundles.get(bundle.name) ?? { applicable: 0, hit: 0 };
      stats.bundles.set(bundle.name, tally);
      if (!bundle.slots.every((s) => hits.has(s))) continue;
      tally.applicable++;
      if (bundle.slots.every((s) => hits.get(s)!.length > 0)) tally.hit++;
    }
    const slotLeaves = new Set(FAMILY_SLOTS[family].map((s) => SLOTS[s].leaf));
    this.incompatible.deviceOrders++;
    for (const a of others) {
      if (!slotLeaves.has(a.leaf)) continue;
      this.incompatible.accessoryLines++;
      if (!FAMILY_SLOTS[family].some((s) => SLOTS[s].leaf === a.leaf && SLOTS[s].fits(device, a))) this.incompatible.incompatibleLines++;
    }
    const chargers = hits.get("charger") ?? [];
    if (chargers.length > 0 && this.index.compatible(model, "charger", "full-speed") && this.index.compatible(model, "charger", "slow")) {
      this.chargers.orders++;
      if (chargers.some((c) => chargesAtFullSpeed(device, c))) this.chargers.fullSpeed++;
    }
    const buds = hits.get("earbuds");
    if (family === "phone" && buds && buds.length > 0 && this.index.compatible(model, "earbuds", "official") && this.index.compatible(model, "earbuds", "unofficial")) {
      this.earbuds.orders++;
      if (buds.some((b) => b.attrs.official_for_brand === slug(device.brand))) this.earbuds.official++;
    }
  }

  private observeFollowUp(order: DraftOrder): void {
    const day = dayOf(order.ts);
    const open = this.open.get(order.customer);
    if (open && order.ts > open.ts && day - open.day <= FOLLOW_UP.maxGapDays) {
      for (const line of order.lines) {
        if (line.product.leaf === "gaming-keyboards" && open.keyboardDay < 0) open.keyboardDay = day;
        if (line.product.leaf === "gaming-mice" && open.mouseDay < 0) open.mouseDay = day;
      }
    }
    if (order.lines.some((l) => l.product.leaf === FOLLOW_UP.triggerLeaf)) {
      if (open) this.closeLaptop(open);
      this.open.set(order.customer, { day, ts: order.ts, keyboardDay: -1, mouseDay: -1 });
    }
  }

  private closeLaptop(open: OpenLaptop): void {
    this.followUp.laptopOrders++;
    if (open.day > WINDOW_DAYS - 1 - FOLLOW_UP.maxGapDays) return;
    this.followUp.eligible++;
    if (open.keyboardDay < 0 || open.mouseDay < 0) return;
    this.followUp.converted++;
    this.followUp.gaps[Math.max(open.keyboardDay, open.mouseDay) - open.day]!++;
  }

  observeSession(session: SessionDraft): void {
    this.sessions++;
    this.events += session.events.length;
    const h = session.hesitation;
    if (!h) return;
    this.hesitation.sessions++;
    this.hesitation.dwell.push(h.dwellMs);
    const ratio = Math.round((h.bought.price / h.viewed.price) * 1000) / 1000;
    this.hesitation.ratio.push(ratio);
    const key = `${h.viewed.id}>${h.bought.id}`;
    const pair = this.hesitation.pairs.get(key) ?? { viewed: h.viewed, bought: h.bought, n: 0 };
    pair.n++;
    this.hesitation.pairs.set(key, pair);
    if (this.hesitation.examples.length < 20) {
      this.hesitation.examples.push({
        session_id: session.id, viewed: h.viewed.id, viewed_price: h.viewed.price, dwell_ms: h.dwellMs,
        bought: h.bought.id, bought_price: h.bought.price, price_ratio: ratio, order_id: session.events.at(-1)?.order?.id,
      });
    }
  }

  render(meta: { seed: number; orders: number; sessions: number; products: number }, customers: Customers): object {
    for (const open of this.open.values()) this.closeLaptop(open);
    this.open.clear();
    const products = this.index.products;
    let buyers = 0;
    let repeat = 0;
    let repeatOrders = 0;
    for (let i = 0; i < customers.count; i++) {
      const n = customers.orders[i]!;
      if (n > 0) buyers++;
      if (n > 1) {
        repeat++;
        repeatOrders += n;
      }
    }
    const attach = Object.fromEntries(DEVICE_FAMILIES.map((family) => {
      const stats = this.families.get(family)!;
      const plan = ATTACH[family];
      return [family, {
        device_categories: FAMILY_LEAVES[family].map(path),
        device_orders: stats.orders,
        slots: Object.fromEntries(FAMILY_SLOTS[family].map((slot) => {
          const t = stats.slots.get(slot) ?? { applicable: 0, hit: 0 };
          return [slot, { category: path(SLOTS[slot].leaf), rule: SLOTS[slot].rule, planted_rate: round4(expectedSlotRate(plan, slot)), applicable_orders: t.applicable, orders_with_compatible: t.hit, observed_rate: rate(t.hit, t.applicable) }];
        })),
      }];
    }));
    const bundles = Object.fromEntries(DEVICE_FAMILIES.flatMap((family) => (ATTACH[family].bundles ?? []).map((bundle) => {
      const t = this.families.get(family)!.bundles.get(bundle.name) ?? { applicable: 0, hit: 0 };
      return [bundle.name, {
        family,
        trigger_categories: FAMILY_LEAVES[family].map(path),
        components: bundle.slots.map((s) => ({ slot: s, category: path(SLOTS[s].leaf), rule: SLOTS[s].rule })),
        planted_rate: round4(expectedBundleRate(ATTACH[family], bundle)),
        trigger_orders: t.applicable,
        orders_with_all: t.hit,
        observed_rate: rate(t.hit, t.applicable),
      }];
    })));
    const byModel = [...this.models.entries()].map(([slugKey, m]) => ({
      device_model: slugKey,
      family: m.family,
      name: this.index.catalog.modelBySlug.get(slugKey)!.name,
      device_orders: m.orders,
      top: Object.fromEntries([...m.top.entries()].map(([slot, counts]) => [slot, [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].index - b[0].index).slice(0, 3).map(([p, n]) => ({ id: p.id, orders: n }))])),
    })).sort((a, b) => b.device_orders - a.device_orders || a.device_model.localeCompare(b.device_model));
    const pairs = [...this.hesitation.pairs.values()].sort((a, b) => b.n - a.n || a.viewed.index - b.viewed.index || a.bought.index - b.bought.index);
    const lastDay = WINDOW_DAYS - 1;
    return {
      generator: { name: "edgerec demo", version: 1, ...meta },
      window: { start: isoSeconds(WINDOW_START_MS), end: isoSeconds(WINDOW_END_MS), days: WINDOW_DAYS },
      counts: {
        products: products.length,
        leaf_categories: new Set(products.map((p) => p.leaf)).size,
        brands: new Set(products.map((p) => p.brand)).size,
        device_models: this.index.models.length,
        orders: this.orders,
        order_lines: this.lines,
        basket_sizes: { "1": this.basketSizes[0], "2": this.basketSizes[1], "3": this.basketSizes[2], "4": this.basketSizes[3], "5+": this.basketSizes[4] },
        customers: customers.count,
        customers_with_orders: buyers,
        repeat_customers: repeat,
        orders_from_repeat_customers_share: rate(repeatOrders, this.orders),
        sessions: this.sessions,
        events: this.events,
      },
      compatibility: {
        model_specific_categories: MODEL_SPECIFIC_LEAVES.map(path),
        model_specific_rule: "fits_models holds exactly one device_model; the accessory fits the devices with that device_model",
        slots: Object.fromEntries(Object.entries(SLOTS).map(([slot, r]) => [slot, { category: path(r.leaf), rule: r.rule }])),
      },
      attach,
      attach_notes: {
        device_order: "an order with a product of a device category; its accessories are the order's other lines",
        applicable_orders: "device orders whose device_model has at least one compatible catalog item of the slot that is not a new launch",
        planted_rate: "bundle rate b and slot rate p give b + (1 - b) p",
      },
      incompatible_cooccurrence: {
        rule: "in a device order, a line of one of the family's slot categories that fits the device by none of those slots",
        device_orders: this.incompatible.deviceOrders,
        accessory_lines_checked: this.incompatible.accessoryLines,
        incompatible_lines: this.incompatible.incompatibleLines,
      },
      charger_full_speed: { rule: "device orders with a compatible charger, for devices that have both a full-speed charger (charging wired, output_w >= device.max_charge_w) and another compatible one (slower or wireless): the share with a full-speed one", planted_share: CHARGER_FULL_SPEED_SHARE, orders_with_charger: this.chargers.orders, full_speed: this.chargers.fullSpeed, observed_share: rate(this.chargers.fullSpeed, this.chargers.orders) },
      earbuds_official: { rule: "phone orders with earbuds, for phones whose maker sells earbuds: the share with earbuds whose official_for_brand is the phone's brand slug", planted_share: EARBUDS_OFFICIAL_SHARE, phone_orders_with_earbuds: this.earbuds.orders, official: this.earbuds.official, observed_share: rate(this.earbuds.official, this.earbuds.orders) },
      bundles,
      follow_up: {
        [FOLLOW_UP.name]: {
          trigger_category: path(FOLLOW_UP.triggerLeaf),
          target_categories: FOLLOW_UP.targetLeaves.map(path),
          max_gap_days: FOLLOW_UP.maxGapDays,
          rule: "same user_id buys from every target category in orders after the trigger order (later ts), at most max_gap_days calendar days (UTC) later; counted once per trigger order, until that user's next trigger order",
          gap_definition: "calendar day (UTC) of the later of the keyboard and mouse purchases minus the laptop order's day; 0 = same day",
          eligible_definition: `trigger orders on or before ${isoDate(dayStartMs(lastDay - FOLLOW_UP.maxGapDays))} (the full gap fits in the window)`,
          planted_rate: FOLLOW_UP.rate,
          planted_gap_weights: Object.fromEntries(FOLLOW_UP.gapWeights.map((w, i) => [String(i), w])),
          trigger_orders: this.followUp.laptopOrders,
          eligible_trigger_orders: this.followUp.eligible,
          converted: this.followUp.converted,
          observed_rate: rate(this.followUp.converted, this.followUp.eligible),
          observed_gap_days: Object.fromEntries(this.followUp.gaps.map((n, i) => [String(i), n])),
        },
      },
      hesitation: {
        rule: {
          min_dwell_ms: HESITATION.minDwellMs,
          definition: "a session with a view of item X with dwell_ms >= min_dwell_ms, no add_to_cart of X, and a purchase whose carted items include an item Y of X's leaf category with a lower catalog price",
        },
        planted_session_share: HESITATION.sessionShare,
        planted_dwell_ms: { median: HESITATION.dwellMedianMs, log_sigma: HESITATION.dwellSigma, min: HESITATION.minDwellMs + 5000, max: HESITATION.dwellMaxMs },
        planted_price_ratio: HESITATION.priceRatio,
        categories: HESITATION.leaves.map(path),
        sessions: this.hesitation.sessions,
        observed_session_share: rate(this.hesitation.sessions, this.sessions),
        dwell_ms: quantiles(this.hesitation.dwell),
        price_ratio: quantiles(this.hesitation.ratio),
        pairs: pairs.slice(0, 60).map((p) => ({ viewed: p.viewed.id, bought: p.bought.id, sessions: p.n, price_ratio: Math.round((p.bought.price / p.viewed.price) * 1000) / 1000 })),
        alternatives: pairs.slice(0, 60).filter((p, i, all) => all.findIndex((q) => q.viewed === p.viewed) === i)
          .map((p) => ({ viewed: p.viewed.id, alternatives: (this.index.downSell.get(p.viewed) ?? []).map((a) => a.id) })),
        examples: this.hesitation.examples,
      },
      lifecycle: {
        new_launches: products.filter((p) => p.lifecycle === "new").map((p) => p.id),
        new_launch_rule: "lifecycle new, launched_at in the last three weeks of the window; never ordered",
        clearance: products.filter((p) => p.lifecycle === "clearance").map((p) => p.id),
        eol: products.filter((p) => p.lifecycle === "eol").map((p) => ({ id: p.id, last_sale_day: isoDate(dayStartMs(Math.min(p.sellUntilDay, lastDay))) })),
        out_of_stock: products.filter((p) => p.stock === 0 && p.lifecycle !== "eol").map((p) => p.id),
      },
      by_model: byModel,
    };
  }
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
