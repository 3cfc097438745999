/**
 * @module
 * Chargers, cables, power banks and styluses. `connectors` lists the device-side plugs an item can power out of
 * the box; `output_w` is what it delivers, compared with a device's `max_charge_w`.
 */
import type { Charging, Connector, StylusProtocol } from "./vocabulary";

export interface ChargerModel { brand: string; name: string; charging: Charging; outputW: number; connectors: readonly Connector[]; ports: number; price: number; official?: string; cableIncluded: boolean }
export const CHARGERS: readonly ChargerModel[] = ([
  ["Apple", "20W USB-C Power Adapter", "wired", 20, ["usb-c"], 1, 25, "apple", false],
  ["Apple", "35W Dual USB-C Port Compact Power Adapter", "wired", 35, ["usb-c"], 2, 65, "apple", false],
  ["Apple", "70W USB-C Power Adapter", "wired", 70, ["usb-c"], 1, 65, "apple", false],
  ["Apple", "96W USB-C Power Adapter", "wired", 96, ["usb-c"], 1, 89, "apple", false],
  ["Apple", "140W USB-C Power Adapter", "wired", 140, ["usb-c"], 1, 109, "apple", false],
  ["Apple", "40W Dynamic Power Adapter with 60W Max", "wired", 40, ["usb-c"], 1, 45, "apple", false],
  ["Apple", "MagSafe Charger (1 m)", "magsafe", 25, [], 0, 49, "apple", true],
  ["Apple", "MagSafe Charger (2 m)", "magsafe", 25, [], 0, 59, "apple", true],
  ["Samsung", "25W Power Adapter", "wired", 25, ["usb-c"], 1, 24.99, "samsung", false],
  ["Samsung", "45W Power Adapter with USB-C Cable", "wired", 45, ["usb-c"], 1, 44.99, "samsung", true],
  ["Samsung", "15W Wireless Charger Pad", "qi", 15, [], 0, 49.99, "samsung", true],
  ["Google", "45W USB-C Charger", "wired", 45, ["usb-c"], 1, 39, "google", false],
  ["Google", "Pixelsnap Charger with Stand", "magsafe", 25, [], 0, 79, "google", true],
  ["Xiaomi", "120W HyperCharge Combo (Type-A)", "wired", 120, ["usb-c"], 1, 39.99, "xiaomi", true],
  ["Xiaomi", "67W GaN Charger", "wired", 67, ["usb-c"], 1, 29.99, "xiaomi", false],
  ["OnePlus", "SUPERVOOC 100W Dual Port Power Adapter", "wired", 100, ["usb-c"], 2, 49.99, "oneplus", true],
  ["Motorola", "TurboPower 68W Charger", "wired", 68, ["usb-c"], 1, 34.99, "motorola", true],
  ["Anker", "Nano Charger (20W)", "wired", 20, ["usb-c"], 1, 19.99, undefined, false],
  ["Anker", "Nano Charger (30W)", "wired", 30, ["usb-c"], 1, 24.99, undefined, false],
  ["Anker", "735 Charger (Nano II 65W)", "wired", 65, ["usb-c"], 3, 59.99, undefined, false],
  ["Anker", "Prime Charger (100W, 3 Ports, GaN)", "wired", 100, ["usb-c"], 3, 79.99, undefined, false],
  ["Anker", "Prime Charger (160W, 3 Ports)", "wired", 160, ["usb-c"], 3, 99.99, undefined, false],
  ["Anker", "MagGo Wireless Charging Station (3-in-1, Qi2)", "magsafe", 15, [], 0, 109.99, undefined, true],
  ["Anker", "20W USB-C Charger with USB-C to Lightning Cable", "wired", 20, ["lightning"], 1, 24.99, undefined, true],
  ["Anker", "12W USB-A Charger with Micro-USB Cable", "wired", 12, ["micro-usb"], 1, 14.99, undefined, true],
  ["Belkin", "BoostCharge Pro 30W USB-C GaN Charger", "wired", 30, ["usb-c"], 1, 29.99, undefined, false],
  ["Belkin", "BoostCharge Pro 65W Dual USB-C GaN Charger", "wired", 65, ["usb-c"], 2, 49.99, undefined, false],
  ["Belkin", "BoostCharge 20W USB-C Charger with Lightning Cable", "wired", 20, ["lightning"], 1, 29.99, undefined, true],
  ["Belkin", "BoostCharge Pro 3-in-1 Magnetic Charging Stand with Qi2 25W", "magsafe", 25, [], 0, 129.99, undefined, true],
  ["Belkin", "BoostCharge 15W Wireless Charging Pad", "qi", 15, [], 0, 29.99, undefined, true],
  ["UGREEN", "Nexode 45W USB-C Charger", "wired", 45, ["usb-c"], 2, 29.99, undefined, false],
  ["UGREEN", "Nexode 100W USB-C Charger", "wired", 100, ["usb-c"], 4, 59.99, undefined, false],
  ["UGREEN", "Nexode 140W USB-C Charger", "wired", 140, ["usb-c"], 3, 79.99, undefined, false],
  ["UGREEN", "Qi2 Magnetic Wireless Charger 25W", "magsafe", 25, [], 0, 39.99, undefined, true],
  ["ESR", "HaloLock Qi2 Mini Wireless Charger", "magsafe", 15, [], 0, 29.99, undefined, true],
  ["Baseus", "EnerGeek GX11 Travel Charger 65W", "wired", 65, ["usb-c"], 3, 49.99, undefined, false],
  ["Amazon Basics", "USB-A Wall Charger 12W with Micro-USB Cable", "wired", 12, ["micro-usb"], 1, 9.99, undefined, true],
] as const).map(([brand, name, charging, outputW, connectors, ports, price, official, cableIncluded]) => ({ brand, name, charging, outputW, connectors, ports, price, ...(official ? { official } : {}), cableIncluded }));

export interface CableModel { brand: string; name: string; connectors: readonly Connector[]; host: "usb-c" | "usb-a"; lengthM: number; maxW: number; price: number; official?: string }
export const CABLES: readonly CableModel[] = ([
  ["Apple", "240W USB-C Charge Cable (2 m)", ["usb-c"], "usb-c", 2, 240, 29, "apple"],
  ["Apple", "60W USB-C Charge Cable (1 m)", ["usb-c"], "usb-c", 1, 60, 19, "apple"],
  ["Apple", "USB-C to Lightning Cable (1 m)", ["lightning"], "usb-c", 1, 20, 19, "apple"],
  ["Apple", "Thunderbolt 5 (USB-C) Pro Cable (1 m)", ["usb-c"], "usb-c", 1, 240, 79, "apple"],
  ["Samsung", "USB-C to USB-C Cable 5A (1.8 m)", ["usb-c"], "usb-c", 1.8, 100, 19.99, "samsung"],
  ["Google", "USB-C to USB-C Cable (1 m)", ["usb-c"], "usb-c", 1, 60, 19, "google"],
  ["Anker", "333 USB-C to USB-C Cable 60W (2-Pack, 1.8 m)", ["usb-c"], "usb-c", 1.8, 60, 12.99],
  ["Anker", "Prime USB-C to USB-C Cable 240W (1.8 m)", ["usb-c"], "usb-c", 1.8, 240, 24.99],
  ["Anker", "PowerLine III Flow USB-C to Lightning (1.8 m)", ["lightning"], "usb-c", 1.8, 20, 19.99],
  ["Anker", "PowerLine II USB-A to Micro-USB (0.9 m)", ["micro-usb"], "usb-a", 0.9, 12, 8.99],
  ["Belkin", "BoostCharge Pro Flex USB-C to USB-C (2 m)", ["usb-c"], "usb-c", 2, 60, 24.99],
  ["Belkin", "BoostCharge Pro Flex USB-C to Lightning (1 m)", ["lightning"], "usb-c", 1, 20, 19.99],
  ["UGREEN", "USB-C to USB-C Cable 100W (2 m)", ["usb-c"], "usb-c", 2, 100, 11.99],
  ["UGREEN", "USB-A to USB-C Cable 3A (1 m)", ["usb-c"], "usb-a", 1, 15, 7.99],
  ["UGREEN", "USB-A to Micro-USB Cable 2-Pack (1 m)", ["micro-usb"], "usb-a", 1, 12, 7.99],
  ["Amazon Basics", "USB-A to Micro-USB Cable (1.8 m)", ["micro-usb"], "usb-a", 1.8, 10, 6.99],
  ["Amazon Basics", "USB-C to Lightning Cable MFi (1.8 m)", ["lightning"], "usb-c", 1.8, 20, 12.99],
  ["Nomad", "Kevlar USB-C to USB-C Cable (1.5 m)", ["usb-c"], "usb-c", 1.5, 100, 34.99],
] as const).map(([brand, name, connectors, host, lengthM, maxW, price, official]) => ({ brand, name, connectors, host, lengthM, maxW, price, ...(official ? { official } : {}) }));

export interface PowerBankModel { brand: string; name: string; capacityMah: number; outputW: number; connectors: readonly Connector[]; magsafe: boolean; price: number; official?: string }
export const POWER_BANKS: readonly PowerBankModel[] = ([
  ["Anker", "MagGo Power Bank (10K, Qi2)", 10000, 27, ["usb-c"], true, 89.99],
  ["Anker", "621 Magnetic Battery (MagGo 5K)", 5000, 20, ["usb-c"], true, 39.99],
  ["Anker", "Nano Power Bank (10K, 30W, Built-In USB-C Cable)", 10000, 30, ["usb-c"], false, 39.99],
  ["Anker", "737 Power Bank (PowerCore 24K)", 24000, 140, ["usb-c"], false, 109.99],
  ["Anker", "Prime Power Bank (20K, 220W)", 20000, 220, ["usb-c"], false, 129.99],
  ["Anker", "PowerCore 10000 with USB-C to Lightning Cable", 10000, 20, ["usb-c", "lightning"], false, 34.99],
  ["Belkin", "BoostCharge Pro Magnetic Power Bank 5K (Qi2)", 5000, 15, ["usb-c"], true, 59.99],
  ["Belkin", "BoostCharge Power Bank 20K", 20000, 20, ["usb-c", "micro-usb"], false, 39.99],
  ["Samsung", "Battery Pack 10,000 mAh 25W", 10000, 25, ["usb-c"], false, 39.99, "samsung"],
  ["Samsung", "Battery Pack 20,000 mAh 45W", 20000, 45, ["usb-c"], false, 69.99, "samsung"],
  ["Xiaomi", "33W Power Bank 20000mAh (Integrated Cable)", 20000, 33, ["usb-c"], false, 29.99, "xiaomi"],
  ["UGREEN", "Nexode Power Bank 20000mAh 130W", 20000, 130, ["usb-c"], false, 69.99],
  ["UGREEN", "Magnetic Power Bank 10000mAh Qi2", 10000, 15, ["usb-c"], true, 49.99],
  ["Baseus", "Blade Laptop Power Bank 20000mAh 100W", 20000, 100, ["usb-c"], false, 79.99],
  ["INIU", "Power Bank 10000mAh 20W", 10000, 20, ["usb-c", "micro-usb"], false, 19.99],
  ["ESR", "HaloLock Mini Qi2 Magnetic Power Bank 5000mAh", 5000, 15, ["usb-c"], true, 39.99],
] as const).map(([brand, name, capacityMah, outputW, connectors, magsafe, price, official]) => ({ brand, name, capacityMah, outputW, connectors, magsafe, price, ...(official ? { official } : {}) }));

export const STYLUSES: readonly (readonly [brand: string, name: string, protocol: StylusProtocol, price: number, official?: string])[] = [
  ["Apple", "Pencil Pro", "apple-pencil-pro", 149, "apple"],
  ["Apple", "Pencil (USB-C)", "apple-pencil-usb-c", 89, "apple"],
  ["Logitech", "Crayon (USB-C)", "apple-pencil-usb-c", 79.99],
  ["ESR", "Digital Pencil Pro", "apple-pencil-usb-c", 29.99],
  ["Samsung", "S Pen Creator Edition", "s-pen", 99, "samsung"],
  ["Samsung", "S Pen Pro 2", "s-pen", 119, "samsung"],
  ["Lenovo", "Tab Pen Plus", "usi-2", 49.99, "lenovo"],
  ["Penoval", "USI 2.0 Stylus Pen", "usi-2", 39.99],
];
