/**
 * @module
 * The schemas of the worker's answers, for the OpenAPI document and for tests that validate answers: the
 * recommendation answer (core's contract, shared with `edgerec recommend`) and the body of every error.
 */
import { z } from "@hono/zod-openapi";

export { recommendationResponseSchema } from "../../core/recommendation-response";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
      problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");
