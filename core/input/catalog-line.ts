/**
 * @module
 * A line of a catalogue file (JSON Lines): `{"id", "title"?, "brand"?, "category": [root, ..., leaf] |
 * "A > B > C", "price"?, "currency"?, "attrs"?, "stock"?, "lifecycle"?, "launched_at"?, "margin"?, "link"?,
 * "image_link"?, "variants"?}`. `link` and `image_link` (absolute http(s) URLs) travel to the answer's items;
 * `variants` are the sellable variants merged into this product (a feed's item group or handle): orders that
 * name a variant's id or SKU count for the product. The real
 * data files' `item_id` / `category_path` spelling is accepted too; a field may be null where it may be missing;
 * unknown fields are ignored. The category parses to its path, root first, blank parts dropped.
 */
import { z } from "zod";
import { LIFECYCLES } from "../types";

/** How a category path is written as one string, root first. */
export const CATEGORY_SEPARATOR = " > ";

const httpUrl = z.url({ protocol: /^https?$/, error: "expected an absolute http(s) URL" });

const variantSchema = z.object({
  id: z.string().min(1),
  sku: z.string().min(1).nullish(),
  title: z.string().nullish(),
  price: z.number().min(0).nullish(),
  stock: z.number().int().min(0).nullish(),
  attrs: z.record(z.string(), z.unknown()).nullish().meta({ description: "What sets this variant apart (colour, size, the model it fits)" }),
});

const categoryPath = z
  .union([z.array(z.string()), z.string()], { error: 'expected an array of strings (root first) or "A > B > C"' })
  .transform((value) => (typeof value === "string" ? value.split(">") : value).map((part) => part.trim()).filter((part) => part.length > 0));

export const catalogLineSchema = z
  .object({
    id: z.string().min(1).nullish(),
    item_id: z.string().min(1).nullish().meta({ description: "Read as id when id is absent" }),
    title: z.string().nullish(),
    brand: z.string().nullish(),
    category: categoryPath.nullish(),
    category_path: categoryPath.nullish().meta({ description: "Read as category when category is absent" }),
    price: z.number().min(0).nullish(),
    currency: z.string().nullish().meta({ description: "Default: attrs.currency, else EUR" }),
    attrs: z.record(z.string(), z.unknown()).nullish(),
    stock: z.number().int().min(0).nullish(),
    lifecycle: z.enum(LIFECYCLES).nullish().meta({ description: "Default: active" }),
    launched_at: z
      .string()
      .refine((text) => !Number.isNaN(Date.parse(text)), "not an ISO date")
      .nullish(),
    margin: z.number().min(-1).nullish().meta({ description: "Gross margin as a fraction of price" }),
    link: httpUrl.nullish().meta({ description: "The product page, for cards rendered from an answer" }),
    image_link: httpUrl.nullish().meta({ description: "The product's main image" }),
    variants: z.array(variantSchema).nullish().meta({ description: "Variants merged into this product; orders may name them by id or SKU" }),
  })
  .refine((product) => product.id != null || product.item_id != null, { path: ["id"], message: "missing (id or item_id)" });

export type CatalogVariant = z.infer<typeof variantSchema>;
