import { describe, expect, it } from "vitest";
import { buildLadders, downSellReason, type LadderItem, similarReason } from "./down-sell";
import { specsOf } from "./spec-distance";

function item(price: number, attrs: Record<string, unknown>, extra: Partial<LadderItem> = {}, brand = "Acme"): LadderItem {
  return { price, category: "Laptops", specs: specsOf({ brand, attrs: { type: "laptop", ...attrs } }), sellable: true, clearance: false, ...extra };
}

describe("down-sell ladders", () => {
  const base = { ram_gb: 16, screen_in: 15.6, gpu: "NVIDIA GeForce RTX 4060" };

  it("keeps cheaper, close, sellable items of the category inside the price band, best first, one per model", () => {
    const items = [
      item(1000, base),
      item(800, base, { model: "m1" }),
      item(760, base, { model: "m1" }),
      item(900, { ...base, ram_gb: 8 }),
      item(980, base),
      item(400, base),
      item(700, base, { sellable: false }),
      item(650, { ...base, gpu: "Intel UHD Graphics", ram_gb: 8 }),
      { ...item(600, base), category: "Tablets" },
      item(1200, base),
    ];
    const { downSell } = buildLadders(items);
    expect(downSell[0].map((e) => e.item)).toEqual([1, 3]);
    expect(downSell[0][0].saving).toBeCloseTo(0.2, 10);
    // Both shared; 16 GB RAM (7 of the 9 laptops) stands out more than the RTX 4060 (8 of 9).
    expect(downSellReason(downSell[0][0])).toBe("Same 16 GB RAM and RTX 4060, 20% cheaper");
    for (const entry of downSell[9]) expect(items[entry.item].price).toBeLessThan(1200);
  });

  it("boosts clearance and margin above the category median", () => {
    const items = [item(1000, base), item(800, base), item(850, base, { clearance: true }), item(820, base, { margin: 0.4 }), item(830, base, { margin: 0.1 })];
    const { downSell } = buildLadders(items);
    // equal distance 0: scores 1, 1.25 (clearance), 1 + (0.4 - 0.4) ... median of [0.1, 0.4] is 0.4
    expect(downSell[0].map((e) => [e.item, Number(e.score.toFixed(3))])).toEqual([[2, 1.25], [1, 1], [3, 1], [4, 0.7]]);
  });

  it("relaxes the distance bound once, and only when nothing is close enough", () => {
    const cases = [
      item(30, { kind: "phone-case" }, { fitKey: "model:a" }, "Apple"),
      item(20, { kind: "phone-case" }, { fitKey: "model:a" }, "Spigen"),
    ];
    const relaxed = buildLadders(cases).downSell[0];
    expect(relaxed.map((e) => e.item)).toEqual([1]);
    expect(relaxed[0].distance).toBeGreaterThan(0.3);
    expect(relaxed[0].distance).toBeLessThanOrEqual(0.5);
    expect(buildLadders(cases, { relaxedMaxDistance: 0.3 }).downSell[0]).toEqual([]);
    const withClose = buildLadders([...cases, item(25, { kind: "phone-case" }, { fitKey: "model:a" }, "Apple")]).downSell[0];
    expect(withClose.map((e) => e.item)).toEqual([2]);
  });

  it("needs the same fit for accessories", () => {
    const a = item(40, { kind: "phone-case" }, { fitKey: "model:a" });
    const sameFit = item(30, { kind: "phone-case" }, { fitKey: "model:a" });
    const otherFit = item(20, { kind: "phone-case" }, { fitKey: "model:b" });
    expect(buildLadders([a, sameFit, otherFit]).downSell[0].map((e) => e.item)).toEqual([1]);
  });

  it("lists similar items at any price nearby, other models only, by distance, leaving the value pick its own", () => {
    const items = [item(1000, base, { model: "m0" }), item(1500, base, { model: "m1" }), item(990, base, { model: "m0" }), item(700, { ...base, ram_gb: 8 }, { model: "m2" }), item(3000, base, { model: "m3" })];
    const { similar, downSell } = buildLadders(items);
    // The cheaper 8 GB model is the value pick; similar items are the others close enough.
    expect(downSell[0].map((e) => e.item)).toEqual([3]);
    expect(similar[0].map((e) => e.item)).toEqual([1]);
    expect(buildLadders(items, { maxPriceRatio: 0.6 }).similar[0].map((e) => e.item)).toEqual([1, 3]);
  });
});

describe("reasons name what makes two items alike", () => {
  const phone = (price: number, chip: string, brand: string, ram = 12) => item(price, { ram_gb: ram, screen_in: 6.7, cpu: chip }, {}, brand);

  it("names the rare shared chipset before the RAM every phone has, and a shared brand that is rare", () => {
    const items = [
      phone(1000, "Qualcomm Snapdragon 8 Gen 3", "Samsung"),
      phone(1050, "Qualcomm Snapdragon 8 Gen 3", "Xiaomi"),
      ...["Tensor G4", "Dimensity 9300", "Exynos 2400", "Apple A18", "Tensor G3", "Dimensity 8300"].map((chip, i) => phone(900 + i * 10, chip, ["Google", "Vivo", "Oppo", "Apple", "Honor", "Nothing"][i])),
    ];
    const { similar } = buildLadders(items);
    const reasons = similar[0].map((e) => [e.item, similarReason(e)]);
    expect(reasons.find(([i]) => i === 1)?.[1]).toMatch(/^Same Qualcomm Snapdragon 8 Gen 3 and /);
    const samsungs = [phone(1000, "Tensor G4", "Samsung"), phone(1100, "Dimensity 9300", "Samsung"), ...["Google", "Vivo", "Oppo", "Apple", "Honor"].map((b, i) => phone(950 + i, "Exynos 2400", b))];
    const byBrand = buildLadders(samsungs).similar[0].find((e) => e.item === 1)!;
    expect(similarReason(byBrand)).toMatch(/^Also Samsung, same /);
  });
});
