/**
 * @module
 * Key specifications from a product's `attrs` (vocabulary: docs/catalog-attributes.md): labelled, with units,
 * in an order a shopper cares about. Keys this page does not know are still shown, named after the key.
 */
import { gigabytes, readableSlug } from "./format.js";

const yesNo = (v) => (v ? "Yes" : "No");
const slug = (v) => readableSlug(String(v));
const slugs = (v) => (Array.isArray(v) ? v.map(slug).join(", ") : slug(v));
const unit = (suffix) => (v) => `${v}${suffix}`;

/** Known keys, most telling first: [key, label, format]. */
const KNOWN = [
  ["fits_models", "Fits", slugs],
  ["screen_in", "Display", (v) => `${v}″`],
  ["cpu", "Processor", String],
  ["gpu", "Graphics", String],
  ["ram_gb", "Memory", gigabytes],
  ["storage_gb", "Storage", gigabytes],
  ["capacity_gb", "Capacity", gigabytes],
  ["connector", "Charging port", slug],
  ["connectors", "Connects to", (v) => (Array.isArray(v) && v.length === 0 ? "Wireless" : slugs(v))],
  ["charging", "Charging", slug],
  ["max_charge_w", "Fast charging", unit(" W")],
  ["output_w", "Output", unit(" W")],
  ["magsafe", "MagSafe", yesNo],
  ["wireless_charging", "Wireless charging", yesNo],
  ["os", "Operating system", slug],
  ["megapixels", "Resolution", unit(" MP")],
  ["sensor", "Sensor", slug],
  ["lens_mount", "Lens mount", slug],
  ["kit_lens", "Kit lens", (v) => (v === "none" ? "Body only" : v)],
  ["focal_mm", "Focal length", unit(" mm")],
  ["flight_time_min", "Flight time", unit(" min")],
  ["refresh_hz", "Refresh rate", unit(" Hz")],
  ["resolution", "Resolution", (v) => String(v).replace("x", " × ")],
  ["panel", "Panel", slug],
  ["anc", "Noise cancelling", yesNo],
  ["wireless", "Wireless", yesNo],
  ["capacity_mah", "Capacity", (v) => `${Number(v).toLocaleString("en-IE")} mAh`],
  ["platform", "Platform", slug],
  ["platforms", "Works with", slugs],
  ["socket", "Socket", slug],
  ["sockets", "Sockets", slugs],
  ["memory_types", "Memory support", slugs],
  ["memory_type", "Memory type", slug],
  ["card_type", "Memory card", slug],
  ["band_fit", "Strap fit", slug],
  ["case_mm", "Case size", unit(" mm")],
  ["stylus_support", "Pen support", slugs],
  ["stylus_protocol", "Pen protocol", slug],
  ["ports", "Ports", slugs],
  ["inputs", "Inputs", slugs],
  ["case_type", "Style", slug],
  ["material", "Material", slug],
  ["weight_kg", "Weight", unit(" kg")],
  ["weight_g", "Weight", unit(" g")],
  ["waterproof_m", "Waterproof", (v) => (v > 0 ? `${v} m` : "No")],
  ["length_m", "Length", unit(" m")],
  ["color", "Colour", String],
  ["scenarios", "Great for", (v) => (Array.isArray(v) && v.length > 0 ? slugs(v) : null)],
];
const KNOWN_KEYS = new Set(KNOWN.map(([key]) => key));
/** Internal keys a shopper does not need. */
const HIDDEN = new Set(["kind", "tier", "device_model", "official_for_brand", "list_price", "cost", "margin"]);

const UNIT_SUFFIXES = [["_mah", " mAh"], ["_mts", " MT/s"], ["_mbps", " MB/s"], ["_min", " min"], ["_hz", " Hz"], ["_gb", " GB"], ["_kg", " kg"], ["_mm", " mm"], ["_in", "″"], ["_w", " W"], ["_g", " g"], ["_m", " m"]];

function generic(key, value) {
  const suffix = UNIT_SUFFIXES.find(([s]) => key.endsWith(s));
  const name = (suffix ? key.slice(0, -suffix[0].length) : key).replaceAll("_", " ");
  const label = name.charAt(0).toUpperCase() + name.slice(1);
  if (typeof value === "boolean") return [label, yesNo(value)];
  if (typeof value === "number") return [label, `${value}${suffix ? suffix[1] : ""}`];
  if (typeof value === "string") return [label, /^[a-z0-9-]+$/.test(value) ? slug(value) : value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) return [label, slugs(value)];
  return null;
}

/**
 * @param {Record<string, unknown>} attrs
 * @returns {Array<{ key: string, label: string, value: string }>} known keys in their order, then the rest
 */
export function specifications(attrs) {
  const rows = [];
  for (const [key, label, format] of KNOWN) {
    if (!(key in attrs) || attrs[key] === null) continue;
    const value = format(attrs[key]);
    if (value !== null && value !== "") rows.push({ key, label, value });
  }
  for (const [key, value] of Object.entries(attrs)) {
    if (KNOWN_KEYS.has(key) || HIDDEN.has(key) || value === null) continue;
    const row = generic(key, value);
    if (row !== null && row[1] !== "") rows.push({ key, label: row[0], value: row[1] });
  }
  return rows;
}
