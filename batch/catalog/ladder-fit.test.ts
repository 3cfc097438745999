import { describe, expect, it } from "vitest";
import { BasketsBuilder } from "../io/baskets";
import { LADDER_DEFAULTS, type LadderItem } from "./down-sell";
import { fitLadderBands, MIN_PAIRS } from "./ladder-fit";
import { specsOf } from "./spec-distance";

/** Gaming laptops from RTX 4050 to RTX 5090, two of each GPU at two prices. */
function laptops(): { items: LadderItem[]; ids: string[] } {
  const gpus = [50, 60, 70, 80, 90];
  const items: LadderItem[] = [];
  const ids: string[] = [];
  for (const [g, gpu] of gpus.entries()) {
    for (const [v, price] of [1000 + 600 * g, 1150 + 600 * g].entries()) {
      ids.push(`laptop-${gpu}-${v}`);
      items.push({
        price,
        category: "Gaming Laptops",
        specs: specsOf({ brand: v === 0 ? "Lenovo" : "ASUS", attrs: { kind: "gaming-laptop", ram_gb: 16 + 8 * g, gpu: `NVIDIA GeForce RTX 50${gpu}`, screen_in: 16 } }),
        sellable: true,
        clearance: false,
      });
    }
  }
  return { items, ids };
}

function basketsOf(ids: string[]) {
  const builder = new BasketsBuilder();
  for (const id of ids) builder.intern(id);
  return builder.build();
}

describe("down-sell bands checked against what shoppers did", () => {
  it("keeps the defaults without events, and with too few sessions", () => {
    const { items, ids } = laptops();
    const none = fitLadderBands(items, basketsOf(ids), undefined);
    expect(none.source).toBe("defaults");
    expect(none.options.maxDistance).toBe(LADDER_DEFAULTS.maxDistance);
    const few = fitLadderBands(items, basketsOf(ids), { viewSessions: [], purchaseSessions: [{ viewed: [ids[9]], orders: [], bought: [ids[8]] }] });
    expect(few.source).toBe("defaults");
    expect(few.down_sell_pairs).toBe(1);
    expect(few.covered).toBe(few.covered_with_defaults);
  });

  it("learns the price band and spec distance from sessions that viewed a pricier laptop and bought a cheaper one", () => {
    const { items, ids } = laptops();
    // Hesitant shoppers step down one GPU class (or take the cheaper variant): never from an RTX 5090 to an RTX 5050.
    const sessions = [];
    for (let s = 0; s < MIN_PAIRS * 2; s++) {
      const from = 2 + (s % 8);
      const to = s % 3 === 0 ? from - 1 : from - 2;
      sessions.push({ viewed: [ids[from]], orders: [], bought: [ids[to]] });
    }
    const fit = fitLadderBands(items, basketsOf(ids), { viewSessions: [], purchaseSessions: sessions });
    expect(fit.source).toBe("behaviour");
    expect(fit.down_sell_pairs).toBe(sessions.length);
    const ratios = sessions.map(({ viewed, bought }) => items[ids.indexOf(bought[0])].price / items[ids.indexOf(viewed[0])].price);
    expect(fit.options.minPriceRatio).toBeGreaterThanOrEqual(Math.min(...ratios) - 1e-9);
    expect(fit.options.maxPriceRatio).toBeLessThanOrEqual(Math.max(...ratios) + 0.05 + 1e-9);
    // The band the shoppers used rules out the RTX 5090 -> RTX 5050 step, which costs 30% of the price.
    expect(items[0].price / items[9].price).toBeLessThan(fit.options.minPriceRatio);
    expect(fit.covered!).toBeGreaterThanOrEqual(fit.covered_with_defaults!);
    expect(fit.covered!).toBeGreaterThan(0.5);
  });
});
