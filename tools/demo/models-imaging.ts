/**
 * @module
 * Cameras, lenses, memory cards, camera bags, tripods, action cameras and drones: lens mounts and card types are
 * what makes a lens or a card fit a body.
 */
import type { CardType, LensMount } from "./vocabulary";

export interface CameraModel { brand: string; name: string; mount: LensMount; card: CardType; sensor: "full-frame" | "aps-c" | "mft"; mp: number; price: number; kit?: readonly [lens: string, extra: number]; launched: string; lifecycle?: "new" | "clearance" }

export const CAMERAS: readonly CameraModel[] = ([
  ["Sony", "Alpha 7 IV", "sony-e", "sd", "full-frame", 33, 2299, ["FE 28-70mm F3.5-5.6 OSS", 200], "2021-12"],
  ["Sony", "Alpha 7R V", "sony-e", "sd", "full-frame", 61, 3899, undefined, "2022-11"],
  ["Sony", "Alpha 7C II", "sony-e", "sd", "full-frame", 33, 2199, ["FE 28-60mm F4-5.6", 250], "2023-10"],
  ["Sony", "Alpha 6700", "sony-e", "sd", "aps-c", 26, 1499, ["E 18-135mm F3.5-5.6 OSS", 400], "2023-07"],
  ["Sony", "ZV-E10 II", "sony-e", "sd", "aps-c", 26, 999, ["E PZ 16-50mm F3.5-5.6 OSS II", 100], "2024-07"],
  ["Sony", "Alpha 1 II", "sony-e", "cfexpress-a", "full-frame", 50, 6999, undefined, "2024-12"],
  ["Canon", "EOS R5 Mark II", "canon-rf", "cfexpress-b", "full-frame", 45, 4599, undefined, "2024-08"],
  ["Canon", "EOS R6 Mark II", "canon-rf", "sd", "full-frame", 24, 2499, ["RF 24-105mm F4-7.1 IS STM", 300], "2022-11"],
  ["Canon", "EOS R8", "canon-rf", "sd", "full-frame", 24, 1499, ["RF 24-50mm F4.5-6.3 IS STM", 200], "2023-04"],
  ["Canon", "EOS R10", "canon-rf", "sd", "aps-c", 24, 979, ["RF-S 18-45mm F4.5-6.3 IS STM", 120], "2022-07"],
  ["Canon", "EOS R50", "canon-rf", "sd", "aps-c", 24, 729, ["RF-S 18-45mm F4.5-6.3 IS STM", 100], "2023-03"],
  ["Canon", "EOS R100", "canon-rf", "sd", "aps-c", 24, 499, ["RF-S 18-45mm F4.5-6.3 IS STM", 80], "2023-06", "clearance"],
  ["Nikon", "Z8", "nikon-z", "cfexpress-b", "full-frame", 45, 4299, undefined, "2023-05"],
  ["Nikon", "Z6III", "nikon-z", "cfexpress-b", "full-frame", 24, 2499, ["NIKKOR Z 24-70mm f/4 S", 500], "2024-06"],
  ["Nikon", "Z5II", "nikon-z", "sd", "full-frame", 24, 1699, ["NIKKOR Z 24-50mm f/4-6.3", 200], "2025-04"],
  ["Nikon", "Zf", "nikon-z", "sd", "full-frame", 24, 2299, ["NIKKOR Z 40mm f/2 SE", 200], "2023-10"],
  ["Nikon", "Z50II", "nikon-z", "sd", "aps-c", 21, 999, ["NIKKOR Z DX 16-50mm f/3.5-6.3 VR", 120], "2024-11"],
  ["Fujifilm", "X-T5", "fujifilm-x", "sd", "aps-c", 40, 1899, ["XF 18-55mm F2.8-4 R LM OIS", 400], "2022-11"],
  ["Fujifilm", "X-S20", "fujifilm-x", "sd", "aps-c", 26, 1299, ["XC 15-45mm F3.5-5.6 OIS PZ", 100], "2023-06"],
  ["Fujifilm", "X-M5", "fujifilm-x", "sd", "aps-c", 26, 799, ["XC 15-45mm F3.5-5.6 OIS PZ", 100], "2024-11"],
  ["Panasonic", "LUMIX S5IIX", "l-mount", "sd", "full-frame", 24, 2199, ["LUMIX S 20-60mm F3.5-5.6", 300], "2023-05"],
  ["Panasonic", "LUMIX S9", "l-mount", "sd", "full-frame", 24, 1499, ["LUMIX S 20-60mm F3.5-5.6", 300], "2024-06"],
  ["Panasonic", "LUMIX G9II", "mft", "sd", "mft", 25, 1699, undefined, "2023-11"],
  ["OM System", "OM-1 Mark II", "mft", "sd", "mft", 20, 2399, undefined, "2024-02"],
  ["Sony", "Alpha 7 V", "sony-e", "cfexpress-a", "full-frame", 33, 2799, undefined, "2026-10-19", "new"],
] as const).map(([brand, name, mount, card, sensor, mp, price, kit, launched, lifecycle]): CameraModel => ({ brand, name, mount, card, sensor, mp, price, ...(kit ? { kit } : {}), launched, ...(lifecycle ? { lifecycle } : {}) }));

export interface LensModel { brand: string; name: string; mounts: readonly LensMount[]; price: number }
export const LENSES: readonly LensModel[] = ([
  ["Sony", "FE 24-70mm F2.8 GM II", ["sony-e"], 2399],
  ["Sony", "FE 50mm F1.8", ["sony-e"], 249],
  ["Sony", "FE 85mm F1.8", ["sony-e"], 649],
  ["Sony", "FE 70-200mm F4 Macro G OSS II", ["sony-e"], 1699],
  ["Sony", "FE 20mm F1.8 G", ["sony-e"], 999],
  ["Sony", "E 11mm F1.8", ["sony-e"], 549],
  ["Canon", "RF 24-70mm F2.8L IS USM", ["canon-rf"], 2399],
  ["Canon", "RF 50mm F1.8 STM", ["canon-rf"], 229],
  ["Canon", "RF 85mm F2 Macro IS STM", ["canon-rf"], 649],
  ["Canon", "RF 100-400mm F5.6-8 IS USM", ["canon-rf"], 699],
  ["Canon", "RF 15-30mm F4.5-6.3 IS STM", ["canon-rf"], 599],
  ["Canon", "RF-S 18-150mm F3.5-6.3 IS STM", ["canon-rf"], 549],
  ["Nikon", "NIKKOR Z 24-70mm f/2.8 S II", ["nikon-z"], 2699],
  ["Nikon", "NIKKOR Z 50mm f/1.8 S", ["nikon-z"], 599],
  ["Nikon", "NIKKOR Z 40mm f/2", ["nikon-z"], 299],
  ["Nikon", "NIKKOR Z 70-200mm f/2.8 VR S", ["nikon-z"], 2799],
  ["Nikon", "NIKKOR Z 24-120mm f/4 S", ["nikon-z"], 1199],
  ["Nikon", "NIKKOR Z DX 18-140mm f/3.5-6.3 VR", ["nikon-z"], 699],
  ["Fujifilm", "XF 16-55mm F2.8 R LM WR II", ["fujifilm-x"], 1099],
  ["Fujifilm", "XF 35mm F1.4 R", ["fujifilm-x"], 599],
  ["Fujifilm", "XF 70-300mm F4-5.6 R LM OIS WR", ["fujifilm-x"], 799],
  ["Fujifilm", "XF 23mm F2 R WR", ["fujifilm-x"], 449],
  ["Panasonic", "LUMIX S 50mm F1.8", ["l-mount"], 449],
  ["Panasonic", "LUMIX S 28-200mm F4-7.1 Macro O.I.S.", ["l-mount"], 899],
  ["Panasonic", "LEICA DG 12-60mm F2.8-4.0", ["mft"], 899],
  ["OM System", "M.Zuiko 12-40mm F2.8 PRO II", ["mft"], 799],
  ["Sigma", "24-70mm F2.8 DG DN II | Art", ["sony-e", "l-mount"], 1299],
  ["Sigma", "18-50mm F2.8 DC DN | Contemporary", ["sony-e", "fujifilm-x", "canon-rf", "l-mount"], 549],
  ["Sigma", "16mm F1.4 DC DN | Contemporary", ["sony-e", "fujifilm-x", "canon-rf", "nikon-z", "mft"], 399],
  ["Tamron", "28-75mm F/2.8 Di III VXD G2", ["sony-e", "nikon-z"], 799],
  ["Tamron", "17-70mm F/2.8 Di III-A VC RXD", ["sony-e", "fujifilm-x"], 749],
  ["Viltrox", "AF 27mm F1.2 Pro", ["sony-e", "fujifilm-x", "nikon-z"], 549],
] as const).map(([brand, name, mounts, price]) => ({ brand, name, mounts, price }));

export interface CardLine { brand: string; name: string; card: CardType; speedClass: string; readMbps: number; prices: readonly (readonly [capacityGb: number, price: number])[] }
export const MEMORY_CARDS: readonly CardLine[] = [
  { brand: "SanDisk", name: "Extreme PRO SDXC UHS-I", card: "sd", speedClass: "v30", readMbps: 200, prices: [[64, 24.99], [128, 39.99], [256, 69.99], [512, 129.99]] },
  { brand: "SanDisk", name: "Extreme PRO SDXC UHS-II", card: "sd", speedClass: "v90", readMbps: 300, prices: [[128, 149.99], [256, 259.99]] },
  { brand: "Lexar", name: "Professional 1800x SDXC UHS-II GOLD", card: "sd", speedClass: "v60", readMbps: 280, prices: [[128, 99.99], [256, 179.99]] },
  { brand: "Samsung", name: "PRO Plus SDXC", card: "sd", speedClass: "v30", readMbps: 180, prices: [[128, 21.99], [256, 38.99]] },
  { brand: "Kingston", name: "Canvas React Plus SDXC", card: "sd", speedClass: "v90", readMbps: 300, prices: [[128, 89.99]] },
  { brand: "SanDisk", name: "Extreme microSDXC", card: "microsd", speedClass: "v30", readMbps: 190, prices: [[128, 18.99], [256, 28.99], [512, 48.99], [1024, 99.99]] },
  { brand: "Samsung", name: "PRO Plus microSDXC", card: "microsd", speedClass: "v30", readMbps: 180, prices: [[128, 16.99], [256, 26.99], [512, 44.99]] },
  { brand: "Samsung", name: "EVO Select microSDXC", card: "microsd", speedClass: "v30", readMbps: 160, prices: [[128, 12.99], [256, 21.99]] },
  { brand: "Kingston", name: "Canvas Go! Plus microSDXC", card: "microsd", speedClass: "v30", readMbps: 170, prices: [[128, 14.99], [256, 24.99]] },
  { brand: "Lexar", name: "PLAY PRO microSDXC Express", card: "microsd-express", speedClass: "v30", readMbps: 900, prices: [[256, 59.99], [512, 99.99]] },
  { brand: "SanDisk", name: "microSDXC Express for Nintendo Switch 2", card: "microsd-express", speedClass: "v30", readMbps: 880, prices: [[256, 54.99]] },
  { brand: "SanDisk", name: "Extreme PRO CFexpress Type B", card: "cfexpress-b", speedClass: "vpg400", readMbps: 1700, prices: [[256, 199.99], [512, 349.99]] },
  { brand: "ProGrade Digital", name: "CFexpress Type B Gold", card: "cfexpress-b", speedClass: "vpg400", readMbps: 1700, prices: [[256, 179.99], [512, 329.99]] },
  { brand: "Sony", name: "CFexpress Type A TOUGH CEA-G", card: "cfexpress-a", speedClass: "vpg400", readMbps: 800, prices: [[160, 199.99], [320, 379.99]] },
  { brand: "Angelbird", name: "AV PRO CFexpress Type A", card: "cfexpress-a", speedClass: "vpg400", readMbps: 800, prices: [[160, 179.99]] },
];

export interface BagModel { brand: string; name: string; size: "s" | "m" | "l"; style: string; price: number; travel: boolean }
export const CAMERA_BAGS: readonly BagModel[] = ([
  ["Peak Design", "Everyday Backpack 20L V2", "l", "backpack", 279, true],
  ["Peak Design", "Everyday Sling 6L V2", "s", "sling", 99, true],
  ["Lowepro", "ProTactic BP 450 AW II", "l", "backpack", 239, false],
  ["Lowepro", "Nova 160 AW II", "s", "shoulder", 49, false],
  ["Lowepro", "Fastpack BP 250 AW III", "m", "backpack", 139, true],
  ["Tenba", "Fulton v2 14L Backpack", "m", "backpack", 129, true],
  ["WANDRD", "PRVKE 31L Photo Bundle", "l", "backpack", 249, true],
  ["Think Tank", "Mirrorless Mover 20", "s", "shoulder", 69, false],
  ["Manfrotto", "Advanced Befree Shoulder Bag", "m", "shoulder", 79, false],
  ["Vanguard", "VEO Select 41 Backpack", "m", "backpack", 99, false],
  ["Case Logic", "Viso Medium Camera Bag", "m", "shoulder", 39, false],
  ["Sony", "LCS-SC21 Soft Carrying Case", "s", "pouch", 29, false],
  ["Nikon", "CF-DC9 Semi-Soft Case", "s", "pouch", 39, false],
  ["Canon", "SB130 Shoulder Bag", "s", "shoulder", 49, false],
] as const).map(([brand, name, size, style, price, travel]) => ({ brand, name, size, style, price, travel }));

export interface TripodModel { brand: string; name: string; price: number; maxLoadKg: number; travel: boolean }
export const TRIPODS: readonly TripodModel[] = ([
  ["Manfrotto", "Befree Advanced Aluminium Travel Tripod", 199, 8, true],
  ["Manfrotto", "190XPRO Aluminium 3-Section", 229, 7, false],
  ["Peak Design", "Travel Tripod (Aluminium)", 399, 9, true],
  ["Peak Design", "Travel Tripod (Carbon Fibre)", 649, 9, true],
  ["JOBY", "GorillaPod 3K Kit", 69, 3, true],
  ["Ulanzi", "Zero Y Travel Tripod", 179, 6, true],
  ["SmallRig", "AP-10 Video Tripod", 129, 4, false],
  ["Benro", "Rhino FRHN24C Carbon", 449, 14, false],
] as const).map(([brand, name, price, maxLoadKg, travel]) => ({ brand, name, price, maxLoadKg, travel }));

export interface ActionCamModel { brand: string; name: string; price: number; card: CardType; waterproofM: number; launched: string; lifecycle?: "new" | "clearance"; combo?: number }
export const ACTION_CAMERAS: readonly ActionCamModel[] = [
  { brand: "GoPro", name: "HERO13 Black", price: 449, card: "microsd", waterproofM: 10, launched: "2024-09", combo: 150 },
  { brand: "GoPro", name: "HERO12 Black", price: 299, card: "microsd", waterproofM: 10, launched: "2023-09", lifecycle: "clearance" },
  { brand: "GoPro", name: "MAX2", price: 549, card: "microsd", waterproofM: 5, launched: "2025-09" },
  { brand: "DJI", name: "Osmo Action 5 Pro", price: 399, card: "microsd", waterproofM: 20, launched: "2024-09", combo: 120 },
  { brand: "DJI", name: "Osmo Action 6", price: 449, card: "microsd", waterproofM: 20, launched: "2026-10-14", lifecycle: "new" },
  { brand: "DJI", name: "Osmo 360", price: 479, card: "microsd", waterproofM: 10, launched: "2025-07", combo: 130 },
  { brand: "DJI", name: "Osmo Pocket 3", price: 519, card: "microsd", waterproofM: 0, launched: "2023-10", combo: 150 },
  { brand: "Insta360", name: "X5", price: 549, card: "microsd", waterproofM: 15, launched: "2025-04", combo: 120 },
  { brand: "Insta360", name: "Ace Pro 2", price: 449, card: "microsd", waterproofM: 12, launched: "2024-10" },
];

export interface DroneModel { brand: string; name: string; price: number; weightG: number; card: CardType; combo: number; flightMin: number; battery: readonly [name: string, price: number][]; launched: string; lifecycle?: "clearance" }
export const DRONES: readonly DroneModel[] = [
  { brand: "DJI", name: "Mini 5 Pro", price: 799, weightG: 249, card: "microsd", combo: 250, flightMin: 36, battery: [["Intelligent Flight Battery", 79], ["Intelligent Flight Battery Plus", 109]], launched: "2025-09" },
  { brand: "DJI", name: "Mini 4 Pro", price: 759, weightG: 249, card: "microsd", combo: 230, flightMin: 34, battery: [["Intelligent Flight Battery", 69], ["Intelligent Flight Battery Plus", 99]], launched: "2023-09", lifecycle: "clearance" },
  { brand: "DJI", name: "Mini 4K", price: 299, weightG: 249, card: "microsd", combo: 150, flightMin: 31, battery: [["Intelligent Flight Battery", 49]], launched: "2024-04" },
  { brand: "DJI", name: "Air 3S", price: 1099, weightG: 724, card: "microsd", combo: 300, flightMin: 45, battery: [["Intelligent Flight Battery", 169]], launched: "2024-10" },
  { brand: "DJI", name: "Mavic 4 Pro", price: 2099, weightG: 1063, card: "microsd", combo: 700, flightMin: 51, battery: [["Intelligent Flight Battery", 239]], launched: "2025-05" },
  { brand: "DJI", name: "Avata 2", price: 579, weightG: 377, card: "microsd", combo: 420, flightMin: 23, battery: [["Intelligent Flight Battery", 99]], launched: "2024-04" },
  { brand: "DJI", name: "Neo", price: 199, weightG: 135, card: "microsd", combo: 100, flightMin: 18, battery: [["Intelligent Flight Battery", 25]], launched: "2024-09" },
  { brand: "DJI", name: "Flip", price: 439, weightG: 249, card: "microsd", combo: 170, flightMin: 31, battery: [["Intelligent Flight Battery", 59]], launched: "2025-01" },
  { brand: "Potensic", name: "ATOM 2", price: 329, weightG: 249, card: "microsd", combo: 120, flightMin: 32, battery: [["Flight Battery", 39]], launched: "2024-11" },
  { brand: "HOVERAir", name: "X1 PRO", price: 499, weightG: 192, card: "microsd", combo: 160, flightMin: 16, battery: [["Battery", 49]], launched: "2025-01" },
];
