/**
 * @module
 * Phone and tablet models the demo shop sells (data/phones.jsonl, data/tablets.jsonl): price ladders (flagship /
 * mid / budget per brand), storage and colour options, charging connector and speed, MagSafe, card slots. Prices
 * are the base storage in EUR.
 */
import { z } from "zod";
import { COLORS, launch, MODEL } from "./model-fields";
import { readTable } from "./read-table";
import { CARD_TYPES, CONNECTORS, SCENARIOS, STYLUS_PROTOCOLS } from "./vocabulary";

const handheldModel = z.strictObject({
  ...MODEL,
  os: z.enum(["ios", "ipados", "android", "fire-os"]),
  storages: z.array(z.number()),
  colors: COLORS,
  connector: z.enum(CONNECTORS),
  maxChargeW: z.number(),
  magsafe: z.boolean(),
  wireless: z.boolean(),
  screenIn: z.number(),
  ramGb: z.number(),
  cpu: z.string(),
  card: z.enum(CARD_TYPES).optional(),
  /** Tablets: the pens it pairs with. */
  stylus: z.array(z.enum(STYLUS_PROTOCOLS)).optional(),
  /** Tablets: the maker sells a keyboard cover for it. */
  keyboard: z.boolean().optional(),
  ...launch(["new", "clearance", "eol"]),
  scenarios: z.array(z.enum(SCENARIOS)).optional(),
});
export type HandheldModel = z.infer<typeof handheldModel>;

export const PHONES = readTable("phones", handheldModel);
export const TABLETS = readTable("tablets", handheldModel);
