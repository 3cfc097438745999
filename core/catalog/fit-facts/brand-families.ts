/**
 * @module
 * Electronics brands and the device families they sell, so that a model named without its brand ("iPhone 13",
 * "Redmi Note 11", "Moto G7") gets one slug wherever it is written, and so that model references in accessory
 * text start at a word that can only begin one. A family whose name is also a common word ("Fire", "Switch",
 * "Surface", "Spark") counts only right after its brand.
 */
import { brandSlug } from "../attributes";

export interface Family {
  brand: string;
  /** Lower-case words as written ("ipad", "pro"). */
  words: readonly string[];
  /** The family's part of a model slug ("ipad-pro"). */
  slug: string;
  /** Device kind of a product named by this family alone (a phone titled "Redmi Note 11 (...)"). */
  kind?: string;
  /** Models named by letters only (iPhone X). */
  letterModels?: readonly string[];
  /** A screen size right after the family is part of the name ("iPad Pro 12.9''" -> `ipad-pro-12-9-inch`). */
  sizeNamed?: boolean;
  /** A common word: a family only right after its brand. */
  needsBrand?: boolean;
  /** An accessory line ("Galaxy Buds", "AirPods"): its names are never device references. */
  accessoryLine?: boolean;
}

const f = (brand: string, words: string, kind?: string, extra: Partial<Family> = {}): Family => {
  const w = words.split(" ");
  return { brand, words: w, slug: w.join("-"), ...(kind === undefined ? {} : { kind }), ...extra };
};

const IPHONE_LETTERS = ["x", "xr", "xs", "se", "air"];

export const FAMILIES: readonly Family[] = [
  f("apple", "iphone", "smartphone", { letterModels: IPHONE_LETTERS }),
  f("apple", "ipad", "tablet", { sizeNamed: true }),
  f("apple", "ipad pro", "tablet", { sizeNamed: true }),
  f("apple", "ipad air", "tablet", { sizeNamed: true }),
  f("apple", "ipad mini", "tablet", { sizeNamed: true }),
  f("apple", "ipod touch"),
  f("apple", "ipod nano"),
  f("apple", "ipod"),
  f("apple", "macbook", "laptop", { sizeNamed: true }),
  f("apple", "macbook air", "laptop", { sizeNamed: true }),
  f("apple", "macbook pro", "laptop", { sizeNamed: true }),
  f("apple", "watch", "smartwatch", { needsBrand: true }),
  f("apple", "airpods", undefined, { accessoryLine: true }),
  f("apple", "pencil", undefined, { needsBrand: true, accessoryLine: true }),
  f("samsung", "galaxy", "smartphone"),
  f("samsung", "galaxy tab", "tablet"),
  f("samsung", "galaxy watch", "smartwatch"),
  f("samsung", "galaxy book", "laptop"),
  f("samsung", "galaxy buds", undefined, { accessoryLine: true }),
  f("google", "pixel", "smartphone"),
  f("google", "pixel watch", "smartwatch"),
  f("google", "nexus", "smartphone"),
  f("xiaomi", "redmi", "smartphone"),
  f("xiaomi", "redmi pad", "tablet"),
  f("xiaomi", "mi", "smartphone"),
  f("xiaomi", "mi pad", "tablet"),
  f("xiaomi", "poco", "smartphone"),
  f("oneplus", "nord", "smartphone"),
  f("motorola", "moto", "smartphone"),
  f("motorola", "edge", "smartphone", { needsBrand: true }),
  f("sony", "xperia", "smartphone"),
  f("sony", "playstation", "console"),
  f("sony", "alpha", "camera", { needsBrand: true }),
  f("microsoft", "lumia", "smartphone"),
  f("microsoft", "surface", "laptop", { needsBrand: true }),
  f("microsoft", "xbox", "console"),
  f("nintendo", "switch", "console", { needsBrand: true }),
  f("amazon", "echo dot", undefined, { needsBrand: false }),
  f("amazon", "echo", undefined, { needsBrand: true }),
  f("amazon", "fire", "tablet", { needsBrand: true }),
  f("amazon", "kindle", "tablet"),
  f("realme", "narzo", "smartphone"),
  f("huawei", "mate", "smartphone", { needsBrand: true }),
  f("huawei", "nova", "smartphone", { needsBrand: true }),
  f("lenovo", "ideapad", "laptop"),
  f("lenovo", "thinkpad", "laptop"),
  f("lenovo", "yoga", "laptop", { needsBrand: true }),
  f("lenovo", "legion", "laptop", { needsBrand: true }),
  f("hp", "pavilion", "laptop"),
  f("hp", "envy", "laptop", { needsBrand: true }),
  f("hp", "spectre", "laptop", { needsBrand: true }),
  f("hp", "probook", "laptop"),
  f("hp", "elitebook", "laptop"),
  f("dell", "inspiron", "laptop"),
  f("dell", "latitude", "laptop", { needsBrand: true }),
  f("dell", "xps", "laptop", { needsBrand: true }),
  f("dell", "vostro", "laptop"),
  f("asus", "zenfone", "smartphone"),
  f("asus", "zenbook", "laptop"),
  f("asus", "vivobook", "laptop"),
  f("acer", "aspire", "laptop", { needsBrand: true }),
  f("acer", "travelmate", "laptop"),
  f("canon", "eos", "camera"),
  f("panasonic", "lumix", "camera"),
  f("gopro", "hero", "camera", { needsBrand: true }),
  f("dji", "mini", "drone", { needsBrand: true }),
  f("dji", "mavic", "drone"),
  f("tecno", "spark", "smartphone", { needsBrand: true }),
  f("nothing", "phone", "smartphone", { needsBrand: true }),
  f("nothing", "cmf phone", "smartphone", { needsBrand: true }),
  f("tecno", "camon", "smartphone", { needsBrand: true }),
];

const FAMILIES_BY_FIRST_WORD: ReadonlyMap<string, readonly Family[]> = FAMILIES.reduce((index, family) => {
  index.set(family.words[0], [...(index.get(family.words[0]) ?? []), family]);
  return index;
}, new Map<string, Family[]>());

/** Brands as written (lower case, multi-word ones space-separated) -> brand slug. */
const BRAND_NAMES: Readonly<Record<string, string>> = {
  apple: "apple", samsung: "samsung", google: "google", xiaomi: "xiaomi", oneplus: "oneplus",
  "one plus": "oneplus", motorola: "motorola", sony: "sony", microsoft: "microsoft", nintendo: "nintendo",
  amazon: "amazon", oppo: "oppo", vivo: "vivo", iqoo: "iqoo", realme: "realme", huawei: "huawei", honor: "honor",
  nokia: "nokia", lg: "lg", htc: "htc", lenovo: "lenovo", hp: "hp", dell: "dell", asus: "asus", acer: "acer",
  msi: "msi", canon: "canon", nikon: "nikon", fujifilm: "fujifilm", panasonic: "panasonic", olympus: "olympus",
  gopro: "gopro", dji: "dji", garmin: "garmin", fitbit: "fitbit", amazfit: "amazfit", tecno: "tecno",
  infinix: "infinix", itel: "itel", lava: "lava", micromax: "micromax", blackberry: "blackberry", zte: "zte",
  alcatel: "alcatel", meizu: "meizu", toshiba: "toshiba", "cp plus": "cp-plus", tcl: "tcl", hisense: "hisense",
  philips: "philips", nothing: "nothing", fairphone: "fairphone",
};
/** Brands whose name is also a common word: a brand only together with one of its families. */
const FAMILY_ONLY_BRANDS: ReadonlySet<string> = new Set(["nothing"]);

export interface FamilyMatch {
  brand: string;
  family?: Family;
  /** Tokens consumed. */
  length: number;
}

/**
 * A brand and/or family starting at `words[at]` (lower-case tokens): the longest family, with or without its
 * brand in front ("Apple iPhone", "iPhone", "Samsung Galaxy Tab"), else a bare brand.
 */
export function matchFamily(words: readonly string[], at: number): FamilyMatch | undefined {
  const brandHere = brandAt(words, at);
  const afterBrand = brandHere === undefined ? at : at + brandHere.length;
  let best: FamilyMatch | undefined;
  for (const family of FAMILIES_BY_FIRST_WORD.get(words[afterBrand]) ?? []) {
    if (brandHere !== undefined && family.brand !== brandHere.brand) continue;
    if (brandHere === undefined && family.needsBrand) continue;
    if (!family.words.every((w, k) => words[afterBrand + k] === w)) continue;
    const length = afterBrand - at + family.words.length;
    if (best === undefined || length > best.length) best = { brand: family.brand, family, length };
  }
  if (best !== undefined) return best;
  return brandHere === undefined || FAMILY_ONLY_BRANDS.has(brandHere.brand) ? undefined : { brand: brandHere.brand, length: brandHere.length };
}

function brandAt(words: readonly string[], at: number): { brand: string; length: number } | undefined {
  const two = words[at + 1] === undefined ? undefined : BRAND_NAMES[`${words[at]} ${words[at + 1]}`];
  if (two !== undefined) return { brand: two, length: 2 };
  const one = BRAND_NAMES[words[at]];
  return one === undefined ? undefined : { brand: one, length: 1 };
}

/** Brand slug of a catalogue `brand` value, folded onto the table's spelling ("Redmi" -> `xiaomi`). */
export function canonicalBrand(brand: string): string {
  const lower = brand.toLowerCase().trim();
  return BRAND_NAMES[lower] ?? brandSlug(brand);
}
