/**
 * @module
 * A line of an orders file (JSON Lines): `{"order_id", "user_id"?, "ts"?, "items": [id | {id, qty?, price?}], "sequence"?: [id], "ts_seq"?: [ts]}`.
 * Real data files spell the id `basket_id` and may give ids as numbers (read as their decimal text); a field
 * may be null where it may be missing; unknown fields are ignored. Items need no catalogue row.
 *
 * Readers validate 1M lines with it in one build, so it does no more than validate, except for the timestamp;
 * the reader maps the aliases.
 */
import { z } from "zod";
import { timestampSchema } from "../timestamp";

const itemId = z.string().min(1);
/** An id as text, or as a number read as its decimal text. */
const idText = z.union([z.string(), z.number()]);

const orderItemSchema = z.union([
  z.object({
    id: itemId,
    qty: z.number().int().min(1).optional(),
    price: z.number().min(0).nullish().meta({ description: "Unit price" }),
  }),
  itemId,
  z.number(),
]);

export const orderLineSchema = z
  .object({
    order_id: idText.nullish(),
    basket_id: idText.nullish().meta({ description: "Read as order_id when order_id is absent" }),
    user_id: idText.nullish(),
    ts: timestampSchema.nullish(),
    items: z.array(orderItemSchema),
    sequence: z.array(z.union([itemId, z.number()])).nullish().meta({ description: "The items in the order the shopper met them (views of a session, a user's items by time), repeats kept" }),
    ts_seq: z.array(timestampSchema).nullish().meta({ description: "The time of each entry of sequence" }),
  })
  .refine((order) => order.order_id != null || order.basket_id != null, { path: ["order_id"], message: "missing (order_id or basket_id)" });

export type OrderItem = z.infer<typeof orderItemSchema>;
