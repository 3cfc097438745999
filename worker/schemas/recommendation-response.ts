/**
 * @module
 * The answer of `POST /v1/recommendations`, for validation in tests and the OpenAPI document.
 */
import { z } from "@hono/zod-openapi";
import { INTENTS, REASON_CODES, SLOT_KINDS } from "../../core/types";

export const recommendedItemSchema = z.object({
  id: z.string(),
  score: z.number(),
  reason: z.string().meta({ description: "Why this item, in words a shopper reads" }),
  reason_code: z.enum(REASON_CODES).meta({ description: "Which source produced it" }),
});

export const slotSchema = z.object({
  kind: z.enum(SLOT_KINDS),
  title: z.string(),
  items: z.array(recommendedItemSchema),
  discount_pct: z.number().optional().meta({ description: "Bundle slots: the discount when every item is bought together" }),
});

export const recommendationResponseSchema = z
  .object({
    rec_id: z.string().meta({ description: "Echo it in events (click, add_to_cart, purchase) for attribution" }),
    variant: z.string().optional(),
    build: z.string().optional(),
    degraded: z.boolean().optional().meta({ description: "A blob was missing or unreadable and a fallback answered" }),
    intent: z.enum(INTENTS).optional().meta({ description: "The shopper's intent as read from the session's signals" }),
    slots: z.array(slotSchema),
    session_token: z.string().optional().meta({ description: "Send it back as session_token with the session's next request (absent when no SESSION_SECRET is set)" }),
  })
  .openapi("RecommendationResponse");

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
