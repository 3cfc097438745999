/**
 * @module
 * `edgerec rollback`: make an earlier build live again.
 */
import { type Command, parseFlags, stateTarget } from "../cli/command";
import { rollback, RollbackError } from "../publish/rollback";

export const command: Command = {
  name: "rollback",
  usage: `
edgerec rollback (--local | --remote) [--to BUILD] [--persist-to DIR]

Flips the "live" pointer back to the build live most recently before the live one (or to BUILD). Only a build
that was written completely and made live before is a target; publish keeps the last 3. Takes effect at the
edge within the pointer cache time (30 s).

  --to BUILD        the build to make live (see GET /v1/admin/builds)
  --local           local KV/D1 (default)
  --remote          the real account
  --persist-to DIR  local state folder, as wrangler's --persist-to
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["to", "persist-to"], booleans: ["local", "remote"] });
    const { target, persistTo } = stateTarget(flags);
    try {
      const result = await rollback(target, { to: flags.to, persistTo });
      process.stderr.write(`rollback: live -> ${result.to} (was ${result.from ?? "none"})\n`);
      return 0;
    } catch (error) {
      if (error instanceof RollbackError) {
        process.stderr.write(`edgerec rollback: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
