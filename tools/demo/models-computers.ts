/**
 * @module
 * Laptops, PC components and monitors (data/laptops.jsonl, cpus, motherboards, ram-kits, gpus, monitors, ssds,
 * cpu-coolers, psus): real-sounding model lines with the specs compatibility rests on (screen size for bags,
 * charging connector and wattage, CPU socket and memory type, GPU power needs).
 */
import { z } from "zod";
import { readTable } from "./read-table";
import { HOST_PORTS, MEMORY_TYPES, SCENARIOS, SOCKETS } from "./vocabulary";

const laptopModel = z.strictObject({
  leaf: z.enum(["gaming-laptops", "ultrabooks", "everyday-laptops", "two-in-one-laptops", "chromebooks"]),
  brand: z.string(),
  name: z.string(),
  price: z.number(),
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
  launched: z.string(),
  lifecycle: z.enum(["new", "clearance", "eol"]).optional(),
  scenarios: z.array(z.enum(SCENARIOS)).optional(),
});

const cpuModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  socket: z.enum(SOCKETS),
  memoryTypes: z.array(z.enum(MEMORY_TYPES)),
  cores: z.number(),
  tdpW: z.number(),
  launched: z.string(),
  lifecycle: z.enum(["clearance", "eol"]).optional(),
});

const boardModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  socket: z.enum(SOCKETS),
  memoryType: z.enum(MEMORY_TYPES),
  formFactor: z.enum(["atx", "matx", "itx"]),
});

const ramKit = z.strictObject({
  brand: z.string(),
  line: z.string(),
  price: z.number(),
  memoryType: z.enum(MEMORY_TYPES),
  capacityGb: z.number(),
  sticks: z.number(),
  speedMts: z.number(),
  colors: z.array(z.string()),
});

const gpuModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  chip: z.string(),
  vramGb: z.number(),
  psuMinW: z.number(),
  launched: z.string(),
  lifecycle: z.enum(["clearance"]).optional(),
});

const monitorModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  gaming: z.boolean(),
  screenIn: z.number(),
  resolution: z.string(),
  refreshHz: z.number(),
  panel: z.string(),
  usbC: z.boolean(),
});

const ssdModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  iface: z.enum(["nvme-pcie5", "nvme-pcie4", "sata"]),
  formFactor: z.enum(["m.2-2280", "2.5in"]),
  prices: z.array(z.strictObject({ capacityGb: z.number(), price: z.number() })),
});

const coolerModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  type: z.enum(["air", "aio"]),
  sockets: z.array(z.enum(SOCKETS)),
});

const psuModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  outputW: z.number(),
  rating: z.string(),
});

export const LAPTOPS = readTable("laptops", laptopModel);
export const CPUS = readTable("cpus", cpuModel);
export const MOTHERBOARDS = readTable("motherboards", boardModel);
export const RAM_KITS = readTable("ram-kits", ramKit);
export const GPUS = readTable("gpus", gpuModel);
export const MONITORS = readTable("monitors", monitorModel);
export const SSDS = readTable("ssds", ssdModel);
export const COOLERS = readTable("cpu-coolers", coolerModel);
export const PSUS = readTable("psus", psuModel);
