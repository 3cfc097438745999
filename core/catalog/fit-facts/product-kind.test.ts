import { describe, expect, it } from "vitest";
import { productKind } from "./product-kind";

const kindOf = (title: string, category: string[] = []) => {
  const k = productKind(title, category);
  return `${k.role}/${k.kind ?? "-"}`;
};

describe("role and kind without the demo's vocabulary", () => {
  it("takes the head noun of the title: the last kind word before 'for', 'with', 'compatible'", () => {
    expect(kindOf("Wayona Nylon Braided USB to Lightning Cable Compatible for iPhone 13")).toBe("accessory/cable");
    expect(kindOf("Noise Smart Watch Charger 2 Pin USB Magnetic Charger")).toBe("accessory/charger");
    expect(kindOf("Gizga Laptop Bag Sleeve with Handle for 14.1 Inch Laptop")).toBe("accessory/bag");
    expect(kindOf("Heavy Duty TV Wall Mount Stand for 12 to 27 inches")).toBe("accessory/mount");
    expect(kindOf("HP USB Wireless Keyboard and Mouse Set with 10m Range")).toBe("accessory/keyboard");
    expect(kindOf("Silicone Case Cover Compatible for Samsung Smart TV Remote")).toBe("accessory/case");
    expect(kindOf("HP 65W AC Laptops Charger Adapter 4.5mm for HP Pavilion")).toBe("accessory/charger");
  });

  it("makes in-ear headphones earphones, and reads devices from the title", () => {
    expect(kindOf("PTron in-Ear Wired Headphones with Mic")).toBe("accessory/earphones");
    expect(kindOf("boAt Rockerz 450 Bluetooth On Ear Headphones with Mic")).toBe("accessory/headphones");
    expect(kindOf("Nokia 105 Single SIM, Keypad Mobile Phone with FM Radio")).toBe("device/mobile-phone");
    expect(kindOf("Croma 80 cm (32 Inches) HD Ready LED TV (CREL7369, Black)")).toBe("device/tv");
  });

  it("falls back to the category path, leaf first, then to the title's device family", () => {
    expect(kindOf("Redmi Note 11 (Space Black, 6GB RAM, 64GB Storage)", ["Electronics", "Mobiles & Accessories", "Smartphones"])).toBe("device/smartphone");
    expect(kindOf("Samsung Galaxy M04 Light Green, 4GB RAM, 64GB Storage", ["Mobiles", "Smartphones"])).toBe("device/smartphone");
    expect(kindOf("Xiaomi Mi Notebook", ["Computers & Tablets", "Laptops", "Notebook"])).toBe("device/laptop");
    expect(kindOf("Redmi Note 11 (Space Black, 6GB RAM, 64GB Storage)")).toBe("device/smartphone");
  });

  it("calls what is neither device nor accessory other", () => {
    expect(kindOf("Sujata Dynamix DX Mixer Grinder, 900W, 3 Jars", ["Home & Kitchen", "Small Kitchen Appliances", "Mixer Grinders"])).toBe("other/-");
    expect(kindOf("Luxor 5 Subject Single Ruled Notebook - A5 Size", ["Office Products", "Stationery", "Composition Notebooks"])).toBe("other/-");
    expect(kindOf("Portronics Ruffpad 12E LCD Writing Pad", ["Computers", "Graphic Tablets"])).toBe("other/-");
  });
});
