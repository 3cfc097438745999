/**
 * @module
 * The one reading of a timestamp, shared by every contract that carries one (orders and events files,
 * `POST /v1/events`): ISO-8601 text or unix seconds, normalised to whole unix seconds (rounded down), from
 * 1970-01-01 up to 2100-01-01. A larger number is refused rather than guessed at: it is usually milliseconds.
 */
import { z } from "zod";

const TIMESTAMP_RANGE = {
  /** 1970-01-01T00:00:00Z. */
  min: 0,
  /** 2100-01-01T00:00:00Z. */
  max: 4_102_444_800,
} as const;

export const TIMESTAMP_PROBLEM = "must be ISO-8601 or unix seconds between 1970 and 2100";

/** Whole unix seconds, or undefined when the value is no timestamp in range. */
export function unixSeconds(value: unknown): number | undefined {
  const seconds = typeof value === "number" ? value : typeof value === "string" && value.length > 0 ? Date.parse(value) / 1000 : Number.NaN;
  return seconds >= TIMESTAMP_RANGE.min && seconds <= TIMESTAMP_RANGE.max ? Math.floor(seconds) : undefined;
}

/** `unixSeconds` as a schema: parses to whole unix seconds, or fails naming the field. */
export const timestampSchema = z
  .union([z.string().min(1).max(40), z.number()])
  .transform((value, ctx) => {
    const seconds = unixSeconds(value);
    if (seconds === undefined) {
      ctx.addIssue({ code: "custom", message: TIMESTAMP_PROBLEM });
      return z.NEVER;
    }
    return seconds;
  })
  .meta({ description: "ISO-8601 or unix seconds" });
