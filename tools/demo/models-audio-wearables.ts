/**
 * @module
 * Earbuds, headphones, speakers and soundbars (data/audio.jsonl), smartwatches (watches), watch bands
 * (watch-bands), fitness trackers and rings (wearables). Earbuds made by a phone maker carry
 * `official_for_brand`; watches and bands meet on `band_fit`.
 */
import { z } from "zod";
import { readTable } from "./read-table";
import { modelRow } from "./standalone";
import { BAND_FITS } from "./vocabulary";

const watchModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  bandFit: z.enum(BAND_FITS),
  caseMm: z.number(),
  os: z.string(),
  colors: z.array(z.string()),
  lte: z.boolean(),
  outdoor: z.boolean().optional(),
  launched: z.string(),
  lifecycle: z.enum(["new", "clearance"]).optional(),
});

/** A band line, sold in each of its colours; `official` is the watch maker it comes from. */
const bandLine = z.strictObject({
  brand: z.string(),
  line: z.string(),
  price: z.number(),
  bandFit: z.enum(BAND_FITS),
  colors: z.array(z.string()),
  official: z.string().optional(),
});

export const AUDIO = readTable("audio", modelRow);
export const WATCHES = readTable("watches", watchModel);
export const BAND_LINES = readTable("watch-bands", bandLine);
export const WEARABLES_OTHER = readTable("wearables", modelRow);
