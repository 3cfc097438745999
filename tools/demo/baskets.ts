/**
 * @module
 * What goes into one order: a device with the compatible accessories its family is planted with (bundles
 * first, then single slots), an accessory for a device the customer already owns, or items from the rest of the
 * range. Only accessories that pass the compatibility rules ever ride along with a device.
 */
import { promotionOn, seasonality } from "./calendar";
import { FAMILY_SLOTS, type Slot } from "./compatibility";
import type { Customers } from "./customers";
import { DEVICE_FAMILIES, FAMILY_OF_LEAF, type DeviceFamily, type DeviceModel } from "./devices";
import {
  ACCESSORY_OWNER_WEIGHTS, ACCESSORY_SLOT_WEIGHTS, ATTACH, CHARGER_FULL_SPEED_SHARE, DEVICE_WEIGHTS, EARBUDS_OFFICIAL_SHARE,
  ECOSYSTEM_BRANDS, ECOSYSTEM_LOYALTY, EXTRA_ITEM_LEAVES, EXTRA_ITEM_SHARE, ORDER_KIND_WEIGHTS, OWN_TIER_SHARE, PERSONA_BOOST,
  PERSONAS, RANGE_GROUPS, type OrderKind,
} from "./planted-plan";
import { round2, type Product } from "./product";
import type { Rng } from "../../core/random/rng";
import type { ShopIndex } from "./shop-index";
import type { WeightedTable } from "./weighted-table";

export interface OrderLine {
  product: Product;
  qty: number;
  price: number;
}

export interface DraftOrder {
  customer: number;
  ts: number;
  lines: OrderLine[];
  /** Creation order within the day; breaks timestamp ties so sorting stays deterministic. */
  seq: number;
  hasSession: boolean;
  id?: string;
}

const KINDS = Object.keys(ORDER_KIND_WEIGHTS) as OrderKind[];
const KIND_WEIGHTS = KINDS.map((k) => ORDER_KIND_WEIGHTS[k]);
const OWNER_FAMILIES = Object.keys(ACCESSORY_OWNER_WEIGHTS) as DeviceFamily[];

/** Picks an item still on sale on `day`, redrawing a few times past end-of-life items. */
export function pickOnSale(table: WeightedTable<Product> | undefined, rng: Rng, day: number): Product | undefined {
  if (!table) return undefined;
  for (let i = 0; i < 6; i++) {
    const p = table.pick(rng);
    if (p.sellUntilDay >= day) return p;
  }
  return undefined;
}

export class BasketMaker {
  private day = 0;
  private deviceWeights: number[][] = [];
  private rangeWeights: number[][] = [];
  private deviceDiscount = 0;

  constructor(private readonly index: ShopIndex, private readonly customers: Customers) {}

  /** Sets the day: seasonality and sale prices follow it. */
  startDay(day: number): void {
    this.day = day;
    this.deviceDiscount = promotionOn(day)?.deviceDiscount ?? 0;
    this.deviceWeights = PERSONAS.map((persona) => DEVICE_FAMILIES.map((f) => DEVICE_WEIGHTS[f] * (PERSONA_BOOST[persona][f] ?? 1) * seasonality(f, day)));
    this.rangeWeights = PERSONAS.map((persona) => RANGE_GROUPS.map((g) => g.weight * (PERSONA_BOOST[persona][g.key] ?? 1) * seasonality(g.key, day)));
  }

  line(product: Product, qty = 1): OrderLine {
    const discount = FAMILY_OF_LEAF[product.leaf] !== undefined && product.lifecycle === "active" ? this.deviceDiscount : 0;
    return { product, qty, price: round2(product.price * (1 - discount)) };
  }

  /** A fresh order of a random kind for the customer. */
  fresh(customer: number, rng: Rng): OrderLine[] {
    const kind = KINDS[rng.weighted(KIND_WEIGHTS)] as OrderKind;
    if (kind === "device") {
      const device = this.pickDevice(customer, DEVICE_FAMILIES[rng.weighted(this.deviceWeights[this.customers.persona[customer]!]!)]!, rng);
      if (device) return this.withDevice(customer, device, rng);
    }
    if (kind === "accessory") {
      const lines = this.accessoryOnly(customer, rng);
      if (lines.length > 0) return lines;
    }
    return this.rangeOrder(customer, rng);
  }

  pickDevice(customer: number, family: DeviceFamily, rng: Rng): Product | undefined {
    const c = this.customers;
    const persona = c.persona[customer]!;
    const eco = c.ecosystem[customer]!;
    const brand = (family === "phone" || family === "tablet" || family === "smartwatch") && eco < ECOSYSTEM_BRANDS.length && rng.chance(ECOSYSTEM_LOYALTY) ? (ECOSYSTEM_BRANDS[eco] as string) : "";
    const tier = rng.chance(OWN_TIER_SHARE) ? c.tier[customer]! : -1;
    const table = this.index.devices(family, tier, persona, brand) ?? this.index.devices(family, -1, persona, brand) ?? this.index.devices(family, -1, persona, "");
    return pickOnSale(table, rng, this.day);
  }

  /** The device plus planted accessories: bundles, then each slot on its own rate. */
  withDevice(customer: number, device: Product, rng: Rng): OrderLine[] {
    const family = FAMILY_OF_LEAF[device.leaf] as DeviceFamily;
    const model = this.index.modelOf(device) as DeviceModel;
    const plan = ATTACH[family];
    const wanted = new Set<Slot>();
    for (const bundle of plan.bundles ?? []) if (rng.chance(bundle.rate)) bundle.slots.forEach((s) => wanted.add(s));
    for (const slot of FAMILY_SLOTS[family]) if (!wanted.has(slot) && rng.chance(plan.slots[slot] ?? 0)) wanted.add(slot);
    const lines = [this.line(device)];
    for (const slot of FAMILY_SLOTS[family]) {
      if (!wanted.has(slot)) continue;
      const accessory = this.pickAccessory(model, slot, lines, rng);
      if (accessory) lines.push(this.line(accessory, this.quantity(slot, rng)));
    }
    if (rng.chance(EXTRA_ITEM_SHARE)) {
      const extra = pickOnSale(this.index.leaf(rng.pick(EXTRA_ITEM_LEAVES), this.customers.persona[customer]!), rng, this.day);
      if (extra) lines.push(this.line(extra));
    }
    this.customers.owned[family][customer] = this.index.modelIndex.get(model.slug)!;
    return lines;
  }

  private pickAccessory(model: DeviceModel, slot: Slot, lines: readonly OrderLine[], rng: Rng): Product | undefined {
    const idx = this.index;
    if (slot === "charger") {
      const full = idx.compatible(model, slot, "full-speed");
      const slow = idx.compatible(model, slot, "slow");
      return pickOnSale((full && rng.chance(CHARGER_FULL_SPEED_SHARE)) || !slow ? full : slow, rng, this.day);
    }
    if (slot === "earbuds") {
      const official = idx.compatible(model, slot, "official");
      const others = idx.compatible(model, slot, "unofficial");
      return pickOnSale((official && rng.chance(EARBUDS_OFFICIAL_SHARE)) || !others ? official : others, rng, this.day);
    }
    if (slot === "ram") {
      const board = lines.find((l) => l.product.leaf === "motherboards");
      if (board) return pickOnSale(idx.compatible(model, slot, `memory:${board.product.attrs.memory_type as string}`), rng, this.day);
    }
    return pickOnSale(idx.compatible(model, slot), rng, this.day);
  }

  private quantity(slot: Slot, rng: Rng): number {
    if (slot === "drone_battery") return rng.chance(0.3) ? 2 : 1;
    if (slot === "memory_card" || slot === "controller" || slot === "cable") return rng.chance(0.15) ? 2 : 1;
    return 1;
  }

  /** One or two accessories for a device the customer owns (or, for a new face, one they own elsewhere). */
  accessoryOnly(customer: number, rng: Rng): OrderLine[] {
    const owned = OWNER_FAMILIES.filter((f) => this.customers.owned[f][customer]! >= 0);
    const pool = owned.length > 0 ? owned : OWNER_FAMILIES;
    const family = pool[rng.weighted(pool.map((f) => ACCESSORY_OWNER_WEIGHTS[f] ?? 0))] as DeviceFamily;
    let modelIndex = this.customers.owned[family][customer]!;
    if (modelIndex < 0) {
      const device = this.pickDevice(customer, family, rng);
      if (!device) return [];
      modelIndex = this.index.modelIndex.get(device.attrs.device_model as string)!;
      this.customers.owned[family][customer] = modelIndex;
    }
    const model = this.index.models[modelIndex]!;
    const weights = ACCESSORY_SLOT_WEIGHTS[family] ?? {};
    const slots = Object.keys(weights) as Slot[];
    const lines: OrderLine[] = [];
    const used = new Set<Slot>();
    const want = rng.chance(0.25) ? 2 : 1;
    for (let attempt = 0; attempt < 4 && lines.length < want; attempt++) {
      const free = slots.filter((s) => !used.has(s));
      if (free.length === 0) break;
      const slot = free[rng.weighted(free.map((s) => weights[s] ?? 0))] as Slot;
      used.add(slot);
      const accessory = this.pickAccessory(model, slot, lines, rng);
      if (accessory) lines.push(this.line(accessory, slot === "cable" && rng.chance(0.2) ? 2 : 1));
    }
    return lines;
  }

  /** Items from the rest of the range: earbuds, smart home, monitors, peripherals... */
  rangeOrder(customer: number, rng: Rng): OrderLine[] {
    const persona = this.customers.persona[customer]!;
    const group = RANGE_GROUPS[rng.weighted(this.rangeWeights[persona]!)]!;
    const tier = rng.chance(OWN_TIER_SHARE) ? this.customers.tier[customer]! : -1;
    const table = this.index.range(group.key, tier, persona) ?? this.index.range(group.key, -1, persona);
    const first = pickOnSale(table, rng, this.day);
    if (!first) return [];
    const multi = first.leaf === "smart-plugs" || first.leaf === "smart-lighting" || first.leaf === "memory-cards";
    const lines = [this.line(first, multi && rng.chance(0.3) ? rng.between(2, 3) : 1)];
    if (rng.chance(group.second)) {
      const second = pickOnSale(this.index.range(group.key, -1, persona), rng, this.day);
      if (second && second !== first) lines.push(this.line(second));
    }
    return lines;
  }
}
