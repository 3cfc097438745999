/**
 * @module
 * Earbuds, headphones, speakers, soundbars, smartwatches, watch bands, fitness trackers and rings. Earbuds made
 * by a phone maker carry `official_for_brand`; watches and bands meet on `band_fit`.
 */
import { rows, type ModelRow } from "./standalone";
import type { BandFit } from "./vocabulary";

const bt = { wireless: true, charge_connector: "usb-c" } as const;
const anc = { ...bt, anc: true } as const;
const official = (brand: string) => ({ official_for_brand: brand });

export const AUDIO: readonly ModelRow[] = [
  ...rows("earbuds", {}, [
    ["Apple", "AirPods Pro 3", 249, ["White"], { ...anc, ...official("apple") }, ["travel"]],
    ["Apple", "AirPods 4 with Active Noise Cancellation", 199, ["White"], { ...anc, ...official("apple") }, ["travel"]],
    ["Apple", "AirPods 4", 149, ["White"], { ...bt, anc: false, ...official("apple") }],
    ["Apple", "EarPods (USB-C)", 19, ["White"], { wireless: false, connectors: ["usb-c"], anc: false, ...official("apple") }],
    ["Apple", "EarPods (Lightning Connector)", 19, ["White"], { wireless: false, connectors: ["lightning"], anc: false, ...official("apple") }],
    ["Beats", "Powerbeats Pro 2", 299, ["Jet Black", "Quick Sand", "Electric Orange"], { ...anc, ...official("apple") }, ["outdoor"]],
    ["Samsung", "Galaxy Buds3 Pro", 249, ["Silver", "White"], { ...anc, ...official("samsung") }, ["travel"]],
    ["Samsung", "Galaxy Buds3", 179, ["Silver", "White"], { ...anc, ...official("samsung") }],
    ["Samsung", "Galaxy Buds FE", 109, ["Graphite", "White"], { ...anc, ...official("samsung") }],
    ["Google", "Pixel Buds Pro 2", 229, ["Hazel", "Porcelain", "Moonstone"], { ...anc, ...official("google") }, ["travel"]],
    ["Google", "Pixel Buds 2a", 149, ["Hazel", "Iris"], { ...anc, ...official("google") }],
    ["Xiaomi", "Redmi Buds 6 Pro", 79, ["Black", "White"], { ...anc, ...official("xiaomi") }],
    ["OnePlus", "Buds 3", 99, ["Metallic Gray", "Splendid Blue"], { ...anc, ...official("oneplus") }],
    ["Nothing", "Ear (3)", 179, ["Black", "White"], { ...anc, ...official("nothing") }],
    ["Sony", "WF-1000XM5", 299, ["Black", "Silver"], { ...anc, ...official("sony") }, ["travel"]],
    ["Sony", "WF-C710N", 119, ["Black", "Blue", "Pink"], { ...anc, ...official("sony") }],
    ["Bose", "QuietComfort Ultra Earbuds (2nd Gen)", 299, ["Black", "White Smoke"], anc, ["travel"]],
    ["JBL", "Tune Buds 2", 99, ["Black", "Blue"], anc],
    ["JBL", "Live Beam 3", 179, ["Black", "Silver"], anc],
    ["Anker", "Soundcore Liberty 4 Pro", 149, ["Black", "Ice Blue"], anc],
    ["Anker", "Soundcore P30i", 39, ["Black", "White", "Blue"], anc],
    ["Shokz", "OpenRun Pro 2", 199, ["Black", "Orange"], { ...bt, anc: false }, ["outdoor"]],
    ["Sennheiser", "MOMENTUM True Wireless 4", 299, ["Black Graphite", "Metallic Silver"], anc, ["travel"]],
    ["Anker", "Soundcore R50i NC", 29, ["Black", "White"], anc],
  ]),
  ...rows("headphones", { attrs: { ...bt } }, [
    ["Sony", "WH-1000XM6", 449, ["Black", "Platinum Silver", "Midnight Blue"], { anc: true }, ["travel"]],
    ["Sony", "WH-1000XM5", 349, ["Black", "Silver"], { anc: true }, ["travel"], { lifecycle: "clearance" }],
    ["Sony", "WH-CH720N", 99, ["Black", "White", "Blue"], { anc: true }],
    ["Bose", "QuietComfort Ultra Headphones (2nd Gen)", 499, ["Black", "Driftwood Sand"], { anc: true }, ["travel"]],
    ["Bose", "QuietComfort Headphones", 349, ["Black", "White Smoke"], { anc: true }, ["travel"]],
    ["Apple", "AirPods Max (USB-C)", 579, ["Midnight", "Starlight", "Blue"], { anc: true, ...official("apple") }, ["travel"]],
    ["Sennheiser", "MOMENTUM 4 Wireless", 299, ["Black", "Denim"], { anc: true }, ["travel"]],
    ["Sennheiser", "HD 660S2", 499, ["Black"], { wireless: false, anc: false }],
    ["JBL", "Tour One M3", 349, ["Black", "Mocha"], { anc: true }],
    ["JBL", "Tune 770NC", 99, ["Black", "Blue", "White"], { anc: true }],
    ["Beats", "Studio Pro", 349, ["Black", "Deep Brown", "Sandstone"], { anc: true, ...official("apple") }],
    ["Marshall", "Major V", 149, ["Black", "Brown"], { anc: false }],
    ["Anker", "Soundcore Space One", 99, ["Black", "Blue"], { anc: true }, ["travel"]],
    ["Audio-Technica", "ATH-M50xBT2", 199, ["Black"], { anc: false }],
    ["Sennheiser", "MOMENTUM 5 Wireless", 399, ["Black", "Graphite"], { anc: true }, ["travel"], { lifecycle: "new", launched: "2026-10-12" }],
  ]),
  ...rows("speakers", { attrs: { wireless: true, charge_connector: "usb-c" } }, [
    ["JBL", "Flip 7", 149, ["Black", "Blue", "Red", "Camo"], { waterproof: "ip68" }, ["outdoor", "travel"]],
    ["JBL", "Charge 6", 199, ["Black", "Blue", "Red"], { waterproof: "ip68" }, ["outdoor"]],
    ["JBL", "Go 4", 49, ["Black", "Blue", "Pink", "Red"], { waterproof: "ip67" }, ["outdoor", "travel"]],
    ["JBL", "Clip 5", 69, ["Black", "Blue", "Purple"], { waterproof: "ip67" }, ["outdoor", "travel"]],
    ["JBL", "Boombox 3", 449, ["Black", "Camo"], { waterproof: "ip67" }, ["outdoor"]],
    ["Bose", "SoundLink Max", 399, ["Black", "Blue Dusk"], { waterproof: "ip67" }, ["outdoor"]],
    ["Bose", "SoundLink Flex (2nd Gen)", 149, ["Black", "Blue Dusk", "Alpine Sage"], { waterproof: "ip67" }, ["outdoor", "travel"]],
    ["Sony", "ULT FIELD 1", 129, ["Black", "Off White", "Forest Gray"], { waterproof: "ip67" }, ["outdoor"]],
    ["Ultimate Ears", "BOOM 4", 149, ["Active Black", "Cobalt Blue", "Hot Pink"], { waterproof: "ip67" }, ["outdoor"]],
    ["Ultimate Ears", "WONDERBOOM 4", 99, ["Active Black", "Cobalt Blue"], { waterproof: "ip67" }, ["outdoor", "travel"]],
    ["Marshall", "Emberton III", 169, ["Black and Brass", "Cream"], { waterproof: "ip67" }, ["outdoor", "travel"]],
    ["Marshall", "Stanmore III", 379, ["Black", "Brown"], { waterproof: "none" }],
    ["Anker", "Soundcore Motion 300", 79, ["Black", "Blue", "Green"], { waterproof: "ipx7" }, ["travel"]],
    ["Sonos", "Roam 2", 199, ["Black", "White", "Olive"], { waterproof: "ip67" }, ["outdoor", "travel"]],
    ["Sonos", "Move 2", 449, ["Black", "Olive"], { waterproof: "ip56" }, ["outdoor"]],
  ]),
  ...rows("soundbars", { attrs: { wireless: false } }, [
    ["Sonos", "Arc Ultra", 999, ["Black", "White"], { dolby_atmos: true }],
    ["Sonos", "Beam (Gen 2)", 499, ["Black", "White"], { dolby_atmos: true }],
    ["Samsung", "HW-Q990D", 1299, ["Black"], { dolby_atmos: true }],
    ["Bose", "Smart Soundbar", 499, ["Black"], { dolby_atmos: true }],
    ["JBL", "Bar 500", 549, ["Black"], { dolby_atmos: true }],
    ["Sony", "BRAVIA Theatre Bar 6", 599, ["Black"], { dolby_atmos: true }],
  ]),
];

export interface WatchModel { brand: string; name: string; price: number; bandFit: BandFit; caseMm: number; os: string; colors: readonly string[]; lte: boolean; launched: string; outdoor?: boolean; lifecycle?: "new" | "clearance" }
export const WATCHES: readonly WatchModel[] = ([
  ["Apple", "Watch Series 11 42mm", 449, "apple-watch-s", 42, "watchos", ["Jet Black", "Rose Gold", "Silver"], false, "2025-09"],
  ["Apple", "Watch Series 11 46mm", 479, "apple-watch-l", 46, "watchos", ["Jet Black", "Space Grey", "Silver"], false, "2025-09"],
  ["Apple", "Watch Ultra 3 49mm", 899, "apple-watch-l", 49, "watchos", ["Natural Titanium", "Black Titanium"], true, "2025-09", true],
  ["Apple", "Watch SE 3 40mm", 269, "apple-watch-s", 40, "watchos", ["Midnight", "Starlight"], false, "2025-09"],
  ["Apple", "Watch SE 3 44mm", 299, "apple-watch-l", 44, "watchos", ["Midnight", "Starlight"], false, "2025-09"],
  ["Samsung", "Galaxy Watch8 40mm", 329, "20mm", 40, "wear-os", ["Graphite", "Silver"], false, "2025-07"],
  ["Samsung", "Galaxy Watch8 44mm", 359, "20mm", 44, "wear-os", ["Graphite", "Silver"], false, "2025-07"],
  ["Samsung", "Galaxy Watch8 Classic 46mm", 449, "20mm", 46, "wear-os", ["Black", "White"], false, "2025-07"],
  ["Samsung", "Galaxy Watch Ultra (2025)", 649, "samsung-ultra", 47, "wear-os", ["Titanium Blue", "Titanium Silver"], true, "2025-07", true],
  ["Google", "Pixel Watch 4 41mm", 399, "pixel-watch-41", 41, "wear-os", ["Polished Silver", "Matte Black"], false, "2025-08"],
  ["Google", "Pixel Watch 4 45mm", 449, "pixel-watch-45", 45, "wear-os", ["Polished Silver", "Matte Black"], false, "2025-08"],
  ["Garmin", "fenix 8 47mm AMOLED", 999, "quickfit-22", 47, "garmin", ["Slate Gray", "Bare Titanium"], false, "2024-08", true],
  ["Garmin", "Forerunner 265", 449, "22mm", 46, "garmin", ["Black", "Whitestone"], false, "2023-03", true],
  ["Garmin", "Forerunner 965", 599, "22mm", 47, "garmin", ["Black", "Whitestone"], false, "2023-03", true],
  ["Garmin", "Venu 3", 449, "22mm", 45, "garmin", ["Slate", "Silver"], false, "2023-08"],
  ["Garmin", "Instinct 3 AMOLED 45mm", 449, "22mm", 45, "garmin", ["Black", "Neotropic"], false, "2025-01", true],
  ["Garmin", "vivoactive 6", 299, "20mm", 42, "garmin", ["Slate", "Pink Dawn"], false, "2025-04", true],
  ["Huawei", "Watch GT 5 Pro 46mm", 349, "22mm", 46, "harmonyos", ["Black", "Titanium"], false, "2024-09"],
  ["Amazfit", "Balance 2", 299, "22mm", 47, "zepp-os", ["Black"], false, "2025-05", true],
  ["Xiaomi", "Watch S4 47mm", 199, "22mm", 47, "hyperos", ["Black", "Silver"], false, "2025-03"],
  ["Google", "Pixel Watch 3 41mm", 349, "pixel-watch-41", 41, "wear-os", ["Polished Silver", "Matte Black"], false, "2024-08", false, "clearance"],
] as const).map(([brand, name, price, bandFit, caseMm, os, colors, lte, launched, outdoor, lifecycle]): WatchModel => ({ brand, name, price, bandFit, caseMm, os, colors, lte, launched, ...(outdoor ? { outdoor } : {}), ...(lifecycle ? { lifecycle } : {}) }));

/** Bands per attachment system: [brand, line, price, colours, official for]. */
export const BAND_LINES: readonly (readonly [BandFit, string, string, number, readonly string[], string?])[] = [
  ["apple-watch-s", "Apple", "Sport Band 42mm", 49, ["Black", "Light Blush", "Lake Green", "Denim"], "apple"],
  ["apple-watch-s", "Apple", "Sport Loop 42mm", 49, ["Plum", "Blue Cloud", "Anchor Blue"], "apple"],
  ["apple-watch-s", "Apple", "Milanese Loop 42mm", 99, ["Silver", "Black"], "apple"],
  ["apple-watch-l", "Apple", "Sport Band 46mm", 49, ["Black", "Stone Gray", "Denim", "Pride Edition"], "apple"],
  ["apple-watch-l", "Apple", "Sport Loop 46mm", 49, ["Plum", "Blue Cloud", "Anchor Blue"], "apple"],
  ["apple-watch-l", "Apple", "Trail Loop 49mm", 99, ["Black/Charcoal", "Blue/Black"], "apple"],
  ["apple-watch-l", "Apple", "Ocean Band 49mm", 99, ["Neon Green", "Navy"], "apple"],
  ["apple-watch-s", "Nomad", "Sport Band for Apple Watch 40/41/42mm", 59, ["Black", "Ash Green"]],
  ["apple-watch-l", "Nomad", "Sport Band for Apple Watch 44/45/46/49mm", 59, ["Black", "Ash Green", "Ultra Orange"]],
  ["apple-watch-l", "Spigen", "Rugged Band for Apple Watch 44/45/46/49mm", 24.99, ["Matte Black"]],
  ["apple-watch-s", "ESR", "Magnetic Silicone Band for Apple Watch 38/40/41/42mm", 14.99, ["Black", "Pink", "Blue"]],
  ["pixel-watch-41", "Google", "Active Band 41mm", 49, ["Obsidian", "Porcelain", "Moonstone"], "google"],
  ["pixel-watch-45", "Google", "Active Band 45mm", 49, ["Obsidian", "Porcelain", "Moonstone"], "google"],
  ["pixel-watch-41", "Google", "Metal Links Band 41mm", 199, ["Polished Silver"], "google"],
  ["20mm", "Samsung", "Sport Band (20mm)", 39, ["Graphite", "Silver", "Blue"], "samsung"],
  ["20mm", "Samsung", "Fabric Band (20mm)", 49, ["Dark Gray", "Sand"], "samsung"],
  ["samsung-ultra", "Samsung", "PeakForm Band for Galaxy Watch Ultra", 79, ["Dark Gray", "Orange"], "samsung"],
  ["samsung-ultra", "Samsung", "Trail Band for Galaxy Watch Ultra", 69, ["Sand", "Dark Gray"], "samsung"],
  ["quickfit-22", "Garmin", "QuickFit 22 Silicone Band", 59, ["Black", "Fog Gray", "Flame Red"], "garmin"],
  ["quickfit-22", "Garmin", "QuickFit 22 Titanium Band", 299, ["Titanium"], "garmin"],
  ["22mm", "Garmin", "Quick Release 22mm Silicone Band", 49, ["Black", "Whitestone", "Tidal Blue"], "garmin"],
  ["22mm", "Barton", "Quick Release Silicone Strap 22mm", 19.99, ["Black", "Navy", "Olive", "Orange"]],
  ["20mm", "Barton", "Quick Release Silicone Strap 20mm", 19.99, ["Black", "Navy", "Olive", "Coral"]],
  ["22mm", "Hirsch", "Liberty Leather Strap 22mm", 69, ["Black", "Brown"]],
  ["20mm", "Hirsch", "Liberty Leather Strap 20mm", 69, ["Black", "Brown"]],
];

export const WEARABLES_OTHER: readonly ModelRow[] = [
  ...rows("fitness-trackers", {}, [
    ["Google", "Fitbit Charge 6", 159, ["Obsidian", "Porcelain", "Coral"], { charge_connector: "proprietary" }, ["outdoor"]],
    ["Google", "Fitbit Inspire 3", 99, ["Midnight Zen", "Lilac Bliss"], { charge_connector: "proprietary" }],
    ["Xiaomi", "Smart Band 10", 49, ["Black", "Silver", "Pink"], { charge_connector: "proprietary" }],
    ["Samsung", "Galaxy Fit3", 59, ["Gray", "Silver", "Pink Gold"], { charge_connector: "proprietary" }],
    ["Garmin", "vivosmart 5", 149, ["Black", "Mint"], { charge_connector: "proprietary" }, ["outdoor"]],
    ["Huawei", "Band 10", 59, ["Black", "Blue"], { charge_connector: "proprietary" }],
    ["Amazfit", "Helio Strap", 99, ["Black"], { charge_connector: "proprietary" }, ["outdoor"]],
  ]),
  ...rows("smart-rings", {}, [
    ["Oura", "Ring 4", 399, ["Silver", "Black", "Gold"], {}, ["outdoor"]],
    ["Samsung", "Galaxy Ring", 449, ["Titanium Black", "Titanium Silver", "Titanium Gold"], {}],
    ["RingConn", "Gen 2 Air", 199, ["Dune Gold", "Moonlit Silver"], {}],
  ]),
];
