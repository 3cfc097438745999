/**
 * @module
 * How intent shifts weight between slots: a slot's place in the answer is its plan priority times the intent's
 * multiplier for its kind, highest first (ties keep plan order).
 *
 *   decisive          accessories and bundles forward, down-sell back
 *   exploring         similar items and scenarios forward
 *   price_sensitive   down-sell first, bundles (they save money) up, upgrades and accessories back
 */
import type { Intent, SlotKind } from "../types";

const INTENT_SLOT_WEIGHTS: Readonly<Record<Intent, Partial<Record<SlotKind, number>>>> = {
  decisive: { cross_sell: 1.3, bundle: 1.2, upgrade: 1.1, similar: 0.8, down_sell: 0.6 },
  exploring: { similar: 1.6, scenario: 1.3, popular: 1.1, cross_sell: 0.9 },
  price_sensitive: { down_sell: 2.0, similar: 1.2, bundle: 1.1, cross_sell: 0.7, upgrade: 0.5 },
};

export function slotPriority(kind: SlotKind, planPriority: number, intent: Intent | undefined): number {
  return intent === undefined ? planPriority : planPriority * (INTENT_SLOT_WEIGHTS[intent][kind] ?? 1);
}
