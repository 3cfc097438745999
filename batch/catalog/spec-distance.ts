/**
 * @module
 * Spec distance between two products of one category, in [0, 1] (0 = same specs):
 *
 *   D(a, b) = sum_f w_f * delta_f(a, b) / sum_f w_f        over the features f both items have
 *
 *   numeric, log scale:  delta = min(1, |ln x_a - ln x_b| / ln r_f)     (RAM r = 4: 8 vs 16 GB gives 0.5)
 *   numeric, linear:     delta = min(1, |x_a - x_b| / L_f)              (announced year, L = 3)
 *   categorical:         delta = 0 when equal, else 1                   (brand, OS, lens mount, ...)
 *   CPU:   0 same name; both tiers known: clamp(|t_a - t_b| / 4, 0.15, 1); same family 0.5; else 1
 *   GPU:   0 same name; both discrete: clamp(|s_a - s_b| / 40, 0.15, 1); discrete vs integrated 1; both integrated 0.3
 *   scenarios: 1 - Jaccard(S_a, S_b) when either lists any
 *
 * with the weights and ratios of `NUMERIC_FEATURES` / `CATEGORICAL_FEATURES` (CPU w = 2, GPU w = 3,
 * scenarios w = 1). Two items sharing less than `minWeight` (default 4) of feature weight are not comparable
 * (NaN). The write-up with the full table is docs/catalog-intelligence.md.
 */
import { attrString } from "../../core/catalog/attributes";
import { CATEGORICAL_FEATURES, type CpuSpec, cpuOf, type GpuSpec, gpuOf, NUMERIC_FEATURES, scenariosOf, type SpecItem } from "./spec-features";

export interface Specs {
  /** The brand as the catalogue writes it. */
  brandName?: string;
  /** Per NUMERIC_FEATURES entry: ln(value) for ratio features, the value for linear ones; NaN when absent. */
  numeric: Float64Array;
  raw: Float64Array;
  categorical: Array<string | undefined>;
  cpu: CpuSpec;
  /** The CPU's display name as the catalogue writes it. */
  cpuName?: string;
  gpu?: GpuSpec;
  scenarios: readonly string[];
  /** Indices of the numeric and the categorical features present, ascending (what the distance loops over). */
  numericPresent: Uint8Array;
  categoricalPresent: Uint8Array;
}

const CPU_WEIGHT = 2;
const GPU_WEIGHT = 3;
const SCENARIO_WEIGHT = 1;
export const MIN_SHARED_WEIGHT = 4;

export function specsOf(item: SpecItem): Specs {
  const numeric = new Float64Array(NUMERIC_FEATURES.length);
  const raw = new Float64Array(NUMERIC_FEATURES.length);
  NUMERIC_FEATURES.forEach((f, k) => {
    const v = f.read(item.attrs);
    raw[k] = v > 0 ? v : Number.NaN;
    numeric[k] = !(v > 0) ? Number.NaN : f.linear !== undefined ? v : Math.log(v);
  });
  const cpuName = attrString(item.attrs, "cpu");
  const categorical = CATEGORICAL_FEATURES.map((f) => f.read(item));
  return {
    ...(item.brand !== undefined && item.brand.length > 0 ? { brandName: item.brand } : {}),
    numeric,
    raw,
    categorical,
    numericPresent: Uint8Array.from(numeric.keys()).filter((k) => !Number.isNaN(numeric[k])),
    categoricalPresent: Uint8Array.from(categorical.keys()).filter((k) => categorical[k] !== undefined),
    cpu: cpuOf(cpuName),
    ...(cpuName !== undefined ? { cpuName: cpuName.replace(/\s+\d+(\.\d+)?\s*GHz.*$/i, "") } : {}),
    ...(gpuOf(attrString(item.attrs, "gpu")) !== undefined ? { gpu: gpuOf(attrString(item.attrs, "gpu")) } : {}),
    scenarios: scenariosOf(item.attrs),
  };
}

const LOG_RATIO = NUMERIC_FEATURES.map((f) => (f.ratio !== undefined ? Math.log(f.ratio) : Number.NaN));

function cpuDelta(a: CpuSpec, b: CpuSpec): number {
  if (a.text === b.text) return 0;
  if (!Number.isNaN(a.tier) && !Number.isNaN(b.tier)) return Math.min(1, Math.max(0.15, Math.abs(a.tier - b.tier) / 4));
  return a.family !== undefined && a.family === b.family ? 0.5 : 1;
}

function gpuDelta(a: GpuSpec, b: GpuSpec): number {
  if (a.text === b.text) return 0;
  if (a.discrete && b.discrete) return Math.min(1, Math.max(0.15, Math.abs(a.score - b.score) / 40));
  return a.discrete !== b.discrete ? 1 : 0.3;
}

/** The feature weight an item's specs carry on their own: below MIN_SHARED_WEIGHT it is comparable with nothing. */
export function specWeight(a: Specs): number {
  let weight = 0;
  for (let k = 0; k < NUMERIC_FEATURES.length; k++) if (!Number.isNaN(a.numeric[k])) weight += NUMERIC_FEATURES[k].weight;
  for (let k = 0; k < CATEGORICAL_FEATURES.length; k++) if (a.categorical[k] !== undefined) weight += CATEGORICAL_FEATURES[k].weight;
  if (a.cpu.text !== undefined) weight += CPU_WEIGHT;
  if (a.gpu !== undefined) weight += GPU_WEIGHT;
  if (a.scenarios.length > 0) weight += SCENARIO_WEIGHT;
  return weight;
}

/** D(a, b) as the module doc states; NaN when the items share less than `minWeight` of feature weight. */
export function specDistance(a: Specs, b: Specs, minWeight = MIN_SHARED_WEIGHT): number {
  let weight = 0;
  let sum = 0;
  // Only the features a has can count; visiting them in ascending order keeps the sums those of a full pass.
  for (let p = 0; p < a.numericPresent.length; p++) {
    const k = a.numericPresent[p];
    const x = a.numeric[k];
    const y = b.numeric[k];
    if (Number.isNaN(y)) continue;
    const f = NUMERIC_FEATURES[k];
    const delta = f.linear !== undefined ? Math.min(1, Math.abs(x - y) / f.linear) : Math.min(1, Math.abs(x - y) / LOG_RATIO[k]);
    weight += f.weight;
    sum += f.weight * delta;
  }
  for (let p = 0; p < a.categoricalPresent.length; p++) {
    const k = a.categoricalPresent[p];
    const x = a.categorical[k];
    const y = b.categorical[k];
    if (y === undefined) continue;
    const w = CATEGORICAL_FEATURES[k].weight;
    weight += w;
    if (x !== y) sum += w;
  }
  if (a.cpu.text !== undefined && b.cpu.text !== undefined) {
    weight += CPU_WEIGHT;
    sum += CPU_WEIGHT * cpuDelta(a.cpu, b.cpu);
  }
  if (a.gpu !== undefined && b.gpu !== undefined) {
    weight += GPU_WEIGHT;
    sum += GPU_WEIGHT * gpuDelta(a.gpu, b.gpu);
  }
  if (a.scenarios.length > 0 || b.scenarios.length > 0) {
    let shared = 0;
    for (const s of a.scenarios) if (b.scenarios.includes(s)) shared++;
    const union = a.scenarios.length + b.scenarios.length - shared;
    weight += SCENARIO_WEIGHT;
    sum += SCENARIO_WEIGHT * (1 - shared / union);
  }
  return weight < minWeight ? Number.NaN : sum / weight;
}

/** Order in which identical specs are worth saying ("same 16 GB RAM and RTX 4060"). */
const MENTION_ORDER = [
  "gpu", "ram_gb", "cpu", "vram_gb", "screen_in", "storage_gb", "lens_mount", "sensor", "megapixels", "platform", "cores", "flight_time_min",
  "capacity_gb", "output_w", "refresh_hz", "battery_mah", "camera_mp", "anc", "case_mm", "case_type", "material", "layout", "trackpad",
  "lens_type", "speed_class", "read_mbps", "speed_mts", "form_factor", "interface", "max_w", "power_delivery_w",
] as const;

/** A spec worth naming: its display label, the feature's weight and the key its value is counted under. */
interface Mention {
  key: string;
  label: string;
  weight: number;
  brand: boolean;
}

/** Each specs object's mentions, once: a product's are read for every ladder entry that names it. */
const mentioned = new WeakMap<Specs, readonly Mention[]>();

/** The specs of `a` a reason may name (MENTION_ORDER, then the brand), with the keys their values count under. */
function mentions(a: Specs): readonly Mention[] {
  let out = mentioned.get(a);
  if (out === undefined) mentioned.set(a, (out = mentionsOf(a)));
  return out;
}

function mentionsOf(a: Specs): Mention[] {
  const out: Mention[] = [];
  for (const name of MENTION_ORDER) {
    if (name === "gpu") {
      if (a.gpu?.discrete) out.push({ key: `gpu=${a.gpu.text}`, label: a.gpu.short, weight: GPU_WEIGHT, brand: false });
      continue;
    }
    if (name === "cpu") {
      // A named processor, not a description ("Octa-core 1.3 GHz Cortex-A53").
      if (a.cpuName !== undefined && a.cpu.text !== undefined && !/-core\b/.test(a.cpu.text)) out.push({ key: `cpu=${a.cpu.text}`, label: a.cpuName, weight: CPU_WEIGHT, brand: false });
      continue;
    }
    const n = NUMERIC_FEATURES.findIndex((f) => f.name === name);
    if (n >= 0) {
      if (!Number.isNaN(a.raw[n])) out.push({ key: `${name}=${a.raw[n]}`, label: NUMERIC_FEATURES[n].label(a.raw[n]), weight: NUMERIC_FEATURES[n].weight, brand: false });
      continue;
    }
    const c = CATEGORICAL_FEATURES.findIndex((f) => f.name === name);
    const value = a.categorical[c];
    if (c >= 0 && value !== undefined && value !== "false") out.push({ key: `${name}=${value}`, label: CATEGORICAL_FEATURES[c].label(value), weight: CATEGORICAL_FEATURES[c].weight, brand: false });
  }
  const brand = a.categorical[BRAND];
  if (brand !== undefined && a.brandName !== undefined) out.push({ key: `brand=${brand}`, label: a.brandName, weight: CATEGORICAL_FEATURES[BRAND].weight, brand: true });
  return out;
}

const BRAND = CATEGORICAL_FEATURES.findIndex((f) => f.name === "brand");

/** How common each spec value is among a group of products (a category): the share holding it. */
export class SpecRarity {
  private readonly counts = new Map<string, number>();
  private readonly total: number;

  constructor(group: readonly Specs[]) {
    this.total = group.length;
    for (const specs of group) for (const m of mentions(specs)) this.counts.set(m.key, (this.counts.get(m.key) ?? 0) + 1);
  }

  /** (count + 1) / (total + 1): never 0, so a value seen once is rare, not infinitely telling. */
  share(key: string): number {
    return ((this.counts.get(key) ?? 0) + 1) / (this.total + 1);
  }
}

/** A spec a and b share, to be named in a reason. */
export interface SharedSpec {
  label: string;
  /** The shared spec is the brand. */
  brand: boolean;
}

/**
 * The specs a and b share exactly, most telling first: by MENTION_ORDER, or with `rarity` by what makes the pair
 * stand out in its category, w_f * -ln share(value) (the same rare chipset says more than the same common 12 GB
 * RAM); the brand counts only with `rarity`.
 */
export function sharedSpecDetails(a: Specs, b: Specs, limit = 2, rarity?: SpecRarity): SharedSpec[] {
  const theirs = new Set(mentions(b).map((m) => m.key));
  let shared = mentions(a).filter((m) => theirs.has(m.key) && (rarity !== undefined || !m.brand));
  if (rarity !== undefined) {
    const telling = (m: Mention) => m.weight * -Math.log(rarity.share(m.key));
    shared = shared.map((m, order) => ({ m, order, t: telling(m) })).sort((x, y) => y.t - x.t || x.order - y.order).map((e) => e.m);
  }
  return shared.slice(0, limit).map((m) => ({ label: m.label, brand: m.brand }));
}

/** Display labels of the specs a and b share exactly, most telling first (`sharedSpecDetails`, brand left out). */
export function sharedSpecs(a: Specs, b: Specs, limit = 2): string[] {
  return sharedSpecDetails(a, b, limit).map((s) => s.label);
}
