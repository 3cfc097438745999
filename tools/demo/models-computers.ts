/**
 * @module
 * Laptops, PC components and monitors: real-sounding model lines with the specs compatibility rests on (screen
 * size for bags, charging connector and wattage, CPU socket and memory type, GPU power needs).
 */
import type { HostPort, MemoryType, Scenario, Socket } from "./vocabulary";

export type LaptopLeaf = "gaming-laptops" | "ultrabooks" | "everyday-laptops" | "two-in-one-laptops" | "chromebooks";

export interface LaptopModel {
  leaf: LaptopLeaf;
  brand: string;
  name: string;
  price: number;
  screenIn: number;
  cpu: string;
  gpu: string;
  ramGb: number;
  storageGb: number;
  /** Charging connector; "dc-barrel" means a proprietary power brick. */
  connector: "usb-c" | "dc-barrel";
  maxChargeW: number;
  ports: readonly HostPort[];
  weightKg: number;
  refreshHz: number;
  os: "windows" | "macos" | "chromeos";
  launched: string;
  lifecycle?: "new" | "clearance" | "eol";
  scenarios?: readonly Scenario[];
}

type Row = [brand: string, name: string, price: number, screenIn: number, cpu: string, gpu: string, ramGb: number, storageGb: number, weightKg: number, launched: string, extra?: Partial<LaptopModel>];

const TB: readonly HostPort[] = ["usb-c", "thunderbolt"];
const UC: readonly HostPort[] = ["usb-c"];

function laptops(leaf: LaptopLeaf, defaults: Partial<LaptopModel>, rows: Row[]): LaptopModel[] {
  return rows.map(([brand, name, price, screenIn, cpu, gpu, ramGb, storageGb, weightKg, launched, extra]) => ({
    leaf, brand, name, price, screenIn, cpu, gpu, ramGb, storageGb, weightKg, launched,
    connector: "usb-c", maxChargeW: 65, ports: UC, refreshHz: 60, os: "windows",
    ...defaults, ...extra,
  }));
}

const gaming: Partial<LaptopModel> = { connector: "dc-barrel", maxChargeW: 240, ports: UC, refreshHz: 165, scenarios: ["gaming"] };
const mac: Partial<LaptopModel> = { os: "macos", ports: TB, maxChargeW: 70 };

export const LAPTOPS: readonly LaptopModel[] = [
  ...laptops("gaming-laptops", gaming, [
    ["ASUS", "ROG Strix G16 (2025)", 1799, 16, "Intel Core Ultra 9 275HX", "NVIDIA GeForce RTX 5070 Ti", 32, 1024, 2.5, "2025-03", { maxChargeW: 280, refreshHz: 240 }],
    ["ASUS", "ROG Zephyrus G14 (2025)", 1999, 14, "AMD Ryzen AI 9 HX 370", "NVIDIA GeForce RTX 5070 Ti", 32, 1024, 1.57, "2025-03", { maxChargeW: 200, refreshHz: 120, scenarios: ["gaming", "travel"] }],
    ["ASUS", "TUF Gaming A15 (2025)", 1099, 15.6, "AMD Ryzen 7 260", "NVIDIA GeForce RTX 5060", 16, 1024, 2.2, "2025-05", { refreshHz: 144 }],
    ["Lenovo", "Legion Pro 7i Gen 10", 2899, 16, "Intel Core Ultra 9 275HX", "NVIDIA GeForce RTX 5080", 32, 2048, 2.6, "2025-03", { maxChargeW: 400, refreshHz: 240 }],
    ["Lenovo", "Legion 5i Gen 10", 1499, 15.1, "Intel Core Ultra 7 255HX", "NVIDIA GeForce RTX 5060", 16, 1024, 1.85, "2025-04"],
    ["Lenovo", "LOQ 15IRX10", 899, 15.6, "Intel Core i5-13450HX", "NVIDIA GeForce RTX 5050", 16, 512, 2.4, "2025-06", { refreshHz: 144 }],
    ["MSI", "Titan 18 HX AI", 4499, 18, "Intel Core Ultra 9 285HX", "NVIDIA GeForce RTX 5090", 64, 4096, 3.6, "2025-03", { maxChargeW: 400, refreshHz: 120 }],
    ["MSI", "Raider 18 HX AI", 3299, 18, "Intel Core Ultra 9 275HX", "NVIDIA GeForce RTX 5080", 32, 2048, 3.6, "2025-03", { maxChargeW: 400, refreshHz: 240 }],
    ["MSI", "Katana 15 HX", 1199, 15.6, "Intel Core i7-14650HX", "NVIDIA GeForce RTX 5060", 16, 1024, 2.3, "2025-04"],
    ["MSI", "Cyborg 15", 799, 15.6, "Intel Core i5-12450H", "NVIDIA GeForce RTX 4050", 16, 512, 1.98, "2024-02", { refreshHz: 144, lifecycle: "clearance" }],
    ["Acer", "Predator Helios 16 AI", 1999, 16, "Intel Core Ultra 9 275HX", "NVIDIA GeForce RTX 5070 Ti", 32, 1024, 2.75, "2025-04", { refreshHz: 240 }],
    ["Acer", "Nitro V 15", 849, 15.6, "AMD Ryzen 5 7535HS", "NVIDIA GeForce RTX 4050", 16, 512, 2.1, "2024-05", { refreshHz: 144 }],
    ["HP", "OMEN Transcend 14", 1699, 14, "Intel Core Ultra 7 155H", "NVIDIA GeForce RTX 4060", 16, 1024, 1.63, "2024-03", { connector: "usb-c", maxChargeW: 140, ports: TB, refreshHz: 120, scenarios: ["gaming", "travel"] }],
    ["HP", "OMEN MAX 16", 2499, 16, "Intel Core Ultra 9 275HX", "NVIDIA GeForce RTX 5080", 32, 1024, 2.68, "2025-05", { refreshHz: 240 }],
    ["HP", "Victus 15", 799, 15.6, "AMD Ryzen 5 8645HS", "NVIDIA GeForce RTX 4050", 16, 512, 2.29, "2024-06", { refreshHz: 144 }],
    ["Dell", "Alienware 16 Area-51", 3199, 16, "Intel Core Ultra 9 275HX", "NVIDIA GeForce RTX 5080", 32, 2048, 3.4, "2025-03", { refreshHz: 240 }],
    ["Dell", "Alienware 16 Aurora", 1499, 16, "Intel Core 7 240H", "NVIDIA GeForce RTX 5060", 16, 1024, 2.6, "2025-06", { refreshHz: 120 }],
    ["Razer", "Blade 16 (2025)", 3499, 16, "AMD Ryzen AI 9 HX 370", "NVIDIA GeForce RTX 5080", 32, 2048, 2.14, "2025-03", { refreshHz: 240 }],
    ["Razer", "Blade 14 (2025)", 2699, 14, "AMD Ryzen AI 9 365", "NVIDIA GeForce RTX 5070", 32, 1024, 1.62, "2025-05", { refreshHz: 120, scenarios: ["gaming", "travel"] }],
  ]),
  ...laptops("ultrabooks", { scenarios: ["home-office"] }, [
    ["Apple", "MacBook Air 13-inch (M4)", 1199, 13.6, "Apple M4 10-core", "Apple M4 8-core GPU", 16, 256, 1.24, "2025-03", { ...mac, scenarios: ["travel", "home-office"] }],
    ["Apple", "MacBook Air 15-inch (M4)", 1499, 15.3, "Apple M4 10-core", "Apple M4 10-core GPU", 16, 512, 1.51, "2025-03", { ...mac, scenarios: ["travel", "home-office"] }],
    ["Apple", "MacBook Pro 14-inch (M5)", 1899, 14.2, "Apple M5 10-core", "Apple M5 10-core GPU", 16, 512, 1.55, "2025-10", { ...mac, maxChargeW: 96, refreshHz: 120, scenarios: ["photography", "home-office"] }],
    ["Apple", "MacBook Pro 14-inch (M6)", 1999, 14.2, "Apple M6 10-core", "Apple M6 10-core GPU", 16, 1024, 1.55, "2026-10-27", { ...mac, maxChargeW: 96, refreshHz: 120, lifecycle: "new", scenarios: ["photography", "home-office"] }],
    ["Apple", "MacBook Pro 16-inch (M4 Max)", 4099, 16.2, "Apple M4 Max 14-core", "Apple M4 Max 32-core GPU", 36, 1024, 2.14, "2024-11", { ...mac, maxChargeW: 140, refreshHz: 120, scenarios: ["photography"] }],
    ["Dell", "XPS 13 (9350)", 1399, 13.4, "Intel Core Ultra 7 258V", "Intel Arc 140V", 16, 512, 1.19, "2024-09", { ports: TB, scenarios: ["travel", "home-office"] }],
    ["Dell", "XPS 14 (9440)", 1799, 14.5, "Intel Core Ultra 7 155H", "NVIDIA GeForce RTX 4050", 16, 1024, 1.68, "2024-03", { ports: TB, maxChargeW: 100, refreshHz: 120 }],
    ["Lenovo", "ThinkPad X1 Carbon Gen 13", 2099, 14, "Intel Core Ultra 7 268V", "Intel Arc 140V", 32, 1024, 0.99, "2025-01", { ports: TB, scenarios: ["travel", "home-office"] }],
    ["Lenovo", "Yoga Slim 7i Aura Edition", 1199, 15.3, "Intel Core Ultra 7 258V", "Intel Arc 140V", 32, 1024, 1.5, "2024-10", { ports: TB }],
    ["HP", "OmniBook X 14", 1199, 14, "Snapdragon X Elite X1E-78-100", "Qualcomm Adreno X1-85", 16, 1024, 1.34, "2024-07", { scenarios: ["travel", "home-office"] }],
    ["ASUS", "Zenbook 14 OLED (UX3405)", 1099, 14, "Intel Core Ultra 7 155H", "Intel Arc Graphics", 16, 1024, 1.2, "2024-02", { ports: TB, scenarios: ["travel", "home-office"] }],
    ["ASUS", "Zenbook S 16 (UM5606)", 1699, 16, "AMD Ryzen AI 9 365", "AMD Radeon 880M", 32, 1024, 1.5, "2024-07", { refreshHz: 120 }],
    ["Acer", "Swift Go 14 AI", 899, 14, "Intel Core Ultra 5 226V", "Intel Arc 130V", 16, 512, 1.32, "2024-10", { ports: TB, scenarios: ["travel", "home-office"] }],
    ["Samsung", "Galaxy Book5 Pro 14", 1549, 14, "Intel Core Ultra 7 256V", "Intel Arc 140V", 16, 512, 1.23, "2025-01", { ports: TB, refreshHz: 120 }],
    ["Microsoft", "Surface Laptop (7th Edition) 13.8\"", 1199, 13.8, "Snapdragon X Plus X1P-64-100", "Qualcomm Adreno X1-85", 16, 512, 1.34, "2024-06", { scenarios: ["travel", "home-office"] }],
    ["LG", "gram 16 (2025)", 1499, 16, "Intel Core Ultra 7 255H", "Intel Arc 140T", 16, 1024, 1.2, "2025-02", { ports: TB, scenarios: ["travel", "home-office"] }],
  ]),
  ...laptops("everyday-laptops", { scenarios: ["home-office"] }, [
    ["Lenovo", "IdeaPad Slim 3 15IRH10", 549, 15.6, "Intel Core i5-13420H", "Intel UHD Graphics", 16, 512, 1.62, "2025-02"],
    ["Lenovo", "V15 G4", 399, 15.6, "Intel Core i3-1315U", "Intel UHD Graphics", 8, 256, 1.7, "2023-06", { connector: "dc-barrel" }],
    ["HP", "15-fd1000", 499, 15.6, "Intel Core 5 120U", "Intel Graphics", 16, 512, 1.59, "2024-06"],
    ["HP", "Pavilion Plus 14", 849, 14, "Intel Core Ultra 5 125H", "Intel Arc Graphics", 16, 512, 1.44, "2024-03", { refreshHz: 120 }],
    ["HP", "255 G10", 379, 15.6, "AMD Ryzen 3 7330U", "AMD Radeon Graphics", 8, 256, 1.74, "2023-05", { connector: "dc-barrel", lifecycle: "clearance" }],
    ["Dell", "15 (DC15250)", 449, 15.6, "Intel Core i5-1334U", "Intel Iris Xe Graphics", 8, 512, 1.66, "2025-03"],
    ["Dell", "Inspiron 14 Plus (7440)", 999, 14, "Intel Core Ultra 7 155H", "Intel Arc Graphics", 16, 1024, 1.58, "2024-03", { maxChargeW: 100 }],
    ["Acer", "Aspire 5 15 (A515-58)", 599, 15.6, "Intel Core i5-1335U", "Intel Iris Xe Graphics", 16, 512, 1.8, "2024-01"],
    ["Acer", "Aspire Go 15", 349, 15.6, "Intel Core i3-N305", "Intel UHD Graphics", 8, 256, 1.8, "2024-04", { maxChargeW: 45 }],
    ["ASUS", "Vivobook 15 (X1504)", 499, 15.6, "Intel Core i5-1334U", "Intel Iris Xe Graphics", 16, 512, 1.7, "2024-02"],
    ["ASUS", "Vivobook 16 (M1607)", 649, 16, "AMD Ryzen 7 7730U", "AMD Radeon Graphics", 16, 1024, 1.88, "2024-05"],
    ["ASUS", "Vivobook Go 14 (E1404)", 299, 14, "Intel Core i3-N305", "Intel UHD Graphics", 8, 256, 1.38, "2024-02", { maxChargeW: 45, scenarios: ["travel"] }],
    ["Lenovo", "IdeaPad Slim 5 16", 749, 16, "AMD Ryzen 7 8845HS", "AMD Radeon 780M", 16, 1024, 1.89, "2024-06"],
  ]),
  ...laptops("two-in-one-laptops", { scenarios: ["home-office", "travel"] }, [
    ["Microsoft", "Surface Pro (11th Edition)", 1199, 13, "Snapdragon X Plus X1P-64-100", "Qualcomm Adreno X1-85", 16, 512, 0.9, "2024-06", { refreshHz: 120 }],
    ["Lenovo", "Yoga 7i 2-in-1 14", 999, 14, "Intel Core Ultra 5 226V", "Intel Arc 130V", 16, 512, 1.49, "2024-10", { ports: TB }],
    ["Lenovo", "IdeaPad 5 2-in-1 14", 749, 14, "AMD Ryzen 5 8645HS", "AMD Radeon 760M", 16, 512, 1.6, "2024-05"],
    ["HP", "Envy x360 14", 899, 14, "Intel Core Ultra 5 125U", "Intel Graphics", 16, 512, 1.39, "2024-03", { refreshHz: 120 }],
    ["ASUS", "Zenbook Duo (UX8406)", 1599, 14, "Intel Core Ultra 9 285H", "Intel Arc 140T", 32, 1024, 1.65, "2025-01", { ports: TB }],
    ["Dell", "14 Plus 2-in-1", 849, 14, "Intel Core Ultra 5 226V", "Intel Arc 130V", 16, 512, 1.68, "2025-03"],
  ]),
  ...laptops("chromebooks", { os: "chromeos", maxChargeW: 45, scenarios: ["home-office"] }, [
    ["Acer", "Chromebook Plus 514", 449, 14, "Intel Core i3-N305", "Intel UHD Graphics", 8, 256, 1.45, "2024-05"],
    ["Lenovo", "IdeaPad Slim 3i Chromebook Plus", 399, 14, "Intel Core i3-N305", "Intel UHD Graphics", 8, 128, 1.39, "2024-06"],
    ["ASUS", "Chromebook CX1 (CX1500)", 249, 15.6, "Intel Celeron N4500", "Intel UHD Graphics", 4, 64, 1.8, "2023-04"],
    ["HP", "Chromebook Plus x360 14c", 599, 14, "Intel Core i3-N305", "Intel UHD Graphics", 8, 256, 1.49, "2024-09"],
  ]),
];

export interface CpuModel { brand: string; name: string; socket: Socket; memoryTypes: readonly MemoryType[]; cores: number; tdpW: number; price: number; launched: string; lifecycle?: "clearance" | "eol" }
export const CPUS: readonly CpuModel[] = [
  ...([
    ["Ryzen 9 9950X3D", "am5", ["ddr5"], 16, 170, 699, "2025-03"],
    ["Ryzen 9 9950X", "am5", ["ddr5"], 16, 170, 599, "2024-08"],
    ["Ryzen 9 9900X", "am5", ["ddr5"], 12, 120, 449, "2024-08"],
    ["Ryzen 7 9800X3D", "am5", ["ddr5"], 8, 120, 479, "2024-11"],
    ["Ryzen 7 9700X", "am5", ["ddr5"], 8, 65, 329, "2024-08"],
    ["Ryzen 5 9600X", "am5", ["ddr5"], 6, 65, 249, "2024-08"],
    ["Ryzen 7 7800X3D", "am5", ["ddr5"], 8, 120, 399, "2023-04"],
    ["Ryzen 5 7600", "am5", ["ddr5"], 6, 65, 189, "2023-01"],
    ["Ryzen 7 5800X3D", "am4", ["ddr4"], 8, 105, 299, "2022-04", "eol"],
    ["Ryzen 7 5700X", "am4", ["ddr4"], 8, 65, 149, "2022-04"],
    ["Ryzen 5 5600", "am4", ["ddr4"], 6, 65, 109, "2022-04"],
    ["Ryzen 5 5500", "am4", ["ddr4"], 6, 65, 89, "2022-04"],
  ] as const).map(([name, socket, memoryTypes, cores, tdpW, price, launched, lifecycle]): CpuModel => ({ brand: "AMD", name, socket, memoryTypes, cores, tdpW, price, launched, ...(lifecycle ? { lifecycle } : {}) })),
  ...([
    ["Core Ultra 9 285K", "lga1851", ["ddr5"], 24, 125, 599, "2024-10"],
    ["Core Ultra 7 265K", "lga1851", ["ddr5"], 20, 125, 399, "2024-10"],
    ["Core Ultra 5 245K", "lga1851", ["ddr5"], 14, 125, 299, "2024-10"],
    ["Core Ultra 5 225", "lga1851", ["ddr5"], 10, 65, 229, "2025-01"],
    ["Core i9-14900K", "lga1700", ["ddr5", "ddr4"], 24, 125, 499, "2023-10"],
    ["Core i7-14700K", "lga1700", ["ddr5", "ddr4"], 20, 125, 379, "2023-10"],
    ["Core i5-14600K", "lga1700", ["ddr5", "ddr4"], 14, 125, 279, "2023-10"],
    ["Core i5-14400F", "lga1700", ["ddr5", "ddr4"], 10, 65, 179, "2024-01"],
    ["Core i3-14100F", "lga1700", ["ddr5", "ddr4"], 4, 58, 99, "2024-01", "clearance"],
  ] as const).map(([name, socket, memoryTypes, cores, tdpW, price, launched, lifecycle]): CpuModel => ({ brand: "Intel", name, socket, memoryTypes, cores, tdpW, price, launched, ...(lifecycle ? { lifecycle } : {}) })),
];

export interface BoardModel { brand: string; name: string; socket: Socket; memoryType: MemoryType; formFactor: "atx" | "matx" | "itx"; price: number }
export const MOTHERBOARDS: readonly BoardModel[] = ([
  ["ASUS", "ROG STRIX X870E-E GAMING WIFI", "am5", "ddr5", "atx", 499],
  ["ASUS", "TUF GAMING B850-PLUS WIFI", "am5", "ddr5", "atx", 229],
  ["ASUS", "PRIME B650M-A WIFI II", "am5", "ddr5", "matx", 149],
  ["MSI", "MAG X870 TOMAHAWK WIFI", "am5", "ddr5", "atx", 299],
  ["MSI", "B650 GAMING PLUS WIFI", "am5", "ddr5", "atx", 179],
  ["MSI", "PRO B650M-A WIFI", "am5", "ddr5", "matx", 139],
  ["Gigabyte", "B650 AORUS ELITE AX V2", "am5", "ddr5", "atx", 199],
  ["Gigabyte", "X870 AORUS ELITE WIFI7", "am5", "ddr5", "atx", 289],
  ["ASRock", "B650I Lightning WiFi", "am5", "ddr5", "itx", 219],
  ["ASRock", "A620M-HDV/M.2+", "am5", "ddr5", "matx", 89],
  ["MSI", "MAG B550 TOMAHAWK", "am4", "ddr4", "atx", 149],
  ["ASUS", "TUF GAMING B550-PLUS", "am4", "ddr4", "atx", 139],
  ["Gigabyte", "B550M DS3H", "am4", "ddr4", "matx", 99],
  ["ASRock", "A520M-HDV", "am4", "ddr4", "matx", 69],
  ["ASUS", "ROG MAXIMUS Z890 HERO", "lga1851", "ddr5", "atx", 699],
  ["MSI", "MAG Z890 TOMAHAWK WIFI", "lga1851", "ddr5", "atx", 329],
  ["Gigabyte", "Z890 AORUS ELITE WIFI7", "lga1851", "ddr5", "atx", 349],
  ["ASUS", "PRIME B860-PLUS WIFI", "lga1851", "ddr5", "atx", 199],
  ["MSI", "PRO B860M-A WIFI", "lga1851", "ddr5", "matx", 169],
  ["MSI", "PRO Z790-P WIFI", "lga1700", "ddr5", "atx", 219],
  ["ASUS", "TUF GAMING B760-PLUS WIFI D4", "lga1700", "ddr4", "atx", 169],
  ["Gigabyte", "B760M DS3H DDR4", "lga1700", "ddr4", "matx", 109],
  ["ASRock", "B760M Pro RS", "lga1700", "ddr5", "matx", 139],
] as const).map(([brand, name, socket, memoryType, formFactor, price]) => ({ brand, name, socket, memoryType, formFactor, price }));

export interface RamKit { brand: string; line: string; memoryType: MemoryType; capacityGb: number; sticks: number; speedMts: number; price: number; colors: readonly string[] }
export const RAM_KITS: readonly RamKit[] = ([
  ["Corsair", "Vengeance RGB", "ddr5", 32, 2, 6000, 119, ["Black", "White"]],
  ["Corsair", "Vengeance", "ddr5", 64, 2, 6000, 199, ["Black"]],
  ["Corsair", "Dominator Titanium RGB", "ddr5", 32, 2, 7200, 189, ["Black", "White"]],
  ["G.Skill", "Trident Z5 RGB", "ddr5", 32, 2, 6400, 129, ["Black", "Silver"]],
  ["G.Skill", "Flare X5", "ddr5", 32, 2, 6000, 105, ["Black"]],
  ["Kingston", "FURY Beast", "ddr5", 16, 1, 5600, 55, ["Black"]],
  ["Kingston", "FURY Beast RGB", "ddr5", 32, 2, 6000, 109, ["Black", "White"]],
  ["Kingston", "FURY Beast", "ddr5", 64, 2, 5600, 189, ["Black"]],
  ["Crucial", "Pro", "ddr5", 32, 2, 5600, 89, ["Black"]],
  ["Crucial", "Pro", "ddr5", 96, 2, 5600, 279, ["Black"]],
  ["Corsair", "Vengeance LPX", "ddr4", 16, 2, 3200, 39, ["Black"]],
  ["Corsair", "Vengeance LPX", "ddr4", 32, 2, 3600, 69, ["Black"]],
  ["G.Skill", "Ripjaws V", "ddr4", 32, 2, 3600, 75, ["Black", "Red"]],
  ["Kingston", "FURY Beast", "ddr4", 16, 2, 3200, 38, ["Black"]],
  ["Crucial", "Pro", "ddr4", 32, 2, 3200, 65, ["Black"]],
] as const).map(([brand, line, memoryType, capacityGb, sticks, speedMts, price, colors]) => ({ brand, line, memoryType, capacityGb, sticks, speedMts, price, colors }));

export interface GpuModel { brand: string; name: string; chip: string; vramGb: number; psuMinW: number; price: number; launched: string; lifecycle?: "clearance" }
export const GPUS: readonly GpuModel[] = ([
  ["ASUS", "ROG Astral GeForce RTX 5090 OC", "NVIDIA GeForce RTX 5090", 32, 1000, 3199, "2025-01"],
  ["MSI", "GeForce RTX 5090 32G SUPRIM LIQUID SOC", "NVIDIA GeForce RTX 5090", 32, 1000, 2799, "2025-01"],
  ["Gigabyte", "GeForce RTX 5080 GAMING OC 16G", "NVIDIA GeForce RTX 5080", 16, 850, 1299, "2025-01"],
  ["ASUS", "TUF Gaming GeForce RTX 5080 OC", "NVIDIA GeForce RTX 5080", 16, 850, 1399, "2025-01"],
  ["MSI", "GeForce RTX 5070 Ti 16G VENTUS 3X OC", "NVIDIA GeForce RTX 5070 Ti", 16, 750, 899, "2025-02"],
  ["Gigabyte", "GeForce RTX 5070 Ti EAGLE OC SFF 16G", "NVIDIA GeForce RTX 5070 Ti", 16, 750, 869, "2025-02"],
  ["ASUS", "PRIME GeForce RTX 5070 12GB OC", "NVIDIA GeForce RTX 5070", 12, 650, 639, "2025-03"],
  ["Zotac", "GAMING GeForce RTX 5070 Twin Edge OC", "NVIDIA GeForce RTX 5070", 12, 650, 579, "2025-03"],
  ["MSI", "GeForce RTX 5060 Ti 16G GAMING TRIO OC", "NVIDIA GeForce RTX 5060 Ti", 16, 550, 469, "2025-04"],
  ["Gigabyte", "GeForce RTX 5060 WINDFORCE OC 8G", "NVIDIA GeForce RTX 5060", 8, 550, 329, "2025-05"],
  ["ASUS", "Dual GeForce RTX 5060 OC", "NVIDIA GeForce RTX 5060", 8, 550, 349, "2025-05"],
  ["Sapphire", "PULSE AMD Radeon RX 9070 XT 16GB", "AMD Radeon RX 9070 XT", 16, 750, 729, "2025-03"],
  ["PowerColor", "Hellhound AMD Radeon RX 9070 16GB", "AMD Radeon RX 9070", 16, 650, 649, "2025-03"],
  ["XFX", "Swift AMD Radeon RX 9060 XT 16GB", "AMD Radeon RX 9060 XT", 16, 500, 399, "2025-06"],
  ["Sapphire", "PULSE AMD Radeon RX 7600 8GB", "AMD Radeon RX 7600", 8, 500, 249, "2023-05", "clearance"],
  ["Intel", "Arc B580 Limited Edition 12GB", "Intel Arc B580", 12, 450, 289, "2024-12"],
] as const).map(([brand, name, chip, vramGb, psuMinW, price, launched, lifecycle]) => ({ brand, name, chip, vramGb, psuMinW, price, launched, ...(lifecycle ? { lifecycle } : {}) }));

export interface MonitorModel { gaming: boolean; brand: string; name: string; screenIn: number; resolution: string; refreshHz: number; panel: string; price: number; usbC: boolean }
export const MONITORS: readonly MonitorModel[] = ([
  [true, "Samsung", "Odyssey OLED G8 G81SF", 32, "3840x2160", 240, "qd-oled", 1199, false],
  [true, "Samsung", "Odyssey G5 G55C", 27, "2560x1440", 165, "va", 249, false],
  [true, "LG", "UltraGear 27GS95QE", 27, "2560x1440", 240, "oled", 799, false],
  [true, "LG", "UltraGear 27GS75Q-B", 27, "2560x1440", 180, "ips", 279, false],
  [true, "ASUS", "ROG Swift OLED PG27AQDP", 27, "2560x1440", 480, "oled", 999, false],
  [true, "ASUS", "TUF Gaming VG27AQ3A", 27, "2560x1440", 180, "ips", 229, false],
  [true, "MSI", "MAG 271QPX QD-OLED E2", 27, "2560x1440", 240, "qd-oled", 599, true],
  [true, "MSI", "G27C4X", 27, "1920x1080", 250, "va", 179, false],
  [true, "Dell", "Alienware AW2725DF", 27, "2560x1440", 360, "qd-oled", 749, false],
  [true, "AOC", "24G4X", 24, "1920x1080", 180, "ips", 129, false],
  [true, "Gigabyte", "M27Q3", 27, "2560x1440", 180, "ips", 279, true],
  [true, "BenQ", "ZOWIE XL2566K", 24.5, "1920x1080", 360, "tn", 599, false],
  [true, "Acer", "Nitro XV272U W2", 27, "2560x1440", 240, "ips", 299, false],
  [false, "Dell", "UltraSharp U2724DE", 27, "2560x1440", 120, "ips", 549, true],
  [false, "Dell", "P2425H", 24, "1920x1080", 100, "ips", 199, false],
  [false, "Dell", "S2725DS", 27, "2560x1440", 100, "ips", 249, false],
  [false, "LG", "27UP850K-W", 27, "3840x2160", 60, "ips", 449, true],
  [false, "LG", "32UN880-B Ergo", 32, "3840x2160", 60, "ips", 549, true],
  [false, "Samsung", "ViewFinity S8 S80D", 27, "3840x2160", 60, "ips", 399, false],
  [false, "Samsung", "Smart Monitor M8 M80D", 32, "3840x2160", 60, "va", 699, true],
  [false, "BenQ", "PD2706UA", 27, "3840x2160", 60, "ips", 549, true],
  [false, "Philips", "24E1N1300AE", 24, "1920x1080", 100, "ips", 119, true],
  [false, "Lenovo", "ThinkVision T27h-30", 27, "2560x1440", 60, "ips", 329, true],
  [false, "Apple", "Studio Display", 27, "5120x2880", 60, "ips", 1749, true],
  [false, "HP", "Series 5 524sh", 24, "1920x1080", 100, "ips", 129, false],
  [false, "ASUS", "ProArt PA278CV", 27, "2560x1440", 75, "ips", 399, true],
] as const).map(([gaming, brand, name, screenIn, resolution, refreshHz, panel, price, usbC]) => ({ gaming, brand, name, screenIn, resolution, refreshHz, panel, price, usbC }));

export interface SsdModel { brand: string; name: string; iface: "nvme-pcie5" | "nvme-pcie4" | "sata"; formFactor: "m.2-2280" | "2.5in"; prices: readonly (readonly [capacityGb: number, price: number])[] }
export const SSDS: readonly SsdModel[] = [
  { brand: "Samsung", name: "990 PRO", iface: "nvme-pcie4", formFactor: "m.2-2280", prices: [[1024, 129], [2048, 199], [4096, 349]] },
  { brand: "Samsung", name: "9100 PRO", iface: "nvme-pcie5", formFactor: "m.2-2280", prices: [[2048, 269], [4096, 499]] },
  { brand: "WD_BLACK", name: "SN850X", iface: "nvme-pcie4", formFactor: "m.2-2280", prices: [[1024, 109], [2048, 169], [4096, 329]] },
  { brand: "WD", name: "Blue SN5000", iface: "nvme-pcie4", formFactor: "m.2-2280", prices: [[1024, 79], [2048, 129]] },
  { brand: "Crucial", name: "T705", iface: "nvme-pcie5", formFactor: "m.2-2280", prices: [[2048, 279]] },
  { brand: "Crucial", name: "P3 Plus", iface: "nvme-pcie4", formFactor: "m.2-2280", prices: [[1024, 69], [2048, 119]] },
  { brand: "Kingston", name: "NV3", iface: "nvme-pcie4", formFactor: "m.2-2280", prices: [[1024, 65], [2048, 115]] },
  { brand: "Kingston", name: "FURY Renegade", iface: "nvme-pcie4", formFactor: "m.2-2280", prices: [[2048, 189]] },
  { brand: "Samsung", name: "870 EVO", iface: "sata", formFactor: "2.5in", prices: [[1024, 99], [2048, 179]] },
  { brand: "Crucial", name: "MX500", iface: "sata", formFactor: "2.5in", prices: [[1024, 79]] },
];

export interface CoolerModel { brand: string; name: string; type: "air" | "aio"; sockets: readonly Socket[]; price: number }
const ALL_SOCKETS: readonly Socket[] = ["am5", "am4", "lga1851", "lga1700"];
export const COOLERS: readonly CoolerModel[] = ([
  ["Noctua", "NH-D15 G2", "air", ALL_SOCKETS, 149],
  ["be quiet!", "Dark Rock Pro 5", "air", ALL_SOCKETS, 99],
  ["ARCTIC", "Freezer 36", "air", ALL_SOCKETS, 39],
  ["ARCTIC", "Liquid Freezer III Pro 360", "aio", ALL_SOCKETS, 109],
  ["Corsair", "iCUE LINK TITAN 360 RX RGB", "aio", ALL_SOCKETS, 219],
  ["NZXT", "Kraken Elite 360 RGB", "aio", ALL_SOCKETS, 279],
  ["DeepCool", "AK620 DIGITAL", "air", ALL_SOCKETS, 69],
  ["Thermalright", "Peerless Assassin 120 SE", "air", ALL_SOCKETS, 39],
  ["Noctua", "NH-U12S redux (AM4)", "air", ["am4"], 44],
  ["Cooler Master", "Hyper 212 (LGA1700 edition)", "air", ["lga1700"], 29],
] as const).map(([brand, name, type, sockets, price]) => ({ brand, name, type, sockets, price }));

export interface PsuModel { brand: string; name: string; outputW: number; rating: string; price: number }
export const PSUS: readonly PsuModel[] = ([
  ["Corsair", "RM850x (2024)", 850, "80plus-gold", 139],
  ["Corsair", "RM1000x (2024)", 1000, "80plus-gold", 189],
  ["Corsair", "CX650", 650, "80plus-bronze", 69],
  ["be quiet!", "Pure Power 12 M 750W", 750, "80plus-gold", 109],
  ["be quiet!", "Dark Power 14 1000W", 1000, "80plus-titanium", 259],
  ["Seasonic", "FOCUS GX-750 ATX 3.1", 750, "80plus-gold", 119],
  ["Seasonic", "PRIME TX-1300", 1300, "80plus-titanium", 349],
  ["MSI", "MAG A650BN", 650, "80plus-bronze", 59],
  ["Cooler Master", "MWE Gold 850 V3", 850, "80plus-gold", 99],
  ["Corsair", "SF750 Platinum (SFX)", 750, "80plus-platinum", 169],
] as const).map(([brand, name, outputW, rating, price]) => ({ brand, name, outputW, rating, price }));
