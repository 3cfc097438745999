/**
 * @module
 * Turns the model tables into device products: one product per sellable variant (storage x colour, laptop
 * configuration, body or kit, standard or combo), all variants of a model sharing one `device_model` slug that
 * model-specific accessories point at.
 */
import { brandPrior, shortName } from "./brands";
import type { LeafKey } from "./category-tree";
import { CONSOLES } from "./models-gaming";
import { CPUS, GPUS, LAPTOPS } from "./models-computers";
import { ACTION_CAMERAS, CAMERAS, DRONES } from "./models-imaging";
import { PHONES, TABLETS, type HandheldModel } from "./models-phones";
import { WATCHES } from "./models-audio-wearables";
import type { Attrs, CatalogBuilder, Product, ProductSpec } from "./product";
import type { Rng } from "../../core/random/rng";
import { formatStorage, slug, type Scenario } from "./vocabulary";

export type DeviceFamily = "phone" | "tablet" | "laptop" | "gaming_laptop" | "camera" | "action_camera" | "drone" | "smartwatch" | "console" | "cpu" | "gpu";

export const FAMILY_LEAVES: Record<DeviceFamily, readonly LeafKey[]> = {
  phone: ["smartphones"],
  tablet: ["tablets"],
  laptop: ["ultrabooks", "everyday-laptops", "two-in-one-laptops", "chromebooks"],
  gaming_laptop: ["gaming-laptops"],
  camera: ["mirrorless"],
  action_camera: ["action-cameras"],
  drone: ["drones"],
  smartwatch: ["smartwatches"],
  console: ["consoles"],
  cpu: ["cpus"],
  gpu: ["gpus"],
};

export const DEVICE_FAMILIES = Object.keys(FAMILY_LEAVES) as DeviceFamily[];

export const FAMILY_OF_LEAF: Partial<Record<LeafKey, DeviceFamily>> = Object.fromEntries(
  DEVICE_FAMILIES.flatMap((family) => FAMILY_LEAVES[family].map((leaf) => [leaf, family])),
);

export interface DeviceModel {
  /** The `device_model` slug, e.g. "samsung-galaxy-s25-ultra". */
  slug: string;
  family: DeviceFamily;
  brand: string;
  name: string;
  /** How accessory titles name it: "Galaxy S25 Ultra". */
  short: string;
  launched: string;
  lifecycle?: ProductSpec["lifecycle"];
  products: Product[];
}

type Variant = { title: string; price: number; attrs: Attrs; share: number };

const SHARES = [0.5, 0.3, 0.2, 0.12];

export function addDevices(builder: CatalogBuilder, rng: Rng): DeviceModel[] {
  const models: DeviceModel[] = [];
  const add = (
    family: DeviceFamily,
    leaf: LeafKey,
    brand: string,
    name: string,
    common: Attrs,
    variants: Variant[],
    meta: { launched: string; lifecycle?: ProductSpec["lifecycle"]; scenarios?: readonly Scenario[]; popularity?: number },
  ) => {
    const model: DeviceModel = {
      slug: slug(`${brand} ${name}`),
      family, brand, name,
      short: shortName(brand, name),
      launched: meta.launched,
      ...(meta.lifecycle ? { lifecycle: meta.lifecycle } : {}),
      products: [],
    };
    const modelPop = (meta.popularity ?? brandPrior(brand)) * rng.logNormal(1, 0.45);
    const shareSum = variants.reduce((a, v) => a + v.share, 0);
    for (const v of variants) {
      model.products.push(builder.add({
        leaf, brand, title: v.title, price: v.price,
        attrs: { device_model: model.slug, ...common, ...v.attrs },
        scenarios: meta.scenarios ?? [],
        popularity: (modelPop * v.share) / shareSum,
        launched: meta.launched,
        ...(meta.lifecycle ? { lifecycle: meta.lifecycle } : {}),
      }));
    }
    models.push(model);
  };

  const handheld = (family: "phone" | "tablet", m: HandheldModel) => {
    const step = m.brand === "Apple" ? (m.price >= 1000 ? 250 : 120) : Math.max(40, Math.round((m.price * 0.1) / 10) * 10);
    const colors = m.colors.slice(0, 3);
    const variants: Variant[] = [];
    m.storages.forEach((gb, si) => {
      colors.forEach((color, ci) => {
        variants.push({
          title: `${m.brand} ${m.name} ${formatStorage(gb)}, ${color}`,
          price: m.price + si * step,
          attrs: { storage_gb: gb, color },
          share: (SHARES[si] as number) * (SHARES[ci] as number),
        });
      });
    });
    const common: Attrs = {
      connector: m.connector, max_charge_w: m.maxChargeW, magsafe: m.magsafe, wireless_charging: m.wireless,
      screen_in: m.screenIn, ram_gb: m.ramGb, cpu: m.cpu, os: m.os,
      ...(m.card ? { card_type: m.card } : {}),
      ...(m.stylus ? { stylus_support: m.stylus } : {}),
    };
    add(family, family === "phone" ? "smartphones" : "tablets", m.brand, m.name, common, variants, {
      launched: m.launched,
      ...(m.lifecycle ? { lifecycle: m.lifecycle } : {}),
      scenarios: m.scenarios ?? [],
    });
  };
  PHONES.forEach((m) => handheld("phone", m));
  TABLETS.forEach((m) => handheld("tablet", m));

  for (const m of LAPTOPS) {
    const family: DeviceFamily = m.leaf === "gaming-laptops" ? "gaming_laptop" : "laptop";
    const configs: [number, number, number][] = [[m.ramGb, m.storageGb, m.price]];
    if (m.price >= 700 && m.lifecycle !== "new") {
      const upRam = m.ramGb < 32 ? m.ramGb * 2 : m.ramGb;
      configs.push([upRam, m.storageGb * 2, m.price * (upRam > m.ramGb ? 1.2 : 1.12)]);
    }
    const gpu = m.gpu.replace(/^NVIDIA GeForce /, "").replace(/^AMD /, "");
    const variants = configs.map(([ram, storage, price], i): Variant => ({
      title: `${m.brand} ${m.name} ${m.screenIn}" ${m.cpu}${family === "gaming_laptop" ? `, ${gpu}` : ""}, ${ram} GB RAM, ${formatStorage(storage)} SSD`,
      price: i === 0 ? m.price : Math.round(price / 10) * 10 - 1,
      attrs: { ram_gb: ram, storage_gb: storage },
      share: i === 0 ? 0.65 : 0.35,
    }));
    add(family, m.leaf, m.brand, m.name, {
      screen_in: m.screenIn, cpu: m.cpu, gpu: m.gpu, connector: m.connector, max_charge_w: m.maxChargeW, ports: m.ports,
      weight_kg: m.weightKg, refresh_hz: m.refreshHz, os: m.os,
    }, variants, { launched: m.launched, ...(m.lifecycle ? { lifecycle: m.lifecycle } : {}), scenarios: m.scenarios ?? [] });
  }

  for (const m of CAMERAS) {
    const variants: Variant[] = [{ title: `${m.brand} ${m.name} Body`, price: m.price, attrs: { kit_lens: "none" }, share: 0.55 }];
    if (m.kit) variants.push({ title: `${m.brand} ${m.name} + ${m.kit.lens} Kit`, price: m.price + m.kit.extraPrice, attrs: { kit_lens: m.kit.lens }, share: 0.45 });
    add("camera", "mirrorless", m.brand, m.name, { lens_mount: m.mount, card_type: m.card, sensor: m.sensor, megapixels: m.mp, connector: "usb-c" }, variants, {
      launched: m.launched, ...(m.lifecycle ? { lifecycle: m.lifecycle } : {}), scenarios: ["photography", ...(m.price < 1600 ? ["travel" as const] : [])],
    });
  }

  for (const m of ACTION_CAMERAS) {
    const variants: Variant[] = [{ title: `${m.brand} ${m.name}`, price: m.price, attrs: { bundle: "standard" }, share: 0.6 }];
    if (m.combo) variants.push({ title: `${m.brand} ${m.name} Adventure Combo`, price: m.price + m.combo, attrs: { bundle: "combo" }, share: 0.4 });
    add("action_camera", "action-cameras", m.brand, m.name, { card_type: m.card, waterproof_m: m.waterproofM, connector: "usb-c" }, variants, {
      launched: m.launched, ...(m.lifecycle ? { lifecycle: m.lifecycle } : {}), scenarios: ["outdoor", "travel"],
    });
  }

  for (const m of DRONES) {
    const variants: Variant[] = [
      { title: `${m.brand} ${m.name}`, price: m.price, attrs: { bundle: "standard" }, share: 0.55 },
      { title: `${m.brand} ${m.name} Fly More Combo`, price: m.price + m.combo, attrs: { bundle: "combo" }, share: 0.45 },
    ];
    add("drone", "drones", m.brand, m.name, { card_type: m.card, weight_g: m.weightG, flight_time_min: m.flightMin, connector: "usb-c" }, variants, {
      launched: m.launched, ...(m.lifecycle ? { lifecycle: m.lifecycle } : {}), scenarios: ["photography", "outdoor"],
    });
  }

  for (const m of WATCHES) {
    const variants = m.colors.map((color, i): Variant => ({ title: `${m.brand} ${m.name}, ${color}`, price: m.price, attrs: { color }, share: SHARES[i] as number }));
    if (m.brand === "Apple" && !m.name.includes("SE")) {
      variants.push({ title: `${m.brand} ${m.name} GPS + Cellular, ${m.colors[0]}`, price: m.price + 120, attrs: { color: m.colors[0] as string, lte: true }, share: 0.2 });
    }
    add("smartwatch", "smartwatches", m.brand, m.name, { band_fit: m.bandFit, case_mm: m.caseMm, os: m.os, lte: m.lte }, variants, {
      launched: m.launched, ...(m.lifecycle ? { lifecycle: m.lifecycle } : {}), scenarios: m.outdoor ? ["outdoor"] : [],
    });
  }

  for (const m of CONSOLES) {
    const variants = m.colors.map((color, i): Variant => ({ title: m.colors.length > 1 ? `${m.brand} ${m.name}, ${color}` : `${m.brand} ${m.name}`, price: m.price, attrs: { color }, share: SHARES[i] as number }));
    add("console", "consoles", m.brand, m.name, { platform: m.platform, storage_gb: m.storageGb, handheld: m.handheld, ...(m.card ? { card_type: m.card } : {}) }, variants, {
      launched: m.launched, ...(m.lifecycle ? { lifecycle: m.lifecycle } : {}), scenarios: m.handheld ? ["gaming", "travel"] : ["gaming"],
    });
  }

  for (const m of CPUS) {
    add("cpu", "cpus", m.brand, m.name, { socket: m.socket, memory_types: m.memoryTypes, cores: m.cores, tdp_w: m.tdpW }, [
      { title: `${m.brand} ${m.name} Processor, ${m.cores} Cores, Socket ${m.socket.toUpperCase()}`, price: m.price, attrs: {}, share: 1 },
    ], { launched: m.launched, ...(m.lifecycle ? { lifecycle: m.lifecycle } : {}), scenarios: m.name.includes("X3D") ? ["gaming"] : [] });
  }

  for (const m of GPUS) {
    add("gpu", "gpus", m.brand, m.name, { gpu: m.chip, vram_gb: m.vramGb, psu_w_min: m.psuMinW }, [
      { title: `${m.brand} ${m.name}`, price: m.price, attrs: {}, share: 1 },
    ], { launched: m.launched, ...(m.lifecycle ? { lifecycle: m.lifecycle } : {}), scenarios: ["gaming"] });
  }

  return models;
}
