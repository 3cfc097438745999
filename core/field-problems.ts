/**
 * @module
 * Zod issues as "which field, what is wrong", the way every contract names a problem: `cart[2]`,
 * `events[1].item_id`, `items[0].price`, or `(body)` for the value as a whole. When a union refuses an object
 * that only one of its options takes (an order item given as `{id, qty}`, not as an id), the problem is named
 * by that option's field (`items[0].qty`), not by the union.
 */
import type { z } from "zod";

export interface FieldProblem {
  field: string;
  message: string;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => withinUnion(issue, [])).map(({ path, message }) => ({
    field: path.length > 0 ? path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[") : "(body)",
    message,
  }));
}

type Issue = z.core.$ZodIssue;

function withinUnion(issue: Issue, prefix: PropertyKey[]): Array<{ path: PropertyKey[]; message: string }> {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const typeMatched = issue.errors.filter((option) => !(option.length === 1 && option[0].code === "invalid_type" && option[0].path.length === 0));
    if (typeMatched.length === 1 && typeMatched[0].every((inner) => typeof inner.path[0] === "string")) return typeMatched[0].flatMap((inner) => withinUnion(inner, path));
  }
  return [{ path, message: issue.message }];
}
