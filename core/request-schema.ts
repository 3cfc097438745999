/**
 * @module
 * The validated shape of a recommendation request, shared by the worker (HTTP body, OpenAPI) and by
 * `edgerec recommend` (request lines), so both accept and reject exactly the same input.
 */
import { z } from "zod";
import { PLACEMENTS } from "./types";

export const LIMITS = {
  idLength: 200,
  cartItems: 100,
  viewedItems: 50,
  ownedItems: 50,
  sessionTokenLength: 4096,
  queryLength: 200,
  maxK: 50,
  /** Request bodies larger than this are refused with 413. */
  bodyBytes: 16 * 1024,
} as const;

const itemId = z.string().min(1).max(LIMITS.idLength);

const viewedItemSchema = z.object({
  id: itemId,
  dwell_ms: z.number().int().min(0).max(86_400_000).optional(),
});

export const recommendationRequestSchema = z.object({
  placement: z.enum(PLACEMENTS).meta({ description: "Where the slot is shown" }),
  session_id: z.string().min(1).max(LIMITS.idLength).optional(),
  user_id: z.string().min(1).max(LIMITS.idLength).optional(),
  cart: z.array(itemId).max(LIMITS.cartItems).optional().meta({ description: "Item ids in the cart" }),
  product_id: itemId.optional().meta({ description: "The product being viewed: required for placement product (400 without it, 404 when the live build does not know it)" }),
  viewed: z.array(viewedItemSchema).max(LIMITS.viewedItems).optional().meta({ description: "Recently viewed items, most recent last, with dwell times" }),
  query: z.string().max(LIMITS.queryLength).optional(),
  category: z.string().max(LIMITS.idLength).optional().meta({ description: "Category being browsed (placement listing)" }),
  k: z.number().int().min(1).max(LIMITS.maxK).optional().meta({ description: "Items per slot" }),
  price_sort: z.enum(["asc", "desc"]).optional().meta({ description: "The shopper sorted or filtered by price: a price-sensitivity signal" }),
  price_max: z.number().positive().optional(),
  owned: z.array(itemId).max(LIMITS.ownedItems).optional().meta({ description: "Items the user already bought (never suggested; home suggests upgrades and accessories for them)" }),
  session_token: z
    .string()
    .max(LIMITS.sessionTokenLength)
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "not a session token (expected two base64url parts joined by a dot)")
    .optional()
    .meta({ description: "The session_token of the previous answer; an expired or foreign token starts a new session" }),
}).superRefine((request, ctx) => {
  if (request.placement === "product" && request.product_id === undefined) ctx.addIssue({ code: "custom", path: ["product_id"], message: "required for placement product" });
});

/** The body of `POST /v1/recommendations`, and of a request line of `edgerec recommend` (plus its `id`). */
export type RecommendationRequest = z.infer<typeof recommendationRequestSchema>;
export type ViewedItem = z.infer<typeof viewedItemSchema>;
