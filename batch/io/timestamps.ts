/**
 * @module
 * Timestamps in input files: ISO-8601 strings or unix seconds.
 */

/** Unix seconds, or undefined when the value is neither a finite number nor a parseable ISO-8601 string. */
export function toUnixSeconds(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.length > 0) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  return undefined;
}
