/**
 * @module
 * `edgerec`: the batch CLI. Dispatches to one module per command.
 */
import { InputError } from "../io/input-error";
import { type Command, UsageError } from "./command";

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  build: () => import("../commands/build"),
  recommend: () => import("../commands/recommend"),
  publish: () => import("../commands/publish"),
  rollback: () => import("../commands/rollback"),
  mine: () => import("../commands/mine"),
  evaluate: () => import("../commands/evaluate"),
  report: () => import("../commands/report"),
  "export-events": () => import("../commands/export-events"),
};

const GLOBAL_USAGE = `edgerec <command> [flags]   (edgerec <command> --help for its flags)`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${GLOBAL_USAGE}\n\n${await listCommands()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    process.stderr.write(`edgerec: unknown command "${name}"\n\n${await listCommands()}\n`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.usage.trim()}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`edgerec ${name}: ${error.message}\n\n${command.usage.trim()}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`edgerec ${name}: ${error.message}\n`);
      return 1;
    }
    if (isFileNotFound(error)) {
      process.stderr.write(`edgerec ${name}: no such file: ${error.path}\n`);
      return 1;
    }
    throw error;
  }
}

async function listCommands(): Promise<string> {
  const rows = await Promise.all(Object.entries(COMMANDS).map(async ([name, load]) => `  ${name.padEnd(10)} ${(await load()).command.summary}`));
  return `commands:\n${rows.join("\n")}`;
}

function isFileNotFound(error: unknown): error is { path: string } {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "ENOENT";
}
