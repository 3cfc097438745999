/**
 * @module
 * `npm run demo:store -- --out DIR`: the demo-store generator's command line (a development tool, not part of `edgerec`).
 */
import { pathToFileURL } from "node:url";
import { runCommand } from "../../batch/cli/command";
import { command } from "./demo-command";

export function main(argv: string[]): Promise<number> {
  return runCommand(command, argv, "demo");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main(process.argv.slice(2));
