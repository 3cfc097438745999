/**
 * @module
 * The row shape of simple product tables (audio, wearables, gaming, smart home, computer accessories): one row a
 * model, optionally sold in several colours, each colour its own product.
 */
import { z } from "zod";
import { LEAVES, type LeafKey } from "./category-tree";
import { COLORS, MODEL } from "./model-fields";
import { SCENARIOS } from "./vocabulary";

const attrValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const modelRow = z.strictObject({
  leaf: z.custom<LeafKey>((value) => typeof value === "string" && Object.hasOwn(LEAVES, value), "not a leaf of the category tree"),
  ...MODEL,
  colors: COLORS.optional(),
  /** Attribute the `colors` entries vary (default "color"); values of other keys are slugged ("de-qwertz"). */
  variant: z.string().optional(),
  attrs: z.record(z.string(), attrValue),
  scenarios: z.array(z.enum(SCENARIOS)).optional(),
  popularity: z.number().optional(),
  launched: z.string().optional(),
  lifecycle: z.enum(["new", "clearance", "eol"]).optional(),
});
export type ModelRow = z.infer<typeof modelRow>;
