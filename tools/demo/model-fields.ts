/**
 * @module
 * Fields most catalogue tables share, for their schemas: who makes a model, its name and base price (EUR), and
 * when it came out and which lifecycle stage it is in (active when absent).
 */
import { z } from "zod";

export const MODEL = { brand: z.string(), name: z.string(), price: z.number() };

/** `launched` ("YYYY-MM" or "YYYY-MM-DD") and the lifecycle stages the table's models may be in. */
export function launch<const Stages extends readonly [string, ...string[]]>(stages: Stages) {
  return { launched: z.string(), lifecycle: z.enum(stages).optional() };
}

export const COLORS = z.array(z.string());
