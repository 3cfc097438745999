/**
 * @module
 * The shape of an `edgerec` sub-command, how one runs (help, usage errors, bad input), and the flag parsing the
 * commands share.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError, InputRejectedError } from "../io/input-error";

export interface Command {
  name: string;
  /** Full text for `edgerec <name> --help`. */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** A mistake in how the command was called; printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Runs a command as the command line does: `--help` prints its usage; a usage error prints the message and the
 * usage (exit 2); a bad input line, a refused input file, or a path that is missing, a folder where a file is
 * wanted (or the reverse) or unreadable prints one line naming it (exit 1). `label` starts each message.
 */
export async function runCommand(command: Command, argv: string[], label = `edgerec ${command.name}`): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${command.usage.trim()}\n`);
    return 0;
  }
  try {
    return await command.run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${label}: ${error.message}\n\n${command.usage.trim()}\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof InputRejectedError) {
      process.stderr.write(`${label}: ${error.message}\n`);
      return 1;
    }
    const problem = fileProblem(error);
    if (problem !== undefined) {
      process.stderr.write(`${label}: ${problem}\n`);
      return 1;
    }
    throw error;
  }
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "a folder where a file is wanted",
  ENOTDIR: "a file where a folder is wanted",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EEXIST: "already exists",
};

/** One line for a file-system error on a path the user gave, or undefined for any other error. */
function fileProblem(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, path } = error as { code?: string; path?: string };
  const what = code === undefined ? undefined : FILE_PROBLEMS[code];
  return what === undefined ? undefined : `${what}: ${path ?? "(unknown path)"}`;
}

/** A command's flags by kind: those that take a value and those that are on or off. */
export interface FlagSpec<S extends string, B extends string> {
  strings?: readonly S[];
  booleans?: readonly B[];
}

export type Flags<S extends string, B extends string> = { [K in S]?: string } & { [K in B]?: boolean };

/** Parses flags, turning node's parse errors into a UsageError. Unknown flags are errors. */
export function parseFlags<const S extends string = never, const B extends string = never>(argv: string[], spec: FlagSpec<S, B>): Flags<S, B> {
  const options: NonNullable<ParseArgsConfig["options"]> = { help: { type: "boolean", short: "h" } };
  for (const name of spec.strings ?? []) options[name] = { type: "string" };
  for (const name of spec.booleans ?? []) options[name] = { type: "boolean" };
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Flags<S, B>;
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

/** Where a command reads or writes KV/D1: `--local` state (the default, `--persist-to DIR` as wrangler's) or `--remote`. */
export function stateTarget(flags: { local?: boolean; remote?: boolean; "persist-to"?: string }): { target: "local" | "remote"; persistTo?: string } {
  if (flags.local && flags.remote) throw new UsageError("choose one of --local and --remote");
  return { target: flags.remote ? "remote" : "local", persistTo: flags["persist-to"] };
}
