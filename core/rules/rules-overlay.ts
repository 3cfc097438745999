/**
 * @module
 * The document at KV `cfg/rules`: the rules that are enabled and not yet over, republished on every change so a
 * rule applies at serve time without a rebuild.
 *
 *   {"version": 1, "updated_at": unix seconds, "rules": [MerchRule, ...]}
 */
import { z } from "zod";
import { parseStoredDocument } from "../stored-document";
import { isActive, type MerchRule, merchRuleSchema } from "./merch-rule";

export const rulesOverlaySchema = z.object({
  version: z.literal(1),
  updated_at: z.number().int(),
  rules: z.array(merchRuleSchema),
});

export type RulesOverlay = z.infer<typeof rulesOverlaySchema>;

/** The overlay for a set of stored rules: those that can still apply at `now` or later. */
export function rulesOverlay(rules: readonly MerchRule[], now: number): RulesOverlay {
  const live = rules.filter((r) => r.enabled && (r.ends_at === null || r.ends_at > now));
  return { version: 1, updated_at: now, rules: live.sort((a, b) => a.id - b.id) };
}

/** Parses the KV text; null when absent or unreadable (no rules apply, the build serves as built). */
export function parseRulesOverlay(text: string | null): RulesOverlay | null {
  return parseStoredDocument(rulesOverlaySchema, text);
}

/** The rules of the overlay active at `now`. */
export function activeRules(overlay: RulesOverlay | null, now: number): MerchRule[] {
  return overlay === null ? [] : overlay.rules.filter((r) => isActive(r, now));
}
