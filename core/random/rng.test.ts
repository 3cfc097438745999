import { describe, expect, it } from "vitest";
import { Rng } from "./rng";

describe("Rng", () => {
  it("repeats the same sequence for the same seed and stream", () => {
    const a = new Rng(42, "orders");
    const b = new Rng(42, "orders");
    expect(Array.from({ length: 100 }, () => a.next())).toEqual(Array.from({ length: 100 }, () => b.next()));
  });

  it("gives different sequences for other seeds and other streams", () => {
    const first = (rng: Rng) => Array.from({ length: 8 }, () => rng.next());
    expect(first(new Rng(42, "orders"))).not.toEqual(first(new Rng(43, "orders")));
    expect(first(new Rng(42, "orders"))).not.toEqual(first(new Rng(42, "sessions")));
  });

  it("draws floats in [0, 1) and integers in range, roughly uniformly", () => {
    const rng = new Rng(7);
    const counts = new Array<number>(10).fill(0);
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.float();
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      counts[rng.int(10)]!++;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});
