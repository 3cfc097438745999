/**
 * @module
 * One JSON Lines line as an object, or an InputError naming the file and line.
 */
import { InputError } from "./input-error";

export function parseJsonObject(text: string, file: string, line: number): Record<string, unknown> {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, line, undefined, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof row !== "object" || row === null || Array.isArray(row)) throw new InputError(file, line, undefined, "expected a JSON object");
  return row as Record<string, unknown>;
}
