import { describe, expect, it } from "vitest";
import { brandSlug, type CatalogItem } from "./attributes";
import { chargesAtFullSpeed, checkFit } from "./compatibility";
import { fitReason } from "./fit-reason";

const item = (brand: string, attrs: Record<string, unknown>): CatalogItem => ({ brand, attrs });

const galaxy = item("Samsung", { kind: "smartphone", device_model: "samsung-galaxy-s24", connector: "usb-c", max_charge_w: 45, magsafe: false, wireless_charging: true, card_type: undefined });
const iphone14 = item("Apple", { kind: "smartphone", device_model: "apple-iphone-14", connector: "lightning", max_charge_w: 20, magsafe: true, wireless_charging: true });
const ipad = item("Apple", { kind: "tablet", device_model: "apple-ipad-pro-13", connector: "usb-c", stylus_support: ["apple-pencil-pro", "apple-pencil-usb-c"] });
const laptop = item("Dell", { kind: "ultrabook", device_model: "dell-xps-14", connector: "usb-c", max_charge_w: 100, screen_in: 14.5, ports: ["thunderbolt"] });
const barrelLaptop = item("MSI", { kind: "gaming-laptop", device_model: "msi-raider", connector: "dc-barrel", screen_in: 17.3, ports: ["usb-c"] });
const camera = item("Sony", { kind: "mirrorless-camera", device_model: "sony-a7-iv", connector: "usb-c", lens_mount: "sony-e", card_type: "sd" });
const switch2 = item("Nintendo", { kind: "console", device_model: "nintendo-switch-2", platform: "switch-2", card_type: "microsd-express" });
const cpu1700 = item("Intel", { kind: "cpu", device_model: "intel-core-i5-14600k", socket: "lga1700", memory_types: ["ddr4", "ddr5"] });
const gpu = item("NVIDIA", { kind: "graphics-card", device_model: "rtx-5080", psu_w_min: 850 });
const watch = item("Apple", { kind: "smartwatch", device_model: "apple-watch-series-10-46", band_fit: "apple-watch-l" });

describe("checkFit: the slot rules of docs/catalog-attributes.md", () => {
  it("model-specific accessories fit only the model they list", () => {
    const s24Case = item("Spigen", { kind: "phone-case", fits_models: ["samsung-galaxy-s24"] });
    expect(checkFit(galaxy, s24Case)).toBe("fits");
    expect(checkFit(iphone14, s24Case)).toBe("no_fit");
    const battery = item("DJI", { kind: "drone-battery", fits_models: ["dji-mini-4-pro"] });
    expect(checkFit(item("DJI", { kind: "drone", device_model: "dji-mini-4-pro" }), battery)).toBe("fits");
    expect(checkFit(item("DJI", { kind: "drone", device_model: "dji-air-3" }), battery)).toBe("no_fit");
  });

  it("wired earphones need the device's connector and a port that plays audio; wireless ones fit anything", () => {
    const usbcEarphones = item("Apple", { kind: "earbuds", wireless: false, connectors: ["usb-c"] });
    expect(checkFit(galaxy, usbcEarphones)).toBe("fits");
    expect(checkFit(laptop, usbcEarphones)).toBe("fits");
    expect(checkFit(iphone14, usbcEarphones)).toBe("no_fit");
    expect(checkFit(camera, usbcEarphones)).toBe("no_fit");
    expect(checkFit(camera, item("Sony", { kind: "earbuds", wireless: true }))).toBe("unconstrained");
  });

  it("wired chargers and cables need the device's connector; MagSafe and Qi chargers need the feature", () => {
    const usbc = item("Anker", { kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 45 });
    const lightningCable = item("Belkin", { kind: "cable", connectors: ["lightning"], host_connector: "usb-c" });
    const magsafe = item("Apple", { kind: "charger", charging: "magsafe", connectors: [], output_w: 25 });
    const qi = item("Belkin", { kind: "charger", charging: "qi", connectors: [], output_w: 15 });
    expect(checkFit(galaxy, usbc)).toBe("fits");
    expect(checkFit(iphone14, usbc)).toBe("no_fit");
    expect(checkFit(galaxy, lightningCable)).toBe("no_fit");
    expect(checkFit(iphone14, lightningCable)).toBe("fits");
    expect(checkFit(iphone14, magsafe)).toBe("fits");
    expect(checkFit(galaxy, magsafe)).toBe("no_fit");
    expect(checkFit(galaxy, qi)).toBe("fits");
    expect(checkFit(barrelLaptop, usbc)).toBe("no_fit");
    expect(checkFit(laptop, usbc)).toBe("fits");
  });

  it("says when a wired charger charges at full speed", () => {
    const c45 = item("Samsung", { kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 45 });
    const c25 = item("Samsung", { kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 25 });
    expect(chargesAtFullSpeed(galaxy, c45)).toBe(true);
    expect(chargesAtFullSpeed(galaxy, c25)).toBe(false);
    expect(fitReason(galaxy, c45, "Galaxy S24")).toBe("USB-C, 45 W: charges your Galaxy S24 at full speed");
    expect(fitReason(galaxy, c25, "Galaxy S24")).toBe("USB-C, 25 W: charges your Galaxy S24");
  });

  it("power banks fit by connector or MagSafe; wireless earbuds have no constraint, wired ones need the plug", () => {
    const magBank = item("Anker", { kind: "power-bank", connectors: ["usb-c"], magsafe: true });
    expect(checkFit(iphone14, magBank)).toBe("fits");
    expect(checkFit(galaxy, magBank)).toBe("fits");
    const lightningBank = item("Anker", { kind: "power-bank", connectors: ["lightning"], magsafe: false });
    expect(checkFit(galaxy, lightningBank)).toBe("no_fit");
    expect(checkFit(galaxy, item("Sony", { kind: "earbuds", wireless: true }))).toBe("unconstrained");
    expect(checkFit(galaxy, item("Apple", { kind: "earbuds", wireless: false, connectors: ["lightning"] }))).toBe("no_fit");
    expect(checkFit(iphone14, item("Apple", { kind: "earbuds", wireless: false, connectors: ["lightning"] }))).toBe("fits");
  });

  it("styluses pair by protocol, bags by screen range, docks by host port (Thunderbolt implies USB-C)", () => {
    expect(checkFit(ipad, item("Apple", { kind: "stylus", stylus_protocol: "apple-pencil-pro" }))).toBe("fits");
    expect(checkFit(ipad, item("Samsung", { kind: "stylus", stylus_protocol: "s-pen" }))).toBe("no_fit");
    const sleeve = item("Incase", { kind: "laptop-bag", fits_screen_in_min: 14, fits_screen_in_max: 14.9 });
    expect(checkFit(laptop, sleeve)).toBe("fits");
    expect(checkFit(barrelLaptop, sleeve)).toBe("no_fit");
    expect(checkFit(ipad, sleeve)).toBe("no_fit");
    expect(checkFit(laptop, item("CalDigit", { kind: "dock", host_connector: "thunderbolt" }))).toBe("fits");
    expect(checkFit(laptop, item("Anker", { kind: "dock", host_connector: "usb-c" }))).toBe("fits");
    expect(checkFit(barrelLaptop, item("CalDigit", { kind: "dock", host_connector: "thunderbolt" }))).toBe("no_fit");
    expect(checkFit(laptop, item("Logitech", { kind: "mouse", wireless: true }))).toBe("unconstrained");
  });

  it("cards, lenses, bands, controllers match their enumeration exactly", () => {
    expect(checkFit(camera, item("SanDisk", { kind: "memory-card", card_type: "sd" }))).toBe("fits");
    expect(checkFit(camera, item("SanDisk", { kind: "memory-card", card_type: "microsd" }))).toBe("no_fit");
    expect(checkFit(switch2, item("SanDisk", { kind: "memory-card", card_type: "microsd" }))).toBe("no_fit");
    expect(checkFit(switch2, item("SanDisk", { kind: "memory-card", card_type: "microsd-express" }))).toBe("fits");
    expect(checkFit(galaxy, item("SanDisk", { kind: "memory-card", card_type: "microsd" }))).toBe("no_fit");
    expect(checkFit(camera, item("Sigma", { kind: "lens", lens_mount: "sony-e" }))).toBe("fits");
    expect(checkFit(camera, item("Sigma", { kind: "lens", lens_mount: "l-mount" }))).toBe("no_fit");
    expect(checkFit(watch, item("Apple", { kind: "watch-band", band_fit: "apple-watch-l" }))).toBe("fits");
    expect(checkFit(watch, item("Apple", { kind: "watch-band", band_fit: "apple-watch-s" }))).toBe("no_fit");
    expect(checkFit(switch2, item("Nintendo", { kind: "controller", platforms: ["switch", "switch-2"] }))).toBe("fits");
    expect(checkFit(switch2, item("Sony", { kind: "controller", platforms: ["ps5"] }))).toBe("no_fit");
  });

  it("PC parts: board by socket and memory, RAM by memory, cooler by socket, PSU by wattage", () => {
    expect(checkFit(cpu1700, item("ASUS", { kind: "motherboard", socket: "lga1700", memory_type: "ddr4" }))).toBe("fits");
    expect(checkFit(cpu1700, item("ASUS", { kind: "motherboard", socket: "am5", memory_type: "ddr5" }))).toBe("no_fit");
    expect(checkFit(cpu1700, item("Corsair", { kind: "ram", memory_type: "ddr5" }))).toBe("fits");
    expect(checkFit(cpu1700, item("Noctua", { kind: "cpu-cooler", sockets: ["am5", "lga1700"] }))).toBe("fits");
    expect(checkFit(cpu1700, item("Noctua", { kind: "cpu-cooler", sockets: ["am5"] }))).toBe("no_fit");
    expect(checkFit(gpu, item("Corsair", { kind: "power-supply", output_w: 850 }))).toBe("fits");
    expect(checkFit(gpu, item("Corsair", { kind: "power-supply", output_w: 750 }))).toBe("no_fit");
  });

  it("items with no fit rule, or without the rule's key, are never incompatible", () => {
    expect(checkFit(galaxy, item("JBL", { kind: "speaker", wireless: true }))).toBe("unconstrained");
    expect(checkFit(galaxy, item("Acme", { kind: "phone-case" }))).toBe("unconstrained");
    expect(checkFit(galaxy, item("Acme", {}))).toBe("unconstrained");
  });

  it("explains fits in the shopper's words", () => {
    expect(fitReason(camera, item("Sigma", { kind: "lens", lens_mount: "sony-e" }), "Alpha 7 IV")).toBe("Sony E mount: fits your Alpha 7 IV");
    expect(fitReason(gpu, item("Corsair", { kind: "power-supply", output_w: 1000 }), "RTX 5080")).toBe("1000 W: powers your RTX 5080 (needs 850 W)");
    expect(fitReason(iphone14, item("Apple", { kind: "phone-case", fits_models: ["apple-iphone-14"], official_for_brand: "apple" }), "iPhone 14")).toBe(
      "Official Apple accessory made for your iPhone 14",
    );
    expect(fitReason(galaxy, item("Sony", { kind: "earbuds", wireless: true }), "Galaxy S24")).toBeUndefined();
  });

  it("slugs brands as the vocabulary says", () => {
    expect(brandSlug("Apple")).toBe("apple");
    expect(brandSlug("OnePlus")).toBe("oneplus");
    expect(brandSlug("Philips Hue")).toBe("philips-hue");
    expect(brandSlug("Sennheiser+")).toBe("sennheiserplus");
  });
});
