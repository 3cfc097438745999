/**
 * @module
 * `edgerec export-events`: the events D1 collected, as an events JSONL file for the next `edgerec build --events`
 * (the closed loop).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { unixSeconds } from "../../core/timestamp";
import { exportEvents } from "../../db/analytics/export-events";
import { openSql } from "../analytics/sql-clients";
import { type Command, parseFlags, requireFlag, stateTarget, UsageError } from "../cli/command";
import { measured } from "../cli/progress";

export const command: Command = {
  name: "export-events",
  usage: `
edgerec export-events --out F [--since T] [--local | --remote] [--persist-to DIR]

  --out F            the events file to write (JSON Lines: {"event_id","type","session_id","user_id"?,"ts",...})
  --since T          only events at or after T (ISO-8601 or unix seconds)
  --local            local state (default); --persist-to DIR as wrangler's
  --remote           the account's D1
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["out", "since", "persist-to"], booleans: ["local", "remote"] });
    const { target, persistTo } = stateTarget(flags);
    const out = requireFlag(flags.out, "out");
    let since: number | undefined;
    if (flags.since !== undefined) {
      since = unixSeconds(/^\d+$/.test(flags.since) ? Number(flags.since) : flags.since);
      if (since === undefined) throw new UsageError(`--since must be ISO-8601 or unix seconds, got "${flags.since}"`);
    }
    return measured("export-events", async () => {
      const opened = await openSql(target, { persistTo });
      const file = createWriteStream(out);
      let lines = 0;
      try {
        for await (const line of exportEvents(opened.sql, { since })) {
          if (!file.write(`${JSON.stringify(line)}\n`)) await once(file, "drain");
          lines++;
        }
      } finally {
        file.end();
        await once(file, "finish");
        await opened.close();
      }
      return { events: lines, out };
    });
  },
};
