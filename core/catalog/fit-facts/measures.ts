/**
 * @module
 * Numbers with units in text, with where they stand so the caller can read their context: watts (not watt-hours),
 * mAh, storage GB (TB = 1024 GB; tagged RAM, storage or "expandable up to" by the words around them), screen
 * sizes in inches (one value, a range "12 to 27 inches", an upper bound "up to 13.3"") and centimetres, and
 * millimetres ("50 x 50 mm" counts once).
 */

export interface Mention {
  value: number;
  index: number;
  end: number;
}

export interface CapacityMention extends Mention {
  /** RAM, storage, "expandable up to", or one module of a kit ("2x16 GB"). */
  tag?: "ram" | "storage" | "expandable" | "module";
}

export interface SizeMention {
  unit: "in" | "cm";
  min?: number;
  max: number;
  index: number;
  end: number;
}

const num = (s: string) => Number(s.replace(/,/g, ""));

function mentions(text: string, pattern: RegExp, scale = (v: number, _m: RegExpMatchArray) => v): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(pattern)) {
    const index = m.index ?? 0;
    out.push({ value: scale(num(m[1]), m), index, end: index + m[0].length });
  }
  return out;
}

export function wattMentions(text: string): Mention[] {
  return mentions(text, /(?<![a-z\d.])(\d{1,4}(?:\.\d+)?)\s?-?\s?(?:w|watts?)(?![a-z])/gi);
}

export function mahMentions(text: string): Mention[] {
  return mentions(text, /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d{2,6})\s?mah\b/gi);
}

export function capacityMentions(text: string): CapacityMention[] {
  const lower = text.toLowerCase();
  return mentions(lower, /(?<![\d.])(\d{1,4}(?:\.\d+)?)\s?(gb|tb)\b/g, (v, m) => (m[2] === "tb" ? v * 1024 : v)).map((m) => {
    const after = lower.slice(m.end, m.end + 24);
    const before = lower.slice(Math.max(0, m.index - 24), m.index);
    let tag: CapacityMention["tag"];
    if (/\d\s?x\s?$/.test(before)) tag = "module";
    else if (/^\s*(?:of\s+)?(?:expandable\s+|virtual\s+|lpddr\w*\s+|ddr\w*\s+)?(?:ram|lpddr|ddr)/.test(after) || /\bram\s*[:-]?\s*$/.test(before)) tag = "ram";
    else if (/(?:expandable|extendable|up\s?to|upto)\s*(?:up\s?to\s*)?$/.test(before)) tag = "expandable";
    else if (/^\s*(?:of\s+)?(?:internal|storage|rom|ssd|hdd|emmc|ufs|flash|hard|internal memory)/.test(after)) tag = "storage";
    return tag === undefined ? m : { ...m, tag };
  });
}

const INCH = String.raw`(?:"|-?\s?inch(?:es)?\b|-?\s?in\b)`;
const NUMBER = String.raw`(\d{1,3}(?:\.\d{1,2})?)`;

export function sizeMentions(text: string): SizeMention[] {
  const lower = text.toLowerCase();
  const out: SizeMention[] = [];
  const taken = (index: number, end: number) => out.some((s) => index < s.end && end > s.index);
  const add = (s: SizeMention) => {
    if (!taken(s.index, s.end) && s.max > 0) out.push(s);
  };
  const scan = (pattern: RegExp, make: (m: RegExpMatchArray, index: number, end: number) => SizeMention | undefined) => {
    for (const m of lower.matchAll(pattern)) {
      const index = m.index ?? 0;
      const s = make(m, index, index + m[0].length);
      if (s !== undefined) add(s);
    }
  };
  scan(new RegExp(String.raw`${NUMBER}\s?${INCH}?\s?(?:-|to|~)\s?${NUMBER}\s?${INCH}`, "g"), (m, index, end) => {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return b > a ? { unit: "in", min: a, max: b, index, end } : undefined;
  });
  scan(new RegExp(String.raw`(?:up\s?to|upto|below|under|maximum|max\.?|less than)\s?${NUMBER}\s?${INCH}`, "g"), (m, index, end) => ({ unit: "in", max: Number(m[1]), index, end }));
  scan(new RegExp(String.raw`(?<![\d.])${NUMBER}\s?${INCH}`, "g"), (m, index, end) => ({ unit: "in", min: Number(m[1]), max: Number(m[1]), index, end }));
  scan(/(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)\s?(?:cm|centimet(?:er|re)s?)\b/g, (m, index, end) => ({ unit: "cm", min: Number(m[1]), max: Number(m[1]), index, end }));
  return out.sort((a, b) => a.index - b.index);
}

/** Centimetres to inches, two decimals. */
export const cmToInches = (cm: number) => Math.round((cm / 2.54) * 100) / 100;

export function mmMentions(text: string): Mention[] {
  const lower = text.toLowerCase();
  const out: Mention[] = [];
  for (const m of lower.matchAll(/(?<![\d.])(\d{1,3}(?:\.\d)?)\s?(?:x\s?(\d{1,3})\s?)?mm\b/g)) {
    const index = m.index ?? 0;
    out.push({ value: Number(m[1]), index, end: index + m[0].length });
  }
  return out;
}
