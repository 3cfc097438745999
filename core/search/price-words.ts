/**
 * @module
 * What a query says about price: an amount with a bound ("under 50", "below €100", "less than 1k", "over 200",
 * "between 50 and 100", "€30-60", "50 or less"), an amount with a currency alone ("€50", "50 eur": a budget, read
 * as a maximum), or a relative word ("cheap", "budget", "affordable": the lower half of the category's prices,
 * cheapest first; "premium", "high-end": the upper half, dearest first). A number without a bound or a currency
 * is no price ("iPhone 15", "27 inch", "11 to 14").
 */

export interface PriceConstraint {
  min?: number;
  max?: number;
  /** The order results should come in. */
  order?: "asc" | "desc";
  /** "cheap": at most the category's median price; "premium": at least it. */
  band?: "low" | "high";
}

export interface PriceReading {
  price: PriceConstraint;
  /** The query with the price words blanked out. */
  rest: string;
}

const CURRENCY = String.raw`(?:€|\$|£|₹|eur|euros?|usd|dollars?|gbp|pounds?|inr|rs\.?|rupees?)`;
const AMOUNT = String.raw`(\d+(?:[.,]\d{1,2})?)(?:\s?(k)(?![\p{L}\p{N}]))?`;
/** An amount with an optional currency before or after, not followed by a unit ("up to 65W" is no price). */
const MONEY = String.raw`${CURRENCY}?\s?${AMOUNT}\s?(?:${CURRENCY}(?![\p{L}\p{N}])|(?![\p{L}\p{N}]))`;
const AT_MOST = "under|below|less than|cheaper than|up to|upto|within|no more than|at most|<=?";
const AT_LEAST = "over|above|more than|at least|starting at|from|>=?";

const RULES: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpMatchArray) => PriceConstraint }> = [
  { pattern: new RegExp(String.raw`\bbetween\s?${MONEY}\s?(?:and|-|to)\s?${MONEY}`, "giu"), read: (m) => range(amount(m[1], m[2]), amount(m[3], m[4])) },
  {
    pattern: new RegExp(String.raw`(?:${CURRENCY}\s?${AMOUNT}\s?(?:-|to)\s?${CURRENCY}?\s?${AMOUNT}|${AMOUNT}\s?(?:-|to)\s?${AMOUNT}\s?${CURRENCY})`, "giu"),
    read: (m) => (m[1] !== undefined ? range(amount(m[1], m[2]), amount(m[3], m[4])) : range(amount(m[5], m[6]), amount(m[7], m[8]))),
  },
  { pattern: new RegExp(String.raw`(?:^|\s|\b)(?:${AT_MOST})\s?${MONEY}`, "giu"), read: (m) => ({ max: amount(m[1], m[2]) }) },
  { pattern: new RegExp(String.raw`(?:^|\s|\b)(?:${AT_LEAST})\s?(?=${CURRENCY}|\d)${MONEY}`, "giu"), read: (m) => ({ min: amount(m[1], m[2]) }) },
  { pattern: new RegExp(String.raw`${MONEY}\s?(?:or|and)\s(?:less|under|below|cheaper)\b`, "giu"), read: (m) => ({ max: amount(m[1], m[2]) }) },
  { pattern: new RegExp(String.raw`(?:${CURRENCY}\s?${AMOUNT}|${AMOUNT}\s?${CURRENCY})(?![\p{L}\p{N}])`, "giu"), read: (m) => ({ max: m[1] !== undefined ? amount(m[1], m[2]) : amount(m[3], m[4]) }) },
  { pattern: /\b(?:cheap(?:er|est)?|budget|affordable|inexpensive|low[- ]cost|low[- ]priced?|bargains?|economical)\b/giu, read: () => ({ band: "low", order: "asc" }) },
  { pattern: /\b(?:premium|high[- ]end|luxury|expensive|top[- ]end)\b/giu, read: () => ({ band: "high", order: "desc" }) },
];

export function readPrice(query: string): PriceReading {
  let rest = query.toLowerCase();
  const price: PriceConstraint = {};
  for (const rule of RULES) {
    rest = rest.replace(rule.pattern, (...args) => {
      const found = rule.read(args as unknown as RegExpMatchArray);
      if (found.min !== undefined && Number.isFinite(found.min)) price.min = Math.max(price.min ?? 0, found.min);
      if (found.max !== undefined && Number.isFinite(found.max)) price.max = Math.min(price.max ?? Number.POSITIVE_INFINITY, found.max);
      if (found.band !== undefined) price.band ??= found.band;
      if (found.order !== undefined) price.order ??= found.order;
      return " ";
    });
  }
  return { price, rest: rest.replace(/\s+/g, " ").trim() };
}

/** True when the constraint asks nothing. */
export function isOpenPrice(price: PriceConstraint): boolean {
  return price.min === undefined && price.max === undefined && price.band === undefined && price.order === undefined;
}

/** `price` satisfies the bounds (an unknown price satisfies none). */
export function withinPrice(price: number | null | undefined, constraint: PriceConstraint): boolean {
  if (constraint.min === undefined && constraint.max === undefined) return true;
  if (price === null || price === undefined || Number.isNaN(price)) return false;
  return (constraint.min === undefined || price >= constraint.min) && (constraint.max === undefined || price <= constraint.max);
}

function amount(digits: string | undefined, thousands: string | undefined): number {
  if (digits === undefined) return Number.NaN;
  const value = Number(digits.replace(",", "."));
  return thousands === undefined ? value : value * 1000;
}

function range(a: number, b: number): PriceConstraint {
  return a <= b ? { min: a, max: b } : { min: b, max: a };
}
