/**
 * @module
 * Consoles and handhelds (data/consoles.jsonl: `platform`, card slot), and the gaming range (data/gaming.jsonl):
 * controllers and headsets with the `platforms` they work with, gaming keyboards, mice, mouse pads and VR headsets.
 */
import { z } from "zod";
import { COLORS, launch, MODEL } from "./model-fields";
import { readTable } from "./read-table";
import { modelRow } from "./model-row";
import { CARD_TYPES, PLATFORMS } from "./vocabulary";

const consoleModel = z.strictObject({
  ...MODEL, platform: z.enum(PLATFORMS), storageGb: z.number(), card: z.enum(CARD_TYPES).optional(), handheld: z.boolean(), colors: COLORS,
  ...launch(["clearance"]),
});

export const CONSOLES = readTable("consoles", consoleModel);
export const GAMING = readTable("gaming", modelRow);
