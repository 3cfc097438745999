/**
 * @module
 * `npm run demo:store -- --out DIR`: the demo-store generator's command line (a development tool, not part of `edgerec`).
 */
import { pathToFileURL } from "node:url";
import { UsageError } from "../../batch/cli/command";
import { command } from "./demo-command";

export async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${command.usage.trim()}\n`);
    return 0;
  }
  try {
    return await command.run(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`demo: ${error.message}\n\n${command.usage.trim()}\n`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main(process.argv.slice(2));
