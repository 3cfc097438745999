/**
 * @module
 * The enumerations catalog attributes draw from (lower-case slugs), as documented in docs/catalog-attributes.md.
 */

export type Tier = "flagship" | "mid" | "budget";
export const TIERS: readonly Tier[] = ["flagship", "mid", "budget"];

export type Scenario = "gaming" | "travel" | "photography" | "home-office" | "outdoor";
export const SCENARIOS: readonly Scenario[] = ["gaming", "travel", "photography", "home-office", "outdoor"];

/** The plug on the device side of a charging/data link. */
export type Connector = "usb-c" | "lightning" | "micro-usb" | "dc-barrel";
export type Charging = "wired" | "qi" | "magsafe";
export type CardType = "sd" | "microsd" | "microsd-express" | "cfexpress-a" | "cfexpress-b";
export type LensMount = "sony-e" | "canon-rf" | "nikon-z" | "fujifilm-x" | "l-mount" | "mft";
export type Socket = "am5" | "am4" | "lga1851" | "lga1700";
export type MemoryType = "ddr5" | "ddr4";
export type Platform = "ps5" | "xbox-series" | "switch" | "switch-2" | "pc";
/** Watch strap attachment systems: a band fits a watch when both carry the same `band_fit`. */
export type BandFit = "apple-watch-s" | "apple-watch-l" | "pixel-watch-41" | "pixel-watch-45" | "20mm" | "22mm" | "quickfit-22" | "samsung-ultra";
export type StylusProtocol = "apple-pencil-pro" | "apple-pencil-usb-c" | "s-pen" | "usi-2";
export type HostPort = "usb-c" | "thunderbolt";

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
