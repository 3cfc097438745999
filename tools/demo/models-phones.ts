/**
 * @module
 * Phone and tablet models the demo shop sells: price ladders (flagship / mid / budget per brand), storage and
 * colour options, charging connector and speed, MagSafe, card slots. Prices are the base storage in EUR.
 */
import type { CardType, Connector, Scenario, StylusProtocol } from "./vocabulary";

export interface HandheldModel {
  brand: string;
  name: string;
  price: number;
  storages: readonly number[];
  colors: readonly string[];
  connector: Connector;
  maxChargeW: number;
  magsafe: boolean;
  wireless: boolean;
  screenIn: number;
  ramGb: number;
  cpu: string;
  card?: CardType;
  launched: string;
  lifecycle?: "new" | "clearance" | "eol";
  scenarios?: readonly Scenario[];
  /** Tablets: the pens it pairs with. */
  stylus?: readonly StylusProtocol[];
  /** Tablets: the maker sells a keyboard cover for it. */
  keyboard?: boolean;
  os: "ios" | "ipados" | "android" | "fire-os";
}

type Row = Omit<HandheldModel, "brand" | "os">;

function line(brand: string, os: HandheldModel["os"], rows: Row[]): HandheldModel[] {
  return rows.map((row) => ({ brand, os, ...row }));
}

const usbc = { connector: "usb-c" } as const;
const PHOTO: Scenario[] = ["photography"];

export const PHONES: readonly HandheldModel[] = [
  ...line("Apple", "ios", [
    { name: "iPhone 17 Pro Max", price: 1449, storages: [256, 512, 1024], colors: ["Cosmic Orange", "Deep Blue", "Silver"], ...usbc, maxChargeW: 40, magsafe: true, wireless: true, screenIn: 6.9, ramGb: 12, cpu: "A19 Pro", launched: "2025-09", scenarios: PHOTO },
    { name: "iPhone 17 Pro", price: 1299, storages: [256, 512, 1024], colors: ["Cosmic Orange", "Deep Blue", "Silver"], ...usbc, maxChargeW: 40, magsafe: true, wireless: true, screenIn: 6.3, ramGb: 12, cpu: "A19 Pro", launched: "2025-09", scenarios: PHOTO },
    { name: "iPhone Air", price: 1199, storages: [256, 512, 1024], colors: ["Sky Blue", "Light Gold", "Space Black"], ...usbc, maxChargeW: 40, magsafe: true, wireless: true, screenIn: 6.5, ramGb: 12, cpu: "A19 Pro", launched: "2025-09", scenarios: ["travel"] },
    { name: "iPhone 17", price: 949, storages: [256, 512], colors: ["Lavender", "Mist Blue", "Black"], ...usbc, maxChargeW: 40, magsafe: true, wireless: true, screenIn: 6.3, ramGb: 8, cpu: "A19", launched: "2025-09" },
    { name: "iPhone 16", price: 849, storages: [128, 256, 512], colors: ["Black", "Teal", "Ultramarine"], ...usbc, maxChargeW: 30, magsafe: true, wireless: true, screenIn: 6.1, ramGb: 8, cpu: "A18", launched: "2024-09" },
    { name: "iPhone 16e", price: 699, storages: [128, 256, 512], colors: ["Black", "White"], ...usbc, maxChargeW: 20, magsafe: false, wireless: true, screenIn: 6.1, ramGb: 8, cpu: "A18", launched: "2025-02" },
    { name: "iPhone 15", price: 649, storages: [128, 256], colors: ["Black", "Blue", "Pink"], ...usbc, maxChargeW: 20, magsafe: true, wireless: true, screenIn: 6.1, ramGb: 6, cpu: "A16 Bionic", launched: "2023-09" },
    { name: "iPhone 14", price: 599, storages: [128, 256], colors: ["Midnight", "Starlight", "Purple"], connector: "lightning", maxChargeW: 20, magsafe: true, wireless: true, screenIn: 6.1, ramGb: 6, cpu: "A15 Bionic", launched: "2022-09", lifecycle: "clearance" },
    { name: "iPhone SE (3rd generation)", price: 429, storages: [64, 128], colors: ["Midnight", "Starlight", "(PRODUCT)RED"], connector: "lightning", maxChargeW: 20, magsafe: false, wireless: true, screenIn: 4.7, ramGb: 4, cpu: "A15 Bionic", launched: "2022-03", lifecycle: "eol" },
  ]),
  ...line("Samsung", "android", [
    { name: "Galaxy S25 Ultra", price: 1449, storages: [256, 512, 1024], colors: ["Titanium Silverblue", "Titanium Black", "Titanium Gray"], ...usbc, maxChargeW: 45, magsafe: false, wireless: true, screenIn: 6.9, ramGb: 12, cpu: "Snapdragon 8 Elite for Galaxy", launched: "2025-02", scenarios: PHOTO },
    { name: "Galaxy S25 Edge", price: 1249, storages: [256, 512], colors: ["Titanium Silver", "Titanium Jetblack", "Titanium Icyblue"], ...usbc, maxChargeW: 25, magsafe: false, wireless: true, screenIn: 6.7, ramGb: 12, cpu: "Snapdragon 8 Elite for Galaxy", launched: "2025-05", scenarios: ["travel"] },
    { name: "Galaxy S25+", price: 1149, storages: [256, 512], colors: ["Navy", "Icyblue", "Silver Shadow"], ...usbc, maxChargeW: 45, magsafe: false, wireless: true, screenIn: 6.7, ramGb: 12, cpu: "Snapdragon 8 Elite for Galaxy", launched: "2025-02" },
    { name: "Galaxy S25", price: 899, storages: [128, 256, 512], colors: ["Navy", "Icyblue", "Mint"], ...usbc, maxChargeW: 25, magsafe: false, wireless: true, screenIn: 6.2, ramGb: 12, cpu: "Snapdragon 8 Elite for Galaxy", launched: "2025-02" },
    { name: "Galaxy S25 FE", price: 749, storages: [128, 256], colors: ["Navy", "Icyblue", "Jetblack"], ...usbc, maxChargeW: 45, magsafe: false, wireless: true, screenIn: 6.7, ramGb: 8, cpu: "Exynos 2400", launched: "2025-09" },
    { name: "Galaxy Z Fold7", price: 2099, storages: [256, 512, 1024], colors: ["Blue Shadow", "Silver Shadow", "Jetblack"], ...usbc, maxChargeW: 25, magsafe: false, wireless: true, screenIn: 8.0, ramGb: 12, cpu: "Snapdragon 8 Elite for Galaxy", launched: "2025-07" },
    { name: "Galaxy Z Flip7", price: 1199, storages: [256, 512], colors: ["Blue Shadow", "Jetblack", "Coralred"], ...usbc, maxChargeW: 25, magsafe: false, wireless: true, screenIn: 6.9, ramGb: 12, cpu: "Exynos 2500", launched: "2025-07" },
    { name: "Galaxy S24", price: 699, storages: [128, 256], colors: ["Onyx Black", "Marble Grey", "Cobalt Violet"], ...usbc, maxChargeW: 25, magsafe: false, wireless: true, screenIn: 6.2, ramGb: 8, cpu: "Exynos 2400", launched: "2024-01", lifecycle: "clearance" },
    { name: "Galaxy A56 5G", price: 479, storages: [128, 256], colors: ["Awesome Graphite", "Awesome Lightgray", "Awesome Olive"], ...usbc, maxChargeW: 45, magsafe: false, wireless: false, screenIn: 6.7, ramGb: 8, cpu: "Exynos 1580", launched: "2025-03" },
    { name: "Galaxy A36 5G", price: 379, storages: [128, 256], colors: ["Awesome Black", "Awesome Lavender", "Awesome White"], ...usbc, maxChargeW: 45, magsafe: false, wireless: false, screenIn: 6.7, ramGb: 6, cpu: "Snapdragon 6 Gen 3", launched: "2025-03" },
    { name: "Galaxy A26 5G", price: 299, storages: [128, 256], colors: ["Black", "White", "Mint"], ...usbc, maxChargeW: 25, magsafe: false, wireless: false, screenIn: 6.7, ramGb: 6, cpu: "Exynos 1380", card: "microsd", launched: "2025-03" },
    { name: "Galaxy A16 5G", price: 229, storages: [128], colors: ["Blue Black", "Gray", "Light Green"], ...usbc, maxChargeW: 25, magsafe: false, wireless: false, screenIn: 6.7, ramGb: 4, cpu: "Exynos 1330", card: "microsd", launched: "2024-10" },
  ]),
  ...line("Google", "android", [
    { name: "Pixel 10 Pro XL", price: 1299, storages: [256, 512, 1024], colors: ["Obsidian", "Porcelain", "Moonstone"], ...usbc, maxChargeW: 45, magsafe: true, wireless: true, screenIn: 6.8, ramGb: 16, cpu: "Google Tensor G5", launched: "2025-08", scenarios: PHOTO },
    { name: "Pixel 10 Pro", price: 1099, storages: [128, 256, 512], colors: ["Obsidian", "Porcelain", "Jade"], ...usbc, maxChargeW: 30, magsafe: true, wireless: true, screenIn: 6.3, ramGb: 16, cpu: "Google Tensor G5", launched: "2025-08", scenarios: PHOTO },
    { name: "Pixel 10", price: 899, storages: [128, 256], colors: ["Obsidian", "Frost", "Indigo"], ...usbc, maxChargeW: 30, magsafe: true, wireless: true, screenIn: 6.3, ramGb: 12, cpu: "Google Tensor G5", launched: "2025-08" },
    { name: "Pixel 10 Pro Fold", price: 1899, storages: [256, 512], colors: ["Moonstone", "Jade"], ...usbc, maxChargeW: 30, magsafe: true, wireless: true, screenIn: 8.0, ramGb: 16, cpu: "Google Tensor G5", launched: "2025-10" },
    { name: "Pixel 9a", price: 549, storages: [128, 256], colors: ["Obsidian", "Porcelain", "Iris"], ...usbc, maxChargeW: 23, magsafe: false, wireless: true, screenIn: 6.3, ramGb: 8, cpu: "Google Tensor G4", launched: "2025-04" },
  ]),
  ...line("Xiaomi", "android", [
    { name: "15 Ultra", price: 1499, storages: [512, 1024], colors: ["Black", "White", "Silver Chrome"], ...usbc, maxChargeW: 90, magsafe: false, wireless: true, screenIn: 6.73, ramGb: 16, cpu: "Snapdragon 8 Elite", launched: "2025-03", scenarios: PHOTO },
    { name: "15T Pro", price: 799, storages: [256, 512, 1024], colors: ["Black", "Grey", "Mocha Gold"], ...usbc, maxChargeW: 90, magsafe: false, wireless: true, screenIn: 6.83, ramGb: 12, cpu: "Dimensity 9400+", launched: "2025-09" },
    { name: "15T", price: 649, storages: [256, 512], colors: ["Black", "Grey", "Rose Gold"], ...usbc, maxChargeW: 67, magsafe: false, wireless: false, screenIn: 6.83, ramGb: 12, cpu: "Dimensity 8400-Ultra", launched: "2025-09" },
    { name: "Redmi Note 14 Pro+ 5G", price: 449, storages: [256, 512], colors: ["Midnight Black", "Frost Blue", "Lavender Purple"], ...usbc, maxChargeW: 120, magsafe: false, wireless: false, screenIn: 6.67, ramGb: 8, cpu: "Snapdragon 7s Gen 3", launched: "2025-01" },
    { name: "Redmi Note 14", price: 229, storages: [128, 256], colors: ["Midnight Black", "Ocean Blue", "Lime Green"], ...usbc, maxChargeW: 33, magsafe: false, wireless: false, screenIn: 6.67, ramGb: 6, cpu: "Helio G99-Ultra", card: "microsd", launched: "2025-01" },
    { name: "Redmi 15C", price: 149, storages: [128], colors: ["Midnight Black", "Mint Green", "Twilight Blue"], ...usbc, maxChargeW: 18, magsafe: false, wireless: false, screenIn: 6.9, ramGb: 4, cpu: "Helio G81-Ultra", card: "microsd", launched: "2025-08" },
  ]),
  ...line("OnePlus", "android", [
    { name: "16", price: 1049, storages: [256, 512], colors: ["Infinite Black", "Sand Storm"], ...usbc, maxChargeW: 100, magsafe: false, wireless: true, screenIn: 6.78, ramGb: 16, cpu: "Snapdragon 8 Elite Gen 6", launched: "2026-10-20", lifecycle: "new" },
    { name: "13", price: 999, storages: [256, 512], colors: ["Black Eclipse", "Arctic Dawn", "Midnight Ocean"], ...usbc, maxChargeW: 80, magsafe: false, wireless: true, screenIn: 6.82, ramGb: 12, cpu: "Snapdragon 8 Elite", launched: "2025-01" },
    { name: "13R", price: 699, storages: [256, 512], colors: ["Astral Trail", "Nebula Noir"], ...usbc, maxChargeW: 80, magsafe: false, wireless: false, screenIn: 6.78, ramGb: 12, cpu: "Snapdragon 8 Gen 3", launched: "2025-01" },
    { name: "Nord 5", price: 449, storages: [256, 512], colors: ["Marble Sands", "Phantom Grey", "Dry Ice"], ...usbc, maxChargeW: 80, magsafe: false, wireless: false, screenIn: 6.83, ramGb: 8, cpu: "Snapdragon 8s Gen 3", launched: "2025-07" },
    { name: "Nord CE5", price: 349, storages: [128, 256], colors: ["Black Infinity", "Marble Mist"], ...usbc, maxChargeW: 80, magsafe: false, wireless: false, screenIn: 6.77, ramGb: 8, cpu: "Dimensity 8350 Apex", launched: "2025-07" },
  ]),
  ...line("Motorola", "android", [
    { name: "edge 60 pro", price: 599, storages: [256, 512], colors: ["Pantone Dazzling Blue", "Pantone Shadow", "Pantone Sparkling Grape"], ...usbc, maxChargeW: 90, magsafe: false, wireless: true, screenIn: 6.7, ramGb: 12, cpu: "Dimensity 8350 Extreme", launched: "2025-04" },
    { name: "moto g85 5G", price: 279, storages: [256], colors: ["Cobalt Blue", "Olive Green", "Urban Grey"], ...usbc, maxChargeW: 30, magsafe: false, wireless: false, screenIn: 6.67, ramGb: 8, cpu: "Snapdragon 6s Gen 3", card: "microsd", launched: "2024-07" },
    { name: "moto g55 5G", price: 199, storages: [128, 256], colors: ["Forest Grey", "Smoky Green", "Twilight Purple"], ...usbc, maxChargeW: 30, magsafe: false, wireless: false, screenIn: 6.49, ramGb: 8, cpu: "Dimensity 7025", card: "microsd", launched: "2024-09" },
  ]),
  ...line("Nothing", "android", [
    { name: "Phone (3)", price: 799, storages: [256, 512], colors: ["White", "Black"], ...usbc, maxChargeW: 65, magsafe: false, wireless: true, screenIn: 6.67, ramGb: 12, cpu: "Snapdragon 8s Gen 4", launched: "2025-07" },
    { name: "Phone (3a)", price: 349, storages: [128, 256], colors: ["Black", "White", "Blue"], ...usbc, maxChargeW: 50, magsafe: false, wireless: false, screenIn: 6.77, ramGb: 8, cpu: "Snapdragon 7s Gen 3", launched: "2025-03" },
    { name: "CMF Phone 2 Pro", price: 249, storages: [128, 256], colors: ["Black", "White", "Orange"], ...usbc, maxChargeW: 33, magsafe: false, wireless: false, screenIn: 6.77, ramGb: 8, cpu: "Dimensity 7300 Pro", card: "microsd", launched: "2025-04" },
  ]),
  ...line("Sony", "android", [
    { name: "Xperia 1 VII", price: 1499, storages: [256, 512], colors: ["Slate Black", "Moss Green", "Orchid Purple"], ...usbc, maxChargeW: 30, magsafe: false, wireless: true, screenIn: 6.5, ramGb: 12, cpu: "Snapdragon 8 Elite", card: "microsd", launched: "2025-05", scenarios: PHOTO },
    { name: "Xperia 10 VII", price: 449, storages: [128], colors: ["Charcoal Black", "White", "Turquoise"], ...usbc, maxChargeW: 30, magsafe: false, wireless: false, screenIn: 6.1, ramGb: 8, cpu: "Snapdragon 6 Gen 3", card: "microsd", launched: "2025-09" },
  ]),
  ...line("Fairphone", "android", [
    { name: "(Gen. 6)", price: 599, storages: [256], colors: ["Forest Green", "Cloud White", "Matte Black"], ...usbc, maxChargeW: 30, magsafe: false, wireless: false, screenIn: 6.31, ramGb: 8, cpu: "Snapdragon 7s Gen 3", card: "microsd", launched: "2025-06", scenarios: ["outdoor"] },
  ]),
  ...line("Nokia", "android", [
    { name: "C12 Plus", price: 99, storages: [64], colors: ["Charcoal", "Dark Cyan"], connector: "micro-usb", maxChargeW: 10, magsafe: false, wireless: false, screenIn: 6.3, ramGb: 2, cpu: "Unisoc SC9863A1", card: "microsd", launched: "2023-03" },
  ]),
];

const pencils = (...p: StylusProtocol[]) => ({ stylus: p });

export const TABLETS: readonly HandheldModel[] = [
  ...line("Apple", "ipados", [
    { name: "iPad Pro 11-inch (M6)", price: 1199, storages: [256, 512, 1024], colors: ["Space Black", "Silver"], ...usbc, maxChargeW: 40, magsafe: false, wireless: false, screenIn: 11.1, ramGb: 12, cpu: "Apple M6", launched: "2026-10-22", lifecycle: "new", keyboard: true, ...pencils("apple-pencil-pro", "apple-pencil-usb-c") },
    { name: "iPad Pro 13-inch (M5)", price: 1549, storages: [256, 512, 1024], colors: ["Space Black", "Silver"], ...usbc, maxChargeW: 40, magsafe: false, wireless: false, screenIn: 13.0, ramGb: 12, cpu: "Apple M5", launched: "2025-10", keyboard: true, ...pencils("apple-pencil-pro", "apple-pencil-usb-c"), scenarios: ["photography"] },
    { name: "iPad Pro 11-inch (M5)", price: 1199, storages: [256, 512, 1024], colors: ["Space Black", "Silver"], ...usbc, maxChargeW: 40, magsafe: false, wireless: false, screenIn: 11.1, ramGb: 12, cpu: "Apple M5", launched: "2025-10", keyboard: true, ...pencils("apple-pencil-pro", "apple-pencil-usb-c") },
    { name: "iPad Air 13-inch (M3)", price: 949, storages: [128, 256, 512], colors: ["Space Grey", "Blue", "Starlight"], ...usbc, maxChargeW: 30, magsafe: false, wireless: false, screenIn: 13.0, ramGb: 8, cpu: "Apple M3", launched: "2025-03", keyboard: true, ...pencils("apple-pencil-pro", "apple-pencil-usb-c") },
    { name: "iPad Air 11-inch (M3)", price: 699, storages: [128, 256, 512], colors: ["Space Grey", "Purple", "Starlight"], ...usbc, maxChargeW: 30, magsafe: false, wireless: false, screenIn: 11.0, ramGb: 8, cpu: "Apple M3", launched: "2025-03", keyboard: true, ...pencils("apple-pencil-pro", "apple-pencil-usb-c"), scenarios: ["travel"] },
    { name: "iPad (A16)", price: 399, storages: [128, 256, 512], colors: ["Blue", "Pink", "Silver"], ...usbc, maxChargeW: 20, magsafe: false, wireless: false, screenIn: 11.0, ramGb: 6, cpu: "Apple A16", launched: "2025-03", keyboard: true, ...pencils("apple-pencil-usb-c") },
    { name: "iPad mini (A17 Pro)", price: 599, storages: [128, 256, 512], colors: ["Space Grey", "Blue", "Purple"], ...usbc, maxChargeW: 20, magsafe: false, wireless: false, screenIn: 8.3, ramGb: 8, cpu: "Apple A17 Pro", launched: "2024-10", ...pencils("apple-pencil-pro", "apple-pencil-usb-c"), scenarios: ["travel"] },
  ]),
  ...line("Samsung", "android", [
    { name: "Galaxy Tab S11 Ultra", price: 1399, storages: [256, 512], colors: ["Gray", "Silver"], ...usbc, maxChargeW: 45, magsafe: false, wireless: false, screenIn: 14.6, ramGb: 12, cpu: "Dimensity 9400+", card: "microsd", launched: "2025-09", keyboard: true, ...pencils("s-pen") },
    { name: "Galaxy Tab S11", price: 999, storages: [128, 256, 512], colors: ["Gray", "Silver"], ...usbc, maxChargeW: 45, magsafe: false, wireless: false, screenIn: 11.0, ramGb: 12, cpu: "Dimensity 9400+", card: "microsd", launched: "2025-09", keyboard: true, ...pencils("s-pen") },
    { name: "Galaxy Tab S10 FE", price: 529, storages: [128, 256], colors: ["Gray", "Silver", "Blue"], ...usbc, maxChargeW: 45, magsafe: false, wireless: false, screenIn: 10.9, ramGb: 8, cpu: "Exynos 1580", card: "microsd", launched: "2025-04", keyboard: true, ...pencils("s-pen") },
    { name: "Galaxy Tab A9+", price: 249, storages: [64, 128], colors: ["Graphite", "Silver", "Navy"], ...usbc, maxChargeW: 15, magsafe: false, wireless: false, screenIn: 11.0, ramGb: 4, cpu: "Snapdragon 695", card: "microsd", launched: "2023-10" },
  ]),
  ...line("Lenovo", "android", [
    { name: "Idea Tab Pro", price: 399, storages: [128, 256], colors: ["Luna Grey"], ...usbc, maxChargeW: 45, magsafe: false, wireless: false, screenIn: 12.7, ramGb: 8, cpu: "Dimensity 8300", card: "microsd", launched: "2025-01", keyboard: true, ...pencils("usi-2") },
    { name: "Tab M11", price: 199, storages: [64, 128], colors: ["Luna Grey", "Seafoam Green"], ...usbc, maxChargeW: 15, magsafe: false, wireless: false, screenIn: 10.95, ramGb: 4, cpu: "Helio G88", card: "microsd", launched: "2024-01", ...pencils("usi-2") },
  ]),
  ...line("Xiaomi", "android", [
    { name: "Pad 7", price: 399, storages: [128, 256], colors: ["Graphite Gray", "Sage Green", "Blue"], ...usbc, maxChargeW: 45, magsafe: false, wireless: false, screenIn: 11.2, ramGb: 8, cpu: "Snapdragon 7+ Gen 3", launched: "2025-03", keyboard: true },
    { name: "Redmi Pad 2", price: 199, storages: [128, 256], colors: ["Graphite Gray", "Mint Green"], ...usbc, maxChargeW: 18, magsafe: false, wireless: false, screenIn: 11.0, ramGb: 4, cpu: "Helio G100-Ultra", card: "microsd", launched: "2025-06" },
  ]),
  ...line("Amazon", "fire-os", [
    { name: "Fire HD 10 (2023)", price: 149, storages: [32, 64], colors: ["Black", "Lilac", "Ocean"], ...usbc, maxChargeW: 9, magsafe: false, wireless: false, screenIn: 10.1, ramGb: 3, cpu: "MediaTek MT8186A", card: "microsd", launched: "2023-10" },
    { name: "Fire 7 (2019)", price: 69, storages: [16, 32], colors: ["Black", "Twilight Blue"], connector: "micro-usb", maxChargeW: 5, magsafe: false, wireless: false, screenIn: 7.0, ramGb: 1, cpu: "MediaTek MT8163", card: "microsd", launched: "2019-06", lifecycle: "clearance" },
  ]),
];
