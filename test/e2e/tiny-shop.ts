/**
 * @module
 * A small shop written as input files (catalogue and orders JSON Lines), big enough for recommendations on every
 * device page and small enough to build and publish in seconds: phones with their own cases, chargers, earbuds
 * (one on clearance), laptops (one on clearance) with bags and mice.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

interface Row {
  id: string;
  title: string;
  brand: string;
  category: string[];
  price: number;
  stock: number;
  lifecycle?: "clearance";
  attrs: Record<string, unknown>;
}

const PHONES: Row[] = [299, 449, 599, 799, 999, 1199].map((price, i) => ({
  id: `phone-${i + 1}`,
  title: `Phone ${i + 1}`,
  brand: i % 2 === 0 ? "Acme" : "Zenith",
  category: ["Phones & Tablets", "Smartphones"],
  price,
  stock: 40,
  attrs: { kind: "smartphone", device_model: `model-${i + 1}`, connector: "usb-c" },
}));
const CASES: Row[] = PHONES.map((p, i) => ({ id: `case-${i + 1}`, title: `Case for ${p.title}`, brand: "Shell", category: ["Phones & Tablets", "Phone Accessories", "Cases"], price: 19.99 + i * 5, stock: 80, attrs: { kind: "phone-case", fits_models: [`model-${i + 1}`] } }));
const CHARGERS: Row[] = [29, 39].map((price, i) => ({ id: `charger-${i + 1}`, title: `${20 + 25 * i} W USB-C charger`, brand: "Volt", category: ["Phones & Tablets", "Phone Accessories", "Chargers"], price, stock: 80, attrs: { kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 20 + 25 * i } }));
const EARBUDS: Row[] = [
  { id: "earbuds-1", title: "Earbuds One", brand: "Sonic", category: ["Audio", "Earbuds"], price: 129, stock: 9, lifecycle: "clearance", attrs: { kind: "earbuds", wireless: true } },
  { id: "earbuds-2", title: "Earbuds Two", brand: "Sonic", category: ["Audio", "Earbuds"], price: 199, stock: 30, attrs: { kind: "earbuds", wireless: true } },
];
const LAPTOPS: Row[] = [549, 899, 1299, 1899].map((price, i) => ({
  id: `laptop-${i + 1}`,
  title: `Laptop ${i + 1}`,
  brand: "Acme",
  category: ["Computers", "Laptops", "Ultrabooks"],
  price,
  stock: i === 0 ? 6 : 20,
  ...(i === 0 ? { lifecycle: "clearance" as const } : {}),
  attrs: { kind: "ultrabook", screen_in: 13 + i, ports: ["usb-c"] },
}));
const BAGS: Row[] = [49, 79].map((price, i) => ({ id: `bag-${i + 1}`, title: `Laptop sleeve ${i + 1}`, brand: "Carry", category: ["Computers", "Computer Accessories", "Laptop Bags & Sleeves"], price, stock: 50, attrs: { kind: "laptop-bag", fits_screen_in: [13, 14, 15, 16] } }));
const MICE: Row[] = [25, 59].map((price, i) => ({ id: `mouse-${i + 1}`, title: `Mouse ${i + 1}`, brand: "Point", category: ["Computers", "Computer Accessories", "Mice"], price, stock: 50, attrs: { kind: "mouse", wireless: true } }));

export const TINY_CATALOG: Row[] = [...PHONES, ...CASES, ...CHARGERS, ...EARBUDS, ...LAPTOPS, ...BAGS, ...MICE];

/** 400 orders: a device, usually with its own case or a bag, sometimes a charger, earbuds or a mouse. */
export function tinyOrders(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    const items: string[] = [];
    if (i % 3 !== 2) {
      const phone = i % 6;
      items.push(PHONES[phone].id);
      if (i % 5 !== 0) items.push(CASES[phone].id);
      if (i % 4 === 1) items.push(CHARGERS[i % 2].id);
      if (i % 7 === 3) items.push(EARBUDS[i % 2].id);
    } else {
      items.push(LAPTOPS[i % 4].id);
      if (i % 2 === 0) items.push(BAGS[i % 2].id);
      if (i % 5 < 2) items.push(MICE[i % 2].id);
    }
    lines.push(JSON.stringify({ order_id: `t-${i}`, user_id: `u-${i % 90}`, ts: 1_780_000_000 + i * 3600, items }));
  }
  return lines;
}

export function writeTinyShop(dir: string): { catalog: string; orders: string } {
  const catalog = path.join(dir, "catalog.jsonl");
  const orders = path.join(dir, "orders.jsonl");
  writeFileSync(catalog, `${TINY_CATALOG.map((row) => JSON.stringify(row)).join("\n")}\n`);
  writeFileSync(orders, `${tinyOrders().join("\n")}\n`);
  return { catalog, orders };
}
