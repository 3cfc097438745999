/**
 * @module
 * Smart home by ecosystem (data/smart-home.jsonl), computer accessories (computer-accessories: mice, keyboards,
 * webcams, external storage, docks with the host port they need) and laptop bags with the screen sizes they take
 * (laptop-bags).
 */
import { z } from "zod";
import { MODEL } from "./model-fields";
import { readTable } from "./read-table";
import { modelRow } from "./model-row";
import { SCENARIOS } from "./vocabulary";

const laptopBag = z.strictObject({
  ...MODEL, style: z.string(), fitsScreenInMin: z.number(), fitsScreenInMax: z.number(), scenarios: z.array(z.enum(SCENARIOS)),
});

export const SMART_HOME = readTable("smart-home", modelRow);
export const COMPUTER_ACCESSORIES = readTable("computer-accessories", modelRow);
export const LAPTOP_BAGS = readTable("laptop-bags", laptopBag);
