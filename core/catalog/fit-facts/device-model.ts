/**
 * @module
 * A device's own model from its title, as the slug model references use: the brand (the catalogue's `brand`,
 * else the family's brand, else the title's first word), then the title's name words up to the first variant or
 * spec ("(", "|", ",", " with ", a capacity, a screen size, a CPU, a product noun such as "Smart Watch" or "TV").
 * Parentheses that name the model are kept ("(2020)", "(M4)", "(Disc Edition)"). When the name ends at a product
 * noun or feature word, words after its last designator and qualifiers are dropped as marketing ("Noise ColorFit
 * Pro 2 Full Touch Control Smart Watch" -> `noise-colorfit-pro-2`). A title whose name has no number but ends in a model code names the device by the code
 * (a TV: "Samsung 80 cm (32 inches) ... Smart TV UA32TE40AAKBXL (Titan Gray)" -> `samsung-ua32te40aakbxl`); a
 * code after the last comma or bar of a numbered name is a second name ("..., 81X800LGIN").
 */
import { canonicalBrand, type Family, matchFamily } from "./brand-families";
import { COLOURS, type Context, DROPPED, expand, isDesignator, modelSlug, prepare, QUALIFIERS, ROMAN, UNIT } from "./model-references";
import { slugify, type Token, tokenize } from "./product-text";

const STOP_WORDS: ReadonlySet<string> = new Set([
  "with", "for", "by", "compatible", "featuring", "including", "smart", "smartphone", "smartphones", "phone", "mobile",
  "smartwatch", "tv", "television", "led", "lcd", "oled", "qled", "uhd", "hd", "fhd", "full", "laptop",
  "tablet", "keypad", "feature", "bluetooth", "wi-fi", "wifi", "wireless", "calling", "gps",
  "cellular", "body", "kit", "combo", "bundle", "processor", "projector", "monitor", "earbuds", "headphones", "speaker",
  "native", "thin", "certified", "android", "cctv", "security", "camera", "fitness",
]);
/** Processor names: they end a device's name, and are the name of a processor. */
const CPU_WORDS: ReadonlySet<string> = new Set([
  "intel", "amd", "ryzen", "qualcomm", "snapdragon", "mediatek", "helio", "dimensity", "exynos", "celeron", "pentium", "unisoc",
]);
const PAREN_NAME_WORDS: ReadonlySet<string> = new Set(["edition", "gen", "generation", "disc", "digital"]);
const NOT_CODES = /^(?:ipx?\d+|hdr\d+\+?|spo2|\d+(?:k|p|hz|w|mp|x)|wi-?fi\d?|usb\d?|[a-z]+\d?\.\d)$/;

interface NameToken {
  token: Token;
  kind: "word" | "designator" | "qualifier";
}

function isCapacityOrSize(words: readonly string[], k: number): boolean {
  const w = words[k];
  if (/^\d+(?:\.\d+)?(?:gb|tb|mb|cm|inch|inches|"|mm)$/.test(w)) return true;
  if (/^\d+(?:\.\d+)?-inch(?:es)?$/.test(w)) return true;
  return /^\d+(?:\.\d+)?$/.test(w) && ["gb", "tb", "cm", "inch", "inches", '"', "centimeters", "mm"].includes(words[k + 1] ?? "");
}

/** The words inside a parenthesis when they name the model ("(2020)", "(M6)", "(5th Gen)", "(Disc Edition)"). */
function nameParenthesis(words: readonly string[], k: number): { words: string[]; next: number } | undefined {
  const inner: string[] = [];
  let j = k + 1;
  while (j < words.length && words[j] !== ")") inner.push(words[j++]);
  if (j >= words.length || inner.length === 0 || inner.length > 3) return undefined;
  const code = (w: string) => /\d/.test(w) && /[a-z]/.test(w) && !UNIT.test(w);
  const named = inner.every((w) => /^\d{3,5}$/.test(w) || /^\d+(?:st|nd|rd|th)$/.test(w) || PAREN_NAME_WORDS.has(w) || code(w) || (QUALIFIERS.has(w) && inner.some(code)));
  return named && !inner.some((w) => COLOURS.has(w)) ? { words: inner, next: j + 1 } : undefined;
}

/** "5th gen" / "gen 5" / "gen. 6" -> "gen-5"; other words joined as written. */
function generationSlug(words: readonly string[]): string {
  const text = words.join(" ");
  const ordinal = /^(\d+)(?:st|nd|rd|th) gen(?:eration)?$/.exec(text) ?? /^gen(?:eration)? (\d+)$/.exec(text);
  return ordinal === null ? words.join("-") : `gen-${ordinal[1]}`;
}

function startOf(words: readonly string[], brand: string | undefined): { brand: string; family?: Family; at: number } | undefined {
  const match = matchFamily(words, 0);
  if (match !== undefined) return { brand: match.brand, family: match.family, at: match.length };
  if (brand !== undefined) {
    const brandWords = brand.toLowerCase().split(/\s+/);
    const at = brandWords.every((b, k) => words[k] === b) ? brandWords.length : 0;
    const family = matchFamily(words, at);
    return { brand: canonicalBrand(brand), family: family?.family, at: at + (family?.family === undefined ? 0 : family.length) };
  }
  if (words.length === 0 || !/^[a-z]/.test(words[0])) return undefined;
  return { brand: slugify(words[0]), at: 1 };
}

/** The model slugs a device's title names. */
export function deviceModels(title: string, brand?: string): string[] {
  const tokens = expand(tokenize(prepare(title)));
  const words = tokens.map((t) => t.lower);
  const start = startOf(words, brand);
  if (start === undefined) return [];
  const context: Context = { brand: start.brand, family: start.family };
  const name: NameToken[] = [];
  /** Stopped at a product noun or feature word ("Smart Watch", "Bluetooth"), where marketing words may precede it. */
  let afterNoun = false;
  let k = start.at;
  for (; k < tokens.length; k++) {
    const w = words[k];
    const hasDesignator = name.some((n) => n.kind === "designator");
    if (w === "(") {
      const paren = nameParenthesis(words, k);
      if (paren === undefined) break;
      name.push({ token: { ...tokens[k], lower: generationSlug(paren.words) }, kind: hasDesignator ? "qualifier" : "designator" });
      k = paren.next - 1;
      continue;
    }
    if (w === "+") {
      if (!hasDesignator || (/^[a-z]/.test(words[k + 1] ?? "") && !DROPPED.has(words[k + 1]))) break;
      name.push({ token: tokens[k], kind: "qualifier" });
      continue;
    }
    if (w === "mark" && hasDesignator && ROMAN.has(words[k + 1] ?? "")) {
      name.push({ token: tokens[k], kind: "qualifier" }, { token: tokens[k + 1], kind: "qualifier" });
      k++;
      continue;
    }
    if (["|", ",", ";", "-", "/", ":", "&", '"'].includes(w)) break;
    if (CPU_WORDS.has(w) && (hasDesignator || name.length === 0)) {
      if (name.length > 0) break;
    } else if (STOP_WORDS.has(w)) {
      afterNoun = true;
      break;
    }
    if ((w === "dual" || w === "single") && words[k + 1] === "sim") break;
    if (context.family?.sizeNamed && !hasDesignator && /^\d+(?:\.\d+)?-inch(?:es)?$/.test(w)) {
      name.push({ token: tokens[k], kind: "designator" });
      continue;
    }
    if (/^\d+mm$/.test(w) && hasDesignator && name.at(-1)?.kind !== "word") {
      name.push({ token: tokens[k], kind: "qualifier" });
      continue;
    }
    if (isCapacityOrSize(words, k) || UNIT.test(w)) break;
    if (/^\d+(?:st|nd|rd|th)$/.test(w) && words[k + 1] === "gen" && hasDesignator) break;
    if (hasDesignator && COLOURS.has(w)) break;
    if (DROPPED.has(w)) continue;
    if (isDesignator(w, context)) name.push({ token: tokens[k], kind: "designator" });
    else if (hasDesignator && (QUALIFIERS.has(w) || (ROMAN.has(w) && /^[IVX]+$/.test(tokens[k].text)))) name.push({ token: tokens[k], kind: "qualifier" });
    else name.push({ token: tokens[k], kind: "word" });
  }
  if (afterNoun) {
    let last = -1;
    name.forEach((n, i) => {
      if (n.kind === "designator" || (n.kind === "qualifier" && last >= 0 && last === i - 1)) last = i;
    });
    if (last >= 0) name.length = last + 1;
  }
  const numbered = name.some((n) => n.kind === "designator" && /\d/.test(n.token.lower));
  const code = trailingCode(tokens, words);
  const slug = (parts: readonly string[]) => modelSlug(context.brand, context.family, parts);
  const own = name.length > 0 || context.family !== undefined ? slug(name.map((n) => n.token.lower)) : undefined;
  const codes = code?.codes.map((c) => modelSlug(context.brand, undefined, c)) ?? [];
  if (!numbered && codes.length > 0) return codes;
  if (numbered && code?.afterSeparator) return [own!, ...codes].filter((m, i, all) => all.indexOf(m) === i);
  return own === undefined ? [] : [own];
}

/**
 * The model code at the end of a title, after trailing colour words and parentheses that hold no code:
 * "TV 55UT (Black)", "TV 43Y1S Pro (Black)", "| L32M6-RA/L32M7-RA (Black)", "(CREL7369, Black) (2021 Model)".
 */
function trailingCode(tokens: readonly Token[], words: readonly string[]): { codes: string[][]; afterSeparator: boolean } | undefined {
  let end = tokens.length;
  for (;;) {
    if (end > 0 && COLOURS.has(words[end - 1])) {
      end--;
      continue;
    }
    if (end > 0 && words[end - 1] === ")") {
      let open = end - 1;
      while (open > 0 && words[open] !== "(") open--;
      const inner = words.slice(open + 1, end - 1);
      const codeInside = inner.find(isCode);
      if (codeInside !== undefined && inner.every((w) => w === "," || w === codeInside || COLOURS.has(w))) return { codes: [[codeInside]], afterSeparator: true };
      end = open;
      continue;
    }
    break;
  }
  const codes: string[][] = [];
  let k = end - 1;
  const quals: string[] = [];
  while (k >= 0 && QUALIFIERS.has(words[k])) quals.unshift(words[k--]);
  while (k >= 0 && isCode(words[k])) {
    codes.unshift([words[k], ...(codes.length === 0 ? quals : [])]);
    if (words[k - 1] !== "/") break;
    k -= 2;
  }
  if (codes.length === 0) return undefined;
  const before = words[k - 1];
  return { codes, afterSeparator: before === "," || before === "|" };
}

function isCode(w: string | undefined): boolean {
  if (w === undefined || w.length < 4 || w.length > 16) return false;
  if (!/\d/.test(w) || !/[a-z]/.test(w) || NOT_CODES.test(w) || UNIT.test(w) || DROPPED.has(w)) return false;
  return /^[a-z0-9][a-z0-9-]*$/.test(w) && (w.match(/\d/g)?.length ?? 0) >= 2;
}
