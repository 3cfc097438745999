/**
 * @module
 * Chargers, cables, power banks and styluses (data/chargers.jsonl, cables, power-banks, styluses). `connectors`
 * lists the device-side plugs an item can power out of the box; `outputW` is what it delivers, compared with a
 * device's `max_charge_w`; `official` is the brand it is the maker's own accessory for.
 */
import { z } from "zod";
import { MODEL } from "./model-fields";
import { readTable } from "./read-table";
import { CHARGING, CONNECTORS, STYLUS_PROTOCOLS } from "./vocabulary";

const connectors = z.array(z.enum(CONNECTORS));
const official = z.string().optional();
const chargerModel = z.strictObject({
  ...MODEL, charging: z.enum(CHARGING), outputW: z.number(), connectors, ports: z.number(), cableIncluded: z.boolean(), official,
});
const cableModel = z.strictObject({ ...MODEL, connectors, host: z.enum(["usb-c", "usb-a"]), lengthM: z.number(), maxW: z.number(), official });
const powerBankModel = z.strictObject({ ...MODEL, capacityMah: z.number(), outputW: z.number(), connectors, magsafe: z.boolean(), official });
const stylusModel = z.strictObject({ ...MODEL, protocol: z.enum(STYLUS_PROTOCOLS), official });

export const CHARGERS = readTable("chargers", chargerModel);
export const CABLES = readTable("cables", cableModel);
export const POWER_BANKS = readTable("power-banks", powerBankModel);
export const STYLUSES = readTable("styluses", stylusModel);
