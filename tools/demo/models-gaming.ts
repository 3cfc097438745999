/**
 * @module
 * Consoles and handhelds (`platform`, card slot), controllers and headsets (`platforms` they work with), gaming
 * keyboards, mice, mouse pads and VR headsets.
 */
import { rows, type ModelRow } from "./standalone";
import type { CardType, Platform } from "./vocabulary";

export interface ConsoleModel { brand: string; name: string; price: number; platform: Platform; storageGb: number; card?: CardType; handheld: boolean; colors: readonly string[]; launched: string; lifecycle?: "clearance" }
export const CONSOLES: readonly ConsoleModel[] = [
  { brand: "Sony", name: "PlayStation 5 Pro", price: 799, platform: "ps5", storageGb: 2048, handheld: false, colors: ["White"], launched: "2024-11" },
  { brand: "Sony", name: "PlayStation 5 Slim (Disc Edition)", price: 549, platform: "ps5", storageGb: 1024, handheld: false, colors: ["White"], launched: "2023-11" },
  { brand: "Sony", name: "PlayStation 5 Slim Digital Edition", price: 499, platform: "ps5", storageGb: 1024, handheld: false, colors: ["White"], launched: "2023-11" },
  { brand: "Microsoft", name: "Xbox Series X", price: 599, platform: "xbox-series", storageGb: 1024, handheld: false, colors: ["Carbon Black"], launched: "2020-11" },
  { brand: "Microsoft", name: "Xbox Series S", price: 399, platform: "xbox-series", storageGb: 1024, handheld: false, colors: ["Robot White", "Carbon Black"], launched: "2020-11" },
  { brand: "Nintendo", name: "Switch 2", price: 469, platform: "switch-2", storageGb: 256, card: "microsd-express", handheld: true, colors: ["Black"], launched: "2025-06" },
  { brand: "Nintendo", name: "Switch 2 Mario Kart World Bundle", price: 509, platform: "switch-2", storageGb: 256, card: "microsd-express", handheld: true, colors: ["Black"], launched: "2025-06" },
  { brand: "Nintendo", name: "Switch OLED", price: 349, platform: "switch", storageGb: 64, card: "microsd", handheld: true, colors: ["White", "Neon Red/Neon Blue"], launched: "2021-10", lifecycle: "clearance" },
  { brand: "Nintendo", name: "Switch Lite", price: 219, platform: "switch", storageGb: 32, card: "microsd", handheld: true, colors: ["Turquoise", "Coral", "Gray"], launched: "2019-09" },
  { brand: "Valve", name: "Steam Deck OLED 512 GB", price: 569, platform: "pc", storageGb: 512, card: "microsd", handheld: true, colors: ["Black"], launched: "2023-11" },
  { brand: "ASUS", name: "ROG Xbox Ally X", price: 899, platform: "pc", storageGb: 1024, card: "microsd", handheld: true, colors: ["Black"], launched: "2025-10" },
  { brand: "Lenovo", name: "Legion Go S (SteamOS)", price: 599, platform: "pc", storageGb: 512, card: "microsd", handheld: true, colors: ["Nebula Violet"], launched: "2025-05" },
];

const plat = (...p: Platform[]) => ({ platforms: p });

export const GAMING: readonly ModelRow[] = [
  ...rows("controllers", { scenarios: ["gaming"] }, [
    ["Sony", "DualSense Wireless Controller", 74.99, ["White", "Midnight Black", "Cosmic Red", "Galactic Purple", "Volcanic Red"], { ...plat("ps5", "pc"), official_for_brand: "sony" }],
    ["Sony", "DualSense Edge Wireless Controller", 219, ["White", "Midnight Black"], { ...plat("ps5", "pc"), official_for_brand: "sony" }],
    ["Microsoft", "Xbox Wireless Controller", 64.99, ["Carbon Black", "Robot White", "Shock Blue", "Pulse Red"], { ...plat("xbox-series", "pc"), official_for_brand: "microsoft" }],
    ["Microsoft", "Xbox Elite Wireless Controller Series 2", 179, ["Black"], { ...plat("xbox-series", "pc"), official_for_brand: "microsoft" }],
    ["Nintendo", "Switch 2 Pro Controller", 89.99, ["Black"], { ...plat("switch-2"), official_for_brand: "nintendo" }],
    ["Nintendo", "Joy-Con 2 Pair", 89.99, ["Light Blue/Light Red"], { ...plat("switch-2"), official_for_brand: "nintendo" }],
    ["Nintendo", "Switch Pro Controller", 69.99, ["Black"], { ...plat("switch", "switch-2"), official_for_brand: "nintendo" }],
    ["Nintendo", "Joy-Con Pair", 79.99, ["Neon Red/Neon Blue", "Pastel Purple/Pastel Green"], { ...plat("switch"), official_for_brand: "nintendo" }],
    ["8BitDo", "Ultimate 2 Bluetooth Controller", 69.99, ["Black", "White"], plat("switch", "switch-2", "pc")],
    ["PowerA", "Enhanced Wired Controller for Xbox", 34.99, ["Black", "Blue"], plat("xbox-series", "pc")],
    ["Razer", "Wolverine V3 Pro", 199, ["Black", "White"], plat("xbox-series", "pc")],
    ["Turtle Beach", "Stealth Ultra", 199, ["Black"], plat("xbox-series", "pc")],
    ["Nacon", "Revolution 5 Pro", 199, ["Black"], plat("ps5", "pc")],
  ]),
  ...rows("gaming-keyboards", { scenarios: ["gaming"], colors: ["German QWERTZ", "UK QWERTY"], variant: "layout" }, [
    ["Razer", "BlackWidow V4 Pro", 229], ["Razer", "Huntsman V3 Pro TKL", 219], ["Razer", "Ornata V3", 69],
    ["Corsair", "K70 RGB PRO", 159], ["Corsair", "K65 PLUS WIRELESS", 159],
    ["Logitech G", "PRO X TKL LIGHTSPEED", 199], ["Logitech G", "G915 X LIGHTSPEED", 229], ["Logitech G", "G213 Prodigy", 59],
    ["SteelSeries", "Apex Pro TKL Gen 3", 219], ["SteelSeries", "Apex 3", 59],
    ["HyperX", "Alloy Origins Core", 79], ["ASUS", "ROG Azoth Extreme", 429], ["Wooting", "60HE+", 174], ["Cherry", "MX 8.2 Xaver", 179],
  ].map(([b, n, p]) => [b as string, n as string, p as number, undefined, { wireless: /WIRELESS|LIGHTSPEED|Pro$|Azoth/.test(n as string) }] as const)),
  ...rows("gaming-mice", { scenarios: ["gaming"] }, [
    ["Logitech G", "PRO X SUPERLIGHT 2", 159, ["Black", "White", "Pink"], { wireless: true, weight_g: 60 }],
    ["Logitech G", "G502 X PLUS", 159, ["Black", "White"], { wireless: true, weight_g: 106 }],
    ["Logitech G", "G305 LIGHTSPEED", 49, ["Black", "White", "Lilac"], { wireless: true, weight_g: 99 }],
    ["Logitech G", "G203 LIGHTSYNC", 29, ["Black", "White"], { wireless: false, weight_g: 85 }],
    ["Razer", "DeathAdder V3 Pro", 159, ["Black", "White"], { wireless: true, weight_g: 63 }],
    ["Razer", "Viper V3 Pro", 169, ["Black", "White"], { wireless: true, weight_g: 54 }],
    ["Razer", "Basilisk V3", 69, ["Black"], { wireless: false, weight_g: 101 }],
    ["Razer", "Cobra", 39, ["Black"], { wireless: false, weight_g: 58 }],
    ["SteelSeries", "Aerox 5 Wireless", 139, ["Black", "Ghost"], { wireless: true, weight_g: 74 }],
    ["SteelSeries", "Rival 3 Gen 2", 39, ["Black"], { wireless: false, weight_g: 70 }],
    ["Corsair", "M75 WIRELESS", 129, ["Black", "White"], { wireless: true, weight_g: 89 }],
    ["Corsair", "HARPOON RGB PRO", 34.99, ["Black"], { wireless: false, weight_g: 85 }],
    ["Glorious", "Model O 2 Wireless", 99, ["Black", "White"], { wireless: true, weight_g: 68 }],
    ["ZOWIE", "EC2-DW", 149, ["Black"], { wireless: true, weight_g: 77 }],
    ["ASUS", "ROG Keris II Ace", 159, ["Black", "Moonlight White"], { wireless: true, weight_g: 54 }],
  ]),
  ...rows("gaming-headsets", { scenarios: ["gaming"] }, [
    ["SteelSeries", "Arctis Nova Pro Wireless", 379, ["Black", "White"], plat("pc", "ps5", "switch", "switch-2")],
    ["SteelSeries", "Arctis Nova 7", 189, ["Black"], plat("pc", "ps5", "switch", "switch-2")],
    ["SteelSeries", "Arctis Nova 1", 59, ["Black", "White"], plat("pc", "ps5", "xbox-series", "switch", "switch-2")],
    ["HyperX", "Cloud III Wireless", 169, ["Black/Red", "Black"], plat("pc", "ps5", "switch", "switch-2")],
    ["HyperX", "Cloud Stinger 2", 49, ["Black"], plat("pc", "ps5", "xbox-series", "switch")],
    ["Logitech G", "PRO X 2 LIGHTSPEED", 249, ["Black", "White"], plat("pc", "ps5", "switch", "switch-2")],
    ["Razer", "BlackShark V2 Pro (2023)", 199, ["Black", "White"], plat("pc", "ps5")],
    ["Razer", "Kraken V4", 149, ["Black"], plat("pc", "ps5", "switch")],
    ["Corsair", "HS80 RGB WIRELESS", 149, ["Carbon", "White"], plat("pc", "ps5")],
    ["Corsair", "VIRTUOSO MAX WIRELESS", 299, ["Carbon"], plat("pc", "ps5")],
    ["Sony", "INZONE H9 II", 299, ["White"], { ...plat("pc", "ps5"), official_for_brand: "sony" }],
    ["Sony", "PULSE Elite Wireless Headset", 149, ["White", "Midnight Black"], { ...plat("ps5", "pc"), official_for_brand: "sony" }],
    ["Turtle Beach", "Stealth 600 Gen 3 for Xbox", 99, ["Black"], plat("xbox-series", "pc")],
    ["Microsoft", "Xbox Wireless Headset", 109, ["Black"], { ...plat("xbox-series", "pc"), official_for_brand: "microsoft" }],
    ["Audeze", "Maxwell for Xbox", 329, ["Black"], plat("xbox-series", "pc", "ps5")],
  ]),
  ...rows("mouse-pads", { scenarios: ["gaming"] }, [
    ["Logitech G", "G840 XL Cloth Gaming Mouse Pad", 39.99, ["Black", "League of Legends Edition"]],
    ["Razer", "Gigantus V2 XXL", 34.99, ["Black"]],
    ["Razer", "Strider Hybrid XXL", 59.99, ["Black"]],
    ["SteelSeries", "QcK Heavy XXL", 39.99, ["Black"]],
    ["Corsair", "MM700 RGB Extended", 59.99, ["Black"]],
    ["Artisan", "Hayate Otsu Mid XL", 69.99, ["Black", "Wine Red"]],
  ]),
  ...rows("vr-headsets", { scenarios: ["gaming"] }, [
    ["Meta", "Quest 3 512 GB", 549, ["White"], { storage_gb: 512 }],
    ["Meta", "Quest 3S 128 GB", 329, ["White"], { storage_gb: 128 }],
    ["Sony", "PlayStation VR2", 449, ["White"], plat("ps5", "pc"), undefined, { lifecycle: "clearance" }],
  ]),
];
