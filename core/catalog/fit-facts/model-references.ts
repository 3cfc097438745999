/**
 * @module
 * Device models named in free text, as slugs: `brand-family-designator-qualifiers`. A reference starts at a brand
 * or family word ("Samsung", "Galaxy", "iPhone"), takes at most two capitalised words before its first designator
 * ("HP Pavilion TouchSmart 15", "Galaxy Z Fold3"), and continues as a list: each item is a designator (a token
 * with a digit, or a family's letter model such as iPhone X) with its qualifiers (Pro, Max, Plus, "+", Ultra, ...).
 *
 *   "iPhone 13, 12, 11"        -> apple-iphone-13, apple-iphone-12, apple-iphone-11
 *   "Galaxy S24/S24+"          -> samsung-galaxy-s24, samsung-galaxy-s24-plus
 *   "iPhone 13/13 Pro/Max"     -> ..., apple-iphone-13-pro, apple-iphone-13-pro-max (a qualifier-only item
 *                                 extends the previous designator; "Max" after "Pro" means "Pro Max")
 *   "Note 10 9 8", "SM-P610/615" -> note-10, note-9, note-8; sm-p610, sm-p615 (a bare number keeps the previous
 *                                 item's letter prefix)
 *   "iPhone 11 to 14", "11-14" -> 11, 12, 13, 14 (integer ranges of at most 10 steps)
 *   "iPad Pro 12.9''", "iPad 4th gen" -> apple-ipad-pro-12-9-inch, apple-ipad-gen-4
 *
 * Network suffixes (5G, 4G) are dropped; "Samsung S22" gets its `galaxy`; a family word glued to digits is split
 * ("iPod nano7", "Note10"), and so is a qualifier glued to a designator ("S20FE", "XsMax").
 */
import { type Family, FAMILIES, matchFamily } from "./brand-families";
import { normalizeText, slugify, type Token, tokenize } from "./product-text";

export const QUALIFIERS: ReadonlySet<string> = new Set([
  "pro", "max", "plus", "+", "mini", "ultra", "lite", "fe", "xl", "neo", "prime", "power", "play", "premium", "alpha", "slim",
  "edge", "fold", "flip",
]);
export const DROPPED: ReadonlySet<string> = new Set(["5g", "4g", "3g", "lte"]);
export const ROMAN: ReadonlySet<string> = new Set(["ii", "iii", "iv", "v", "vi", "vii", "viii"]);
/** Words that lead a designator ("Note 10", "Tab S6", "Series 9"), and the brands that use them. */
const PREFIXES: Readonly<Record<string, readonly string[]>> = { note: ["samsung", "xiaomi", "infinix"], tab: ["samsung", "lenovo"], series: ["apple"] };
const SEPARATORS: ReadonlySet<string> = new Set(["/", ",", "&", "and", "or", ";"]);
const LIST_SEPARATORS: ReadonlySet<string> = new Set([...SEPARATORS, "(", ")"]);
/** Words skipped between a family and its designator ("Mi Smart LED 4A"). */
const SKIPPED: ReadonlySet<string> = new Set(["smart", "led", "tv", "android"]);
/** Words that end a reference before its designator: kinds and specs, not names. */
const GENERIC: ReadonlySet<string> = new Set([
  "remote", "control", "cable", "charger", "adapter", "adaptor", "case", "cover", "screen", "protector", "glass", "tempered",
  "phone", "phones", "mobile", "mobiles", "smartphone", "smartphones", "tablet", "tablets", "laptop", "laptops", "devices",
  "device", "series", "usb", "type", "wireless", "wired", "bluetooth", "fast", "charging", "power", "bank", "original",
  "compatible", "for", "with", "pack", "combo", "black", "white", "grey", "gray", "blue", "red", "green", "silver", "gold",
  "all", "other", "and", "or", "models", "model", "version", "edition", "new", "latest", "users", "only", "not", "the",
  "to", "in", "on", "of", "at", "from", "by", "up", "just", "a", "an", "is", "are", "it", "its", "this", "that", "your",
]);
/** Words passed over between list items ("Galaxy S21/S20 series, Note20"). */
const LIST_FILLERS: ReadonlySet<string> = new Set(["series", "models", "model", "etc", "etc.", "devices", "phones"]);
/** Numbers joined to a word that measures or counts ("1-year", "3-pin", "2-in-1") are not model names. */
const COUNTED = /^\d+-(?:years?|months?|days?|hours?|packs?|pieces?|pcs|ports?|pins?|ft|foot|feet|meters?|m|ways?|layers?|cores?|speeds?|in-1|stages?|channels?|step|sided|inch(?:es)?|mm|cm)$/;
export const UNIT = /^\d+(?:\.\d+)?(?:gb|tb|mb|kb|mah|w|wh|kw|v|ma|hz|khz|mhz|ghz|mp|mm|cm|m|ft|feet|fps|nits?|mbps|gbps|%|in|inch|inches|kg|ml|l|ltr|rpm|db|k|amp|amps|pcs|pc|mtr|meter|meters|mins?|hrs?|deg|pct)$/;
/** Colour words of product variants ("Dark Blue", "(Titan Gray)"). */
export const COLOURS: ReadonlySet<string> = new Set([
  "black", "white", "blue", "green", "red", "grey", "gray", "silver", "gold", "pink", "purple", "yellow", "orange",
  "brown", "dark", "light", "midnight", "space", "rose", "cyan", "charcoal", "graphite", "titan", "titanium", "sky",
  "aqua", "mint", "navy", "beige", "cream", "violet", "bronze", "copper", "jet", "matte", "deep", "sea", "sand",
  "stardust", "emerald", "phantom", "stealth", "mystery", "fantastic", "legion", "moonstone", "turquoise", "scarlet",
]);
const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;
const ORDINAL_WORDS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const YEAR = /^(?:19|20)\d\d$/;

export interface Context {
  brand: string;
  family?: Family;
}

interface Item {
  core: string;
  /** A brand-level model code ("SM-X200"): named without the family. */
  code?: boolean;
  quals: string[];
  between: string[];
  next: number;
}

/** "i-Phone", "i Pad", "Play Station", "One Plus" -> one word; PS4 -> PlayStation 4. */
export function prepare(text: string): string {
  return normalizeText(text)
    .replace(/\bi[- ]?(phone|pad|pod)(?:s\b|\b|(?=\d))/gi, (_m, w: string) => `i${w.toLowerCase()}`)
    .replace(/(\d)\s?%/g, "$1pct")
    .replace(/\bplay ?station\b/gi, "PlayStation")
    .replace(/\bps ?([2-5])\b/gi, "PlayStation $1")
    .replace(/\bone ?plus\b/gi, "OnePlus");
}

const GLUED_FAMILY = /^(iphone|ipad|ipod|air|mini|nano|note|nokia|pixel|redmi|galaxy|moto|mi|pencil|airpods)(\d[a-z0-9+]*)$/i;
const GLUED_QUALIFIER = /^(.*\d.*|x|xs|xr)(pro|max|plus|mini|ultra|lite|fe)$/i;

/** Splits glued families and qualifiers, "S10+" into "S10" "+", "Pro-Max" into "Pro" "Max". */
export function expand(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  const push = (t: Token, text: string) => out.push({ ...t, text, lower: text.toLowerCase() });
  const split = (t: Token) => {
    let text = t.text;
    const plus = /^(.+?[a-z0-9])(\++)$/i.exec(text);
    if (plus !== null) text = plus[1];
    const fam = GLUED_FAMILY.exec(text);
    const parts: string[] = [];
    if (fam !== null) {
      parts.push(fam[1]);
      text = fam[2];
    }
    const hyphenQualifiers = text.split("-");
    if (hyphenQualifiers.length > 1 && hyphenQualifiers.every((p) => QUALIFIERS.has(p.toLowerCase()))) parts.push(...hyphenQualifiers);
    else {
      const qual = GLUED_QUALIFIER.exec(text);
      if (qual !== null && qual[1].length > 0) parts.push(qual[1], qual[2]);
      else parts.push(text);
    }
    if (plus !== null) parts.push("+");
    for (const p of parts) push(t, p);
  };
  for (const t of tokens) split(t);
  return out;
}

export function isDesignator(w: string, context: Context): boolean {
  if (w === undefined) return false;
  if (context.family?.letterModels?.includes(w)) return true;
  if (!/\d/.test(w) || UNIT.test(w) || DROPPED.has(w) || /^\d{3,4}p$/.test(w) || /^\d+\.\d+$/.test(w)) return false;
  if (/^\d{7,}$/.test(w) || w.length > 16 || COUNTED.test(w)) return false;
  return /^[a-z0-9][a-z0-9-]*$/.test(w);
}

const isCapitalized = (t: Token | undefined) => t !== undefined && /^[A-Z]/.test(t.text);
const isGen = (w: string | undefined) => w === "gen" || w === "generation" || w === "gen." || w === "gene";

function ordinalOf(w: string | undefined): number | undefined {
  if (w === undefined) return undefined;
  const m = ORDINAL.exec(w);
  if (m !== null) return Number(m[1]);
  return ORDINAL_WORDS[w];
}

export class ReferenceReader {
  private readonly words: string[];

  constructor(private readonly tokens: readonly Token[]) {
    this.words = tokens.map((t) => t.lower);
  }

  static of(text: string): ReferenceReader {
    return new ReferenceReader(expand(tokenize(prepare(text))));
  }

  /** All references in the text. */
  all(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.tokens.length; ) i = Math.max(i + 1, this.readAt(i, out));
    return out;
  }

  /**
   * References starting exactly at token `i` (a brand or family word); returns the index after them. `direct`: only
   * a family followed right away by its designator (an accessory's title naming its device up front).
   */
  readAt(i: number, out: string[], options: { direct?: boolean } = {}): number {
    const match = matchFamily(this.words, i);
    if (match === undefined || match.family?.accessoryLine) return i;
    if (options.direct && match.family === undefined) return i;
    return this.readList({ brand: match.brand, family: match.family }, i + match.length, out, options.direct ?? false);
  }

  /** Up to two capitalised name words before the first designator ("Pavilion TouchSmart 15"), skipping TV words. */
  private leadingWords(at: number, context: Context): { between: string[]; next: number } {
    const between: string[] = [];
    let k = at;
    while (k < this.tokens.length && between.length < 2 && this.designatorAt(k, context, true) === undefined) {
      const w = this.words[k];
      if (SKIPPED.has(w)) k++;
      else if (isCapitalized(this.tokens[k]) && !GENERIC.has(w) && /^[a-z][a-z0-9-]*$/.test(w) && matchFamily(this.words, k) === undefined && !LIST_SEPARATORS.has(this.words[k + 1])) {
        between.push(w);
        k++;
      } else break;
    }
    return { between, next: k };
  }

  /**
   * A family without a designator may still head a list: "iPad Air, Air 2" (a sibling family), "Xperia XZ/XZ2" (a
   * letter name before "/"), "Pixel (4, 5)".
   */
  private readWithoutFirst(context: Context, at: number, k: number, out: string[], direct: boolean): number {
    let s = k;
    if (this.words[s] === "(") s++;
    else if (/^[a-z]{1,3}$/.test(this.words[s] ?? "") && SEPARATORS.has(this.words[s + 1]) && !GENERIC.has(this.words[s])) s++;
    const skipped = s > k;
    while (SEPARATORS.has(this.words[s])) s++;
    if (s === k) return at;
    const sibling = this.siblingAt(s, context);
    if (sibling !== undefined) return Math.max(at, this.readList(sibling, s + 1, out, direct));
    return skipped && this.designatorAt(s, context, true) !== undefined ? this.readList(context, s, out, direct) : at;
  }

  private readList(context: Context, at: number, out: string[], direct: boolean): number {
    const { between, next } = direct ? { between: [], next: at } : this.leadingWords(at, context);
    let k = next;
    const first = this.designatorAt(k, context, true);
    if (first === undefined) return this.readWithoutFirst(context, at, k, out, direct);
    first.between = between;
    let previous = first;
    let head = first;
    this.emit(context, first, out);
    k = first.next;
    for (;;) {
      const range = this.rangeAt(k, context, previous);
      if (range !== undefined) {
        for (const item of range.items) this.emit(context, item, out);
        previous = range.items.at(-1) ?? previous;
        k = range.next;
        continue;
      }
      let s = k;
      while (LIST_SEPARATORS.has(this.words[s]) || (LIST_FILLERS.has(this.words[s]) && (LIST_SEPARATORS.has(this.words[s + 1]) || LIST_FILLERS.has(this.words[s + 1])))) s++;
      const separated = s > k;
      if (this.words.slice(k, s).includes("(") && this.variantParenthesis(s)) break;
      const sibling = this.siblingAt(s, context);
      if (sibling !== undefined) {
        const item = this.designatorAt(s + 1, sibling, true);
        if (item === undefined) break;
        context = sibling;
        this.emit(context, item, out);
        previous = item;
        head = item;
        k = item.next;
        continue;
      }
      if (matchFamily(this.words, s) !== undefined) break;
      const size = this.sizeAt(s);
      if (size !== undefined && !(separated && context.family?.sizeNamed)) {
        k = size.next;
        continue;
      }
      let item = size !== undefined ? this.designatorAt(s, context, true) : this.designatorAt(s, context, false);
      if (item !== undefined && head.core.endsWith("-inch") && !item.core.endsWith("-inch") && !/^\d+\.\d+$/.test(this.words[s])) break;
      if (item !== undefined && YEAR.test(item.core) && !(separated && YEAR.test(previous.core))) break;
      const letter = this.words[s] ?? "";
      if (item === undefined && /^[a-z]$/.test(letter) && isCapitalized(this.tokens[s])) {
        item = this.designatorAt(s + 1, context, false);
        if (item !== undefined && !item.core.startsWith(letter)) item.between = [letter];
      }
      if (item !== undefined) {
        item.core = inheritPrefix(previous.core, item.core);
        if (previous.code && /^[a-z]{1,4}-[a-z]*\d/.test(item.core)) item.code = true;
        if (item.between.length === 0 && !(previous.between.length === 1 && previous.between[0].length === 1)) item.between = previous.between;
        this.emit(context, item, out);
        previous = item;
        k = item.next;
        continue;
      }
      if (separated && QUALIFIERS.has(this.words[s])) {
        const quals: string[] = [];
        let q = s;
        while (QUALIFIERS.has(this.words[q])) quals.push(this.words[q++]);
        if (quals.length === 1 && quals[0] === "max" && previous.quals.includes("pro")) quals.unshift("pro");
        const extended: Item = { core: previous.core, quals, between: previous.between, next: q };
        this.emit(context, extended, out);
        k = q;
        continue;
      }
      break;
    }
    return k;
  }

  /** Another family of the same brand sharing the first word, named by its last word ("iPad Air, mini 2"). */
  private siblingAt(s: number, context: Context): Context | undefined {
    const family = context.family;
    const w = this.words[s];
    if (family === undefined || w === undefined) return undefined;
    for (const other of FAMILIES) {
      if (other.brand !== family.brand || other.words.length < 2) continue;
      if (other.words[0] === family.words[0] && other.words.at(-1) === w) return { brand: other.brand, family: other };
    }
    return undefined;
  }

  private designatorAt(k: number, context: Context, first: boolean): Item | undefined {
    const w = this.words;
    let core: string | undefined;
    let next = k;
    const ordinal = ordinalOf(w[k]);
    if (ordinal !== undefined && isGen(w[k + 1])) [core, next] = [`gen-${ordinal}`, k + 2];
    else if ((ordinal !== undefined || /^\d{1,2}$/.test(w[k] ?? "")) && this.endsInGeneration(k)) [core, next] = [`gen-${ordinal ?? Number(w[k])}`, k + 1];
    else if (isGen(w[k]) && /^\d+$/.test(w[k + 1] ?? "")) [core, next] = [`gen-${w[k + 1]}`, k + 2];
    else if (first && w[k] === "(" && ordinalOf(w[k + 1]) !== undefined && isGen(w[k + 2]) && w[k + 3] === ")") [core, next] = [`gen-${ordinalOf(w[k + 1])}`, k + 4];
    else if (first && w[k] === "(" && (YEAR.test(w[k + 1] ?? "") || isDesignator(w[k + 1], context))) {
      let close = k + 2;
      while (QUALIFIERS.has(w[close])) close++;
      if (w[close] === ")") {
        const inner = w.slice(k + 1, close);
        return { core: inner[0], quals: inner.slice(1), between: [], next: close + 1 };
      }
    }
    else if (first && context.family?.sizeNamed) {
      const size = this.sizeAt(k);
      if (size !== undefined) [core, next] = [`${slugify(size.value)}-inch`, size.next];
    }
    if (core === undefined && context.family?.sizeNamed && /^\d{1,2}\.\d$/.test(w[k] ?? "")) [core, next] = [w[k], k + 1];
    if (core === undefined && PREFIXES[w[k]]?.includes(context.brand) && isDesignator(w[k + 1], context)) [core, next] = [`${w[k]}-${w[k + 1]}`, k + 2];
    const glued = /^gen(\d+)$/.exec(w[k] ?? "");
    if (core === undefined && glued !== null) {
      if (!first) return undefined;
      [core, next] = [`gen-${glued[1]}`, k + 1];
    }
    let code = false;
    if (core === undefined && isDesignator(w[k], context)) {
      [core, next] = [w[k], k + 1];
      code = /^[a-z]{1,4}-[a-z]*\d/.test(w[k]);
    }
    if (core === undefined) return undefined;
    if (/^\d+$/.test(core) && /^(?:ft|feet|foot|m|meters?|cm|mm|inch(?:es)?|packs?|pcs|pieces?|years?|months?|ports?)$/.test(w[next] ?? "")) return undefined;
    const quals: string[] = [];
    const letterModel = context.family?.letterModels?.includes(core) ?? false;
    for (;;) {
      const q = w[next];
      if (q === undefined) break;
      const named = q === "(" ? this.namingParenthesis(next, core, letterModel) : undefined;
      if (named !== undefined) {
        quals.push(named.part);
        next = named.next;
        continue;
      }
      if (core.endsWith("-inch")) break;
      if (q === "+" && /^[a-z]/.test(w[next + 1] ?? "") && !DROPPED.has(w[next + 1]) && !QUALIFIERS.has(w[next + 1]) && this.designatorAt(next + 1, context, false) === undefined) break;
      if (q === "edge" && w[next + 1] === "to") break;
      if (q === "mark" && ROMAN.has(w[next + 1] ?? "")) {
        quals.push(q, w[next + 1]);
        next += 2;
        continue;
      }
      if (QUALIFIERS.has(q)) quals.push(q === "+" ? "plus" : q);
      else if (DROPPED.has(q)) {
        /* network suffix */
      } else if (ROMAN.has(q) && /^[IVX]+$/.test(this.tokens[next].text)) quals.push(q);
      else if (YEAR.test(q) && quals.length === 0 && /^(?:[a-z]?\d{1,2}[a-z]?|[a-z]{1,2})$/.test(core)) {
        quals.push(q);
        next++;
        break;
      } else if (/^\d+$/.test(core) && /^[a-z]\d$/.test(q) && isCapitalized(this.tokens[next])) quals.push(q);
      else if (ordinalOf(q) !== undefined && isGen(w[next + 1])) next++;
      else if (/^gen\d+$/.test(q)) {
        /* generation after the designator */
      } else if (isGen(q)) {
        if (/^\d+$/.test(w[next + 1] ?? "")) next++;
      }
      else if (q === "(" && this.skippableParenthesis(next) !== undefined) next = this.skippableParenthesis(next)! - 1;
      else if (this.sizeAt(next) !== undefined && context.family?.sizeNamed) next = this.sizeAt(next)!.next - 1;
      else break;
      next++;
    }
    return { core, ...(code ? { code } : {}), quals, between: [], next };
  }

  /**
   * A parenthesis right after a designator that is part of the model's name: a chip or code ("iPad Air 11-inch
   * (M3)", "CX1 (CX1500)"), a year or model number after a designator ("Fire 7 (2019)", "XPS 13 (9350)"), a
   * generation after a letter model
   * ("iPhone SE (3rd generation)").
   */
  private namingParenthesis(k: number, core: string, letterModel: boolean): { part: string; next: number } | undefined {
    const w = this.words;
    const inner = w[k + 1] ?? "";
    if (w[k + 2] === ")") {
      if (/^[a-z]{1,2}\d{1,4}[a-z]?$/.test(inner) && !UNIT.test(inner) && !DROPPED.has(inner)) return { part: inner, next: k + 3 };
      if (/^\d{3,5}$/.test(inner) && !core.endsWith("-inch") && !YEAR.test(core)) return { part: inner, next: k + 3 };
    }
    if (letterModel) {
      const ordinal = ordinalOf(inner);
      if (ordinal !== undefined && isGen(w[k + 2]) && w[k + 3] === ")") return { part: `gen-${ordinal}`, next: k + 4 };
      if (isGen(inner) && /^\d+$/.test(w[k + 2] ?? "") && w[k + 3] === ")") return { part: `gen-${w[k + 2]}`, next: k + 4 };
    }
    return undefined;
  }

  /** The parenthesis opened before `s` describes a variant (a colour or a length): "(Wc3Cb1, Black)", "(3 FT, Grey)". */
  private variantParenthesis(s: number): boolean {
    for (let j = s; j < this.words.length && this.words[j] !== ")"; j++) if (COLOURS.has(this.words[j]) || UNIT.test(this.words[j])) return true;
    return false;
  }

  /** A run of numbers and ordinals joined by "/", ",", "&" that ends in "gen" ("6/7/8/9th Gen", "3rd/4th generation"). */
  private endsInGeneration(k: number): boolean {
    let j = k + 1;
    while (j < this.words.length && (SEPARATORS.has(this.words[j]) || ordinalOf(this.words[j]) !== undefined || /^\d{1,2}$/.test(this.words[j]))) j++;
    return j > k + 1 && ordinalOf(this.words[j - 1]) !== undefined && isGen(this.words[j]);
  }

  /** `12.9"`, `12.9 inch`, `11-inch`, `(10.5-inch)`. */
  private sizeAt(k: number): { value: string; next: number } | undefined {
    const w = this.words;
    const hyphenated = /^(\d+(?:\.\d+)?)-inch(?:es)?$/.exec(w[k] ?? "");
    if (hyphenated !== null) return { value: hyphenated[1], next: k + 1 };
    if (/^\d+(?:\.\d+)?$/.test(w[k] ?? "") && (w[k + 1] === '"' || w[k + 1] === "inch" || w[k + 1] === "inches")) return { value: w[k], next: k + 2 };
    if (w[k] === "(" && w[k + 2] === ")") {
      const inner = /^(\d+(?:\.\d+)?)-inch(?:es)?$/.exec(w[k + 1] ?? "");
      if (inner !== null) return { value: inner[1], next: k + 3 };
    }
    return undefined;
  }

  /** The index after a parenthesis holding only years, generations and ordinals, e.g. "(2018)", "(Gen 4)". */
  private skippableParenthesis(k: number): number | undefined {
    let j = k + 1;
    while (j < this.words.length && this.words[j] !== ")") {
      const w = this.words[j];
      if (!(YEAR.test(w) || isGen(w) || ordinalOf(w) !== undefined || /^\d+$/.test(w) || SEPARATORS.has(w))) return undefined;
      j++;
    }
    return j < this.words.length ? j + 1 : undefined;
  }

  /** "11 to 14", "11-14": integer designators with the same letter prefix, at most 10 steps. */
  private rangeAt(k: number, context: Context, previous: Item): { items: Item[]; next: number } | undefined {
    const w = this.words[k];
    let upper: Item | undefined;
    if (w === "to" || w === "-") upper = this.designatorAt(k + 1, context, false);
    if (upper === undefined) return undefined;
    const from = /^([a-z-]*)(\d+)$/.exec(previous.core);
    const to = /^([a-z-]*)(\d+)$/.exec(inheritPrefix(previous.core, upper.core));
    if (from === null || to === null || from[1] !== to[1] || previous.quals.length > 0) return undefined;
    const a = Number(from[2]);
    const b = Number(to[2]);
    if (!(b > a && b - a <= 10)) return undefined;
    const items: Item[] = [];
    for (let n = a + 1; n <= b; n++) items.push({ core: `${from[1]}${n}`, quals: n === b ? upper.quals : [], between: previous.between, next: upper.next });
    return { items, next: upper.next };
  }

  private emit(context: Context, item: Item, out: string[]): void {
    const slug = item.code ? modelSlug(context.brand, undefined, [item.core, ...item.quals]) : modelSlug(context.brand, context.family, [...item.between, item.core, ...item.quals]);
    if (!out.includes(slug)) out.push(slug);
  }
}

/** A bare number keeps the letters before the previous item's number ("note-10", "9" -> "note-9"). */
function inheritPrefix(previous: string, current: string): string {
  if (/^\d/.test(current) && !current.includes("-")) {
    const lead = /^([a-z]+-?[a-z]*-?)\d/.exec(previous);
    if (lead !== null) return `${lead[1]}${current}`;
  }
  const hyphen = /^([a-z]{1,3}-)[a-z]*\d/.exec(previous);
  if (hyphen !== null && /^[a-z]+\d/.test(current) && !current.includes("-")) return `${hyphen[1]}${current}`;
  return current;
}

const GALAXY_DESIGNATOR = /^(?:[samfj]\d|note-?\d|tab\b|tab-|z$|z-|fold|flip)/;

/** `brand-family-parts`, with Samsung's `galaxy` added to its phone and tablet lines. */
export function modelSlug(brand: string, family: Family | undefined, parts: readonly string[]): string {
  const slugs = parts.map(slugify).filter((p) => p.length > 0);
  const head = [brand];
  if (family !== undefined) head.push(family.slug);
  else if (brand === "samsung" && slugs.length > 0 && GALAXY_DESIGNATOR.test(slugs[0])) head.push("galaxy");
  return [...head, ...slugs].join("-");
}

/** Every device model named in `text`. */
export function modelReferences(text: string): string[] {
  return ReferenceReader.of(text).all();
}
