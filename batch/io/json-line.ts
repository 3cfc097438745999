/**
 * @module
 * One line of a JSON Lines input file, validated by its contract in core: the parsed value, or an `InputError`
 * naming the file, the line and the first field that is wrong. The schema runs compiled (`compiled-schema.ts`);
 * a line it refuses goes through the schema itself, which names the problem.
 */
import type { z } from "zod";
import { fieldProblems } from "../../core/field-problems";
import { type CompiledSchema, compileSchema, REFUSED } from "./compiled-schema";
import { InputError } from "./input-error";

const compiled = new WeakMap<z.ZodType, CompiledSchema<unknown> | null>();

export function parseJsonLine<S extends z.ZodType>(schema: S, text: string, file: string, line: number): z.output<S> {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, line, undefined, `not valid JSON (${(error as Error).message})`);
  }
  let fast = compiled.get(schema);
  if (fast === undefined) compiled.set(schema, (fast = compileSchema(schema) ?? null));
  if (fast !== null) {
    const value = fast(row);
    if (value !== REFUSED) return value as z.output<S>;
  }
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const [first] = fieldProblems(parsed.error);
  throw new InputError(file, line, first.field === "(body)" ? undefined : first.field, first.message);
}
