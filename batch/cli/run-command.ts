/**
 * @module
 * Runs one command from its flags: `--help` prints its usage; a usage error prints the message and the usage
 * (exit 2); a bad input line or a missing file prints what and where (exit 1); anything else is a bug and throws.
 * `prefix` names the program in messages ("edgerec build").
 */
import { InputError } from "../io/input-error";
import { type Command, UsageError } from "./command";

export async function runCommand(prefix: string, command: Command, argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${command.usage.trim()}\n`);
    return 0;
  }
  try {
    return await command.run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${prefix}: ${error.message}\n\n${command.usage.trim()}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`${prefix}: ${error.message}\n`);
      return 1;
    }
    if (isFileNotFound(error)) {
      process.stderr.write(`${prefix}: no such file: ${error.path}\n`);
      return 1;
    }
    throw error;
  }
}

function isFileNotFound(error: unknown): error is { path: string } {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "ENOENT";
}
