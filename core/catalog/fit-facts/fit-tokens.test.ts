import { describe, expect, it } from "vitest";
import { provides, requirement } from "../compatibility";
import { fitFactsOf } from "./extract-fit-facts";
import { decideFit, decideFitOf, fitProfileOf, fitRequirementOf } from "./fit-tokens";

const facts = (title: string, category: string[], about = "") => fitFactsOf({ title, category, attrs: { about } });
const iphone15 = facts("Apple iPhone 15 (128 GB) - Black", ["Mobiles", "Smartphones"], "USB Type-C connector");
const galaxyS24 = facts("Samsung Galaxy S24 5G (Onyx Black, 8GB, 256GB Storage)", ["Mobiles", "Smartphones"], "Type-C port");
const iphone13 = facts("Apple iPhone 13 (128GB) - Midnight", ["Mobiles", "Smartphones"], "Lightning connector");
const noPortPhone = facts("Redmi 12C (Mint Green, 4GB RAM, 64GB Storage)", ["Mobiles", "Smartphones"]);

describe("fit facts as compatibility tokens", () => {
  it("a device provides its model, ports and audio in the compat-index namespaces", () => {
    expect(fitProfileOf(iphone15).tokens).toEqual(["model:apple-iphone-15", "conn:usb-c", "audio:wired"]);
  });

  it("decides model-specific accessories: fits, and proven incompatible when both sides state models", () => {
    const iphone15Case = facts("Clear Back Cover Case for iPhone 15", ["Phones", "Cases"]);
    expect(decideFitOf(iphone15, iphone15Case)).toBe("fits");
    expect(decideFitOf(galaxyS24, iphone15Case)).toBe("no_fit");
    expect(fitRequirementOf(iphone15Case)?.slot).toBe("case");
  });

  it("decides connector accessories by the plug, not by the example models they list", () => {
    const lightning = facts("USB to Lightning Cable compatible for iPhone 13, 12, 11", ["Cables", "USB Cables"]);
    expect(fitRequirementOf(lightning)?.clauses).toEqual([{ condition: { anyOf: ["conn:lightning"] }, exhaustive: true }]);
    expect(decideFitOf(iphone13, lightning)).toBe("fits");
    expect(decideFitOf(iphone15, lightning)).toBe("no_fit");
    expect(decideFitOf(noPortPhone, lightning)).toBe("unknown");
  });

  it("treats a model list without a connector as examples: a match fits, a miss is not proof", () => {
    const cable = facts("Fast Charging Data Cable compatible for iPhone 13, 12, 11", ["Cables"]);
    expect(decideFitOf(iphone13, cable)).toBe("fits");
    expect(decideFitOf(iphone15, cable)).toBe("unknown");
  });

  it("checks memory cards by format and laptop bags by screen size", () => {
    const phone = facts("Samsung Galaxy M13 (Aqua Green, 4GB, 64GB Storage)", ["Smartphones"], "Dedicated microSD card slot");
    const microsd = facts("SanDisk Ultra microSDXC UHS-I Card 128GB", ["Memory Cards", "MicroSD"]);
    const sd = facts("SanDisk Extreme SDXC UHS-I 64GB Card", ["Memory Cards"]);
    expect(decideFitOf(phone, microsd)).toBe("fits");
    expect(decideFitOf(phone, sd)).toBe("no_fit");
    const laptop = facts('Lenovo IdeaPad 3 15.6" FHD Laptop (8GB/512GB SSD)', ["Laptops"]);
    expect(decideFitOf(laptop, facts('Laptop Sleeve fits upto 13.3" Laptop', ["Laptop Sleeves"]))).toBe("no_fit");
    expect(decideFitOf(laptop, facts("Laptop Bag Sleeve for 15.6 Inch Laptop", ["Laptop Sleeves"]))).toBe("fits");
  });

  it("leaves accessories without fit facts unconstrained", () => {
    expect(decideFitOf(iphone15, facts("Wireless Optical Mouse with USB Receiver", ["Mice"]))).toBe("unconstrained");
  });

  it("meets curated devices in the same token space as text-read accessories", () => {
    const curated = { brand: "Apple", attrs: { kind: "smartphone", device_model: "apple-iphone-15", connector: "usb-c" } };
    const usbc = fitRequirementOf(facts("Type C to Type C 65W Cable", ["Cables"]))!;
    const lightning = fitRequirementOf(facts("USB-A to Lightning Cable", ["Cables"]))!;
    expect(decideFit(provides(curated), usbc)).toBe("fits");
    expect(decideFit(provides(curated), lightning)).toBe("no_fit");
    const curatedCase = { attrs: { kind: "phone-case", fits_models: ["apple-iphone-15"] } };
    expect(requirement(curatedCase)?.conditions).toEqual([fitRequirementOf(facts("Case for iPhone 15", ["Cases"]))!.clauses[0].condition]);
  });
});
