/**
 * @module
 * Reads one of the demo shop's catalogue tables: `tools/demo/data/<name>.jsonl`, one model a line with named
 * fields, each line checked against the table's zod schema. A bad line stops the generator with its file, line
 * and field.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { InputError } from "../../batch/io/input-error";

const DATA = fileURLToPath(new URL("./data/", import.meta.url));

export function readTable<Schema extends z.ZodType>(name: string, schema: Schema, folder = DATA): readonly z.output<Schema>[] {
  const file = path.join(folder, `${name}.jsonl`);
  const rows: z.output<Schema>[] = [];
  readFileSync(file, "utf8").split("\n").forEach((text, i) => {
    if (text.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(file, i + 1, undefined, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(file, i + 1, issue?.path.length ? issue.path.map(String).join(".") : undefined, issue?.message ?? "not a table row");
    }
    rows.push(parsed.data);
  });
  return rows;
}
