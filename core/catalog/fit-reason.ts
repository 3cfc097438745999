/**
 * @module
 * Why an accessory fits, in words a shopper reads: "USB-C, 45 W: charges your Galaxy S24 at full speed",
 * "Sony E mount: fits your Alpha 7 IV". `device` is the name of the device model ("Galaxy S24"), not a variant.
 */
import { type Attrs, attrList, attrNumber, attrString, attrTrue, brandSlug, type CatalogItem } from "./attributes";
import { chargesAtFullSpeed, fitSlot } from "./compatibility";
import type { FitFacts, SizeFact } from "./fit-facts/fit-facts";

const LABELS: Readonly<Record<string, string>> = {
  "usb-c": "USB-C",
  lightning: "Lightning",
  "micro-usb": "Micro-USB",
  "dc-barrel": "DC barrel",
  "jack-3.5mm": "3.5 mm jack",
  hdmi: "HDMI",
  thunderbolt: "Thunderbolt",
  sd: "SD",
  microsd: "microSD",
  "microsd-express": "microSD Express",
  "cfexpress-a": "CFexpress Type A",
  "cfexpress-b": "CFexpress Type B",
  "sony-e": "Sony E mount",
  "canon-rf": "Canon RF mount",
  "nikon-z": "Nikon Z mount",
  "fujifilm-x": "Fujifilm X mount",
  "l-mount": "L-Mount",
  mft: "Micro Four Thirds",
  am5: "AM5",
  am4: "AM4",
  lga1851: "LGA1851",
  lga1700: "LGA1700",
  ddr5: "DDR5",
  ddr4: "DDR4",
  ps5: "PS5",
  "xbox-series": "Xbox Series X|S",
  switch: "Nintendo Switch",
  "switch-2": "Nintendo Switch 2",
  pc: "PC",
  "apple-watch-s": "Apple Watch 38-42 mm",
  "apple-watch-l": "Apple Watch 44-49 mm",
  "pixel-watch-41": "Pixel Watch 41 mm",
  "pixel-watch-45": "Pixel Watch 45 mm",
  "20mm": "20 mm quick-release",
  "22mm": "22 mm quick-release",
  "quickfit-22": "Garmin QuickFit 22",
  "samsung-ultra": "Galaxy Watch Ultra",
  "apple-pencil-pro": "Apple Pencil Pro",
  "apple-pencil-usb-c": "Apple Pencil (USB-C)",
  "s-pen": "S Pen",
  "usi-2": "USI 2.0",
};

/** Display label of an enumeration slug ("usb-c" -> "USB-C"); unknown slugs are title-cased. */
function label(slug: string): string {
  return LABELS[slug] ?? slug.split("-").map((w) => (w.length > 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(" ");
}

const shared = (device: Attrs, deviceKey: string, accessory: readonly string[]) => {
  const value = attrString(device, deviceKey);
  return value !== undefined && accessory.includes(value) ? value : undefined;
};

function watts(a: Attrs, key: string): string {
  const w = attrNumber(a, key);
  return Number.isNaN(w) ? "" : `, ${w} W`;
}

/**
 * The reason text for a fitting accessory, or undefined when the pairing needs no fit explanation (the caller
 * keeps its own reason). Assumes `checkFit(device, accessory)` is "fits" (or "unconstrained" for the
 * brand-official and always-fitting slots).
 */
export function fitReason(device: CatalogItem, accessory: CatalogItem, deviceName: string): string | undefined {
  const d = device.attrs;
  const a = accessory.attrs;
  const official = isOfficialFor(accessory, device);
  switch (fitSlot(accessory)) {
    case "case":
    case "screen_protector":
    case "tablet_case":
    case "tablet_protector":
    case "tablet_keyboard":
      return official ? `Official ${device.brand} accessory made for your ${deviceName}` : `Made for your ${deviceName}`;
    case "drone_battery":
      return `Spare battery for your ${deviceName}`;
    case "charger": {
      const charging = attrString(a, "charging");
      if (charging === "magsafe") return `MagSafe: snaps onto your ${deviceName}`;
      if (charging === "qi") return `Qi wireless: charges your ${deviceName}`;
      const plug = shared(d, "connector", attrList(a, "connectors") ?? []);
      const head = `${plug === undefined ? "Fits" : label(plug)}${watts(a, "output_w")}`;
      return chargesAtFullSpeed(device, accessory) ? `${head}: charges your ${deviceName} at full speed` : `${head}: charges your ${deviceName}`;
    }
    case "cable": {
      const plug = shared(d, "connector", attrList(a, "connectors") ?? []);
      return `${plug === undefined ? "Fits" : label(plug)}${watts(a, "max_w")}: connects your ${deviceName}`;
    }
    case "power_bank": {
      const plug = shared(d, "connector", attrList(a, "connectors") ?? []);
      if (plug === undefined && attrTrue(a, "magsafe")) return `MagSafe: snaps onto your ${deviceName} on the go`;
      return `${plug === undefined ? "Fits" : label(plug)}${watts(a, "output_w")}: charges your ${deviceName} on the go`;
    }
    case "earbuds": {
      if (official) return `Made by ${device.brand} for your ${deviceName}`;
      if (attrTrue(a, "wireless")) return undefined;
      const plug = shared(d, "connector", attrList(a, "connectors") ?? []);
      return plug === undefined ? undefined : `${label(plug)} plug: fits your ${deviceName}`;
    }
    case "stylus": {
      const protocol = attrString(a, "stylus_protocol");
      return protocol === undefined ? undefined : `${label(protocol)}: pairs with your ${deviceName}`;
    }
    case "laptop_bag": {
      const screen = attrNumber(d, "screen_in");
      return Number.isNaN(screen) ? `Fits your ${deviceName}` : `Fits your ${screen}-inch ${deviceName}`;
    }
    case "dock": {
      const host = attrString(a, "host_connector");
      const head = host === undefined ? "Works" : label(host);
      const charging = dockCharging(device, accessory);
      if (charging === "none") return `${head}: adds ports to your ${deviceName}`;
      const pd = attrNumber(a, "power_delivery_w");
      return `${head}, ${pd} W: docks and charges your ${deviceName}${charging === "full" ? " at full speed" : ""}`;
    }
    case "memory_card": {
      const card = attrString(a, "card_type");
      return card === undefined ? undefined : `${label(card)}: fits your ${deviceName}`;
    }
    case "lens": {
      const mount = attrString(a, "lens_mount");
      return mount === undefined ? undefined : `${label(mount)}: fits your ${deviceName}`;
    }
    case "watch_band": {
      const fit = attrString(a, "band_fit");
      return fit === undefined ? undefined : `${label(fit)}: fits your ${deviceName}`;
    }
    case "controller":
    case "gaming_headset": {
      const platform = shared(d, "platform", attrList(a, "platforms") ?? []);
      return platform === undefined ? undefined : `${label(platform)}: works with your ${deviceName}`;
    }
    case "motherboard": {
      const socket = attrString(a, "socket");
      const memory = attrString(a, "memory_type");
      return socket === undefined ? undefined : `${label(socket)}${memory === undefined ? "" : `, ${label(memory)}`}: fits your ${deviceName}`;
    }
    case "ram": {
      const memory = attrString(a, "memory_type");
      return memory === undefined ? undefined : `${label(memory)}: works with your ${deviceName}`;
    }
    case "cpu_cooler": {
      const socket = attrString(d, "socket");
      return socket === undefined ? undefined : `${label(socket)} mount: cools your ${deviceName}`;
    }
    case "psu": {
      const output = attrNumber(a, "output_w");
      const needs = attrNumber(d, "psu_w_min");
      return Number.isNaN(output) || Number.isNaN(needs) ? undefined : `${output} W: powers your ${deviceName} (needs ${needs} W)`;
    }
    case "mouse":
    case "camera_bag":
    case "tripod":
      return official ? `Made by ${device.brand} for your ${deviceName}` : undefined;
    case undefined:
      return official ? `Made by ${device.brand} for your ${deviceName}` : undefined;
  }
}

/**
 * Whether a dock's power delivery charges the laptop: only a laptop that charges over USB-C (its `connector`) takes
 * power from a dock, never one with a DC barrel charger; "full" when the dock delivers what the laptop accepts
 * (`max_charge_w`; unknown counts as not full), "partial" when less, "none" when it cannot charge it at all.
 */
export function dockCharging(device: CatalogItem, dock: CatalogItem): "full" | "partial" | "none" {
  const pd = attrNumber(dock.attrs, "power_delivery_w");
  if (!(pd > 0) || attrString(device.attrs, "connector") !== "usb-c") return "none";
  return pd >= attrNumber(device.attrs, "max_charge_w") ? "full" : "partial";
}

/** The accessory is made by the device's maker (`official_for_brand` = slug of the device's brand). */
function isOfficialFor(accessory: CatalogItem, device: CatalogItem): boolean {
  const official = attrString(accessory.attrs, "official_for_brand");
  return official !== undefined && device.brand !== undefined && official === brandSlug(device.brand);
}

/**
 * The reason text for an accessory whose fit was read from product text (`fit-facts/`), naming the fact that
 * makes it fit: the model it is made for, the shared plug, card, mount, part code or screen size. Charging claims
 * need charging facts: "at full speed" only when the device states what it accepts and the accessory delivers it.
 * Undefined when the facts name nothing the device states.
 */
export function fitReasonFromFacts(device: FitFacts, accessory: FitFacts, deviceName: string): string | undefined {
  const kind = accessory.kind;
  if (kind === undefined || device.role !== "device") return undefined;
  const shared = <T>(a: readonly T[], b: readonly T[]) => a.find((v) => b.includes(v));
  const model = shared(accessory.models, device.models);
  if (model !== undefined && ["case", "screen-protector", "keyboard", "stylus", "watch-band", "battery"].includes(kind)) {
    return kind === "battery" ? `Spare battery for your ${deviceName}` : `Made for your ${deviceName}`;
  }
  const plug = shared(accessory.connectors, device.connectors);
  if (plug !== undefined && (kind === "charger" || kind === "power-bank")) {
    const output = Math.max(0, ...accessory.watts);
    const accepts = Math.max(0, ...device.watts);
    const watts = output > 0 ? `, ${output} W` : "";
    const speed = output > 0 && accepts > 0 && output >= accepts ? " at full speed" : "";
    return `${label(plug)}${watts}: charges your ${deviceName}${kind === "power-bank" ? " on the go" : speed}`;
  }
  if (plug !== undefined && (kind === "cable" || kind === "adapter" || kind === "hub" || kind === "usb-drive")) return `${label(plug)}: connects to your ${deviceName}`;
  if (plug !== undefined && (kind === "earphones" || kind === "headphones")) return `${label(plug)} plug: fits your ${deviceName}`;
  const card = shared(accessory.cards, device.cards);
  if (card !== undefined) return `${label(card)}: fits your ${deviceName}`;
  const mount = shared(accessory.mounts, device.mounts);
  if (mount !== undefined) return `${label(mount)}: fits your ${deviceName}`;
  const part = shared(accessory.parts, device.parts);
  if (part !== undefined) return `${part}: fits your ${deviceName}`;
  const screen = device.sizes.find((size: SizeFact) => size.unit === "in" && size.min === size.max);
  if (kind === "bag" && screen !== undefined) return `Fits your ${screen.max}-inch ${deviceName}`;
  if (model !== undefined) return `Works with your ${deviceName}`;
  return undefined;
}
