import { describe, expect, it } from "vitest";
import { modelName } from "./model-names";

const named = (title: string, brand: string, device_model?: string) => modelName({ title, brand, attrs: device_model === undefined ? {} : { device_model } });

describe("model names for reasons", () => {
  it("keeps the title words that spell the model, without the brand", () => {
    expect(named("Apple iPhone 17 Pro Max 256 GB, Cosmic Orange", "Apple", "apple-iphone-17-pro-max")).toBe("iPhone 17 Pro Max");
    expect(named('Acer Nitro V 15 15.6" AMD Ryzen 5 7535HS, RTX 4050', "Acer", "acer-nitro-v-15")).toBe("Nitro V 15");
    expect(named("Apple iPad Air 13-inch (M3) 128 GB, Blue", "Apple", "apple-ipad-air-13-inch-m3")).toBe("iPad Air 13-inch (M3)");
    expect(named("Google Pixel Watch 4 41mm, Matte Black", "Google", "google-pixel-watch-4-41mm")).toBe("Pixel Watch 4 41mm");
    expect(named("OnePlus 16 256 GB, Sand Storm", "OnePlus", "oneplus-16")).toBe("OnePlus 16");
  });

  it("falls back to the title when the title does not spell the model", () => {
    expect(named("Some Phone", "Acme", "other-model")).toBe("Some Phone");
    expect(named("Plain accessory", "Acme")).toBe("Plain accessory");
  });
});
