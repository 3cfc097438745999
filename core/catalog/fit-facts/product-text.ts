/**
 * @module
 * The text of a product as the fit readers see it: typographic quotes folded to `"`, decorations dropped, the
 * description cut into segments (bullets joined by "|", sentences), and segments cut into tokens that keep model
 * codes whole (`EN-EL15`, `14-k001TX`, `S10+`) and punctuation as tokens of their own.
 */
import type { FitProduct } from "./fit-facts";

export interface Token {
  text: string;
  lower: string;
  /** Offset in the segment's text. */
  start: number;
  end: number;
}

export interface ProductText {
  title: string;
  /** Description segments (bullets and sentences), in order. */
  segments: string[];
  /** Category path, root first, each level split into words ("USBCables" -> "USB Cables"). */
  category: string[];
}

/** Folds the spellings of inches and dashes, drops marks and pictographs, collapses whitespace. */
export function normalizeText(text: string): string {
  return text
    .replace(/[”“″]|''|’’|‘’|′′|‘‘/g, '"')
    .replace(/[’‘`´]/g, "'")
    .replace(/[–—]/g, " - ")
    .replace(/[®™©]/g, "")
    .replace(/(\d)\s*°/g, "$1deg")
    .replace(/\[/g, " (")
    .replace(/\]/g, ") ")
    .replace(/[【】{}<>]/g, " ")
    .replace(/[^\x20-\x7E\u00C0-\u024F°]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "USBCables" -> "USB Cables", "Smartphones&BasicMobiles" -> "Smartphones & Basic Mobiles". */
export function splitCategoryWords(level: string): string {
  return level
    .replace(/&/g, " & ")
    .replace(/,/g, ", ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/\s+/g, " ")
    .trim();
}

export function categoryLevels(category: FitProduct["category"]): string[] {
  if (category === undefined) return [];
  const levels = typeof category === "string" ? category.split(">") : [...category];
  return levels.map((c) => splitCategoryWords(String(c).trim())).filter((c) => c.length > 0);
}

function descriptionOf(product: FitProduct): string {
  if (typeof product.description === "string") return product.description;
  const attrs = product.attrs ?? {};
  for (const key of ["about", "description", "bullets", "features"]) {
    const value = attrs[key];
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(" | ");
  }
  return "";
}

/** Bullets ("|"), then sentences (". " before a capital or a digit). */
function descriptionSegments(description: string): string[] {
  const segments: string[] = [];
  for (const bullet of description.split("|")) {
    for (const sentence of normalizeText(bullet).split(/(?<=[a-z0-9)])\.\s+(?=[A-Z0-9])/)) {
      const s = sentence.trim();
      if (s.length > 0) segments.push(s);
    }
  }
  return segments;
}

export function productText(product: FitProduct): ProductText {
  return {
    title: normalizeText(product.title ?? ""),
    segments: descriptionSegments(descriptionOf(product)),
    category: categoryLevels(product.category),
  };
}

const TOKEN = /(?<=\s)-(?=\s)|\d+(?:\.\d+)?(?=")|[A-Za-z0-9\u00C0-\u024F]+(?:[-.'][A-Za-z0-9\u00C0-\u024F]+)*\+*|[/,;|()&+":]/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return tokens;
}

/** The slug of free text: lower case, every run of other characters a "-", `+` spelled `plus`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/\+/g, " plus ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
