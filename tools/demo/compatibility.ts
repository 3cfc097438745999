/**
 * @module
 * Which accessory fits which device, slot by slot. These are the rules docs/catalog-attributes.md states; the
 * generator plants only accessories that pass them, and counts what it wrote with the same rules.
 */
import type { LeafKey } from "./category-tree";
import type { DeviceFamily } from "./devices";
import type { Product } from "./product";

export type Slot =
  | "case" | "screen_protector" | "charger" | "cable" | "power_bank" | "earbuds"
  | "tablet_case" | "tablet_protector" | "tablet_keyboard" | "stylus"
  | "laptop_bag" | "mouse" | "dock"
  | "memory_card" | "camera_bag" | "lens" | "tripod" | "drone_battery"
  | "watch_band" | "controller" | "gaming_headset"
  | "motherboard" | "ram" | "cpu_cooler" | "psu";

const list = (p: Product, key: string): readonly string[] => (Array.isArray(p.attrs[key]) ? (p.attrs[key] as readonly string[]) : []);
const str = (p: Product, key: string): string | undefined => (typeof p.attrs[key] === "string" ? (p.attrs[key] as string) : undefined);
const num = (p: Product, key: string): number => (typeof p.attrs[key] === "number" ? (p.attrs[key] as number) : Number.NaN);

const byModel = (device: Product, acc: Product) => list(acc, "fits_models").includes(str(device, "device_model") ?? "");
const byConnector = (device: Product, acc: Product) => list(acc, "connectors").includes(str(device, "connector") ?? "");
const always = () => true;

export interface SlotRule {
  leaf: LeafKey;
  fits(device: Product, accessory: Product): boolean;
  /** One line for the docs and planted.json. */
  rule: string;
}

export const SLOTS: Record<Slot, SlotRule> = {
  case: { leaf: "phone-cases", fits: byModel, rule: "accessory.fits_models contains device.device_model" },
  screen_protector: { leaf: "screen-protectors", fits: byModel, rule: "accessory.fits_models contains device.device_model" },
  tablet_case: { leaf: "tablet-cases", fits: byModel, rule: "accessory.fits_models contains device.device_model" },
  tablet_protector: { leaf: "tablet-protectors", fits: byModel, rule: "accessory.fits_models contains device.device_model" },
  tablet_keyboard: { leaf: "tablet-keyboards", fits: byModel, rule: "accessory.fits_models contains device.device_model" },
  drone_battery: { leaf: "drone-batteries", fits: byModel, rule: "accessory.fits_models contains device.device_model" },
  charger: {
    leaf: "chargers",
    fits: (d, a) => {
      const charging = str(a, "charging");
      if (charging === "magsafe") return d.attrs.magsafe === true;
      if (charging === "qi") return d.attrs.wireless_charging === true;
      return byConnector(d, a);
    },
    rule: "charging=wired: accessory.connectors contains device.connector; charging=magsafe: device.magsafe; charging=qi: device.wireless_charging",
  },
  cable: { leaf: "cables", fits: byConnector, rule: "accessory.connectors contains device.connector" },
  power_bank: {
    leaf: "power-banks",
    fits: (d, a) => byConnector(d, a) || (a.attrs.magsafe === true && d.attrs.magsafe === true),
    rule: "accessory.connectors contains device.connector, or accessory.magsafe and device.magsafe",
  },
  earbuds: { leaf: "earbuds", fits: (d, a) => a.attrs.wireless === true || byConnector(d, a), rule: "accessory.wireless, or accessory.connectors contains device.connector" },
  stylus: { leaf: "styluses", fits: (d, a) => list(d, "stylus_support").includes(str(a, "stylus_protocol") ?? ""), rule: "device.stylus_support contains accessory.stylus_protocol" },
  laptop_bag: {
    leaf: "laptop-bags",
    fits: (d, a) => num(a, "fits_screen_in_min") <= num(d, "screen_in") && num(d, "screen_in") <= num(a, "fits_screen_in_max"),
    rule: "accessory.fits_screen_in_min <= device.screen_in <= accessory.fits_screen_in_max",
  },
  mouse: { leaf: "mice", fits: always, rule: "any (Bluetooth / USB receiver)" },
  dock: { leaf: "docks", fits: (d, a) => list(d, "ports").includes(str(a, "host_connector") ?? ""), rule: "device.ports contains accessory.host_connector" },
  memory_card: { leaf: "memory-cards", fits: (d, a) => str(d, "card_type") !== undefined && str(d, "card_type") === str(a, "card_type"), rule: "accessory.card_type == device.card_type" },
  camera_bag: { leaf: "camera-bags", fits: always, rule: "any camera" },
  lens: { leaf: "lenses", fits: (d, a) => str(a, "lens_mount") === str(d, "lens_mount"), rule: "accessory.lens_mount == device.lens_mount" },
  tripod: { leaf: "tripods", fits: always, rule: "any camera" },
  watch_band: { leaf: "watch-bands", fits: (d, a) => str(a, "band_fit") === str(d, "band_fit"), rule: "accessory.band_fit == device.band_fit" },
  controller: { leaf: "controllers", fits: (d, a) => list(a, "platforms").includes(str(d, "platform") ?? ""), rule: "accessory.platforms contains device.platform" },
  gaming_headset: { leaf: "gaming-headsets", fits: (d, a) => list(a, "platforms").includes(str(d, "platform") ?? ""), rule: "accessory.platforms contains device.platform" },
  motherboard: {
    leaf: "motherboards",
    fits: (d, a) => str(a, "socket") === str(d, "socket") && list(d, "memory_types").includes(str(a, "memory_type") ?? ""),
    rule: "accessory.socket == device.socket and device.memory_types contains accessory.memory_type",
  },
  ram: { leaf: "ram", fits: (d, a) => list(d, "memory_types").includes(str(a, "memory_type") ?? ""), rule: "device.memory_types contains accessory.memory_type" },
  cpu_cooler: { leaf: "cpu-coolers", fits: (d, a) => list(a, "sockets").includes(str(d, "socket") ?? ""), rule: "accessory.sockets contains device.socket" },
  psu: { leaf: "psus", fits: (d, a) => num(a, "output_w") >= num(d, "psu_w_min"), rule: "accessory.output_w >= device.psu_w_min" },
};

export const SLOT_NAMES = Object.keys(SLOTS) as Slot[];

/** The slots each device family's orders are planted with, in order. */
export const FAMILY_SLOTS: Record<DeviceFamily, readonly Slot[]> = {
  phone: ["case", "screen_protector", "charger", "earbuds", "power_bank", "cable"],
  tablet: ["tablet_case", "tablet_protector", "tablet_keyboard", "stylus", "charger"],
  laptop: ["laptop_bag", "mouse", "dock", "charger"],
  gaming_laptop: ["laptop_bag"],
  camera: ["memory_card", "camera_bag", "lens", "tripod"],
  action_camera: ["memory_card"],
  drone: ["drone_battery", "memory_card"],
  smartwatch: ["watch_band"],
  console: ["controller", "gaming_headset", "memory_card"],
  cpu: ["motherboard", "ram", "cpu_cooler"],
  gpu: ["psu"],
};

/** "Full speed": a wired charger that delivers at least what the device can take. */
export function chargesAtFullSpeed(device: Product, charger: Product): boolean {
  return charger.attrs.charging === "wired" && num(charger, "output_w") >= num(device, "max_charge_w");
}
