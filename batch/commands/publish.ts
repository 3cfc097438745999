/**
 * @module
 * `edgerec publish`: artifacts -> KV blobs + D1 rows, then one pointer flip makes the build live.
 */
import { readArtifacts } from "../build/artifacts";
import { type Command, numberFlag, parseFlags, requireFlag, stateTarget } from "../cli/command";
import { measured } from "../cli/progress";
import { publish } from "../publish/publish";

export const command: Command = {
  name: "publish",
  usage: `
edgerec publish --artifacts DIR (--local | --remote) [--keep N] [--force] [--persist-to DIR]

Writes every blob of the build under its own KV prefix and its catalogue rows to D1 under its build id, records
it as written, then flips the "live" pointer: the edge serves the new build, blobs and catalogue, all at once.
A publish killed midway leaves the previous build live; run it again. --local writes the state
\`wrangler dev\` serves (.wrangler/state); --remote writes to the Cloudflare account of CLOUDFLARE_API_TOKEN.

  --artifacts DIR   output of edgerec build
  --local           local KV/D1 (default)
  --remote          the real account
  --keep N          builds whose blobs stay in KV for rollback, the live one included (default 3)
  --force           publish a build with fewer than half the live build's items (refused otherwise)
  --persist-to DIR  local state folder, as wrangler's --persist-to
  --quiet           no progress output
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["artifacts", "persist-to", "keep"], booleans: ["local", "remote", "quiet", "force"] });
    const { target, persistTo } = stateTarget(flags);
    const dir = requireFlag(flags.artifacts, "artifacts");
    return measured("publish", async () => {
      const result = await publish(readArtifacts(dir), target, {
        persistTo,
        keep: numberFlag(flags.keep, "keep", 3, { min: 1, max: 50, integer: true }),
        force: flags.force === true,
        log: flags.quiet ? undefined : (line) => process.stderr.write(`publish: ${line}\n`),
      });
      return { build: result.build, kv_keys: result.kvKeys, products: result.products };
    });
  },
};
