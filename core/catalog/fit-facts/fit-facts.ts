/**
 * @module
 * The typed fit facts of one product, read from its curated `attrs` (docs/catalog-attributes.md) or, where those
 * are silent, from its title, description, category path and specs. Facts are stated once per product, in the
 * direction of its role: a device's connectors are its ports and its models are its own name; an accessory's
 * connectors are the plugs it offers a device and its models are the devices it is said to fit.
 */

export type ProductRole = "device" | "accessory" | "other";

/** The input: a catalogue record (DESIGN's catalog contract) plus an optional free-text description. */
export interface FitProduct {
  title?: string;
  brand?: string;
  /** Root first, as an array or "A > B > C". */
  category?: readonly string[] | string;
  attrs?: Readonly<Record<string, unknown>>;
  /** Description text; when absent, `attrs.about` / `attrs.description` (bullets may be joined by "|"). */
  description?: string;
}

/** A size that decides fit: one value (`min === max`), a range, or an upper bound (`min` undefined). */
export interface SizeFact {
  unit: "in" | "mm";
  min?: number;
  max: number;
}

/** Where a fact type came from: the curated vocabulary always wins over specs and text. */
type FactSource = "attrs" | "specs" | "text";

export interface FitFacts {
  role: ProductRole;
  /** Device or accessory kind (`smartphone`, `tv`, `cable`, `case`, ...); undefined for `other`. */
  kind?: string;
  /** `usb-c`, `lightning`, `micro-usb`, `dc-barrel` (the documented enumeration), `jack-3.5mm`, `hdmi`. */
  connectors: string[];
  /** Device-model slugs, `brand-family-designator` (`apple-iphone-13-pro`, `samsung-galaxy-s24-plus`). */
  models: string[];
  /** Part and standard codes, upper-case as written (`EN-EL15`, `BN59-01311B`, `AA`). */
  parts: string[];
  /** `sd`, `microsd`, `cfexpress-a`, `cfexpress-b` (the documented card types). */
  cards: string[];
  /** Charging power in watts (charger, cable, power bank output; a device's wired charging). */
  watts: number[];
  mah: number[];
  /** Storage capacity in GB (1 TB = 1024). */
  gb: number[];
  sizes: SizeFact[];
  /** Lens mounts (`sony-e`, `canon-rf`, ...). */
  mounts: string[];
  source: Partial<Record<FactType, FactSource>>;
}

export type FactType = "role" | "connectors" | "models" | "parts" | "cards" | "watts" | "mah" | "gb" | "sizes" | "mounts";

export const DEVICE_KINDS: ReadonlySet<string> = new Set([
  "smartphone", "mobile-phone", "tablet", "laptop", "smartwatch", "tv", "monitor", "projector", "camera",
  "security-camera", "console", "drone", "cpu", "graphics-card", "set-top-box",
]);

export function emptyFacts(role: ProductRole, kind?: string): FitFacts {
  return { role, ...(kind === undefined ? {} : { kind }), connectors: [], models: [], parts: [], cards: [], watts: [], mah: [], gb: [], sizes: [], mounts: [], source: {} };
}

/** `in:6.1`, `in:12-27`, `in:<=13.3`, `mm:44`: the one-line form the labelled sample uses. */
export function sizeLabel(size: SizeFact): string {
  if (size.min === undefined) return `${size.unit}:<=${size.max}`;
  return size.min === size.max ? `${size.unit}:${size.max}` : `${size.unit}:${size.min}-${size.max}`;
}

/** Adds `value` to `list` unless present. */
export function addUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}
