/**
 * @module
 * The answer of `POST /v1/recommendations`, and of a line of `edgerec recommend`: what `recommend()` returns,
 * what tests validate answers with, and what the worker's OpenAPI document describes (component
 * `RecommendationResponse`).
 */
import { z } from "zod";
import { INTENTS, REASON_CODES, SLOT_KINDS } from "./types";

const recommendedItemSchema = z.object({
  id: z.string(),
  score: z.number(),
  reason: z.string().meta({ description: "Why this item, in words a shopper reads" }),
  reason_code: z.enum(REASON_CODES).meta({ description: "Which source produced it" }),
  title: z.string().optional().meta({ description: "The product's title (absent when the build has no catalogue row for it)" }),
  price: z.number().optional().meta({ description: "Its price as the build knew it" }),
  currency: z.string().optional().meta({ description: "ISO 4217 code of the price" }),
  link: z.string().optional().meta({ description: "The product page (from the catalogue's link)" }),
  image_link: z.string().optional().meta({ description: "The product's main image (from the catalogue's image_link)" }),
});

const slotSchema = z.object({
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
  .meta({ id: "RecommendationResponse" });

export type RecommendedItem = z.infer<typeof recommendedItemSchema>;
export type Slot = z.infer<typeof slotSchema>;
export type RecommendationResponse = z.infer<typeof recommendationResponseSchema>;
