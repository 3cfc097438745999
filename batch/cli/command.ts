/**
 * @module
 * The shape of an `edgerec` sub-command and the argument parsing they share.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

export interface Command {
  name: string;
  /** One line for `edgerec --help`. */
  summary: string;
  /** Full text for `edgerec <name> --help`. */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** A mistake in how the command was called; printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses flags, turning node's parse errors into a UsageError. Unknown flags are errors. */
export function parseFlags<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value.length === 0) throw new UsageError(`missing required flag --${flag}`);
  return value;
}

export function numberFlag(value: string | undefined, flag: string, fallback: number, range?: { min?: number; max?: number; integer?: boolean }): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, got "${value}"`);
  if (range?.integer && !Number.isInteger(n)) throw new UsageError(`--${flag} must be an integer, got "${value}"`);
  if (range?.min !== undefined && n < range.min) throw new UsageError(`--${flag} must be at least ${range.min}, got ${value}`);
  if (range?.max !== undefined && n > range.max) throw new UsageError(`--${flag} must be at most ${range.max}, got ${value}`);
  return n;
}
