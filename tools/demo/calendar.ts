/**
 * @module
 * The fixed sales window (2026-04-01 .. 2026-10-31, UTC), how demand spreads over its days and hours, and
 * timestamp formatting. Never reads the clock: the same flags give the same dates on every machine.
 */
import type { Rng } from "../../core/random/rng";

export const WINDOW_START_MS = Date.UTC(2026, 3, 1);
export const WINDOW_DAYS = 214;
export const DAY_MS = 86_400_000;
export const WINDOW_END_MS = WINDOW_START_MS + WINDOW_DAYS * DAY_MS - 1000;

/** Named sale days: demand multiplier and the discount devices get on those days. */
export const PROMOTIONS = [
  { name: "Summer Deals", from: "2026-07-14", to: "2026-07-16", demand: 1.8, deviceDiscount: 0.1 },
  { name: "Autumn Sale", from: "2026-10-07", to: "2026-10-08", demand: 1.6, deviceDiscount: 0.1 },
] as const;

const WEEKDAY = [1.08, 0.92, 0.95, 0.97, 1.0, 1.05, 1.15]; // Sunday first
const MONTH = [0, 0, 0, 0.95, 0.95, 0.98, 1.0, 1.02, 1.08, 1.05]; // by UTC month index, April..October

/** Relative demand per hour of day (UTC), quiet at night, peaking in the evening. */
const HOUR_WEIGHTS = [
  0.2, 0.1, 0.05, 0.03, 0.03, 0.05, 0.15, 0.35, 0.6, 0.8, 0.9, 1.0, 1.05, 1.0, 0.95, 0.95, 1.0, 1.05, 1.15, 1.3,
  1.35, 1.2, 0.9, 0.5,
];
const HOUR_CUMULATIVE = HOUR_WEIGHTS.map(((sum) => (w: number) => (sum += w))(0));

export function dayStartMs(day: number): number {
  return WINDOW_START_MS + day * DAY_MS;
}

export function dayOf(ms: number): number {
  return Math.floor((ms - WINDOW_START_MS) / DAY_MS);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

let cachedDayMs = Number.NaN;
let cachedDayPrefix = "";
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO-8601 to the second, UTC: `2026-04-01T08:12:33Z`. */
export function isoSeconds(ms: number): string {
  const dayMs = Math.floor(ms / DAY_MS) * DAY_MS;
  if (dayMs !== cachedDayMs) {
    cachedDayMs = dayMs;
    cachedDayPrefix = `${new Date(dayMs).toISOString().slice(0, 10)}T`;
  }
  const s = Math.floor((ms - dayMs) / 1000);
  return `${cachedDayPrefix}${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}Z`;
}

export function promotionOn(day: number): (typeof PROMOTIONS)[number] | undefined {
  const date = isoDate(dayStartMs(day));
  return PROMOTIONS.find((p) => date >= p.from && date <= p.to);
}

/** Relative order volume of each day of the window: weekday, month and sale-day effects. */
export function dayWeights(): number[] {
  const weights: number[] = [];
  for (let day = 0; day < WINDOW_DAYS; day++) {
    const date = new Date(dayStartMs(day));
    weights.push((WEEKDAY[date.getUTCDay()] as number) * (MONTH[date.getUTCMonth()] as number) * (promotionOn(day)?.demand ?? 1));
  }
  return weights;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder), summing exactly to `total`. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[(order[k] as readonly [number, number])[1]]! += 1;
  return parts;
}

/** A time of day in milliseconds, following HOUR_WEIGHTS, to the second. */
export function randomTimeOfDayMs(rng: Rng): number {
  const r = rng.float() * (HOUR_CUMULATIVE.at(-1) as number);
  let hour = 0;
  while ((HOUR_CUMULATIVE[hour] as number) <= r && hour < 23) hour++;
  return (hour * 3600 + rng.int(3600)) * 1000;
}

/** Seasonal multiplier for a product family on a day (back to school, summer outdoors, autumn smart home). */
export function seasonality(family: string, day: number): number {
  const date = isoDate(dayStartMs(day));
  const summer = date >= "2026-06-01" && date <= "2026-08-31";
  const backToSchool = date >= "2026-08-10" && date <= "2026-09-30";
  const autumn = date >= "2026-10-01";
  switch (family) {
    case "laptop":
    case "tablet":
    case "computer-accessories":
      return backToSchool ? 1.4 : 1;
    case "drone":
    case "action_camera":
    case "speakers":
      return summer ? 1.3 : 1;
    case "smart-home":
      return autumn ? 1.3 : 1;
    case "phone":
      return date >= "2026-09-10" && date <= "2026-10-10" ? 1.2 : 1;
    default:
      return 1;
  }
}
