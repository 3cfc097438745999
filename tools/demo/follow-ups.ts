/**
 * @module
 * The planted follow-up: a gaming-laptop buyer comes back for a gaming keyboard and mouse the same day or within
 * two weeks. Schedules those orders on later days of the window (same-day ones after the laptop's order) and
 * hands them to the day loop when their day comes.
 */
import { DAY_MS, dayStartMs, randomTimeOfDayMs, WINDOW_DAYS } from "./calendar";
import { FOLLOW_UP } from "./planted-plan";
import type { Product } from "./product";
import type { Rng } from "../../core/random/rng";

export interface PendingOrder {
  customer: number;
  products: Product[];
  ts: number;
}

export interface PeripheralPicker {
  keyboard(): Product | undefined;
  mouse(): Product | undefined;
  headset(): Product | undefined;
  mousePad(): Product | undefined;
}

export class FollowUps {
  private readonly pending: PendingOrder[][] = Array.from({ length: WINDOW_DAYS }, () => []);
  private readonly taken = new Int32Array(WINDOW_DAYS);

  /** Plans the follow-up orders of a gaming laptop bought at `laptopTs` on `day`. */
  schedule(customer: number, day: number, laptopTs: number, rng: Rng, pick: PeripheralPicker): void {
    const keyboard = pick.keyboard();
    const mouse = pick.mouse();
    if (!keyboard || !mouse) return;
    const extras = [rng.chance(FOLLOW_UP.headsetShare) ? pick.headset() : undefined, rng.chance(FOLLOW_UP.mousePadShare) ? pick.mousePad() : undefined].filter((p): p is Product => p !== undefined);
    const gap = rng.weighted(FOLLOW_UP.gapWeights);
    if (rng.chance(FOLLOW_UP.splitShare)) {
      this.place(customer, day, laptopTs, gap, [keyboard, ...extras], rng);
      this.place(customer, day, laptopTs, Math.min(FOLLOW_UP.maxGapDays, gap + rng.between(0, 3)), [mouse], rng);
    } else {
      this.place(customer, day, laptopTs, gap, [keyboard, mouse, ...extras], rng);
    }
  }

  private place(customer: number, day: number, laptopTs: number, gap: number, products: Product[], rng: Rng): void {
    let target = day + gap;
    let ts = gap === 0 ? laptopTs + rng.between(10, 240) * 60_000 : dayStartMs(target) + randomTimeOfDayMs(rng);
    if (gap === 0 && ts >= dayStartMs(day) + DAY_MS) {
      target = day + 1;
      ts = dayStartMs(target) + randomTimeOfDayMs(rng);
    }
    if (target >= WINDOW_DAYS) return;
    this.pending[target]!.push({ customer, products, ts });
  }

  /** The next follow-up due on `day`, including ones scheduled during the day itself. */
  take(day: number): PendingOrder | undefined {
    const list = this.pending[day]!;
    const i = this.taken[day]!;
    if (i >= list.length) return undefined;
    this.taken[day] = i + 1;
    return list[i];
  }

  /** Moves what a full day could not take to the next day. */
  carryOver(day: number, rng: Rng): void {
    const list = this.pending[day]!;
    for (let i = this.taken[day]!; i < list.length; i++) {
      const p = list[i]!;
      if (day + 1 < WINDOW_DAYS) this.pending[day + 1]!.push({ ...p, ts: dayStartMs(day + 1) + randomTimeOfDayMs(rng) });
    }
    this.pending[day] = [];
  }
}
