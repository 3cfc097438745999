/**
 * @module
 * `edgerec`: the batch CLI. Dispatches to one module per command.
 */
import { type Command, runCommand } from "./command";

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  build: () => import("../commands/build"),
  recommend: () => import("../commands/recommend"),
  publish: () => import("../commands/publish"),
  rollback: () => import("../commands/rollback"),
  mine: () => import("../commands/mine"),
  evaluate: () => import("../commands/evaluate"),
  report: () => import("../commands/report"),
  "export-events": () => import("../commands/export-events"),
  catalog: () => import("../commands/catalog"),
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
  return runCommand((await load()).command, rest);
}

async function listCommands(): Promise<string> {
  const rows = await Promise.all(Object.entries(COMMANDS).map(async ([name, load]) => `  ${name.padEnd(10)} ${(await load()).command.summary}`));
  return `commands:\n${rows.join("\n")}`;
}
