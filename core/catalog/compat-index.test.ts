import { describe, expect, it } from "vitest";
import type { CatalogItem } from "./attributes";
import { checkFit } from "./compatibility";
import { compatEntries, compatIndexFromEntries, compileCompatIndex, fitsCart, isConstrained, provenConflict, provenMisfit } from "./compat-index";

const item = (attrs: Record<string, unknown>, brand = "Acme"): CatalogItem => ({ brand, attrs });

const catalog = {
  s24: item({ kind: "smartphone", device_model: "samsung-galaxy-s24", connector: "usb-c", magsafe: false, wireless_charging: true }),
  iphone14: item({ kind: "smartphone", device_model: "apple-iphone-14", connector: "lightning", magsafe: true, wireless_charging: true }),
  s24Case: item({ kind: "phone-case", fits_models: ["samsung-galaxy-s24"] }),
  lightningCable: item({ kind: "cable", connectors: ["lightning"] }),
  usbcCable: item({ kind: "cable", connectors: ["usb-c"] }),
  usbcCharger: item({ kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 45 }),
  magsafeCharger: item({ kind: "charger", charging: "magsafe", connectors: [] }),
  speaker: item({ kind: "speaker", wireless: true }),
  laptop14: item({ kind: "ultrabook", device_model: "dell-xps-14", connector: "usb-c", screen_in: 14.5, ports: ["usb-c"] }),
  laptop16: item({ kind: "gaming-laptop", device_model: "asus-rog-16", connector: "dc-barrel", screen_in: 16, ports: ["thunderbolt"] }),
  sleeve14: item({ kind: "laptop-bag", fits_screen_in_min: 14, fits_screen_in_max: 14.9 }),
  sleeveHuge: item({ kind: "laptop-bag", fits_screen_in_min: 18, fits_screen_in_max: 18.4 }),
  cpu1700: item({ kind: "cpu", device_model: "intel-i5-14600k", socket: "lga1700", memory_types: ["ddr4", "ddr5"] }),
  cpuAm5: item({ kind: "cpu", device_model: "amd-ryzen-7-9700x", socket: "am5", memory_types: ["ddr5"] }),
  boardDdr4: item({ kind: "motherboard", socket: "lga1700", memory_type: "ddr4" }),
  ram5: item({ kind: "ram", memory_type: "ddr5" }),
  ram4: item({ kind: "ram", memory_type: "ddr4" }),
  gpu: item({ kind: "graphics-card", device_model: "rtx-5070", psu_w_min: 750 }),
  psu650: item({ kind: "power-supply", output_w: 650 }),
  psu850: item({ kind: "power-supply", output_w: 850 }),
};
const ids = Object.keys(catalog) as Array<keyof typeof catalog>;
const items = ids.map((id) => catalog[id]);
const at = (id: keyof typeof catalog) => ids.indexOf(id);

describe("compiled compatibility index", () => {
  const index = compileCompatIndex([...items, undefined]);

  it("agrees with the pairwise rules for every accessory and single-device cart", () => {
    for (const device of ids) {
      for (const accessory of ids) {
        if (device === accessory) continue;
        const verdict = checkFit(catalog[device], catalog[accessory]);
        if (verdict === "unconstrained") continue;
        // A model-specific accessory in the cart stands in for its model, so only check real devices here.
        if (!("device_model" in catalog[device].attrs) && catalog[device].attrs.kind !== "motherboard") continue;
        expect(fitsCart(index, at(accessory), [at(device)]), `${accessory} for ${device}`).toBe(verdict === "fits");
      }
    }
  });

  it("checks multi-item carts: fits when any device fits, unconstrained items always pass", () => {
    expect(fitsCart(index, at("lightningCable"), [at("s24")])).toBe(false);
    expect(fitsCart(index, at("lightningCable"), [at("s24"), at("iphone14")])).toBe(true);
    expect(fitsCart(index, at("speaker"), [at("s24")])).toBe(true);
    expect(fitsCart(index, at("speaker"), [])).toBe(true);
    expect(fitsCart(index, at("s24Case"), [at("speaker")])).toBe(false);
    expect(isConstrained(index, at("speaker"))).toBe(false);
    expect(isConstrained(index, at("s24Case"))).toBe(true);
  });

  it("lets a model-specific accessory in the cart stand for its model", () => {
    expect(fitsCart(index, at("usbcCharger"), [at("s24Case")])).toBe(true);
    expect(fitsCart(index, at("lightningCable"), [at("s24Case")])).toBe(false);
    expect(fitsCart(index, at("magsafeCharger"), [at("s24Case")])).toBe(false);
  });

  it("lets any other accessory stand for what its single-token clauses name", () => {
    expect(fitsCart(index, at("usbcCharger"), [at("usbcCable")])).toBe(true);
    expect(fitsCart(index, at("usbcCharger"), [at("lightningCable")])).toBe(false);
    expect(fitsCart(index, at("lightningCable"), [at("usbcCharger")])).toBe(false);
    expect(fitsCart(index, at("s24Case"), [at("usbcCharger")])).toBe(false);
    expect(fitsCart(index, at("ram5"), [at("ram4")])).toBe(false);
    expect(fitsCart(index, at("sleeve14"), [at("sleeveHuge")])).toBe(false);
  });

  it("turns numeric ranges into tokens over the catalogue's values", () => {
    expect(fitsCart(index, at("sleeve14"), [at("laptop14")])).toBe(true);
    expect(fitsCart(index, at("sleeve14"), [at("laptop16")])).toBe(false);
    expect(fitsCart(index, at("sleeveHuge"), [at("laptop14"), at("laptop16")])).toBe(false);
    expect(isConstrained(index, at("sleeveHuge"))).toBe(true);
    expect(fitsCart(index, at("psu850"), [at("gpu")])).toBe(true);
    expect(fitsCart(index, at("psu650"), [at("gpu")])).toBe(false);
  });

  it("applies a motherboard's pins to everything else in the cart", () => {
    expect(fitsCart(index, at("ram5"), [at("cpu1700")])).toBe(true);
    expect(fitsCart(index, at("ram5"), [at("cpu1700"), at("boardDdr4")])).toBe(false);
    expect(fitsCart(index, at("ram4"), [at("cpu1700"), at("boardDdr4")])).toBe(true);
    expect(fitsCart(index, at("cpuAm5"), [at("boardDdr4")])).toBe(false);
    expect(fitsCart(index, at("cpu1700"), [at("boardDdr4")])).toBe(true);
    expect(fitsCart(index, at("boardDdr4"), [at("cpuAm5")])).toBe(false);
  });

  it("treats ids outside the index as neither providing nor constraining", () => {
    const unknown = items.length;
    expect(fitsCart(index, unknown, [at("s24")])).toBe(true);
    expect(fitsCart(index, at("s24Case"), [unknown])).toBe(false);
    expect(fitsCart(index, 10_000, [at("s24")])).toBe(true);
  });

  it("round-trips through its entries", () => {
    const again = compatIndexFromEntries(index.tokens, compatEntries(index), items.length + 1);
    for (const a of ids) for (const d of ids) expect(fitsCart(again, at(a), [at(d)])).toBe(fitsCart(index, at(a), [at(d)]));
  });
});

describe("proven misfits: the only fit the edge holds back", () => {
  const index = compileCompatIndex([...items, undefined]);

  it("holds back what a curated device proves does not fit it: its record states every fact", () => {
    expect(provenMisfit(index, at("lightningCable"), [at("s24")])).toBe(true);
    expect(provenMisfit(index, at("magsafeCharger"), [at("s24")])).toBe(true);
    expect(provenMisfit(index, at("sleeveHuge"), [at("laptop14")])).toBe(true);
    expect(provenMisfit(index, at("usbcCharger"), [at("s24")])).toBe(false);
    expect(provenMisfit(index, at("lightningCable"), [at("s24"), at("iphone14")])).toBe(false);
    expect(provenMisfit(index, at("ram5"), [at("cpu1700"), at("boardDdr4")])).toBe(true);
  });

  it("lets through what the cart says nothing about (the ranker weighs it), unlike the strict cart check", () => {
    expect(fitsCart(index, at("s24Case"), [at("speaker")])).toBe(false);
    expect(provenMisfit(index, at("s24Case"), [at("speaker")])).toBe(false);
    expect(provenMisfit(index, at("lightningCable"), [])).toBe(false);
    expect(provenMisfit(index, at("speaker"), [at("s24")])).toBe(false);
  });

  it("reads fit from titles where no curated attrs exist, and proves a conflict only on stated facts", () => {
    const text = (title: string, category: string[]) => ({ title, category, attrs: {} });
    const shop = [
      text("Apple iPhone 15 (128 GB) - Black", ["Mobiles", "Smartphones"]),
      text("Samsung Galaxy S24 5G (8GB RAM, 256GB), USB Type-C port", ["Mobiles", "Smartphones"]),
      text("Spigen Ultra Hybrid Back Cover Case for iPhone 15", ["Mobile Accessories", "Cases"]),
      text("Logitech M235 Wireless Mouse", ["Computers", "Mice"]),
      text("boAt Type-C to Lightning Cable compatible with iPhone 14, 13, 12", ["Accessories", "Cables"]),
    ];
    const textIndex = compileCompatIndex(shop);
    const [iphone, galaxy, iphoneCase, mouse] = [0, 1, 2, 3];
    expect(provenMisfit(textIndex, iphoneCase, [galaxy])).toBe(true);
    expect(provenConflict(textIndex, galaxy, iphoneCase)).toBe(true);
    expect(provenConflict(textIndex, iphoneCase, galaxy)).toBe(true);
    expect(provenMisfit(textIndex, iphoneCase, [iphone])).toBe(false);
    expect(provenMisfit(textIndex, iphoneCase, [mouse])).toBe(false);
    expect(provenMisfit(textIndex, iphoneCase, [galaxy, iphone])).toBe(false);
    expect(provenMisfit(textIndex, 4, [galaxy])).toBe(true);
    // A phone whose text names only its headphone jack says nothing about the port it charges through.
    const jackOnly = compileCompatIndex([text("Samsung Galaxy M33 5G (8GB, 128GB) with 3.5mm headphone jack", ["Mobiles", "Smartphones"]), text("Ambrane 60W Braided Type C Cable", ["Accessories", "Cables"])]);
    expect(isConstrained(jackOnly, 1)).toBe(true);
    expect(provenMisfit(jackOnly, 1, [0])).toBe(false);
    // The cable's plug constrains, its list of models only gives examples; a phone that states no port cannot
    // refute it, the Galaxy with its USB-C port in the title can.
    expect(isConstrained(textIndex, 4)).toBe(true);
    expect(provenMisfit(textIndex, 4, [iphone])).toBe(false);
  });
});
