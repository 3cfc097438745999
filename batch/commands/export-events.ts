/**
 * @module
 * `edgerec export-events`: the events D1 collected, as an events JSONL file for the next `edgerec build --events`
 * (the closed loop).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { exportEvents } from "../../db/analytics/export-events";
import { openSql } from "../analytics/sql-clients";
import { type Command, parseFlags, requireFlag, UsageError } from "../cli/command";
import { printSummary, trackPeakMemory } from "../cli/progress";
import { toUnixSeconds } from "../io/timestamps";

export const command: Command = {
  name: "export-events",
  summary: "write the events stored in D1 as an events JSONL file (input of build --events)",
  usage: `
edgerec export-events --out F [--since T] [--local | --remote] [--persist-to DIR]

  --out F            the events file to write (JSON Lines: {"event_id","type","session_id","user_id"?,"ts",...})
  --since T          only events at or after T (ISO-8601 or unix seconds)
  --local            local state (default); --persist-to DIR as wrangler's
  --remote           the account's D1
`,
  async run(argv) {
    const { values } = parseFlags(argv, { out: { type: "string" }, since: { type: "string" }, local: { type: "boolean" }, remote: { type: "boolean" }, "persist-to": { type: "string" } });
    if (values.local && values.remote) throw new UsageError("choose one of --local and --remote");
    const out = requireFlag(values.out, "out");
    let since: number | undefined;
    if (values.since !== undefined) {
      since = toUnixSeconds(/^\d+$/.test(values.since) ? Number(values.since) : values.since);
      if (since === undefined) throw new UsageError(`--since must be ISO-8601 or unix seconds, got "${values.since}"`);
    }
    const started = performance.now();
    const memory = trackPeakMemory();
    const opened = await openSql(values.remote ? "remote" : "local", { persistTo: values["persist-to"] });
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
    memory.stop();
    printSummary("export-events", { events: lines, out }, started, memory.peakBytes());
    return 0;
  },
};
