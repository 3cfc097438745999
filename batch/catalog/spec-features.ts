/**
 * @module
 * Product specs normalised into comparable features, robust to how a catalogue spells them: the demo's
 * `storage_gb: 512` and the laptop set's `"storage": "256GB SSD +  1TB HDD"`, `screen_in` and GSMArena's
 * `display_size_in`, `weight_kg` and `weight_g`, `"resolution": [2560, 1600]` and `"display_res": "720 x 1280"`,
 * CPU and GPU display names parsed into a tier. A missing or unparseable value is simply absent.
 */
import { type Attrs, attrList, attrNumber, attrString } from "../../core/catalog/attributes";
import { requirement } from "../../core/catalog/compatibility";

export interface SpecItem {
  brand?: string;
  attrs: Attrs;
}

/** A numeric feature compared on a log scale: values `ratio` times apart (or more) count as completely different. */
export interface NumericFeature {
  name: string;
  weight: number;
  /** Log-scale comparison over this ratio; `linear` compares |a - b| / linear instead. */
  ratio?: number;
  linear?: number;
  read(attrs: Attrs): number;
  /** How a value reads in a reason ("16 GB RAM"). */
  label(value: number): string;
}

const num = (...keys: string[]) => (a: Attrs) => {
  for (const key of keys) {
    const v = attrNumber(a, key);
    if (v > 0) return v;
  }
  return Number.NaN;
};
const trim = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10));
const gb = (v: number) => (v >= 1024 && v % 1024 === 0 ? `${v / 1024} TB` : `${trim(v)} GB`);

export const NUMERIC_FEATURES: readonly NumericFeature[] = [
  { name: "ram_gb", weight: 3, ratio: 4, read: num("ram_gb"), label: (v) => `${trim(v)} GB RAM` },
  { name: "storage_gb", weight: 2, ratio: 4, read: (a) => num("storage_gb")(a) || storageOf(a).gb, label: (v) => `${gb(v)} storage` },
  { name: "screen_in", weight: 2, ratio: 1.25, read: num("screen_in", "display_size_in"), label: (v) => `${trim(v)}-inch screen` },
  { name: "weight_kg", weight: 1, ratio: 1.5, read: (a) => num("weight_kg")(a) || num("weight_g")(a) / 1000, label: (v) => (v < 1 ? `${Math.round(v * 1000)} g` : `${trim(v)} kg`) },
  { name: "battery_mah", weight: 1, ratio: 1.5, read: num("battery_mah", "capacity_mah"), label: (v) => `${Math.round(v)} mAh battery` },
  { name: "pixels", weight: 1, ratio: 2.25, read: pixelsOf, label: (v) => `${(v / 1e6).toFixed(1)} MP display` },
  { name: "refresh_hz", weight: 1, ratio: 2, read: num("refresh_hz"), label: (v) => `${v} Hz display` },
  { name: "megapixels", weight: 2, ratio: 2, read: num("megapixels"), label: (v) => `${v} MP sensor` },
  { name: "camera_mp", weight: 1, ratio: 2, read: cameraMegapixels, label: (v) => `${trim(v)} MP camera` },
  { name: "vram_gb", weight: 2, ratio: 2, read: num("vram_gb"), label: (v) => `${v} GB VRAM` },
  { name: "cores", weight: 2, ratio: 2, read: num("cores"), label: (v) => `${v} cores` },
  { name: "cpu_cores", weight: 1, ratio: 2, read: (a) => cpuOf(attrString(a, "cpu")).cores, label: (v) => `${v}-core CPU` },
  { name: "cpu_ghz", weight: 1, ratio: 1.5, read: (a) => cpuOf(attrString(a, "cpu")).ghz, label: (v) => `${trim(v)} GHz CPU` },
  { name: "tdp_w", weight: 1, ratio: 2, read: num("tdp_w"), label: (v) => `${v} W TDP` },
  { name: "flight_time_min", weight: 1, ratio: 1.5, read: num("flight_time_min"), label: (v) => `${v}-minute flights` },
  { name: "capacity_gb", weight: 2, ratio: 4, read: num("capacity_gb"), label: gb },
  { name: "output_w", weight: 2, ratio: 2, read: num("output_w"), label: (v) => `${v} W` },
  { name: "case_mm", weight: 1, ratio: 1.15, read: num("case_mm"), label: (v) => `${v} mm case` },
  { name: "year", weight: 1, linear: 3, read: num("announced_year"), label: (v) => `${v}` },
  { name: "max_w", weight: 1, ratio: 2, read: num("max_w"), label: (v) => `${v} W` },
  { name: "length_m", weight: 1, ratio: 2, read: num("length_m"), label: (v) => `${trim(v)} m` },
  { name: "read_mbps", weight: 1, ratio: 2, read: num("read_mbps"), label: (v) => `${v} MB/s` },
  { name: "pack_count", weight: 0.5, ratio: 3, read: num("pack_count"), label: (v) => `${v}-pack` },
  { name: "power_delivery_w", weight: 1, ratio: 2, read: num("power_delivery_w"), label: (v) => `${v} W charging` },
  { name: "speed_mts", weight: 1, ratio: 1.5, read: num("speed_mts"), label: (v) => `${v} MT/s` },
  { name: "max_load_kg", weight: 1, ratio: 2, read: num("max_load_kg"), label: (v) => `${v} kg load` },
];

/** A categorical feature: equal values distance 0, different 1. */
export interface CategoricalFeature {
  name: string;
  weight: number;
  read(item: SpecItem): string | undefined;
  label(value: string): string;
}

const str = (key: string) => (item: SpecItem) => attrString(item.attrs, key)?.toLowerCase();
const bool = (key: string) => (item: SpecItem) => (typeof item.attrs[key] === "boolean" ? String(item.attrs[key]) : undefined);

export const CATEGORICAL_FEATURES: readonly CategoricalFeature[] = [
  { name: "brand", weight: 2, read: (i) => i.brand?.toLowerCase(), label: (v) => v },
  /** What an accessory fits (its requirement): the same phone model, the same connector, the same mount. */
  { name: "fit", weight: 3, read: fitSignature, label: () => "fit" },
  { name: "type", weight: 2, read: (i) => (attrString(i.attrs, "kind") ?? attrString(i.attrs, "type"))?.toLowerCase(), label: (v) => v },
  { name: "os", weight: 2, read: (i) => osFamily(attrString(i.attrs, "os")), label: (v) => v },
  { name: "storage_type", weight: 1, read: (i) => storageOf(i.attrs).type, label: (v) => v.toUpperCase() },
  { name: "connector", weight: 1, read: str("connector"), label: (v) => v },
  { name: "lens_mount", weight: 3, read: str("lens_mount"), label: (v) => `${v} mount` },
  { name: "sensor", weight: 2, read: str("sensor"), label: (v) => `${v} sensor` },
  { name: "platform", weight: 3, read: str("platform"), label: (v) => v },
  { name: "panel", weight: 1, read: str("panel"), label: (v) => `${v.toUpperCase()} panel` },
  { name: "card_slot", weight: 0.5, read: (i) => cardSlot(i.attrs), label: (v) => v },
  { name: "anc", weight: 1, read: bool("anc"), label: () => "noise cancelling" },
  { name: "wireless", weight: 1, read: bool("wireless"), label: () => "wireless" },
  { name: "handheld", weight: 2, read: bool("handheld"), label: () => "handheld" },
  { name: "touchscreen", weight: 0.5, read: (i) => (i.attrs.touchscreen === undefined ? undefined : String(Boolean(i.attrs.touchscreen))), label: () => "touchscreen" },
  { name: "memory_type", weight: 3, read: str("memory_type"), label: (v) => v.toUpperCase() },
  { name: "socket", weight: 3, read: str("socket"), label: (v) => v.toUpperCase() },
  { name: "covers", weight: 3, read: str("covers"), label: (v) => (v === "camera" ? "camera-lens cover" : "screen cover") },
  { name: "case_type", weight: 1, read: str("case_type"), label: (v) => `${v} case` },
  { name: "material", weight: 1, read: str("material"), label: (v) => v.replace(/-/g, " ") },
  { name: "charging", weight: 2, read: str("charging"), label: (v) => (v === "wired" ? "wired charging" : v === "qi" ? "Qi charging" : "MagSafe") },
  { name: "style", weight: 1, read: str("style"), label: (v) => v },
  { name: "layout", weight: 2, read: str("layout"), label: (v) => v.toUpperCase() },
  { name: "trackpad", weight: 1, read: bool("trackpad"), label: () => "trackpad" },
  { name: "lens_type", weight: 2, read: str("lens_type"), label: (v) => `${v} lens` },
  { name: "speed_class", weight: 1, read: str("speed_class"), label: (v) => v.toUpperCase() },
  { name: "form_factor", weight: 2, read: str("form_factor"), label: (v) => v.toUpperCase() },
  { name: "interface", weight: 1, read: str("interface"), label: (v) => v.toUpperCase() },
  { name: "cooler_type", weight: 1, read: str("cooler_type"), label: (v) => v.toUpperCase() },
  { name: "efficiency", weight: 1, read: str("efficiency"), label: (v) => v.replace("80plus-", "80 PLUS ") },
];

export interface CpuSpec {
  text?: string;
  /** Rough performance class (Core i5 / Ryzen 5 = 5, i7 = 7, Apple M4 Pro = 7...); NaN when unknown. */
  tier: number;
  family?: string;
  cores: number;
  ghz: number;
}

const CORE_WORDS: Record<string, number> = { single: 1, dual: 2, quad: 4, hexa: 6, octa: 8, deca: 10 };

/** Parses a CPU display name ("Intel Core i5 7200U 2.5GHz", "AMD Ryzen AI 9 HX 370", "Octa-core 1.3 GHz Cortex-A53"). */
export function cpuOf(text: string | undefined): CpuSpec {
  if (text === undefined) return { tier: Number.NaN, cores: Number.NaN, ghz: Number.NaN };
  const t = text.toLowerCase();
  let tier = Number.NaN;
  let m: RegExpMatchArray | null;
  if ((m = t.match(/core (?:ultra )?i?([3579])\b/)) !== null) tier = Number(m[1]);
  else if ((m = t.match(/ryzen (?:ai )?([3579])\b/)) !== null) tier = Number(m[1]);
  else if ((m = t.match(/\bm(\d)\b( pro| max| ultra)?/)) !== null && t.includes("apple")) tier = 5 + (m[2] === " pro" ? 2 : m[2] === " max" || m[2] === " ultra" ? 3 : 0);
  else if (/celeron|pentium|atom|a\d+-series|e-series|e2-|a6-|a9-|a10-|a12-/.test(t)) tier = 2;
  else if ((m = t.match(/xeon/)) !== null) tier = 8;
  const words = t.match(/\b(single|dual|quad|hexa|octa|deca)-core/);
  const ghz = t.match(/(\d+(?:\.\d+)?)\s*ghz/);
  const mhz = ghz === null ? t.match(/(\d+)\s*mhz/) : null;
  const family = t.replace(/^(intel|amd|apple|qualcomm|google|mediatek|samsung)\s+/, "").split(/[\s-]+/)[0];
  return {
    text: t,
    tier,
    family: family === undefined || family.length === 0 ? undefined : family,
    cores: words !== null ? CORE_WORDS[words[1]] : Number.NaN,
    ghz: ghz !== null ? Number(ghz[1]) : mhz !== null ? Number(mhz[1]) / 1000 : Number.NaN,
  };
}

export interface GpuSpec {
  text: string;
  /** A graphics card or discrete laptop GPU. */
  discrete: boolean;
  /** Class within the discrete range (xx50 = 50 ... xx90 = 90, +5 for Ti / XT / Super); NaN for integrated. */
  score: number;
  /** Short display form ("RTX 4060", "GTX 1050 Ti"). */
  short: string;
}

/** Parses a GPU display name ("NVIDIA GeForce RTX 4060", "Intel HD Graphics 620", "AMD Radeon RX 9070 XT"). */
export function gpuOf(text: string | undefined): GpuSpec | undefined {
  if (text === undefined || text.length === 0) return undefined;
  const t = text.toLowerCase();
  const short = text.replace(/^(nvidia\s+)?(geforce\s+)?/i, "").replace(/^amd\s+/i, "").trim();
  const model = t.match(/\b(rtx|gtx|rx|quadro [a-z]?|arc b)\s?(\d{3,4})\s*(ti|xt|super|m)?\b/);
  if (model !== null) {
    let klass = Number(model[2].slice(-2));
    if (!(klass >= 30)) klass = 50;
    return { text: t, discrete: true, score: klass + (model[3] === "ti" || model[3] === "xt" || model[3] === "super" ? 5 : 0), short };
  }
  const mx = t.match(/\b(?:mx\s?(\d{3})|(\d{3})mx)\b/);
  if (mx !== null) return { text: t, discrete: true, score: 25, short };
  if (/radeon (?:r\d )?m?\d{3}x?$|radeon pro|firepro/.test(t)) return { text: t, discrete: true, score: 25, short };
  return { text: t, discrete: false, score: Number.NaN, short };
}

export interface StorageSpec {
  gb: number;
  type?: string;
}

/** "128GB SSD +  1TB HDD" -> 1152 GB, type "ssd" (the first part's); numeric `storage_gb` is read elsewhere. */
export function storageOf(attrs: Attrs): StorageSpec {
  const text = attrString(attrs, "storage");
  if (text === undefined) {
    const iface = attrString(attrs, "interface");
    return { gb: Number.NaN, ...(iface !== undefined ? { type: iface.startsWith("nvme") ? "ssd" : iface } : {}) };
  }
  let total = 0;
  let type: string | undefined;
  for (const part of text.split("+")) {
    const m = part.trim().toLowerCase().match(/^(\d+(?:\.\d+)?)\s*(gb|tb)\s*(.*)$/);
    if (m === null) continue;
    total += Number(m[1]) * (m[2] === "tb" ? 1024 : 1);
    type ??= m[3].includes("ssd") ? "ssd" : m[3].includes("hdd") ? "hdd" : m[3].includes("flash") ? "flash" : m[3].includes("hybrid") ? "hybrid" : undefined;
  }
  return { gb: total > 0 ? total : Number.NaN, ...(type !== undefined ? { type } : {}) };
}

/** "Android 6.0 (Marshmallow)" -> "android", "Mac OS X" -> "macos", "No OS" -> "none". */
export function osFamily(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.toLowerCase();
  if (t.startsWith("no os")) return "none";
  if (/^(mac ?os|os x)/.test(t)) return "macos";
  if (/^chrome ?os/.test(t)) return "chromeos";
  if (/windows (mobile|phone|rt)/.test(t)) return "windows-mobile";
  if (t.startsWith("windows")) return "windows";
  const first = t.split(/[\s(,]+/)[0];
  return first.length > 0 ? first : undefined;
}

function pixelsOf(a: Attrs): number {
  const resolution = a.resolution;
  if (Array.isArray(resolution) && resolution.length === 2 && resolution.every((v) => typeof v === "number")) return (resolution[0] as number) * (resolution[1] as number);
  const text = typeof resolution === "string" ? resolution : attrString(a, "display_res");
  const m = text?.match(/(\d{3,5})\s*x\s*(\d{3,5})/);
  return m ? Number(m[1]) * Number(m[2]) : Number.NaN;
}

function cameraMegapixels(a: Attrs): number {
  const m = attrString(a, "camera")?.match(/(\d+(?:\.\d+)?)\s*mp/i);
  return m ? Number(m[1]) : Number.NaN;
}

function cardSlot(a: Attrs): string | undefined {
  const card = attrString(a, "card_type") ?? attrString(a, "card_slot");
  if (card === undefined) return a.kind === undefined ? undefined : "none";
  const t = card.toLowerCase();
  return t === "no" ? "none" : t === "yes" ? "card" : t.includes("microsd") ? "microsd" : t;
}

/** Scenarios a product suits (`attrs.scenarios`), for the distance's overlap term. */
export function scenariosOf(a: Attrs): readonly string[] {
  return attrList(a, "scenarios") ?? [];
}

/** An accessory's fit requirement as text (equal texts = fits the same devices); undefined without one. */
export function fitSignature(item: SpecItem): string | undefined {
  const required = requirement(item);
  return required === undefined ? undefined : JSON.stringify(required.conditions);
}
