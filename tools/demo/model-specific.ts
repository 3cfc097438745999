/**
 * @module
 * Accessories made for exactly one device model: phone cases and screen protectors, tablet cases, screen
 * protectors and keyboard covers, drone batteries. Each carries `fits_models: [device_model]` with one entry.
 */
import { z } from "zod";
import { brandPrior } from "./brands";
import type { LeafKey } from "./category-tree";
import type { DeviceModel } from "./devices";
import { DRONES } from "./models-imaging";
import { TABLETS } from "./models-phones";
import type { Attrs, CatalogBuilder, ProductSpec } from "./product";
import type { Rng } from "../../core/random/rng";
import { readTable } from "./read-table";
import { SCENARIOS, slug, type Scenario } from "./vocabulary";

/** Leaves whose products fit exactly one device model through `fits_models`. */
export const MODEL_SPECIFIC_LEAVES: readonly LeafKey[] = ["phone-cases", "screen-protectors", "tablet-cases", "tablet-protectors", "tablet-keyboards", "drone-batteries"];

const caseLine = z.strictObject({
  brand: z.string(), line: z.string(), price: z.number(), type: z.string(),
  magsafeLine: z.boolean(), scenarios: z.array(z.enum(SCENARIOS)), colors: z.array(z.string()),
});
const officialCase = z.strictObject({ brand: z.string(), line: z.string(), price: z.number(), type: z.string() });
const protectorLine = z.strictObject({ brand: z.string(), line: z.string(), price: z.number(), material: z.string(), pack: z.number() });

/** Third-party case lines, drawn per phone model. */
const CASE_LINES = readTable("phone-case-lines", caseLine);
/** The phone makers' own cases. */
const OFFICIAL_CASES = readTable("official-phone-cases", officialCase);
const PROTECTOR_LINES = readTable("screen-protector-lines", protectorLine);

const MAJOR = new Set(["Apple", "Samsung", "Google"]);

export function addModelSpecific(builder: CatalogBuilder, rng: Rng, models: readonly DeviceModel[]): void {
  const spec = (model: DeviceModel, leaf: LeafKey, brand: string, title: string, price: number, attrs: Attrs, scenarios: readonly Scenario[], pop: number): ProductSpec => ({
    leaf, brand, title, price,
    attrs: { fits_models: [model.slug], ...attrs, ...(brand === model.brand ? { official_for_brand: slug(brand) } : {}) },
    scenarios,
    popularity: pop * brandPrior(brand),
    launched: model.lifecycle === "new" ? model.launched : shiftMonth(model.launched, rng.between(0, 2)),
    ...(model.lifecycle === "new" ? { lifecycle: "new" as const } : model.lifecycle === "eol" ? { lifecycle: "clearance" as const } : {}),
  });

  for (const model of models) {
    const first = model.products[0];
    if (!first) continue;
    if (model.family === "phone") {
      const magsafePhone = first.attrs.magsafe === true;
      for (const { line, type, price } of OFFICIAL_CASES.filter((c) => c.brand === model.brand)) {
        if (line === "TechWoven Case" && !model.name.startsWith("iPhone 17") && !model.name.startsWith("iPhone Air")) continue;
        if (line === "Standing Grip Case" && !/S25|Fold|Flip/.test(model.name)) continue;
        const withMagsafe = model.brand === "Apple" && magsafePhone;
        const color = type === "clear" ? "Clear" : rng.pick(["Black", "Light Blue", "Sage", "Midnight", "Stone Grey"]);
        const title = `${model.brand} ${line}${withMagsafe ? " with MagSafe" : ""} for ${model.short}${color === "Clear" ? "" : `, ${color}`}`;
        builder.add(spec(model, "phone-cases", model.brand, title, price, { case_type: type, magsafe: withMagsafe || (model.brand === "Google" && magsafePhone), color }, [], 2.2));
      }
      const lines = rng.shuffle([...CASE_LINES]).filter((l) => l.brand !== "Nillkin" || model.brand !== "Apple").slice(0, MAJOR.has(model.brand) ? 6 : 2);
      for (const l of lines) {
        const color = rng.pick(l.colors);
        const magsafe = l.magsafeLine && magsafePhone;
        const name = l.line.endsWith("Case") ? l.line : `${l.line} Case`;
        builder.add(spec(model, "phone-cases", l.brand, `${l.brand} ${name}${magsafe ? " with MagSafe" : ""} for ${model.short}, ${color}`, l.price, { case_type: l.type, magsafe, color }, l.scenarios, 1));
      }
      const protectors = PROTECTOR_LINES.filter((p) => p.brand !== "Samsung" || model.brand === "Samsung");
      for (const { brand, line, material, price, pack } of rng.shuffle([...protectors]).slice(0, MAJOR.has(model.brand) ? 4 : 2)) {
        builder.add(spec(model, "screen-protectors", brand, `${brand} ${line} for ${model.short}`, price, { material, pack_count: pack, covers: "screen" }, [], 1));
      }
    }
    if (model.family === "tablet") {
      const official = model.brand === "Apple" ? `Smart Folio for ${model.short}` : model.brand === "Samsung" ? `Smart Book Cover for ${model.short}` : `Folio Case for ${model.short}`;
      builder.add(spec(model, "tablet-cases", model.brand, `${model.brand} ${official}, ${rng.pick(["Black", "Charcoal Grey", "Sky"])}`, model.brand === "Apple" ? 99 : 49.99, { case_type: "folio" }, [], 1.8));
      builder.add(spec(model, "tablet-cases", "ESR", `ESR Rebound Magnetic Case for ${model.short}, Black`, 29.99, { case_type: "folio" }, ["travel"], 1));
      builder.add(spec(model, "tablet-cases", "Spigen", `Spigen Rugged Armor Pro for ${model.short}, Black`, 34.99, { case_type: "rugged" }, ["outdoor"], 0.8));
      builder.add(spec(model, "tablet-protectors", "Paperlike", `Paperlike 2.1 Screen Protector for ${model.short} (2-Pack)`, 39.99, { material: "paper-feel-film", pack_count: 2, covers: "screen" }, [], 1));
      builder.add(spec(model, "tablet-protectors", "ESR", `ESR Tempered-Glass Screen Protector for ${model.short} (2-Pack)`, 19.99, { material: "tempered-glass", pack_count: 2, covers: "screen" }, [], 1));
      const table = TABLETS.find((t) => t.brand === model.brand && t.name === model.name);
      if (table?.keyboard) {
        const size = table.screenIn >= 12.5 ? 13 : 11;
        if (model.brand === "Apple") {
          const pro = model.name.includes("Pro");
          const folio = model.name.startsWith("iPad (");
          builder.add(spec(model, "tablet-keyboards", "Apple", `Apple Magic Keyboard${folio ? " Folio" : ""} for ${model.short}, German`, folio ? 269 : pro ? (size === 13 ? 399 : 349) : (size === 13 ? 319 : 299), { layout: "de-qwertz", trackpad: true }, ["home-office"], 1.5));
          builder.add(spec(model, "tablet-keyboards", "Logitech", `Logitech Combo Touch for ${model.short}, German`, size === 13 ? 229.99 : 199.99, { layout: "de-qwertz", trackpad: true }, ["home-office"], 1));
        } else {
          builder.add(spec(model, "tablet-keyboards", model.brand, `${model.brand} Keyboard Cover for ${model.short}, German`, model.brand === "Samsung" ? 179 : 99.99, { layout: "de-qwertz", trackpad: model.brand === "Samsung" }, ["home-office"], 1.2));
        }
      }
    }
    if (model.family === "drone") {
      const table = DRONES.find((d) => d.brand === model.brand && d.name === model.name);
      for (const { name, price } of table?.batteries ?? []) {
        builder.add(spec(model, "drone-batteries", model.brand, `${model.brand} ${model.name} ${name}`, price, {}, ["outdoor", "photography"], 1));
      }
    }
  }
}

/** Extra designs for the long tail: one more case or lens protector for a given phone or tablet model. */
export function extraModelSpecific(model: DeviceModel, rng: Rng): ProductSpec {
  const tablet = model.family === "tablet";
  const kind = tablet ? 0 : rng.weighted([0.75, 0.25]);
  const designs = ["Marble", "Botanical", "Retro Stripes", "Midnight Stars", "Camo", "Checkerboard", "Wavy Smiles", "Citrus", "Ocean Waves", "Mountain Line Art", "Holographic", "Monogram"];
  const colors = ["Black", "Navy", "Forest Green", "Sand", "Lavender", "Coral", "Sky Blue", "Burgundy", "Graphite", "Ivory"];
  if (!tablet && kind === 1) {
    const [brand, line, price] = rng.pick([["Spigen", "Optik.tR EZ Fit Camera Lens Protector (2-Pack)", 14.99], ["ESR", "Armorite Camera Lens Protector", 12.99], ["Belkin", "UltraGlass Camera Lens Protector", 24.99]] as const);
    return { leaf: "screen-protectors", brand, title: `${brand} ${line} for ${model.short}`, price, attrs: { fits_models: [model.slug], material: "tempered-glass", pack_count: 2, covers: "camera" }, popularity: 0.3, launched: model.launched, ...(model.lifecycle === "new" ? { lifecycle: "new" as const } : {}) };
  }
  const [brand, line, price, type] = tablet
    ? rng.pick([["ProCase", "Slim Stand Folio", 19.99, "folio"], ["JETech", "Smart Cover", 14.99, "folio"], ["OtterBox", "Statement Series Studio", 69.99, "folio"], ["Zugu", "Alpha Case", 59.99, "folio"]] as const)
    : rng.pick([["CASETiFY", "Impact Case", 59, "designer"], ["BURGA", "Tough Case", 39.95, "designer"], ["Ideal of Sweden", "Printed Case", 34.95, "designer"], ["Mous", "Limitless 5.0", 49.99, "rugged"], ["Spigen", "Cyrill Ultra Color", 24.99, "slim"], ["Pitaka", "MagEZ Case 5", 59.99, "slim"]] as const);
  const detail = type === "designer" ? rng.pick(designs) : rng.pick(colors);
  return {
    leaf: tablet ? "tablet-cases" : "phone-cases", brand,
    title: `${brand} ${line} for ${model.short}, ${detail}`, price,
    attrs: { fits_models: [model.slug], case_type: type, ...(tablet ? {} : { magsafe: false }), color: detail },
    popularity: 0.35,
    launched: model.launched,
    ...(model.lifecycle === "new" ? { lifecycle: "new" as const } : model.lifecycle === "eol" ? { lifecycle: "clearance" as const } : {}),
  };
}

function shiftMonth(launched: string, months: number): string {
  const [y, m] = launched.slice(0, 7).split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}
