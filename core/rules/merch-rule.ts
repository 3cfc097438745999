/**
 * @module
 * A merchandiser's rule: what it does to a slot (`action`), which items it selects (`match`), where it applies
 * (`placement`, `match.slots`) and when (`starts_at` .. `ends_at`, unix seconds, end exclusive). Stored in D1
 * `merch_rules`, validated by the admin routes with these schemas, published to KV `cfg/rules` as the active set.
 *
 *   pin      the matched items go to position `weight` (1-based, default 1), in `match.ids` order; ids that are not
 *            candidates are inserted (if in stock and fitting the cart)
 *   boost    score x `weight` (> 1, default 2) for matched items, then re-rank
 *   bury     matched items move below every unmatched one (their order kept)
 *   exclude  matched items are never shown
 *   filter   only matched items are shown
 */
import { z } from "zod";
import { LIFECYCLES, PLACEMENTS, SLOT_KINDS } from "../types";

export const RULE_ACTIONS = ["pin", "boost", "bury", "exclude", "filter"] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

const itemId = z.string().min(1).max(200);
const price = z.number().min(0).max(1e9);
const units = z.number().int().min(0).max(1e9);
const unixSeconds = z.number().int().min(0).max(4_102_444_800);

const ruleMatchSchema = z
  .object({
    ids: z.array(itemId).min(1).max(200).optional().meta({ description: "Exactly these items (pin: in this order)" }),
    category: z.string().min(1).max(300).optional().meta({ description: 'A category path ("Cameras > Lenses") or a path prefix ("Cameras"), or a leaf name' }),
    brand: z.string().min(1).max(100).optional().meta({ description: "Brand, case-insensitive" }),
    price_min: price.optional(),
    price_max: price.optional(),
    stock_min: units.optional().meta({ description: "Units on hand at least (build quantities; out of stock counts 0)" }),
    stock_max: units.optional(),
    lifecycle: z.array(z.enum(LIFECYCLES)).min(1).optional(),
    slots: z.array(z.enum(SLOT_KINDS)).min(1).optional().meta({ description: "Slot kinds the rule applies to (default: every slot)" }),
  })
  .strict()
  .refine((m) => m.price_min === undefined || m.price_max === undefined || m.price_min <= m.price_max, { message: "price_min is above price_max", path: ["price_min"] })
  .refine((m) => m.stock_min === undefined || m.stock_max === undefined || m.stock_min <= m.stock_max, { message: "stock_min is above stock_max", path: ["stock_min"] });

/** The fields a client sends to create a rule. */
export const ruleInputSchema = z
  .object({
    name: z.string().min(1).max(200),
    action: z.enum(RULE_ACTIONS),
    placement: z.enum(PLACEMENTS).nullable().default(null).meta({ description: "Placement the rule applies to; null for all" }),
    match: ruleMatchSchema,
    weight: z.number().positive().max(1000).nullable().default(null).meta({ description: "boost: multiplier (default 2); pin: position, 1-based (default 1)" }),
    starts_at: unixSeconds.nullable().default(null),
    ends_at: unixSeconds.nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((r) => r.starts_at === null || r.ends_at === null || r.starts_at < r.ends_at, { message: "starts_at must be before ends_at", path: ["starts_at"] })
  .refine((r) => r.action !== "pin" || r.weight === null || Number.isInteger(r.weight), { message: "a pin's weight is a position (an integer from 1)", path: ["weight"] })
  .refine((r) => r.action !== "boost" || r.weight === null || r.weight > 1, { message: "a boost's weight must be above 1 (use bury to push items down)", path: ["weight"] });

export type RuleInput = z.infer<typeof ruleInputSchema>;

/** A stored rule, as the admin routes answer and `cfg/rules` carries it. */
export const merchRuleSchema = z.object({
  id: z.number().int().min(1),
  name: z.string(),
  action: z.enum(RULE_ACTIONS),
  placement: z.enum(PLACEMENTS).nullable(),
  match: ruleMatchSchema,
  weight: z.number().nullable(),
  starts_at: unixSeconds.nullable(),
  ends_at: unixSeconds.nullable(),
  enabled: z.boolean(),
});

export type MerchRule = z.infer<typeof merchRuleSchema>;

/** Enabled, and `now` (unix seconds) within [starts_at, ends_at). */
export function isActive(rule: Pick<MerchRule, "enabled" | "starts_at" | "ends_at">, now: number): boolean {
  return rule.enabled && (rule.starts_at === null || now >= rule.starts_at) && (rule.ends_at === null || now < rule.ends_at);
}

/** A rule that removes items everywhere, forever: the build may drop them from every list. */
export function isPermanentExclude(rule: MerchRule): boolean {
  const { match } = rule;
  return rule.enabled && rule.action === "exclude" && rule.placement === null && match.slots === undefined && rule.starts_at === null && rule.ends_at === null && match.stock_min === undefined && match.stock_max === undefined;
}
