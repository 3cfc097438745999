/**
 * @module
 * Does accessory X fit device Y? The 25 slot rules of docs/catalog-attributes.md, written as what a device
 * *provides* (tokens such as `conn:usb-c`, `model:apple-iphone-17`, numeric measures such as a laptop's screen
 * size) and what an accessory *requires* (conditions, all of which must hold: a token from a set, or a measure in
 * a range). The same profiles drive the pairwise check here, the build's list filtering and the compact token
 * index the edge checks carts with (`compat-index.ts`).
 *
 *   X fits Y  <=>  requirement(X) is undefined  or  every condition of requirement(X) holds on provides(Y)
 *
 * Wired earphones need a device that plays audio through its port (`audio:wired`: phones, tablets, laptops; a
 * camera's USB-C port charges but plays no music). An accessory kind without a rule (earbuds without a cable,
 * speakers, mice) has no requirement and is never
 * "incompatible"; neither is an accessory whose rule key is missing from its record (nothing to check).
 */
import { type Attrs, attrList, attrNumber, attrString, attrTrue, type CatalogItem, isLaptopKind } from "./attributes";

const FIT_SLOTS = [
  "case", "screen_protector", "tablet_case", "tablet_protector", "tablet_keyboard", "drone_battery",
  "charger", "cable", "power_bank", "earbuds", "stylus", "laptop_bag", "mouse", "dock",
  "memory_card", "camera_bag", "lens", "tripod", "watch_band", "controller", "gaming_headset",
  "motherboard", "ram", "cpu_cooler", "psu",
] as const;
export type FitSlot = (typeof FIT_SLOTS)[number];

/** Accessory kind -> the slot it fills. */
export const SLOT_OF_KIND: Readonly<Record<string, FitSlot>> = {
  "phone-case": "case",
  "screen-protector": "screen_protector",
  "tablet-case": "tablet_case",
  "tablet-screen-protector": "tablet_protector",
  "tablet-keyboard": "tablet_keyboard",
  "drone-battery": "drone_battery",
  charger: "charger",
  cable: "cable",
  "power-bank": "power_bank",
  earbuds: "earbuds",
  stylus: "stylus",
  "laptop-bag": "laptop_bag",
  mouse: "mouse",
  dock: "dock",
  "memory-card": "memory_card",
  "camera-bag": "camera_bag",
  lens: "lens",
  tripod: "tripod",
  "watch-band": "watch_band",
  controller: "controller",
  "gaming-headset": "gaming_headset",
  motherboard: "motherboard",
  ram: "ram",
  "cpu-cooler": "cpu_cooler",
  "power-supply": "psu",
};

/** A condition on the device: one of these tokens, or a measure within [min, max] (both ends included). */
export type Condition = { anyOf: readonly string[] } | { measure: string; min?: number; max?: number };

export interface Requirement {
  slot: FitSlot;
  /** All must hold. */
  conditions: readonly Condition[];
}

/** What an item offers the accessories around it. */
export interface FitProfile {
  tokens: readonly string[];
  measures: Readonly<Record<string, number>>;
  /**
   * Tokens whose namespace this item fixes for the whole cart: a motherboard pins its socket and memory type, so
   * with it in the cart DDR4 RAM no longer fits a CPU that takes DDR4 and DDR5 (docs: ram rule).
   */
  pins: readonly string[];
}

export const MEASURES = { laptopScreenIn: "laptop_screen_in", psuWattsNeeded: "psu_w_min" } as const;

export function token(namespace: string, value: string): string {
  return `${namespace}:${value}`;
}

export function tokenNamespace(t: string): string {
  const colon = t.indexOf(":");
  return colon < 0 ? t : t.slice(0, colon);
}

function kindOf(item: CatalogItem): string | undefined {
  return attrString(item.attrs, "kind");
}

/** The slot an accessory fills, whether or not it constrains fit (a mouse fills `mouse` and fits any laptop). */
export function fitSlot(item: CatalogItem): FitSlot | undefined {
  const kind = kindOf(item);
  return kind === undefined ? undefined : SLOT_OF_KIND[kind];
}

const anyOf = (namespace: string, values: readonly string[]): Condition => ({ anyOf: values.map((v) => token(namespace, v)) });
const one = (namespace: string, value: string): Condition => ({ anyOf: [token(namespace, value)] });

/** What accessory `item` needs from a device; undefined when nothing constrains it. */
export function requirement(item: CatalogItem): Requirement | undefined {
  const slot = fitSlot(item);
  if (slot === undefined) return undefined;
  const a = item.attrs;
  const conditions = requirementConditions(slot, a);
  return conditions === undefined ? undefined : { slot, conditions };
}

function requirementConditions(slot: FitSlot, a: Attrs): Condition[] | undefined {
  switch (slot) {
    case "case":
    case "screen_protector":
    case "tablet_case":
    case "tablet_protector":
    case "tablet_keyboard":
    case "drone_battery": {
      const models = attrList(a, "fits_models");
      return models === undefined ? undefined : [anyOf("model", models)];
    }
    case "charger": {
      const charging = attrString(a, "charging");
      if (charging === "magsafe") return [one("charge", "magsafe")];
      if (charging === "qi") return [one("charge", "qi")];
      const connectors = attrList(a, "connectors");
      return connectors === undefined ? undefined : [anyOf("conn", connectors)];
    }
    case "cable": {
      const connectors = attrList(a, "connectors");
      return connectors === undefined ? undefined : [anyOf("conn", connectors)];
    }
    case "power_bank": {
      const connectors = attrList(a, "connectors");
      const magsafe = attrTrue(a, "magsafe");
      if (connectors === undefined && !magsafe) return undefined;
      const tokens = (connectors ?? []).map((c) => token("conn", c));
      if (magsafe) tokens.push(token("charge", "magsafe"));
      return [{ anyOf: tokens }];
    }
    case "earbuds": {
      if (attrTrue(a, "wireless")) return undefined;
      const connectors = attrList(a, "connectors");
      return connectors === undefined ? undefined : [anyOf("conn", connectors), one("audio", "wired")];
    }
    case "stylus": {
      const protocol = attrString(a, "stylus_protocol");
      return protocol === undefined ? undefined : [one("stylus", protocol)];
    }
    case "laptop_bag": {
      const min = attrNumber(a, "fits_screen_in_min");
      const max = attrNumber(a, "fits_screen_in_max");
      if (Number.isNaN(min) && Number.isNaN(max)) return undefined;
      return [{ measure: MEASURES.laptopScreenIn, ...(Number.isNaN(min) ? {} : { min }), ...(Number.isNaN(max) ? {} : { max }) }];
    }
    case "dock": {
      const host = attrString(a, "host_connector");
      return host === undefined ? undefined : [one("port", host)];
    }
    case "memory_card": {
      const card = attrString(a, "card_type");
      return card === undefined ? undefined : [one("card", card)];
    }
    case "lens": {
      const mount = attrString(a, "lens_mount");
      return mount === undefined ? undefined : [one("mount", mount)];
    }
    case "watch_band": {
      const fit = attrString(a, "band_fit");
      return fit === undefined ? undefined : [one("band", fit)];
    }
    case "controller":
    case "gaming_headset": {
      const platforms = attrList(a, "platforms");
      return platforms === undefined ? undefined : [anyOf("platform", platforms)];
    }
    case "motherboard": {
      const conditions: Condition[] = [];
      const socket = attrString(a, "socket");
      const memory = attrString(a, "memory_type");
      if (socket !== undefined) conditions.push(one("socket", socket));
      if (memory !== undefined) conditions.push(one("mem", memory));
      return conditions.length === 0 ? undefined : conditions;
    }
    case "ram": {
      const memory = attrString(a, "memory_type");
      return memory === undefined ? undefined : [one("mem", memory)];
    }
    case "cpu_cooler": {
      const sockets = attrList(a, "sockets");
      return sockets === undefined ? undefined : [anyOf("socket", sockets)];
    }
    case "psu": {
      const output = attrNumber(a, "output_w");
      return Number.isNaN(output) ? undefined : [{ measure: MEASURES.psuWattsNeeded, max: output }];
    }
    case "mouse":
    case "camera_bag":
    case "tripod":
      return undefined;
  }
}

/** What `item` provides to accessories: device keys of devices (items with `device_model`) and motherboards. */
export function provides(item: CatalogItem): FitProfile {
  const a = item.attrs;
  const tokens: string[] = [];
  const measures: Record<string, number> = {};
  const pins: string[] = [];
  const kind = kindOf(item);
  if (kind === "motherboard") {
    const socket = attrString(a, "socket");
    const memory = attrString(a, "memory_type");
    if (socket !== undefined) tokens.push(token("socket", socket));
    if (memory !== undefined) tokens.push(token("mem", memory));
    pins.push(...tokens);
    return { tokens, measures, pins };
  }
  const model = attrString(a, "device_model");
  if (model === undefined) return { tokens, measures, pins };
  tokens.push(token("model", model));
  const connector = attrString(a, "connector");
  if (connector !== undefined) tokens.push(token("conn", connector));
  if (kind === "smartphone" || kind === "tablet" || isLaptopKind(kind)) tokens.push(token("audio", "wired"));
  if (attrTrue(a, "magsafe")) tokens.push(token("charge", "magsafe"));
  if (attrTrue(a, "wireless_charging")) tokens.push(token("charge", "qi"));
  for (const protocol of attrList(a, "stylus_support") ?? []) tokens.push(token("stylus", protocol));
  if (isLaptopKind(kind)) {
    const screen = attrNumber(a, "screen_in");
    if (!Number.isNaN(screen)) measures[MEASURES.laptopScreenIn] = screen;
    const ports = attrList(a, "ports") ?? [];
    for (const port of ports) tokens.push(token("port", port));
    if (ports.includes("thunderbolt") && !ports.includes("usb-c")) tokens.push(token("port", "usb-c"));
  }
  const card = attrString(a, "card_type");
  if (card !== undefined) tokens.push(token("card", card));
  const mount = attrString(a, "lens_mount");
  if (mount !== undefined) tokens.push(token("mount", mount));
  const band = attrString(a, "band_fit");
  if (band !== undefined) tokens.push(token("band", band));
  const platform = attrString(a, "platform");
  if (platform !== undefined) tokens.push(token("platform", platform));
  const socket = attrString(a, "socket");
  if (socket !== undefined) tokens.push(token("socket", socket));
  for (const memory of attrList(a, "memory_types") ?? []) tokens.push(token("mem", memory));
  const psu = attrNumber(a, "psu_w_min");
  if (!Number.isNaN(psu)) measures[MEASURES.psuWattsNeeded] = psu;
  return { tokens, measures, pins };
}

function conditionHolds(condition: Condition, profile: FitProfile): boolean {
  if ("anyOf" in condition) {
    for (const t of condition.anyOf) if (profile.tokens.includes(t)) return true;
    return false;
  }
  const value = profile.measures[condition.measure];
  if (value === undefined) return false;
  return (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
}

function satisfies(profile: FitProfile, required: Requirement): boolean {
  for (const condition of required.conditions) if (!conditionHolds(condition, profile)) return false;
  return true;
}

export type FitVerdict = "fits" | "no_fit" | "unconstrained";

/** Pairwise: does `accessory` fit `device`? */
export function checkFit(device: CatalogItem, accessory: CatalogItem): FitVerdict {
  const required = requirement(accessory);
  if (required === undefined) return "unconstrained";
  return satisfies(provides(device), required) ? "fits" : "no_fit";
}

/** A wired charger charges at full speed when it delivers at least what the device accepts. */
export function chargesAtFullSpeed(device: CatalogItem, charger: CatalogItem): boolean {
  const output = attrNumber(charger.attrs, "output_w");
  const accepts = attrNumber(device.attrs, "max_charge_w");
  return attrString(charger.attrs, "charging") !== "magsafe" && attrString(charger.attrs, "charging") !== "qi" && output >= accepts;
}
