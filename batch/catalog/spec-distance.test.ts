import { describe, expect, it } from "vitest";
import { specDistance, sharedSpecs, specsOf } from "./spec-distance";
import { cpuOf, gpuOf, osFamily, storageOf } from "./spec-features";

const laptop = (attrs: Record<string, unknown>, brand = "Dell") => specsOf({ brand, attrs: { type: "Notebook", ...attrs } });

describe("spec features read real catalogue spellings", () => {
  it("parses storage strings, CPUs, GPUs and operating systems", () => {
    expect(storageOf({ storage: "128GB SSD +  1TB HDD" })).toEqual({ gb: 1152, type: "ssd" });
    expect(storageOf({ storage: "1.0TB Hybrid" })).toEqual({ gb: 1024, type: "hybrid" });
    expect(storageOf({ storage: "32GB Flash Storage" })).toEqual({ gb: 32, type: "flash" });
    expect(cpuOf("Intel Core i7 7700HQ 2.8GHz")).toMatchObject({ tier: 7, ghz: 2.8 });
    expect(cpuOf("AMD Ryzen AI 9 HX 370")).toMatchObject({ tier: 9 });
    expect(cpuOf("Apple M4 Max 14-core").tier).toBe(8);
    expect(cpuOf("Octa-core 1.3 GHz Cortex-A53")).toMatchObject({ cores: 8, ghz: 1.3 });
    expect(cpuOf("528 MHz ARM 11").ghz).toBeCloseTo(0.528);
    expect(gpuOf("NVIDIA GeForce RTX 4060")).toMatchObject({ discrete: true, score: 60, short: "RTX 4060" });
    expect(gpuOf("AMD Radeon RX 9070 XT")).toMatchObject({ discrete: true, score: 75 });
    expect(gpuOf("Nvidia GeForce GTX 1050 Ti")).toMatchObject({ discrete: true, score: 55 });
    expect(gpuOf("Intel HD Graphics 620")).toMatchObject({ discrete: false });
    expect(osFamily("Android 6.0 (Marshmallow)")).toBe("android");
    expect(osFamily("Mac OS X")).toBe("macos");
    expect(osFamily("No OS")).toBe("none");
    expect(osFamily("Microsoft Windows Phone 8")).toBe("windows-mobile");
  });
});

describe("spec distance", () => {
  it("is 0 for identical specs and follows the documented terms", () => {
    const a = laptop({ ram_gb: 16, screen_in: 15.6 });
    expect(specDistance(a, a)).toBe(0);
    // brand (w 2, same), type (w 2, same), RAM 16 vs 8 over r = 4: delta 0.5 (w 3), screen same (w 2) => 1.5 / 9
    const b = laptop({ ram_gb: 8, screen_in: 15.6 });
    expect(specDistance(a, b)).toBeCloseTo(1.5 / 9, 10);
    // and a different brand adds its full weight: (1.5 + 2) / 9
    expect(specDistance(a, laptop({ ram_gb: 8, screen_in: 15.6 }, "HP"))).toBeCloseTo(3.5 / 9, 10);
  });

  it("compares GPUs and CPUs by class, integrated against discrete as far apart", () => {
    const rtx4060 = laptop({ gpu: "NVIDIA GeForce RTX 4060" });
    const rtx4070 = laptop({ gpu: "NVIDIA GeForce RTX 4070" });
    const igpu = laptop({ gpu: "Intel UHD Graphics 620" });
    // brand and type agree (w 4); GPU w 3: 4060 vs 4070 = clamp(10 / 40, 0.15, 1) = 0.25
    expect(specDistance(rtx4060, rtx4070)).toBeCloseTo((3 * 0.25) / 7, 10);
    expect(specDistance(rtx4060, igpu)).toBeCloseTo(3 / 7, 10);
    const i5 = laptop({ cpu: "Intel Core i5 8250U 1.6GHz" });
    const i7 = laptop({ cpu: "Intel Core i7 8550U 1.8GHz" });
    // CPU w 2 at |5 - 7| / 4 = 0.5, clock 1.6 vs 1.8 GHz (w 1) at ln(1.8 / 1.6) / ln 1.5
    expect(specDistance(i5, i7)).toBeCloseTo((2 * 0.5 + Math.log(1.8 / 1.6) / Math.log(1.5)) / 7, 10);
  });

  it("is not comparable when the items share too little", () => {
    expect(Number.isNaN(specDistance(specsOf({ attrs: { ram_gb: 8 } }), specsOf({ attrs: { ram_gb: 4 } })))).toBe(true);
  });

  it("names the specs two items share exactly, most telling first", () => {
    const a = laptop({ ram_gb: 16, gpu: "NVIDIA GeForce RTX 4060", screen_in: 15.6 });
    const b = laptop({ ram_gb: 16, gpu: "NVIDIA GeForce RTX 4060", screen_in: 16 });
    expect(sharedSpecs(a, b)).toEqual(["RTX 4060", "16 GB RAM"]);
  });
});
