/**
 * @module
 * Reasons of the serve-time category rules (down-sell by price band, similar, upgrade, clearance, category
 * complements, bundles). A candidate's reason is an index into the build's reason table when >= 0, and rule
 * `RULE_REASONS[-reason - 1]` when negative.
 */
import type { Reason } from "../blob/meta-blob";

export const RuleReason = {
  DOWN_SELL: 0,
  CLEARANCE: 1,
  SIMILAR: 2,
  UPGRADE: 3,
  COMPLEMENT: 4,
  BUNDLE: 5,
  SCENARIO: 6,
  PINNED: 7,
  MATCH: 8,
} as const;

const RULE_REASONS: readonly Reason[] = [
  { code: "down_sell", text: "A lower-priced alternative to {anchor}" },
  { code: "down_sell", text: "On clearance, and cheaper than {anchor}" },
  { code: "similar", text: "Similar to {anchor}" },
  { code: "upgrade", text: "An upgrade for your {anchor}" },
  { code: "category_complement", text: "Goes with {anchor}" },
  { code: "bundle", text: "Completes the set with {anchor}" },
  { code: "scenario", text: "Completes the setup with {anchor}" },
  { code: "pinned", text: "Our pick" },
  { code: "popular_in_category", text: "Matches your search" },
];

export function ruleReason(rule: number): number {
  return -rule - 1;
}

export function reasonEntry(reasons: readonly Reason[], reason: number): Reason | undefined {
  return reason >= 0 ? reasons[reason] : RULE_REASONS[-reason - 1];
}
