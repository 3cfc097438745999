/**
 * @module
 * Display formats: money, capacities, and readable names for the catalogue's slugs.
 */

const LOCALE = "en-IE";
const moneyFormats = new Map();

/**
 * `1449` -> "€1,449.00"; an unknown currency code falls back to EUR; `currency` null gives the amount alone,
 * "1,449.00" (reports that sum a shop's own currency); no number -> "".
 */
export function money(amount, currency = "EUR") {
  if (typeof amount !== "number" || !Number.isFinite(amount)) return "";
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(LOCALE, currency === null ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { style: "currency", currency });
    } catch {
      format = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "EUR" });
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

/** Gigabytes as a shopper reads them: 512 -> "512 GB", 2048 -> "2 TB". */
export function gigabytes(gb) {
  return gb >= 1024 && gb % 1024 === 0 ? `${gb / 1024} TB` : `${gb} GB`;
}

const WORDS = {
  iphone: "iPhone", ipad: "iPad", macbook: "MacBook", imac: "iMac", airpods: "AirPods", oneplus: "OnePlus", gopro: "GoPro",
  usb: "USB", "usb-c": "USB-C", "usb-a": "USB-A", dji: "DJI", hp: "HP", lg: "LG", tcl: "TCL", asus: "ASUS", msi: "MSI", amd: "AMD",
  ios: "iOS", ipados: "iPadOS", macos: "macOS", watchos: "watchOS", chromeos: "ChromeOS", "wear-os": "Wear OS", "fire-os": "Fire OS",
  harmonyos: "HarmonyOS", "zepp-os": "Zepp OS", hyperos: "HyperOS", sd: "SD", microsd: "microSD", "microsd-express": "microSD Express",
  "cfexpress-a": "CFexpress A", "cfexpress-b": "CFexpress B", "sony-e": "Sony E", "canon-rf": "Canon RF", "nikon-z": "Nikon Z",
  "fujifilm-x": "Fujifilm X", "l-mount": "L-Mount", mft: "Micro Four Thirds", "aps-c": "APS-C", "full-frame": "Full frame",
  magsafe: "MagSafe", qi: "Qi wireless", ps5: "PS5", "xbox-series": "Xbox Series", "switch-2": "Switch 2", pc: "PC", ddr4: "DDR4",
  ddr5: "DDR5", am4: "AM4", am5: "AM5", lga1700: "LGA1700", lga1851: "LGA1851", "dc-barrel": "DC barrel", thunderbolt: "Thunderbolt",
  "de-qwertz": "German QWERTZ", "uk-qwerty": "UK QWERTY", "home-office": "Home office", se: "SE", xl: "XL", fe: "FE", "5g": "5G",
  lte: "LTE", ips: "IPS", va: "VA", tn: "TN", oled: "OLED", "qd-oled": "QD-OLED", hdmi: "HDMI", displayport: "DisplayPort",
  nvme: "NVMe", sata: "SATA", atx: "ATX", matx: "mATX", itx: "ITX", aio: "AIO", "google-home": "Google Home", homekit: "HomeKit",
  "apple-watch-s": "Apple Watch (small)", "apple-watch-l": "Apple Watch (large)", "quickfit-22": "Garmin QuickFit 22",
};

/** A catalogue slug as words: "apple-iphone-17-pro-max" -> "Apple iPhone 17 Pro Max", "usb-c" -> "USB-C". */
export function readableSlug(slug) {
  if (typeof slug !== "string" || slug.length === 0) return "";
  if (WORDS[slug] !== undefined) return WORDS[slug];
  return slug
    .split("-")
    .map((word) => WORDS[word] ?? (/\d/.test(word) && /^[a-z]\d/.test(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");
}
