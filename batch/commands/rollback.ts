/**
 * @module
 * `edgerec rollback`: make an earlier build live again.
 */
import { type Command, parseFlags, UsageError } from "../cli/command";
import { rollback, RollbackError } from "../publish/rollback";

export const command: Command = {
  name: "rollback",
  summary: "make the previous (or a named) build live again, without rebuilding",
  usage: `
edgerec rollback (--local | --remote) [--to BUILD] [--persist-to DIR]

Flips the "live" pointer back to the most recent earlier build (or BUILD) whose blobs are still in KV (publish
keeps the last 3 builds). Takes effect at the edge within the pointer cache time (30 s).

  --to BUILD        the build to make live (see GET /v1/admin/builds)
  --local           local KV/D1 (default)
  --remote          the real account
  --persist-to DIR  local state folder, as wrangler's --persist-to
`,
  async run(argv) {
    const { values } = parseFlags(argv, {
      to: { type: "string" },
      local: { type: "boolean" },
      remote: { type: "boolean" },
      "persist-to": { type: "string" },
    });
    if (values.local && values.remote) throw new UsageError("choose one of --local and --remote");
    try {
      const result = await rollback(values.remote ? "remote" : "local", { to: values.to, persistTo: values["persist-to"] });
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
