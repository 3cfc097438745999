/**
 * @module
 * Reading a configuration document the edge keeps in KV (stock and rules overlays, slot plans, experiments): on
 * the hot path an absent or unreadable document means "nothing configured", never an error.
 */
import type { z } from "zod";

/** `text` parsed as JSON and validated by `schema`; null when absent, not JSON or not valid. */
export function parseStoredDocument<S extends z.ZodType>(schema: S, text: string | null): z.output<S> | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
