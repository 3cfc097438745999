/**
 * @module
 * The customer base: how often each customer buys (a heavy-tailed activity weight, so most orders come from
 * repeat customers), their persona, price tier and phone ecosystem, and the devices they own, which later
 * accessory-only orders are bought for. Typed arrays keep a million-order run small.
 */
import { DEVICE_FAMILIES, type DeviceFamily } from "./devices";
import { ECOSYSTEM_SHARES, PERSONA_SHARES, TIER_SHARES } from "./planted-plan";
import { Rng } from "../../core/random/rng";

const ORDERS_PER_CUSTOMER = 3.4;

export class Customers {
  readonly count: number;
  readonly persona: Uint8Array;
  readonly tier: Uint8Array;
  readonly ecosystem: Uint8Array;
  readonly orders: Uint32Array;
  /** Owned device model index (into Catalog.models) per family, -1 for none. */
  readonly owned: Record<DeviceFamily, Int32Array>;
  private readonly cumulative: Float64Array;

  constructor(seed: number, orders: number) {
    const rng = new Rng(seed, "customers");
    this.count = Math.max(200, Math.round(orders / ORDERS_PER_CUSTOMER));
    this.persona = new Uint8Array(this.count);
    this.tier = new Uint8Array(this.count);
    this.ecosystem = new Uint8Array(this.count);
    this.orders = new Uint32Array(this.count);
    this.cumulative = new Float64Array(this.count);
    this.owned = Object.fromEntries(DEVICE_FAMILIES.map((f) => [f, new Int32Array(this.count).fill(-1)])) as Record<DeviceFamily, Int32Array>;
    let total = 0;
    for (let i = 0; i < this.count; i++) {
      this.persona[i] = rng.weighted(PERSONA_SHARES);
      this.tier[i] = rng.weighted(TIER_SHARES);
      this.ecosystem[i] = rng.weighted(ECOSYSTEM_SHARES);
      // Pareto activity (alpha 1.6), capped so no single customer dominates.
      total += Math.min(40, (1 - rng.float()) ** (-1 / 1.6));
      this.cumulative[i] = total;
    }
  }

  /** A customer index drawn by activity. */
  pick(rng: Rng): number {
    const target = rng.float() * (this.cumulative[this.count - 1] as number);
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  static id(index: number): string {
    return `cust-${String(index + 1).padStart(6, "0")}`;
  }
}
