import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WINDOW_END_MS } from "./calendar";
import { buildCatalog, DEFAULT_PRODUCTS } from "./catalog";
import { LEAVES } from "./category-tree";
import { catalogLine } from "./serialize";

const catalog = buildCatalog(42, DEFAULT_PRODUCTS);
const products = catalog.products;
const devices = products.filter((p) => typeof p.attrs.device_model === "string");
const deviceModels = new Set(devices.map((p) => p.attrs.device_model as string));
const ofKind = (kind: string) => products.filter((p) => p.attrs.kind === kind);
const strings = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

describe("demo catalog", () => {
  it("has the requested size, at least 30 leaf categories and 15 brands", () => {
    expect(products.length).toBe(DEFAULT_PRODUCTS);
    expect(buildCatalog(42, 3000).products.length).toBe(3000);
    expect(new Set(products.map((p) => p.category.join(" > "))).size).toBeGreaterThanOrEqual(30);
    const brands = new Set(products.map((p) => p.brand));
    expect(brands.size).toBeGreaterThanOrEqual(15);
    for (const brand of ["Apple", "Samsung", "Google", "Sony", "Lenovo", "ASUS", "Dell", "HP", "MSI", "Acer", "Canon", "Nikon", "DJI", "Logitech", "Razer", "Anker", "Belkin", "JBL", "Bose", "Corsair", "SanDisk"]) {
      expect(brands, brand).toContain(brand);
    }
  });

  it("sits on a real-looking tree", () => {
    const paths = new Set(products.map((p) => p.category.join(" > ")));
    for (const expected of [
      "Phones & Tablets > Smartphones",
      "Phones & Tablets > Phone Accessories > Cases",
      "Phones & Tablets > Phone Accessories > Screen Protectors",
      "Phones & Tablets > Phone Accessories > Chargers",
      "Phones & Tablets > Phone Accessories > Cables",
      "Phones & Tablets > Phone Accessories > Power Banks",
      "Computers > Laptops > Gaming Laptops",
      "Computers > Laptops > Ultrabooks",
      "Computers > PC Components > CPUs",
      "Computers > PC Components > Motherboards",
      "Computers > PC Components > Graphics Cards",
      "Computers > PC Components > RAM",
      "Computers > PC Components > SSDs",
      "Cameras > Mirrorless Cameras",
      "Cameras > Lenses",
      "Cameras > Memory Cards",
      "Cameras > Camera Bags",
      "Drones > Camera Drones",
      "Audio > Earbuds",
      "Audio > Headphones",
      "Wearables > Smartwatches",
      "Wearables > Watch Bands",
      "Gaming > Consoles",
      "Gaming > Controllers",
      "Gaming > Gaming Keyboards",
      "Gaming > Gaming Mice",
      "Computers > Computer Accessories > Laptop Bags & Sleeves",
      "Computers > Computer Accessories > Docks & Hubs",
    ]) expect(paths, expected).toContain(expected);
    expect([...paths].some((p) => p.startsWith("Smart Home > "))).toBe(true);
  });

  it("uses unique, stable-looking ids and unique titles", () => {
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.title)).size).toBe(products.length);
    for (const p of products) expect(p.id).toMatch(/^sku-[a-z]+-\d{4,}$/);
    expect(products.find((p) => p.id === "sku-phone-0001")?.title).toMatch(/^Apple iPhone 17 Pro Max 256 GB, /);
  });

  it("makes every model-specific accessory fit exactly one existing device model", () => {
    const specific = products.filter((p) => p.attrs.fits_models !== undefined);
    expect(specific.length).toBeGreaterThan(500);
    for (const p of specific) {
      const fits = strings(p.attrs.fits_models);
      expect(fits, p.id).toHaveLength(1);
      expect(deviceModels.has(fits[0]!), `${p.id} -> ${fits[0]}`).toBe(true);
    }
    for (const model of catalog.models.filter((m) => m.family === "phone")) {
      const fitting = specific.filter((p) => strings(p.attrs.fits_models)[0] === model.slug);
      expect(fitting.some((p) => p.attrs.kind === "phone-case"), model.slug).toBe(true);
      expect(fitting.some((p) => p.attrs.kind === "screen-protector"), model.slug).toBe(true);
    }
  });

  it("gives every device a matching accessory where its family has one (connector, card, mount, band, socket, bag size)", () => {
    const has = (kind: string, test: (a: (typeof products)[number]) => boolean) => ofKind(kind).some(test);
    for (const d of devices) {
      const a = d.attrs;
      if (a.kind === "smartphone") expect(has("charger", (c) => strings(c.attrs.connectors).includes(a.connector as string)), d.id).toBe(true);
      if (typeof a.card_type === "string") expect(has("memory-card", (c) => c.attrs.card_type === a.card_type), d.id).toBe(true);
      if (a.kind === "mirrorless-camera") expect(has("lens", (l) => l.attrs.lens_mount === a.lens_mount), d.id).toBe(true);
      if (a.kind === "smartwatch") expect(has("watch-band", (b) => b.attrs.band_fit === a.band_fit), d.id).toBe(true);
      if (a.kind === "cpu") expect(has("motherboard", (m) => m.attrs.socket === a.socket), d.id).toBe(true);
      if (typeof a.ports === "object") {
        const size = a.screen_in as number;
        expect(has("laptop-bag", (b) => (b.attrs.fits_screen_in_min as number) <= size && size <= (b.attrs.fits_screen_in_max as number)), d.id).toBe(true);
      }
    }
    expect(new Set(devices.map((d) => d.attrs.connector).filter(Boolean))).toEqual(new Set(["usb-c", "lightning", "micro-usb", "dc-barrel"]));
  });

  it("has flagship, mid and budget devices in the big families", () => {
    for (const kind of ["smartphone", "tablet", "gaming-laptop", "mirrorless-camera", "smartwatch"]) {
      expect(new Set(ofKind(kind).map((p) => p.attrs.tier)), kind).toEqual(new Set(["flagship", "mid", "budget"]));
    }
  });

  it("has new launches, clearance, end-of-life and out-of-stock items, margins and costs", () => {
    const newOnes = products.filter((p) => p.lifecycle === "new");
    expect(newOnes.length).toBeGreaterThan(10);
    expect(newOnes.some((p) => p.attrs.device_model !== undefined)).toBe(true);
    const threeWeeksBeforeEnd = new Date(WINDOW_END_MS - 21 * 86_400_000).toISOString().slice(0, 10);
    for (const p of newOnes) expect(p.launchedAt >= threeWeeksBeforeEnd, `${p.id} ${p.launchedAt}`).toBe(true);
    const clearance = products.filter((p) => p.lifecycle === "clearance");
    expect(clearance.length).toBeGreaterThan(20);
    for (const p of clearance) expect(p.listPrice! > p.price || p.listPrice === p.price).toBe(true);
    expect(clearance.some((p) => p.listPrice! > p.price)).toBe(true);
    const eol = products.filter((p) => p.lifecycle === "eol");
    expect(eol.length).toBeGreaterThan(0);
    for (const p of eol) expect(p.stock).toBe(0);
    expect(products.some((p) => p.lifecycle === "active" && p.stock === 0)).toBe(true);
    for (const p of products) {
      expect(p.cost).toBeGreaterThan(0);
      expect(p.margin).toBeGreaterThan(-0.05);
      expect(p.margin).toBeLessThan(0.9);
      expect(p.launchedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("writes the catalog contract", () => {
    const row = JSON.parse(catalogLine(products[0]!));
    expect(Object.keys(row).slice(0, 10)).toEqual(["id", "title", "brand", "category", "price", "currency", "attrs", "stock", "lifecycle", "launched_at"]);
    expect(row.currency).toBe("EUR");
    expect(Array.isArray(row.category)).toBe(true);
  });

  it("depends on the seed", () => {
    const again = buildCatalog(42, DEFAULT_PRODUCTS);
    expect(again.products.map(catalogLine)).toEqual(products.map(catalogLine));
    const other = buildCatalog(7, DEFAULT_PRODUCTS);
    expect(other.products.map(catalogLine)).not.toEqual(products.map(catalogLine));
  });

  it("is documented: every attribute key and every category in docs/catalog-attributes.md", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/catalog-attributes.md"), "utf8");
    const documented = new Set<string>();
    for (const line of doc.split("\n")) {
      const firstCell = line.match(/^\| ([^|]+)\|/)?.[1] ?? "";
      for (const m of firstCell.matchAll(/`([a-z0-9_]+)`/g)) documented.add(m[1]!);
    }
    const used = new Set(products.flatMap((p) => Object.keys(p.attrs)));
    expect([...used].filter((key) => !documented.has(key))).toEqual([]);
    for (const leaf of Object.values(LEAVES)) expect(doc, leaf.kind).toContain(`| ${leaf.path.join(" > ")} | \`${leaf.kind}\` | ${leaf.sku} |`);
  });
});
