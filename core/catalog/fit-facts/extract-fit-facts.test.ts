import { describe, expect, it } from "vitest";
import { fitFactsOf } from "./extract-fit-facts";

describe("fitFactsOf: text, specs and curated attrs", () => {
  it("reads an accessory's fit from its title and description", () => {
    const facts = fitFactsOf({
      title: "Braided USB-C to Lightning 20W Fast Charging Cable Compatible with iPhone 14/13/13 Pro, 12",
      category: ["Electronics", "Cables", "USB Cables"],
      description: "Supports fast charging with an 18W or higher USB-C charger|NOT compatible with iPhone 15, iPad Pro",
    });
    expect(facts.role).toBe("accessory");
    expect(facts.kind).toBe("cable");
    expect(facts.connectors).toEqual(["lightning"]);
    expect(facts.watts).toEqual([20]);
    expect(facts.models).toEqual(["apple-iphone-14", "apple-iphone-13", "apple-iphone-13-pro", "apple-iphone-12"]);
    expect(facts.source).toMatchObject({ connectors: "text", models: "text", watts: "text" });
  });

  it("does not take a cable's recommended charger for its wattage, nor a wireless earbud's charging port", () => {
    expect(fitFactsOf({ title: "USB-C to Lightning Cable", description: "Use a 20W or higher USB-C Power Adapter" }).watts).toEqual([]);
    const earbuds = fitFactsOf({ title: "True Wireless Earbuds with Type C Fast Charging, 40H Playtime", category: ["Headphones", "In-Ear"] });
    expect(earbuds.kind).toBe("earphones");
    expect(earbuds.connectors).toEqual([]);
  });

  it("reads a phone's storage, battery, screen, charging and ports", () => {
    const facts = fitFactsOf({
      title: "Redmi Note 11 (Space Black, 6GB RAM, 64GB Storage) | 33W Charger Included",
      category: ["Mobiles", "Smartphones"],
      attrs: { about: "Display: 16.33 centimeters (6.43 inch)|Battery: 5000 mAh with 33W fast charger and Type-C connectivity|64GB storage expandable up to 512GB with dedicated SD card slot" },
    });
    expect(facts).toMatchObject({ role: "device", kind: "smartphone", models: ["xiaomi-redmi-note-11"], gb: [64], mah: [5000], watts: [33], connectors: ["usb-c"], cards: ["microsd"] });
    expect(facts.sizes).toEqual([{ unit: "in", min: 6.43, max: 6.43 }]);
  });

  it("reads specification attributes outside the documented vocabulary", () => {
    const facts = fitFactsOf({
      title: "LG Tribute", brand: "LG", category: ["Cell Phones", "Smartphones"],
      attrs: { display_size_in: 4.5, battery_mah: 2100, card_slot: "microSD", audio_jack: "Yes", ram_gb: 1 },
    });
    expect(facts).toMatchObject({ models: ["lg-tribute"], mah: [2100], cards: ["microsd"], connectors: ["jack-3.5mm"] });
    expect(facts.source).toMatchObject({ mah: "specs", cards: "specs", models: "text" });
  });

  it("lets curated attrs win over text, fact type by fact type", () => {
    const facts = fitFactsOf({
      title: "Spigen Case for iPhone 15 Pro, with USB-C cutout",
      category: ["Phones", "Cases"],
      attrs: { kind: "phone-case", fits_models: ["apple-iphone-15-pro-max"] },
    });
    expect(facts).toMatchObject({ role: "accessory", kind: "case", models: ["apple-iphone-15-pro-max"] });
    expect(facts.source.models).toBe("attrs");
    expect(facts.source.role).toBe("attrs");
  });

  it("gives an `other` product no fit facts", () => {
    const facts = fitFactsOf({ title: "Prestige Electric Kettle 1500 Watts, 1.5 Litre", category: ["Home & Kitchen", "Kettles"] });
    expect(facts).toMatchObject({ role: "other", models: [], watts: [] });
    expect(facts.kind).toBeUndefined();
  });
});
