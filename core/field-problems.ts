/**
 * @module
 * Zod issues as "which field, what is wrong", the way every contract names a problem: `cart[2]`,
 * `events[1].item_id`, `items[0].price`, or `(body)` for the value as a whole.
 */
import type { z } from "zod";

export interface FieldProblem {
  field: string;
  message: string;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[") : "(body)",
    message: issue.message,
  }));
}
