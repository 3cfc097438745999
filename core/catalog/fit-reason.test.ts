import { describe, expect, it } from "vitest";
import type { CatalogItem } from "./attributes";
import { dockCharging, fitReason, fitReasonFromFacts } from "./fit-reason";
import { fitFactsOf } from "./fit-facts/extract-fit-facts";

const item = (brand: string, attrs: Record<string, unknown>): CatalogItem => ({ brand, attrs });

describe("charging and docking claims need charging facts", () => {
  const legion = item("Lenovo", { kind: "gaming-laptop", device_model: "lenovo-legion-pro-7i", connector: "dc-barrel", max_charge_w: 400, ports: ["usb-c", "thunderbolt"] });
  const xps = item("Dell", { kind: "ultrabook", device_model: "dell-xps-14", connector: "usb-c", max_charge_w: 60, ports: ["usb-c"] });
  const macbook = item("Apple", { kind: "ultrabook", device_model: "apple-macbook-pro-16", connector: "usb-c", max_charge_w: 140, ports: ["thunderbolt"] });
  const hub = item("Lenovo", { kind: "dock", host_connector: "usb-c", power_delivery_w: 90 });
  const plainHub = item("Anker", { kind: "dock", host_connector: "usb-c" });

  it("a USB-C dock only adds ports to a laptop that charges from a DC barrel", () => {
    expect(dockCharging(legion, hub)).toBe("none");
    const text = fitReason(legion, hub, "Legion Pro 7i")!;
    expect(text).toBe("USB-C: adds ports to your Legion Pro 7i");
    expect(text).not.toMatch(/dock|charg/i);
  });

  it("docks and charges a USB-C laptop, at full speed only when it delivers what the laptop takes", () => {
    expect(fitReason(xps, hub, "XPS 14")).toBe("USB-C, 90 W: docks and charges your XPS 14 at full speed");
    expect(fitReason(macbook, hub, "MacBook Pro 16")).toBe("USB-C, 90 W: docks and charges your MacBook Pro 16");
    expect(dockCharging(xps, plainHub)).toBe("none");
    expect(fitReason(xps, plainHub, "XPS 14")).toBe("USB-C: adds ports to your XPS 14");
  });

  it("claims full-speed charging from text facts only when the device states what it accepts", () => {
    const phone = fitFactsOf({ title: "Redmi Note 13 Pro 5G (8GB RAM, 256GB)", category: ["Mobiles", "Smartphones"], attrs: { about: "67W turbo charging with Type-C port" } });
    const silentPhone = fitFactsOf({ title: "Redmi Note 13 Pro 5G (8GB RAM, 256GB)", category: ["Mobiles", "Smartphones"], attrs: { about: "Type-C port" } });
    const charger = fitFactsOf({ title: "Ambrane 65W USB-C Fast Charger Adapter", category: ["Electronics", "Chargers"] });
    expect(fitReasonFromFacts(phone, charger, "Redmi Note 13 Pro")).toBe("USB-C, 65 W: charges your Redmi Note 13 Pro");
    const bigger = fitFactsOf({ title: "Ambrane 100W USB-C Fast Charger Adapter", category: ["Electronics", "Chargers"] });
    expect(fitReasonFromFacts(phone, bigger, "Redmi Note 13 Pro")).toBe("USB-C, 100 W: charges your Redmi Note 13 Pro at full speed");
    expect(fitReasonFromFacts(silentPhone, bigger, "Redmi Note 13 Pro")).toBe("USB-C, 100 W: charges your Redmi Note 13 Pro");
  });

  it("names the model a case is made for, and nothing for an accessory the device does not state facts for", () => {
    const iphone = fitFactsOf({ title: "Apple iPhone 15 (128 GB) - Black", category: ["Mobiles", "Smartphones"] });
    const caseFor = fitFactsOf({ title: "Spigen Ultra Hybrid Case for iPhone 15", category: ["Mobile Accessories", "Cases"] });
    const mouse = fitFactsOf({ title: "Logitech M235 Wireless Mouse", category: ["Computers", "Mice"] });
    expect(fitReasonFromFacts(iphone, caseFor, "iPhone 15")).toBe("Made for your iPhone 15");
    expect(fitReasonFromFacts(iphone, mouse, "iPhone 15")).toBeUndefined();
  });
});
