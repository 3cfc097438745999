/**
 * @module
 * The error catalogue: every non-2xx answer is `{"error": {"code", "message", "field"?, "problems"?}}`.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FieldProblem } from "../core/field-problems";

const ERROR_CODES = {
  invalid_json: 400,
  invalid_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; problems?: FieldProblem[] };
}

export function errorBody(code: ErrorCode, message: string, problems?: FieldProblem[]): ErrorBody {
  const body: ErrorBody = { error: { code, message } };
  if (problems !== undefined && problems.length > 0) {
    body.error.field = problems[0].field;
    body.error.problems = problems;
  }
  return body;
}

export function errorResponse(c: Context, code: ErrorCode, message: string, problems?: FieldProblem[]): Response {
  return c.json(errorBody(code, message, problems), ERROR_CODES[code]);
}
