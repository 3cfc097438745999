/**
 * @module
 * How cart cross-sell is served, as the build fitted it on its validation split (`batch/build/catalog-tuning.ts`)
 * and carried in the meta blob: which categories shoppers take one item of per order (a phone, a case: the cart's
 * own category is left out, and a slot takes no second item of it; yogurt and milk are not like that), how many
 * items of one category the cart's cross-sell slot shows (one per category costs hits where several fitting options
 * compete), and whether cart items weigh by their value (`anchor-weights.ts`). A build without a policy (or from before it) serves every
 * category as one per order, with value weights, and completes missing essentials from ESSENTIAL_ATTACH.
 */
import type { LoadedBuild } from "./loaded-build";

export type { CrossSellPolicy } from "../blob/meta-blob";

/** The least attach rate of an essential category when the build fitted none (`essentials.ts`). */
export const ESSENTIAL_ATTACH = 0.2;

/** Is category `c` one per order (never for items without a category)? */
export function isExclusiveCategory(build: LoadedBuild, c: number): boolean {
  if (c < 0) return false;
  const policy = build.meta.crossSellPolicy;
  return policy === undefined || policy.exclusive[c] === 1;
}

/** How a slot restrains categories: which items group (`distinct`), how many of a group it takes. */
export interface SlotRestraint {
  distinct: "category" | "brand" | "none";
  perGroup: number;
  /** With `distinct` "category": every category groups (else only the one-per-order ones). */
  everyCategory: boolean;
}

/**
 * A slot plan's `distinct` under the build's policy: "category" means one item of each one-per-order category,
 * and in the cart's cross-sell slot at most the policy's number of each category. Without a policy, one of each.
 */
export function slotRestraint(build: LoadedBuild, distinct: SlotRestraint["distinct"], cartCrossSell: boolean): SlotRestraint {
  const policy = build.meta.crossSellPolicy;
  if (policy === undefined || distinct !== "category") return { distinct, perGroup: 1, everyCategory: true };
  if (!cartCrossSell) return { distinct, perGroup: 1, everyCategory: false };
  return policy.cartPerCategory === 0 ? { distinct: "none", perGroup: 1, everyCategory: true } : { distinct, perGroup: policy.cartPerCategory, everyCategory: true };
}

/** The attach rate from which missing essentials are completed, 0 for never. */
export function essentialAttach(build: LoadedBuild): number {
  return build.meta.crossSellPolicy?.essentialAttach ?? ESSENTIAL_ATTACH;
}

/** Do cart items weigh by value? */
export function weighsByValue(build: LoadedBuild): boolean {
  return build.meta.crossSellPolicy?.valueWeighting ?? true;
}
