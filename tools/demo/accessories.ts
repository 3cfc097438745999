/**
 * @module
 * Accessories that fit by a shared attribute rather than by model: chargers, cables and power banks (connector,
 * wattage, MagSafe), styluses (pen protocol), watch bands (band_fit), lenses (lens_mount), memory cards
 * (card_type), camera bags, tripods and laptop bags (screen size range).
 */
import { brandPrior } from "./brands";
import { BAND_LINES } from "./models-audio-wearables";
import { LAPTOP_BAGS } from "./models-home-office";
import { CAMERA_BAGS, LENSES, MEMORY_CARDS, TRIPODS } from "./models-imaging";
import { CABLES, CHARGERS, POWER_BANKS, STYLUSES } from "./models-power";
import type { CatalogBuilder } from "./product";
import type { Rng } from "../../core/random/rng";
import { formatStorage, type LensMount, type Scenario } from "./vocabulary";

const MOUNT_NAME: Record<LensMount, string> = { "sony-e": "Sony E", "canon-rf": "Canon RF", "nikon-z": "Nikon Z", "fujifilm-x": "Fujifilm X", "l-mount": "L-Mount", mft: "Micro Four Thirds" };

export function addAccessories(builder: CatalogBuilder, rng: Rng): void {
  const pop = (brand: string, official?: string) => brandPrior(brand) * (official ? 1.4 : 1) * rng.logNormal(1, 0.5);

  for (const c of CHARGERS) {
    const travel: Scenario[] = c.ports >= 2 && c.outputW >= 45 ? ["travel"] : [];
    builder.add({
      leaf: "chargers", brand: c.brand, title: `${c.brand} ${c.name}`, price: c.price,
      attrs: { charging: c.charging, output_w: c.outputW, connectors: c.connectors, ports_count: c.ports, cable_included: c.cableIncluded, ...(c.official ? { official_for_brand: c.official } : {}) },
      scenarios: travel, popularity: pop(c.brand, c.official), launched: `202${rng.between(3, 5)}-0${rng.between(1, 9)}`,
    });
  }
  for (const c of CABLES) {
    builder.add({
      leaf: "cables", brand: c.brand, title: `${c.brand} ${c.name}`, price: c.price,
      attrs: { connectors: c.connectors, host_connector: c.host, length_m: c.lengthM, max_w: c.maxW, ...(c.official ? { official_for_brand: c.official } : {}) },
      popularity: pop(c.brand, c.official),
    });
  }
  for (const p of POWER_BANKS) {
    builder.add({
      leaf: "power-banks", brand: p.brand, title: `${p.brand} ${p.name}`, price: p.price,
      attrs: { capacity_mah: p.capacityMah, output_w: p.outputW, connectors: p.connectors, magsafe: p.magsafe, ...(p.official ? { official_for_brand: p.official } : {}) },
      scenarios: ["travel", "outdoor"], popularity: pop(p.brand, p.official),
    });
  }
  for (const { brand, name, protocol, price, official } of STYLUSES) {
    builder.add({ leaf: "styluses", brand, title: `${brand} ${name}`, price, attrs: { stylus_protocol: protocol, ...(official ? { official_for_brand: official } : {}) }, popularity: pop(brand, official) });
  }
  for (const { bandFit: fit, brand, line, price, colors, official } of BAND_LINES) {
    colors.forEach((color, i) => {
      builder.add({
        leaf: "watch-bands", brand, title: `${brand} ${line}, ${color}`, price,
        attrs: { band_fit: fit, color, ...(official ? { official_for_brand: official } : {}) },
        scenarios: /Trail|Ocean|Rugged|Sport|Active|PeakForm|QuickFit 22 Silicone/.test(line) ? ["outdoor"] : [],
        popularity: pop(brand, official) / (1 + i * 0.4),
      });
    });
  }
  for (const lens of LENSES) {
    for (const mount of lens.mounts) {
      const thirdParty = lens.mounts.length > 1 || !["Sony", "Canon", "Nikon", "Fujifilm", "Panasonic", "OM System"].includes(lens.brand);
      const focal = lens.name.match(/(\d+)(?:-(\d+))?mm/);
      builder.add({
        leaf: "lenses", brand: lens.brand, title: `${lens.brand} ${lens.name}${thirdParty ? ` for ${MOUNT_NAME[mount]}` : ""}`, price: lens.price,
        attrs: { lens_mount: mount, lens_type: focal?.[2] ? "zoom" : "prime", ...(focal ? { focal_mm: focal[2] ? [focal[1] as string, focal[2]].join("-") : (focal[1] as string) } : {}) },
        scenarios: ["photography"], popularity: pop(lens.brand) * (lens.price < 700 ? 1.5 : 1),
      });
    }
  }
  for (const card of MEMORY_CARDS) {
    card.prices.forEach(({ capacityGb: gb, price }, i) => {
      builder.add({
        leaf: "memory-cards", brand: card.brand, title: `${card.brand} ${card.name} ${formatStorage(gb)}`, price,
        attrs: { card_type: card.card, capacity_gb: gb, speed_class: card.speedClass, read_mbps: card.readMbps },
        scenarios: card.card === "microsd" ? ["photography", "outdoor"] : card.card === "microsd-express" ? ["gaming"] : ["photography"],
        popularity: pop(card.brand) * (i === 1 ? 1.3 : 1),
      });
    });
  }
  for (const bag of CAMERA_BAGS) {
    builder.add({
      leaf: "camera-bags", brand: bag.brand, title: `${bag.brand} ${bag.name}`, price: bag.price,
      attrs: { bag_size: bag.size, style: bag.style }, scenarios: bag.travel ? ["photography", "travel"] : ["photography"], popularity: pop(bag.brand),
    });
  }
  for (const t of TRIPODS) {
    builder.add({
      leaf: "tripods", brand: t.brand, title: `${t.brand} ${t.name}`, price: t.price,
      attrs: { max_load_kg: t.maxLoadKg }, scenarios: t.travel ? ["photography", "travel"] : ["photography"], popularity: pop(t.brand),
    });
  }
  for (const { brand, name, style, fitsScreenInMin: min, fitsScreenInMax: max, price, scenarios } of LAPTOP_BAGS) {
    builder.add({
      leaf: "laptop-bags", brand, title: `${brand} ${name}`, price,
      attrs: { style, fits_screen_in_min: min, fits_screen_in_max: max }, scenarios, popularity: pop(brand),
    });
  }
}
