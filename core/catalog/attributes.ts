/**
 * @module
 * Typed reads of a catalogue record's `attrs` (vocabulary in docs/catalog-attributes.md): a key that is absent or
 * of the wrong type reads as "does not apply".
 */

export type Attrs = Readonly<Record<string, unknown>>;

/** The part of a catalogue record the catalogue rules read. */
export interface CatalogItem {
  brand?: string;
  title?: string;
  /** Root first, as an array or "A > B > C" (read by the fit facts of products without curated attrs). */
  category?: readonly string[] | string;
  attrs: Attrs;
}

export function attrString(attrs: Attrs, key: string): string | undefined {
  const value = attrs[key];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** NaN when absent or not a finite number. */
export function attrNumber(attrs: Attrs, key: string): number {
  const value = attrs[key];
  return typeof value === "number" && Number.isFinite(value) ? value : Number.NaN;
}

/** The strings of a list attribute; undefined when the key is absent (an empty list is a real value). */
export function attrList(attrs: Attrs, key: string): readonly string[] | undefined {
  const value = attrs[key];
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === "string");
}

export function attrTrue(attrs: Attrs, key: string): boolean {
  return attrs[key] === true;
}

/** `Apple` -> `apple`, `OnePlus` -> `oneplus`, `Philips Hue` -> `philips-hue`, `+` spelled `plus`. */
export function brandSlug(brand: string): string {
  return brand
    .toLowerCase()
    .replaceAll("+", "plus")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The kinds that carry `device_model` (docs/catalog-attributes.md, "Devices"). */
const LAPTOP_KINDS: ReadonlySet<string> = new Set(["gaming-laptop", "ultrabook", "everyday-laptop", "2-in-1-laptop", "chromebook"]);

export function isLaptopKind(kind: string | undefined): boolean {
  return kind !== undefined && LAPTOP_KINDS.has(kind);
}
