/**
 * @module
 * What an experiment is: variants with weights and a `VariantConfig` each, a salt, an assignment unit, an
 * optional placement and time window. The same zod schemas validate the admin API's bodies and the
 * `cfg/experiments` document the worker reads from KV.
 */
import { z } from "zod";
import { parseStoredDocument } from "../stored-document";
import { PLACEMENTS, REASON_CODES, SLOT_KINDS } from "../types";

/**
 * What an experiment variant may change for the requests assigned to it. Every field is optional: an empty
 * config serves the default behaviour.
 */
const variantConfigSchema = z.strictObject({
  holdout: z.boolean().optional().meta({ description: "Serve no recommendations (a holdout control)" }),
  slot_size: z.number().int().min(1).max(50).optional().meta({ description: "Items per slot" }),
  max_slots: z.number().int().min(0).max(10).optional().meta({ description: "Most slots per answer" }),
  down_sell_after_dwell_ms: z.number().int().min(0).max(3_600_000).optional().meta({ description: "Show the down-sell slot only after this dwell on the anchor" }),
  copy: z.partialRecord(z.enum(SLOT_KINDS), z.string().min(1).max(120)).optional().meta({ description: "Slot titles by slot kind" }),
  weights: z.partialRecord(z.enum(REASON_CODES), z.number().min(0).max(100)).optional().meta({ description: "Score multipliers by source" }),
});
export type VariantConfig = z.infer<typeof variantConfigSchema>;

const name = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . - only");

const variantSchema = z.object({
  name,
  weight: z.number().positive().max(1_000_000),
  config: variantConfigSchema.default({}),
});

export const EXPERIMENT_UNITS = ["session", "user"] as const;
export const EXPERIMENT_STATUSES = ["draft", "running", "stopped"] as const;

export const variantsSchema = z
  .array(variantSchema)
  .min(2)
  .max(10)
  .refine((variants) => new Set(variants.map((v) => v.name)).size === variants.length, "variant names must be unique");

/** One experiment as published to KV (only running ones are). */
export const publishedExperimentSchema = z.object({
  id: name,
  salt: z.string().min(1).max(128),
  unit: z.enum(EXPERIMENT_UNITS),
  placement: z.enum(PLACEMENTS).nullable(),
  starts_at: z.number().int().nullable(),
  ends_at: z.number().int().nullable(),
  variants: variantsSchema,
});
export type PublishedExperiment = z.infer<typeof publishedExperimentSchema>;

/** The `cfg/experiments` KV document. */
const experimentsDocumentSchema = z.object({
  published_at: z.number(),
  experiments: z.array(publishedExperimentSchema),
});
export type ExperimentsDocument = z.infer<typeof experimentsDocumentSchema>;

/** The variant analyses compare against: the one named "control", else the first. */
export function controlVariant(variants: readonly { name: string }[]): string {
  return (variants.find((v) => v.name === "control") ?? variants[0]).name;
}

/** Parses the KV text; an absent or unreadable document means "no experiments", never an error on the hot path. */
export function parseExperimentsDocument(text: string | null): ExperimentsDocument {
  return parseStoredDocument(experimentsDocumentSchema, text) ?? { published_at: 0, experiments: [] };
}
