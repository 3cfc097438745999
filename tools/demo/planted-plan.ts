/**
 * @module
 * The behaviour the generator plants, as numbers: what shoppers buy, which accessories ride along with a
 * device, the gaming-laptop follow-up, hesitation sessions. planted.json reports each of these next to what the
 * written files actually contain.
 */
import type { LeafKey } from "./category-tree";
import type { Slot } from "./compatibility";
import type { DeviceFamily } from "./devices";
import type { Scenario } from "./vocabulary";

export interface AttachPlan {
  /** Probability that a device order carries a compatible accessory of the slot (on top of bundles). */
  slots: Partial<Record<Slot, number>>;
  bundles?: readonly { name: string; slots: readonly Slot[]; rate: number }[];
}

export const ATTACH: Record<DeviceFamily, AttachPlan> = {
  phone: { slots: { case: 0.42, screen_protector: 0.32, charger: 0.16, earbuds: 0.1, power_bank: 0.05, cable: 0.07 } },
  tablet: { slots: { tablet_case: 0.4, tablet_protector: 0.22, tablet_keyboard: 0.15, stylus: 0.18, charger: 0.06 } },
  laptop: { slots: { laptop_bag: 0.22, mouse: 0.2, dock: 0.1, charger: 0.04 } },
  gaming_laptop: { slots: { laptop_bag: 0.14 } },
  camera: { slots: { memory_card: 0.4, camera_bag: 0.1, lens: 0.18, tripod: 0.06 }, bundles: [{ name: "camera_kit", slots: ["memory_card", "camera_bag"], rate: 0.22 }] },
  action_camera: { slots: { memory_card: 0.55 } },
  drone: { slots: { drone_battery: 0.3, memory_card: 0.25 }, bundles: [{ name: "drone_kit", slots: ["drone_battery", "memory_card"], rate: 0.3 }] },
  smartwatch: { slots: { watch_band: 0.28 } },
  console: { slots: { controller: 0.45, gaming_headset: 0.12, memory_card: 0.3 } },
  cpu: { slots: { motherboard: 0.25, ram: 0.2, cpu_cooler: 0.25 }, bundles: [{ name: "pc_build", slots: ["motherboard", "ram"], rate: 0.35 }] },
  gpu: { slots: { psu: 0.22 } },
};

/** Expected share of applicable device orders that carry the slot: bundle rate b, slot rate p -> b + (1-b)p. */
export function expectedSlotRate(plan: AttachPlan, slot: Slot): number {
  const p = plan.slots[slot] ?? 0;
  const b = plan.bundles?.find((x) => x.slots.includes(slot))?.rate ?? 0;
  return b + (1 - b) * p;
}

/** Expected share of device orders that carry every slot of the bundle. */
export function expectedBundleRate(plan: AttachPlan, bundle: { slots: readonly Slot[]; rate: number }): number {
  return bundle.rate + (1 - bundle.rate) * bundle.slots.reduce((acc, s) => acc * (plan.slots[s] ?? 0), 1);
}

/** Charger choice inside a device order. */
export const CHARGER_FULL_SPEED_SHARE = 0.85;
/** Earbuds choice inside a phone order: the phone maker's own, where it makes some. */
export const EARBUDS_OFFICIAL_SHARE = 0.6;
/** Weight multiplier for an accessory made by the device's maker. */
export const OFFICIAL_BOOST = 2.5;
/** Weight multiplier for an accessory made by another device maker (an Apple charger for a Galaxy). */
export const OTHER_MAKER_FACTOR = 0.2;

export const FOLLOW_UP = {
  name: "gaming_laptop_peripherals",
  triggerLeaf: "gaming-laptops" as LeafKey,
  targetLeaves: ["gaming-keyboards", "gaming-mice"] as readonly LeafKey[],
  rate: 0.45,
  maxGapDays: 14,
  /** Weight of each gap in days (calendar days after the laptop's order, UTC); 0 = a later order the same day. */
  gapWeights: [0.22, 0.18, 0.12, 0.1, 0.07, 0.06, 0.05, 0.05, 0.03, 0.025, 0.025, 0.02, 0.02, 0.02, 0.015],
  /** Share of follow-ups split into two orders (keyboard and mouse on different days). */
  splitShare: 0.2,
  headsetShare: 0.25,
  mousePadShare: 0.2,
};

export const HESITATION = {
  /** Share of browsing sessions that are hesitations. */
  sessionShare: 0.07,
  /** A view at least this long, with no add_to_cart of the item, is a "long dwell". */
  minDwellMs: 30_000,
  dwellMedianMs: 95_000,
  dwellSigma: 0.5,
  dwellMaxMs: 600_000,
  /** The cheaper item costs this fraction of the viewed one (catalog prices). */
  priceRatio: [0.45, 0.85] as const,
  /** How often the shopper ends on the best-matching alternative, the second, the third. */
  alternativeWeights: [0.7, 0.2, 0.1],
  leaves: ["smartphones", "tablets", "gaming-laptops", "ultrabooks", "everyday-laptops", "two-in-one-laptops", "mirrorless", "drones", "smartwatches", "headphones", "earbuds", "gaming-monitors", "office-monitors", "robot-vacuums", "action-cameras", "speakers"] as readonly LeafKey[],
};

export const SESSIONS = {
  purchaseShare: 0.28,
  browseLoggedInShare: 0.45,
  /** Ordinary (non-hesitation) views of items that are not bought stay under HESITATION.minDwellMs. */
  shortDwellMedianMs: 9_000,
};

export type OrderKind = "device" | "accessory" | "range";
export const ORDER_KIND_WEIGHTS: Record<OrderKind, number> = { device: 0.36, accessory: 0.3, range: 0.34 };

export const DEVICE_WEIGHTS: Record<DeviceFamily, number> = {
  phone: 0.39, tablet: 0.1, laptop: 0.15, gaming_laptop: 0.06, camera: 0.045, action_camera: 0.03, drone: 0.025, smartwatch: 0.085, console: 0.055, cpu: 0.03, gpu: 0.03,
};

/** Stand-alone shopping: groups of leaves bought without a device, and the chance of a second item from the group. */
export const RANGE_GROUPS: readonly { key: string; leaves: readonly LeafKey[]; weight: number; second: number }[] = [
  { key: "earbuds", leaves: ["earbuds"], weight: 0.14, second: 0.03 },
  { key: "headphones", leaves: ["headphones"], weight: 0.08, second: 0.02 },
  { key: "speakers", leaves: ["speakers", "soundbars"], weight: 0.09, second: 0.05 },
  { key: "monitors", leaves: ["gaming-monitors", "office-monitors"], weight: 0.08, second: 0.08 },
  { key: "smart-home", leaves: ["smart-speakers", "smart-plugs", "security-cameras", "smart-lighting", "thermostats", "robot-vacuums"], weight: 0.14, second: 0.35 },
  { key: "computer-accessories", leaves: ["mice", "keyboards", "webcams", "external-storage", "docks"], weight: 0.12, second: 0.2 },
  { key: "gaming-peripherals", leaves: ["gaming-keyboards", "gaming-mice", "gaming-headsets", "mouse-pads"], weight: 0.08, second: 0.25 },
  { key: "components", leaves: ["ram", "ssds", "psus", "cpu-coolers", "motherboards"], weight: 0.08, second: 0.2 },
  { key: "fitness", leaves: ["fitness-trackers", "smart-rings"], weight: 0.035, second: 0.02 },
  { key: "vr", leaves: ["vr-headsets"], weight: 0.015, second: 0 },
  { key: "storage-cards", leaves: ["memory-cards"], weight: 0.04, second: 0.15 },
  { key: "power", leaves: ["power-banks"], weight: 0.03, second: 0.05 },
];

/** Leaves an unrelated extra item in a device order may come from: none of them is a planted slot. */
export const EXTRA_ITEM_LEAVES: readonly LeafKey[] = ["smart-plugs", "smart-lighting", "smart-speakers", "speakers", "fitness-trackers"];
export const EXTRA_ITEM_SHARE = 0.06;

/** Accessory-only orders: which slot, for a device the customer owns. */
export const ACCESSORY_SLOT_WEIGHTS: Partial<Record<DeviceFamily, Partial<Record<Slot, number>>>> = {
  phone: { case: 0.3, screen_protector: 0.22, charger: 0.16, cable: 0.14, power_bank: 0.1, earbuds: 0.08 },
  tablet: { tablet_case: 0.4, tablet_protector: 0.25, stylus: 0.2, tablet_keyboard: 0.15 },
  laptop: { laptop_bag: 0.3, mouse: 0.3, dock: 0.25, charger: 0.15 },
  gaming_laptop: { laptop_bag: 1 },
  camera: { lens: 0.35, memory_card: 0.35, camera_bag: 0.15, tripod: 0.15 },
  action_camera: { memory_card: 1 },
  drone: { drone_battery: 0.6, memory_card: 0.4 },
  smartwatch: { watch_band: 1 },
  console: { controller: 0.7, gaming_headset: 0.2, memory_card: 0.1 },
};
export const ACCESSORY_OWNER_WEIGHTS: Partial<Record<DeviceFamily, number>> = {
  phone: 0.62, tablet: 0.08, laptop: 0.08, gaming_laptop: 0.02, camera: 0.06, action_camera: 0.02, drone: 0.03, smartwatch: 0.05, console: 0.04,
};

export type Persona = "general" | Scenario;
export const PERSONAS: readonly Persona[] = ["general", "gaming", "travel", "photography", "home-office", "outdoor"];
export const PERSONA_SHARES = [0.35, 0.15, 0.12, 0.08, 0.18, 0.12];
/** Demand multipliers per persona, keyed by device family or range group. */
export const PERSONA_BOOST: Record<Persona, Record<string, number>> = {
  general: {},
  gaming: { gaming_laptop: 3, console: 2, gpu: 2.5, cpu: 2, "gaming-peripherals": 2.5, monitors: 1.5, vr: 2, components: 2 },
  travel: { earbuds: 1.6, headphones: 1.8, power: 2, action_camera: 1.5, laptop: 1.2, speakers: 1.2 },
  photography: { camera: 4, action_camera: 2, drone: 2.5, "storage-cards": 2 },
  "home-office": { laptop: 1.8, monitors: 1.8, "computer-accessories": 2, "smart-home": 1.3 },
  outdoor: { smartwatch: 2, action_camera: 2, drone: 1.5, speakers: 1.8, fitness: 2, power: 1.5 },
};
/** Weight multiplier for a product that carries the shopper's persona as a scenario. */
export const SCENARIO_BOOST = 2.5;
/** Probability a shopper buys in their own tier (flagship / mid / budget) when a family offers it. */
export const OWN_TIER_SHARE = 0.6;
export const TIER_SHARES = [0.25, 0.45, 0.3];
/** Phone ecosystems: Apple, Samsung, Google, other. Loyal shoppers pick their ecosystem's brand. */
export const ECOSYSTEM_SHARES = [0.38, 0.3, 0.08, 0.24];
export const ECOSYSTEM_BRANDS = ["Apple", "Samsung", "Google"];
export const ECOSYSTEM_LOYALTY = 0.75;
