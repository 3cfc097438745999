/**
 * @module
 * Chargers, cables, power banks and styluses (data/chargers.jsonl, cables, power-banks, styluses). `connectors`
 * lists the device-side plugs an item can power out of the box; `outputW` is what it delivers, compared with a
 * device's `max_charge_w`; `official` is the brand it is the maker's own accessory for.
 */
import { z } from "zod";
import { readTable } from "./read-table";
import { CHARGING, CONNECTORS, STYLUS_PROTOCOLS } from "./vocabulary";

const chargerModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  charging: z.enum(CHARGING),
  outputW: z.number(),
  connectors: z.array(z.enum(CONNECTORS)),
  ports: z.number(),
  cableIncluded: z.boolean(),
  official: z.string().optional(),
});

const cableModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  connectors: z.array(z.enum(CONNECTORS)),
  host: z.enum(["usb-c", "usb-a"]),
  lengthM: z.number(),
  maxW: z.number(),
  official: z.string().optional(),
});

const powerBankModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  capacityMah: z.number(),
  outputW: z.number(),
  connectors: z.array(z.enum(CONNECTORS)),
  magsafe: z.boolean(),
  official: z.string().optional(),
});

const stylusModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  protocol: z.enum(STYLUS_PROTOCOLS),
  official: z.string().optional(),
});

export const CHARGERS = readTable("chargers", chargerModel);
export const CABLES = readTable("cables", cableModel);
export const POWER_BANKS = readTable("power-banks", powerBankModel);
export const STYLUSES = readTable("styluses", stylusModel);
