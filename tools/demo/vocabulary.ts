/**
 * @module
 * The enumerations catalog attributes draw from (lower-case slugs), as documented in docs/catalog-attributes.md.
 */

export const TIERS = ["flagship", "mid", "budget"] as const;
export type Tier = (typeof TIERS)[number];

export const SCENARIOS = ["gaming", "travel", "photography", "home-office", "outdoor"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** The plug on the device side of a charging/data link. */
export const CONNECTORS = ["usb-c", "lightning", "micro-usb", "dc-barrel"] as const;
export const CHARGING = ["wired", "qi", "magsafe"] as const;
export const CARD_TYPES = ["sd", "microsd", "microsd-express", "cfexpress-a", "cfexpress-b"] as const;
export const LENS_MOUNTS = ["sony-e", "canon-rf", "nikon-z", "fujifilm-x", "l-mount", "mft"] as const;
export type LensMount = (typeof LENS_MOUNTS)[number];
export const SOCKETS = ["am5", "am4", "lga1851", "lga1700"] as const;
export const MEMORY_TYPES = ["ddr5", "ddr4"] as const;
export const PLATFORMS = ["ps5", "xbox-series", "switch", "switch-2", "pc"] as const;
/** Watch strap attachment systems: a band fits a watch when both carry the same `band_fit`. */
export const BAND_FITS = ["apple-watch-s", "apple-watch-l", "pixel-watch-41", "pixel-watch-45", "20mm", "22mm", "quickfit-22", "samsung-ultra"] as const;
export const STYLUS_PROTOCOLS = ["apple-pencil-pro", "apple-pencil-usb-c", "s-pen", "usi-2"] as const;
export const HOST_PORTS = ["usb-c", "thunderbolt"] as const;

/** Lower-case slug: letters and digits, "+" spelled "plus", everything else collapsed to single dashes. */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\+/g, " plus ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Keyboard layouts as sold ("German QWERTZ") and as attribute values ("de-qwertz"). */
export const LAYOUTS: Record<string, string> = { "German QWERTZ": "de-qwertz", "UK QWERTY": "uk-qwerty" };

/** "1 TB" / "256 GB". */
export function formatStorage(gb: number): string {
  return gb >= 1024 ? `${gb / 1024} TB` : `${gb} GB`;
}
