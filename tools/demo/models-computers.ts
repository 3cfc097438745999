/**
 * @module
 * Laptops, PC components and monitors (data/laptops.jsonl, cpus, motherboards, ram-kits, gpus, monitors, ssds,
 * cpu-coolers, psus): real-sounding model lines with the specs compatibility rests on (screen size for bags,
 * charging connector and wattage, CPU socket and memory type, GPU power needs).
 */
import { z } from "zod";
import { COLORS, launch, MODEL } from "./model-fields";
import { readTable } from "./read-table";
import { HOST_PORTS, MEMORY_TYPES, SCENARIOS, SOCKETS } from "./vocabulary";

export const LAPTOPS = readTable("laptops", z.strictObject({
  leaf: z.enum(["gaming-laptops", "ultrabooks", "everyday-laptops", "two-in-one-laptops", "chromebooks"]),
  ...MODEL,
  screenIn: z.number(),
  cpu: z.string(),
  gpu: z.string(),
  ramGb: z.number(),
  storageGb: z.number(),
  /** Charging connector; "dc-barrel" means a proprietary power brick. */
  connector: z.enum(["usb-c", "dc-barrel"]),
  maxChargeW: z.number(),
  ports: z.array(z.enum(HOST_PORTS)),
  weightKg: z.number(),
  refreshHz: z.number(),
  os: z.enum(["windows", "macos", "chromeos"]),
  ...launch(["new", "clearance", "eol"]),
  scenarios: z.array(z.enum(SCENARIOS)).optional(),
}));

const socket = z.enum(SOCKETS);
const memoryType = z.enum(MEMORY_TYPES);
export const CPUS = readTable("cpus", z.strictObject({
  ...MODEL, socket, memoryTypes: z.array(memoryType), cores: z.number(), tdpW: z.number(), ...launch(["clearance", "eol"]),
}));

export const MOTHERBOARDS = readTable("motherboards", z.strictObject({
  ...MODEL, socket, memoryType, formFactor: z.enum(["atx", "matx", "itx"]),
}));

export const RAM_KITS = readTable("ram-kits", z.strictObject({
  brand: z.string(), line: z.string(), price: z.number(),
  memoryType, capacityGb: z.number(), sticks: z.number(), speedMts: z.number(), colors: COLORS,
}));

export const GPUS = readTable("gpus", z.strictObject({
  ...MODEL, chip: z.string(), vramGb: z.number(), psuMinW: z.number(), ...launch(["clearance"]),
}));

export const MONITORS = readTable("monitors", z.strictObject({
  ...MODEL, gaming: z.boolean(), screenIn: z.number(), resolution: z.string(), refreshHz: z.number(), panel: z.string(), usbC: z.boolean(),
}));

export const SSDS = readTable("ssds", z.strictObject({
  brand: z.string(), name: z.string(), iface: z.enum(["nvme-pcie5", "nvme-pcie4", "sata"]), formFactor: z.enum(["m.2-2280", "2.5in"]),
  prices: z.array(z.strictObject({ capacityGb: z.number(), price: z.number() })),
}));

export const COOLERS = readTable("cpu-coolers", z.strictObject({
  ...MODEL, type: z.enum(["air", "aio"]), sockets: z.array(socket),
}));

export const PSUS = readTable("psus", z.strictObject({
  ...MODEL, outputW: z.number(), rating: z.string(),
}));
