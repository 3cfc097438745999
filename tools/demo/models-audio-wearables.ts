/**
 * @module
 * Earbuds, headphones, speakers and soundbars (data/audio.jsonl), smartwatches (watches), watch bands
 * (watch-bands), fitness trackers and rings (wearables). Earbuds made by a phone maker carry
 * `official_for_brand`; watches and bands meet on `band_fit`.
 */
import { z } from "zod";
import { COLORS, launch, MODEL } from "./model-fields";
import { readTable } from "./read-table";
import { modelRow } from "./model-row";
import { BAND_FITS } from "./vocabulary";

const bandFit = z.enum(BAND_FITS);
const watchModel = z.strictObject({
  ...MODEL, bandFit, caseMm: z.number(), os: z.string(), colors: COLORS, lte: z.boolean(), outdoor: z.boolean().optional(),
  ...launch(["new", "clearance"]),
});
/** A band line, sold in each of its colours; `official` is the watch maker it comes from. */
const bandLine = z.strictObject({ brand: z.string(), line: z.string(), price: z.number(), bandFit, colors: COLORS, official: z.string().optional() });

export const AUDIO = readTable("audio", modelRow);
export const WATCHES = readTable("watches", watchModel);
export const BAND_LINES = readTable("watch-bands", bandLine);
export const WEARABLES_OTHER = readTable("wearables", modelRow);
