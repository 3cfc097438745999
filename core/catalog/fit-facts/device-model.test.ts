import { describe, expect, it } from "vitest";
import { deviceModels } from "./device-model";

describe("a device's own model from its title", () => {
  it("stops at variants and specs: parentheses, capacities, colours, product nouns", () => {
    expect(deviceModels("Samsung Galaxy M13 5G (Stardust Brown, 6GB, 128GB Storage) | 5000mAh Battery")).toEqual(["samsung-galaxy-m13"]);
    expect(deviceModels("Samsung Galaxy M04 Dark Blue, 4GB RAM, 64GB Storage")).toEqual(["samsung-galaxy-m04"]);
    expect(deviceModels("Apple iPhone 17 Pro Max 256 GB, Cosmic Orange")).toEqual(["apple-iphone-17-pro-max"]);
    expect(deviceModels("Nokia 105 Single SIM, Keypad Mobile Phone with Wireless FM Radio")).toEqual(["nokia-105"]);
  });

  it("takes the brand from the family or the catalogue's brand", () => {
    expect(deviceModels("Redmi Note 11 Pro + 5G (Stealth Black, 8GB RAM, 256GB Storage)")).toEqual(["xiaomi-redmi-note-11-pro-plus"]);
    expect(deviceModels("Xiaomi Redmi 4A")).toEqual(["xiaomi-redmi-4a"]);
    expect(deviceModels("ZenBook UX410UA", "Asus")).toEqual(["asus-zenbook-ux410ua"]);
  });

  it("keeps parentheses that name the model and sizes that are part of an iPad or MacBook name", () => {
    expect(deviceModels("Nokia 150 (2020) (Cyan)")).toEqual(["nokia-150-2020"]);
    expect(deviceModels("Apple iPad Pro 11-inch (M6) 256 GB, Space Black")).toEqual(["apple-ipad-pro-11-inch-m6"]);
    expect(deviceModels("Sony PlayStation 5 Slim (Disc Edition)")).toEqual(["sony-playstation-5-slim-disc-edition"]);
    expect(deviceModels('ASUS ROG Strix G16 (2025) 16" Intel Core Ultra 9 275HX, RTX 5070 Ti')).toEqual(["asus-rog-strix-g16-2025"]);
  });

  it("drops words after the last designator when the title goes on", () => {
    expect(deviceModels("Noise ColorFit Pro 2 Full Touch Control Smart Watch with 35g Weight")).toEqual(["noise-colorfit-pro-2"]);
    expect(deviceModels("Sony Alpha 7 IV Body")).toEqual(["sony-alpha-7-iv"]);
    expect(deviceModels("Samsung i617 BlackJack II")).toEqual(["samsung-i617-blackjack-ii"]);
  });

  it("names a TV by the model code that ends its title", () => {
    expect(deviceModels("Samsung 80 cm (32 inches) Wondertainment Series HD Ready LED Smart TV UA32TE40AAKBXL (Titan Gray)")).toEqual(["samsung-ua32te40aakbxl"]);
    expect(deviceModels("OnePlus 108 cm (43 inches) Y Series 4K Ultra HD Smart Android LED TV 43Y1S Pro (Black)")).toEqual(["oneplus-43y1s-pro"]);
    expect(deviceModels("Redmi 80 cm (32 inches) Android 11 Series HD Ready Smart LED TV | L32M6-RA/L32M7-RA (Black)")).toEqual(["xiaomi-l32m6-ra", "xiaomi-l32m7-ra"]);
  });

  it("adds a code after the last comma to a numbered name, and keeps a watch's case size", () => {
    expect(deviceModels('Lenovo IdeaPad 3 11th Gen Intel Core i3 15.6" FHD Laptop(8GB/512GB SSD), 81X800LGIN')).toEqual(["lenovo-ideapad-3", "lenovo-81x800lgin"]);
    expect(deviceModels("Apple Watch Series 11 42mm GPS + Cellular, Jet Black")).toEqual(["apple-watch-series-11-42mm"]);
  });
});
