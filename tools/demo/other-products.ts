/**
 * @module
 * The rest of the shop's range: audio, wearables, gaming peripherals, smart home, computer accessories,
 * monitors and the PC components that are not sold as devices (motherboards, RAM, SSDs, coolers, power supplies).
 */
import { brandPrior } from "./brands";
import { AUDIO, WEARABLES_OTHER } from "./models-audio-wearables";
import { COOLERS, MONITORS, MOTHERBOARDS, PSUS, RAM_KITS, SSDS } from "./models-computers";
import { GAMING } from "./models-gaming";
import { COMPUTER_ACCESSORIES, SMART_HOME } from "./models-home-office";
import type { CatalogBuilder } from "./product";
import type { Rng } from "../../core/random/rng";
import type { ModelRow } from "./model-row";
import { formatStorage, LAYOUTS, slug } from "./vocabulary";

export function addRange(builder: CatalogBuilder, rng: Rng): void {
  const pop = (brand: string) => brandPrior(brand) * rng.logNormal(1, 0.5);
  const addRow = (row: ModelRow) => {
    const variants = row.colors ?? [undefined];
    const key = row.variant ?? "color";
    const rowPop = row.popularity ?? pop(row.brand);
    variants.forEach((variant, i) => {
      builder.add({
        leaf: row.leaf, brand: row.brand,
        title: variant === undefined ? `${row.brand} ${row.name}` : `${row.brand} ${row.name}, ${variant}`,
        price: row.price,
        attrs: { ...row.attrs, ...(variant === undefined ? {} : { [key]: key === "color" ? variant : (LAYOUTS[variant] ?? slug(variant)) }) },
        scenarios: row.scenarios ?? [],
        popularity: rowPop / (1 + i * 0.5),
        ...(row.launched ? { launched: row.launched } : {}),
        ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
      });
    });
  };
  [...AUDIO, ...WEARABLES_OTHER, ...GAMING, ...SMART_HOME, ...COMPUTER_ACCESSORIES].forEach(addRow);

  for (const m of MONITORS) {
    builder.add({
      leaf: m.gaming ? "gaming-monitors" : "office-monitors", brand: m.brand,
      title: `${m.brand} ${m.name} ${m.screenIn}" ${m.resolution.replace("x", " x ")} ${m.refreshHz} Hz ${m.panel.toUpperCase()}`, price: m.price,
      attrs: { screen_in: m.screenIn, resolution: m.resolution, refresh_hz: m.refreshHz, panel: m.panel, inputs: m.usbC ? ["hdmi", "displayport", "usb-c"] : ["hdmi", "displayport"] },
      scenarios: m.gaming ? ["gaming"] : ["home-office"], popularity: pop(m.brand),
    });
  }
  for (const b of MOTHERBOARDS) {
    builder.add({
      leaf: "motherboards", brand: b.brand, title: `${b.brand} ${b.name} (${b.socket.toUpperCase()}, ${b.memoryType.toUpperCase()}, ${b.formFactor === "matx" ? "Micro-ATX" : b.formFactor === "itx" ? "Mini-ITX" : "ATX"})`, price: b.price,
      attrs: { socket: b.socket, memory_type: b.memoryType, form_factor: b.formFactor }, scenarios: /ROG|AORUS|TOMAHAWK|GAMING/.test(b.name) ? ["gaming"] : [], popularity: pop(b.brand),
    });
  }
  for (const r of RAM_KITS) {
    r.colors.forEach((color, i) => {
      const per = r.capacityGb / r.sticks;
      builder.add({
        leaf: "ram", brand: r.brand, title: `${r.brand} ${r.line} ${r.memoryType.toUpperCase()} ${r.capacityGb} GB (${r.sticks}x${per} GB) ${r.speedMts} MT/s, ${color}`, price: r.price,
        attrs: { memory_type: r.memoryType, capacity_gb: r.capacityGb, modules: r.sticks, speed_mts: r.speedMts, color }, scenarios: r.line.includes("RGB") ? ["gaming"] : [], popularity: pop(r.brand) / (1 + i * 0.6),
      });
    });
  }
  for (const s of SSDS) {
    for (const { capacityGb: gb, price } of s.prices) {
      builder.add({
        leaf: "ssds", brand: s.brand, title: `${s.brand} ${s.name} ${formatStorage(gb)} ${s.iface === "sata" ? "SATA 2.5\"" : `NVMe ${s.iface === "nvme-pcie5" ? "PCIe 5.0" : "PCIe 4.0"} M.2`} SSD`, price,
        attrs: { interface: s.iface, form_factor: s.formFactor, capacity_gb: gb }, popularity: pop(s.brand),
      });
    }
  }
  for (const c of COOLERS) {
    builder.add({ leaf: "cpu-coolers", brand: c.brand, title: `${c.brand} ${c.name}`, price: c.price, attrs: { cooler_type: c.type, sockets: c.sockets }, popularity: pop(c.brand) });
  }
  for (const p of PSUS) {
    builder.add({ leaf: "psus", brand: p.brand, title: `${p.brand} ${p.name} ${p.outputW} W`.replace(/ (\d+)W (\d+) W$/, " $1W"), price: p.price, attrs: { output_w: p.outputW, efficiency: p.rating }, popularity: pop(p.brand) });
  }
}
